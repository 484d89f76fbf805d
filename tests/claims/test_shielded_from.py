"""Whom one is shielded from is never the one supported: "defend their freedom from
Russian aggression", "backs Ukraine against Russia" support no Russia, whatever the noun
after "from" or "against" (the round before caught only nouns of force). Support that
brings about another's failure ("with the support of the US, Russia has failed") is no
support of the one who fails; "with the support of the US, Iraqi forces retook Mosul" is
support of the forces. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def _supported(nlp, registry, text):
    return {t[2] for t in triples_of_text(nlp, registry, text) if t[0] in ("SUPPORT", "AID")}


@pytest.mark.parametrize(
    ("text", "shielded_from"),
    [
        ("The Ukrainian people defend their freedom from Russian aggression.", "Russia"),
        ("The United States supports Ukraine against Russia.", "Russia"),
        ("Kenya defended Somalia from al-Shabaab.", "al-Shabaab"),
        (
            "With the support of the United States, Russia has failed to achieve its aims.",
            "Russia",
        ),
    ],
)
def test_the_attacker_is_not_supported(nlp, registry, text, shielded_from):
    assert shielded_from not in _supported(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "supported"),
    [
        ("The United States supports Ukraine against Russia.", "Ukraine"),
        (
            "With the support of the United States, Iraqi forces retook Mosul.",
            "Iraqi Security Forces",
        ),
        ("Kenya defended Somalia from al-Shabaab.", "Somalia"),
    ],
)
def test_the_one_shielded_is_supported(nlp, registry, text, supported):
    assert supported in _supported(nlp, registry, text)


def test_from_that_says_who_they_are_is_no_shield(nlp, registry):
    # "the representatives from Ghana": "from" tells where they come from, not a threat
    text = "Kenya thanked the representatives from Ghana who attended the meeting."
    assert "Ghana" in _supported(nlp, registry, text)
