"""A state's name that modifies a court, a legislature or a commission names that body,
not the state: "Trump asked the United States District Court to block the subpoena" had
been a request of the US government, "members of UK parliament" an affiliation with the
United Kingdom. A name's last word types it ("District Court" is a court, no district).
The state's name alone, and bodies the registry knows, read as before. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (
            "Donald Trump asked the United States District Court to block the subpoena.",
            ("REQUEST", "Donald Trump", "United States District Court"),
            ("REQUEST", "Donald Trump", "US government"),
        ),
        (
            "Joanna Cherry and two other petitioners are members of UK parliament.",
            ("AFFILIATED_WITH", "Joanna Cherry", "UK parliament"),
            ("AFFILIATED_WITH", "Joanna Cherry", "United Kingdom"),
        ),
        (
            "The Kenya Law Reform Commission criticised the Somali government.",
            ("ACCUSE", "Kenya Law Reform Commission", "Somali government"),
            ("ACCUSE", "Kenya", "Somali government"),
        ),
    ],
)
def test_a_state_institution_is_its_own_actor(nlp, registry, text, expected, not_expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not_expected not in triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya and the United States signed a trade deal.", ("AGREE", "Kenya", "US government")),
        ("The United States Congress criticised Iran.", ("ACCUSE", "US Congress", "Iran")),
    ],
)
def test_a_state_and_a_known_body_read_as_before(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_court_named_after_a_state_is_typed_by_its_last_word(nlp, registry):
    text = "Donald Trump asked the United States District Court to block the subpoena."
    actors = {a.label: a.type for a in extraction_of_text(nlp, registry, text).actors}
    assert actors["United States District Court"] != "Place"
