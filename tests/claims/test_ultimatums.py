"""An ultimatum is a threat of the one who sets it, against the one it is given to, in
every wording ("gave X an ultimatum", "issued an ultimatum to X", "delivered an
ultimatum"), never an agreement; "give" as a light verb reads its indirect object as the
target and makes nothing of a noun that names no act ("gave a speech"). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey gave the YPG an ultimatum.", ("THREATEN", "Turkey", "People's Protection Units")),
        (
            "Kenya gave Somalia an ultimatum to withdraw its troops.",
            ("THREATEN", "Kenya", "Somalia"),
        ),
        (
            "The KRG issued an ultimatum to Baghdad.",
            ("THREATEN", "Kurdistan Regional Government", "Iraqi government"),
        ),
    ],
)
def test_an_ultimatum_threatens_the_one_it_is_given_to(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert all(relation != "AGREE" for relation, _, _ in triples)


def test_giving_a_speech_is_no_act(nlp, registry):
    assert triples_of_text(nlp, registry, "The Kenyan minister gave a speech in Mombasa.") == set()
