"""A commitment stated with "committed to" is a standing policy, not an offer (the
`policy_adjectives` of the relation lexicon). "Committed to" an actor, or to its
security, sovereignty or people, backs that actor (PLOVER SUPPORT); committed to an act
with another party named announces that act as readiness does ("committed to working
with X": intent to cooperate, AGREE); committed to a cause or to an act that names no
party ("committed to diplomacy", "to advancing human rights") agrees with no one and
gives no AGREE. Readiness ("ready to", "willing to") still offers a step. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada remains firmly committed to Ukraine.", ("SUPPORT", "Canada", "Ukraine")),
        (
            "Norway is committed to the security of Estonia.",
            ("SUPPORT", "Norway", "Estonia"),
        ),
        (
            "Japan remains committed to Taiwan's security and prosperity.",
            ("SUPPORT", "Japan", "Taiwan"),
        ),
        (
            "Canada is committed to working with the United Nations on the crisis.",
            ("AGREE", "Canada", "United Nations"),
        ),
    ],
)
def test_a_commitment_to_an_actor_backs_it(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is committed to advancing human rights in the region.",
        "Canada remains committed to diplomacy.",
        "The United States is committed to a durable peace in Yemen.",
        "Norway remains firmly committed to keeping the border open.",
    ],
)
def test_a_commitment_to_a_cause_agrees_with_no_one(nlp, registry, text):
    relations = {relation for relation, _, _ in triples_of_text(nlp, registry, text)}
    assert not relations & {"AGREE", "SUPPORT"}


def test_readiness_still_offers_a_step(nlp, registry):
    assert ("AGREE", "Norway", None) in triples_of_text(
        nlp, registry, "Norway is ready to send engineers."
    )
