"""Poisoning someone is an act of force against them (PLOVER ASSAULT), with its doer when
named and with none in an agentless passive; poisoning relations harms no actor.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Russian agents poisoned Tom Reed in 2020.", ("ASSAULT", "Russia", "Tom Reed")),
        (
            "Tom Reed was poisoned with a nerve agent, the German government said.",
            ("ASSAULT", None, "Tom Reed"),
        ),
    ],
)
def test_poisoning_a_person_is_an_assault(nlp, registry, text, triple):
    assert triple in triples_of_text(nlp, registry, text)


def test_poisoned_relations_are_no_assault(nlp, registry):
    text = "The row poisoned relations between Kenya and Uganda."
    assert not any(r == "ASSAULT" for r, _, _ in triples_of_text(nlp, registry, text))
