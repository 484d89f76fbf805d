"""Counting on another side to act expects the act of it, as "expects X to" does (GUIDE:
REQUEST): '"I count on Uganda to reopen the border," Ruto said', "Kenya is counting on
Somalia to hold the vote". A date after "on" is no addressee, and counting on a thing asks
nothing. Impeachment is a legal charge (GUIDE: legal action taken is an ACCUSE). Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"I count on Uganda to reopen the border," William Ruto said.',
            ("REQUEST", "William Ruto", "Uganda"),
        ),
        (
            "Kenya is counting on Somalia to hold the vote in May.",
            ("REQUEST", "Kenya", "Somalia"),
        ),
        (
            "William Ruto said he counted upon Uganda to keep its promise.",
            ("REQUEST", "William Ruto", "Uganda"),
        ),
    ],
)
def test_counting_on_a_side_to_act_asks_it(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya counted on Monday to finish the tally.",
        "Kenya counts on Ugandan oil for its power.",
        "On behalf of the Kenyan people, William Ruto wants to thank Uganda.",
    ],
)
def test_a_date_or_a_thing_after_on_is_not_asked(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]


def test_a_date_after_on_leaves_the_object_asked(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Kenya urged Somalia on Monday to withdraw its troops."
    )
    assert [t for t in triples if t[0] == "REQUEST"] == [("REQUEST", "Kenya", "Somalia")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kenyan parliament impeached Mike Sonko, the governor of Nairobi.", "Mike Sonko"),
        ("Mike Sonko was impeached for abuse of office in 2020.", "Mike Sonko"),
    ],
)
def test_an_impeachment_accuses(nlp, registry, text, expected):
    assert any(r == "ACCUSE" and o == expected for r, _, o in triples_of_text(nlp, registry, text))
