"""Withdrawing from an accord rejects it and the side it was made with (PLOVER REJECT),
not a pull-back of forces: "withdrew the United States from the nuclear deal with Iran" is
a REJECT of Iran, and the United States withdrawn is the leaver's own side, no party.
Forces withdrawn from a place stay a RETREAT. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donald Trump withdrew the United States from the nuclear deal with Iran.",
            ("REJECT", "Donald Trump", "Iran"),
        ),
        (
            "Kenya withdrew from the ceasefire agreement with Somalia on Monday.",
            ("REJECT", "Kenya", "Somalia"),
        ),
        ("Russia withdrew from the arms control treaty.", ("REJECT", "Russia", None)),
    ],
)
def test_leaving_an_accord_rejects_it(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(r == "RETREAT" for r, _, _ in triples)


def test_forces_withdrawn_from_a_place_retreat(nlp, registry):
    triples = triples_of_text(nlp, registry, "Russia withdrew its troops from the border.")
    assert ("RETREAT", "Russia", None) in triples
    assert not any(r == "REJECT" for r, _, _ in triples)


def test_the_leavers_own_side_is_no_party(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Donald Trump withdrew the United States from the nuclear deal with Iran."
    )
    assert not any(o == "US government" for _, _, o in triples)
