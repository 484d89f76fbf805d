"""Injuring someone is an act of force (PLOVER ASSAULT), as wounding is ("the gunman
injured three Iraqi soldiers"); someone killed or injured in a mishap ("in a car crash",
"in an earthquake", "by the storm") was attacked by no one, and no agentless ASSAULT is
coded. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Islamic State gunman injured three Iraqi soldiers.",
            ("ASSAULT", "Islamic State", "Iraqi Security Forces"),
        ),
        (
            "Al-Shabaab fighters injured two Kenyan police officers in Lamu.",
            ("ASSAULT", "al-Shabaab", "Kenyan police"),
        ),
        ("Ali Karim was shot dead on Monday.", ("ASSAULT", None, "Ali Karim")),
    ],
)
def test_injuring_is_force(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ali Karim was killed in a car crash.",
        "Ali Karim was injured in a car accident on Monday.",
        "Jane Roe was killed in the earthquake.",
        "Ali Karim was injured by the storm.",
    ],
)
def test_a_mishap_is_no_attack(nlp, registry, text):
    assert not any(r == "ASSAULT" for r, _, _ in triples_of_text(nlp, registry, text))
