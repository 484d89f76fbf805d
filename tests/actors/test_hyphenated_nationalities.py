"""Nationalities joined by a hyphen name both sides of what they qualify ("the
Somali-Ethiopian agreement", "the Turkish-Libyan deal"), however the NER tags them (as one
entity, or only one of the two): an act against the joint thing is aimed at each side. A
hyphenated word that is no pair of nationalities ("Afro-Cuban") names no state, and one
nationality alone is unchanged. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Kenya denounced the Somali-Ethiopian agreement.", {"Somalia", "Ethiopia"}),
        ("Kenya condemned the Ethiopian-Eritrean pact.", {"Ethiopia", "Eritrea"}),
        ("Greece denounced the Turkish-Libyan accord on Tuesday.", {"Turkish government", "Libya"}),
    ],
)
def test_both_sides_of_a_hyphenated_pair_are_accused(nlp, registry, text, sides):
    accused = {o for r, _, o in triples_of_text(nlp, registry, text) if r == "ACCUSE"}
    assert sides <= accused


def test_a_single_nationality_stays_one_side(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya denounced the Somali agreement.")
    assert {o for r, _, o in triples if r == "ACCUSE"} == {"Somalia"}
