"""A definite court, tribunal, commission or legislature refers back to the one named before
whose name holds its word: "The Court of Session heard the case. The three-judge court found
..." is the Court of Session's finding, "the commission said" the named commission's. With
no such body named, the nominal refers to none. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya's Supreme Court heard the appeal on Monday. The court rejected the appeal"
            " on Friday.",
            ("REJECT", "Supreme Court", None),
        ),
        (
            "The Court of Session heard the case in Edinburgh. The three-judge court said it"
            " would give its ruling on Friday.",
            ("STATEMENT", "Court of Session", None),
        ),
        (
            "The Kenya Human Rights Commission published its report. The commission accused"
            " the police of torture.",
            ("ACCUSE", "Kenya Human Rights Commission", "police"),
        ),
    ],
)
def test_a_body_nominal_is_the_body_named_before(nlp, registry, text, expected):
    relation, subject, _ = expected
    assert any(r == relation and s == subject for r, s, _ in triples_of_text(nlp, registry, text))


def test_a_body_nominal_with_no_body_named_is_no_one(nlp, registry):
    text = "Ali Musa lost his appeal. The court said the sentence would stand."
    assert not any(s for r, s, _ in triples_of_text(nlp, registry, text) if r == "STATEMENT")


def test_a_court_nominal_after_two_courts_is_neither(nlp, registry):
    text = (
        "Kenya's Supreme Court heard the appeal after the Nairobi High Court had ruled."
        " The court rejected the appeal on Friday."
    )
    assert not any(s for r, s, _ in triples_of_text(nlp, registry, text) if r == "REJECT")


def test_a_capitalised_senate_still_names_the_body(nlp, registry):
    text = (
        "The Puerto Rico Senate met on Monday. Senate President Thomas Rivera Schatz filed"
        " the lawsuit."
    )
    triples = triples_of_text(nlp, registry, text)
    assert any(r == "LEADS" and s == "Thomas Rivera Schatz" for r, s, _ in triples)
