"""An adjective of intent ("ready to", "willing to", "prepared to") before a hostile act
is no intent to cooperate: "Kenya was ready to condemn Somalia" had been coded as Kenya
AGREE Somalia. Readiness to use force, sanctions or protest is a threat (PLOVER
THREATEN); readiness to accuse, reject, deny or demand is not yet any act. Readiness for
a cooperative act stays AGREE. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Kenya was ready to condemn Somalia.",
        "Kenya is willing to denounce the Somali government in public.",
        "Norway said it was prepared to reject the Swedish proposal.",
        "Ghana is ready to accuse Togo of hiding the rebels.",
        "Peru was willing to demand an apology from Chile.",
    ],
)
def test_readiness_for_a_hostile_word_is_no_agreement(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert not any(relation == "AGREE" for relation, _, _ in triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya is ready to impose sanctions on Somalia.", ("THREATEN", "Kenya", "Somalia")),
        (
            "Iran is prepared to arrest the British sailors.",
            ("THREATEN", "Iran", "British sailors"),
        ),
        ("Serbia is ready to talk to Kosovo.", ("AGREE", "Serbia", "Kosovo")),
        ("Norway is willing to send doctors to Chad.", ("AGREE", "Norway", "Chad")),
    ],
)
def test_readiness_for_force_threatens_and_for_cooperation_agrees(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
