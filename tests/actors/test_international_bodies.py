"""International bodies and non-governmental organisations that speak in conflict news are
registry actors, found whatever the small model tags them ("Human Rights Watch" gets no
entity at all), with their short names ("HRW", "the IAEA", "MSF"). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Human Rights Watch said the ban was unlawful.", "Human Rights Watch"),
        ("HRW said on Monday that the ban was unlawful.", "Human Rights Watch"),
        ("The IAEA said the inspectors had left Iran.", "International Atomic Energy Agency"),
        ("Doctors Without Borders said the hospital had been hit.", "Doctors Without Borders"),
        (
            "The ICRC said the convoy had reached the city.",
            "International Committee of the Red Cross",
        ),
    ],
)
def test_an_international_body_speaks(nlp, registry, text, speaker):
    assert ("STATEMENT", speaker, None) in triples_of_text(nlp, registry, text)


def test_a_member_of_one_is_affiliated(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Jane Roe of Human Rights Watch said the ban was unlawful."
    )
    assert ("AFFILIATED_WITH", "Jane Roe", "Human Rights Watch") in triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya called on the international community to help Somalia.",
            ("REQUEST", "Kenya", "international community"),
        ),
        (
            "The United Nations urged the international community to send more aid.",
            ("REQUEST", "United Nations", "international community"),
        ),
        (
            "The International Community condemned the coup in Niger.",
            ("ACCUSE", "international community", None),
        ),
    ],
)
def test_the_international_community_is_one_side(nlp, registry, text, expected):
    """ "The international community", the states acting together, is one Group actor
    in any casing: asked to act, or acting, it is a side of the claim."""
    assert expected in triples_of_text(nlp, registry, text)
