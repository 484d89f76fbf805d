"""Aid told as an amount ("is providing $100 million in military assistance to Ukraine",
"announced $54 million in humanitarian aid for Yemen") is the giver's AID of the
recipient, as "gave aid to Ukraine" is: the amount stands for the aid it measures, "for"
names an aid noun's recipient as "to" does, and "from" its giver. An amount of something
else ("spent $3 billion in Iraq") is no aid. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canada is providing an additional $40 million in military assistance to Ukraine.",
            ("AID", "Canada", "Ukraine"),
        ),
        (
            "Japan announced $12 million in humanitarian assistance for Somalia.",
            ("AID", "Japan", "Somalia"),
        ),
        ("Norway announced new humanitarian aid for Sudan.", ("AID", "Norway", "Sudan")),
        (
            "On Monday Germany delivered $5 million in food aid to Ethiopia.",
            ("AID", "Germany", "Ethiopia"),
        ),
    ],
)
def test_an_amount_of_aid_is_aid(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_aid_from_a_giver_is_the_givers(nlp, registry):
    """Whoever announces aid "from X" is not its giver: X is."""
    triples = triples_of_text(
        nlp,
        registry,
        "Antony Blinken announced $300 million in humanitarian assistance from the United"
        " States to Somalia.",
    )
    assert ("AID", "US government", "Somalia") in triples
    assert not any(r == "AID" and s == "Antony Blinken" for r, s, _ in triples)


@pytest.mark.parametrize(
    "text",
    [
        "The United States spent $3 billion in Iraq last year.",
        "Prices in Kenya rose by 5 percent in March.",
    ],
)
def test_an_amount_of_something_else_is_no_aid(nlp, registry, text):
    assert not any(r == "AID" for r, _, _ in triples_of_text(nlp, registry, text))
