"""A body backs the person it confirms or elects ("the Senate confirmed Pedro Pierluisi",
"the House confirmed him"; negated, it did not), and the one it votes for also where the
parser reads "voted for X to serve as Speaker" as a clause; confirming a thing or what a
person is backs no one ("confirmed the attack", "confirmed him dead"). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Puerto Rico Senate confirmed Pedro Pierluisi as governor on Friday.",
            ("SUPPORT", "Puerto Rico Senate", "Pedro Pierluisi"),
        ),
        (
            "Pedro Pierluisi was sworn in. The Puerto Rico House confirmed Pierluisi on Monday.",
            ("SUPPORT", "Puerto Rico House", "Pedro Pierluisi"),
        ),
        (
            "The House of Representatives voted for Nancy Pelosi to serve as Speaker.",
            ("SUPPORT", "House of Representatives", "Nancy Pelosi"),
        ),
    ],
)
def test_a_body_backs_whom_it_confirms_or_votes_for(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_confirmation_refused_is_negated(nlp, registry):
    text = "Pedro Pierluisi was sworn in. The Puerto Rico Senate did not confirm Pierluisi."
    found = [
        c.polarity
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "SUPPORT" and c.object and c.object.label == "Pedro Pierluisi"
    ]
    assert found == ["negated"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police confirmed the attack on Friday.",
        # a condition, and a pronoun (left alone: see `_confirms_person`)
        'Pedro Pierluisi said: "If the Senate confirms Pierluisi, I will stay."',
        "Ricardo Rosselló appointed Pedro Pierluisi as secretary. The House confirmed him.",
        "Ana Silva collapsed on stage. Doctors at the Nairobi Hospital confirmed her dead.",
    ],
)
def test_confirming_a_thing_or_a_state_backs_no_one(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "SUPPORT"}
