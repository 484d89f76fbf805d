"""Once a text identifies a person as the one who did what it reports ("officials
identified the suspect as X", "police named the attacker as X", "the gunman, X,"), each
singular mention of the perpetrator ("a gunman shot", "the suspected gunman", "the
suspect") is that person; "a second attacker" is another one, and with no one identified,
or two, the nouns stay what they were. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Saturday a gunman shot shoppers at a Walmart store in El Paso. Police said the"
            " suspected gunman surrendered. Officials identified the suspect as Patrick"
            " Crusius, 21.",
            ("ASSAULT", "Patrick Crusius", "Walmart"),
        ),
        (
            "An attacker stabbed two guards at the Kenyan embassy in Oslo. Police later named"
            " the attacker as Tom Hale.",
            ("ASSAULT", "Tom Hale", None),
        ),
        (
            "A bomber struck the Kenyan embassy in Oslo. The bomber, Tom Hale, had trained in"
            " Yemen.",
            ("ASSAULT", "Tom Hale", None),
        ),
    ],
)
def test_the_perpetrator_is_the_person_identified(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert any(t[:2] == expected[:2] for t in triples), triples


@pytest.mark.parametrize(
    "text",
    [
        # no one identified
        "A gunman shot three shoppers at a Walmart store in Dayton. The suspect fled.",
        # two people identified: which one did which is unsaid
        "A gunman shot three shoppers at a Walmart store in Dayton. Police identified the"
        " suspect as Tom Hale. Officials named the gunman as Jim Roe.",
    ],
)
def test_no_single_person_identified_resolves_no_one(nlp, registry, text):
    people = {a.label for a in extraction_of_text(nlp, registry, text).actors if a.type == "Person"}
    triples = triples_of_text(nlp, registry, text)
    assert not {t for t in triples if t[0] == "ASSAULT" and t[1] in people}


def test_a_second_one_is_another(nlp, registry):
    text = (
        "An attacker stabbed two guards at the Kenyan embassy in Oslo. Police named the"
        " attacker as Tom Hale. A second attacker shot a guard at the Somali embassy."
    )
    claims = claims_of_text(nlp, registry, text)
    first = {c.subject.label for c in claims if c.relation == "ASSAULT" and "stabbed" in c.text}
    second = {c.subject and c.subject.label for c in claims if "second" in c.text}
    assert first == {"Tom Hale"}
    assert "Tom Hale" not in second
