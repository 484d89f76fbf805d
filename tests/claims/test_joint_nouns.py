"""The noun of an accord names who made it with whom: both sides a hyphen joins ("the
Turkish-Libyan agreement", "the Kenya-Somalia deal") are its parties (talks and
partnerships so named are as often a round to come or a tie, and are left as they were).
With one side only as its modifier ("the NATO treaty", "the Paris accord") it names the
accord, and no claim is made of it. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def _parties(triples, relation):
    return {frozenset((s, o)) for r, s, o in triples if r == relation}


@pytest.mark.parametrize(
    ("text", "relation", "parties"),
    [
        (
            "He also commented on the Turkish-Libyan maritime border agreement.",
            "AGREE",
            {"Libya", "Turkish government"},
        ),
        (
            "Ethiopia commented on the Kenya-Somalia maritime deal.",
            "AGREE",
            {"Kenya", "Somalia"},
        ),
    ],
)
def test_a_hyphen_pair_made_the_joint_act(nlp, registry, text, relation, parties):
    assert frozenset(parties) in _parties(triples_of_text(nlp, registry, text), relation)


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan cited Article 5 of the NATO treaty.",
        "The United States withdrew from the Paris climate accord.",
        "The minister praised the Kenyan agreement as a model.",
    ],
)
def test_one_side_named_makes_no_agreement(nlp, registry, text):
    assert not any(r == "AGREE" for r, _, _ in triples_of_text(nlp, registry, text))
