"""An organisation described as an affiliate, subsidiary, offshoot, agency or force of
another is affiliated with it, as a member, wing or branch already was: "UNESCO, a
specialised agency of the United Nations", "Al-Shabaab, an affiliate of al-Qaeda", "the
YPG is the main fighting force of the SDF". The noun on its own ("a force of 500
soldiers", "the agency said") affiliates no one. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Food Programme, a specialised agency of the United Nations, is in Rome.",
            ("AFFILIATED_WITH", "World Food Programme", "United Nations"),
        ),
        (
            "Al-Shabaab, an affiliate of al-Qaeda, claimed the attack.",
            ("AFFILIATED_WITH", "al-Shabaab", "al-Qaeda"),
        ),
        (
            "The YPG is the main fighting force of the SDF.",
            ("AFFILIATED_WITH", "People's Protection Units", "Syrian Democratic Forces"),
        ),
        (
            "Jund al-Aqsa, an offshoot of the Nusra Front, took the town.",
            ("AFFILIATED_WITH", "Jund al-Aqsa", "Nusra Front"),
        ),
    ],
)
def test_an_affiliate_is_affiliated(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya sent a force of 500 soldiers to Somalia.",
        "The agency said Kenya had sent a force to the border.",
    ],
)
def test_the_noun_alone_affiliates_no_one(nlp, registry, text):
    assert not any(r == "AFFILIATED_WITH" for r, _, _ in triples_of_text(nlp, registry, text))
