"""A verb of telling whose object is what it tells states it: "Kenya reported sixteen
deaths", "announced the end of his campaign", "declared a national emergency". An object
that is an act another rule reads ("announced sanctions on X": SANCTION), an actor
("confirmed X as envoy"), a negated or passive verb, gives no such statement. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _rows(nlp, registry, text):
    return {
        (c.relation, c.subject.label if c.subject else None, c.rule)
        for c in claims_of_text(nlp, registry, text)
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Kenya reported sixteen deaths in the attack.", "Kenya"),
        (
            "The Committee to Protect Journalists reports nine journalist deaths this year.",
            "Committee to Protect Journalists",
        ),
        ("Beto O'Rourke announced the end of his campaign on Friday.", "Beto O'Rourke"),
        ("President William Ruto declared a national emergency after the floods.", "William Ruto"),
        ("Jane Roe reiterated the party's position on the budget.", "Jane Roe"),
    ],
)
def test_what_is_told_as_the_object_is_stated(nlp, registry, text, speaker):
    assert ("STATEMENT", speaker, "speech.content") in _rows(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya announced sanctions on Somalia.",
        "Kenya confirmed John Doe as its new envoy.",
        "Kenya did not confirm the deaths.",
        "The deaths were confirmed by Kenya.",
        "Kenya announced the deal with Somalia.",
    ],
)
def test_acts_actors_and_denials_are_no_content(nlp, registry, text):
    assert not [row for row in _rows(nlp, registry, text) if row[2] == "speech.content"]
