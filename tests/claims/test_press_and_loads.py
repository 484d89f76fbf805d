"""Talking to the press and carrying a load are no meeting (PLOVER CONSULT): "spoke to Al
Jazeera", "speaking to John Smith of the BBC" are speech to an audience (GUIDE.md: the
object of a STATEMENT is its audience), and "flies weapons to Syria" carries them. Talking
with a politician and flying to a capital stay a meeting and a visit. Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to John Smith of the BBC, Ali Karim said the vote was fair.",
        "Ali Karim talked to Jane Roe of Al Jazeera about the vote.",
        "Mahan Air flies weapons to Syria.",
        "The Iranian airline flew fuel and fighters to Venezuela.",
    ],
)
def test_no_meeting(nlp, registry, text):
    assert not any(r == "CONSULT" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ali Karim spoke with Joe Biden about the vote.", ("CONSULT", "Ali Karim", "Joe Biden")),
        ("Joe Biden traveled to Baghdad.", ("CONSULT", "Joe Biden", "Iraqi government")),
        (
            "Secretary of State Antony Blinken will travel to Morocco and Algeria March 26-30.",
            ("CONSULT", "Antony Blinken", "Morocco"),
        ),
        (
            "Ali Karim flew to Erbil on Monday.",
            ("CONSULT", "Ali Karim", "Kurdistan Regional Government"),
        ),
    ],
)
def test_meetings_and_visits_stay(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
