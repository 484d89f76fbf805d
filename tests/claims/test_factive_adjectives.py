"""An act in the infinitive of an emotive, factive adjective is done: "X is proud to
endorse Y" endorses Y, "we were glad to welcome the truce" welcomed it, "I am pleased to
congratulate X" congratulates X. An adjective of readiness or wish ("eager to attack",
"keen to condemn") tells no act, and a hypothetical copula ("would be glad to meet")
neither. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Michael Bloomberg is proud to endorse Joe Biden.",
            ("SUPPORT", "Michael Bloomberg", "Joe Biden"),
        ),
        (
            "Kenya was glad to welcome Somalia's decision to withdraw.",
            ("SUPPORT", "Kenya", "Somalia"),
        ),
        (
            "Ghana said it was pleased to congratulate Togo on its election.",
            ("SUPPORT", "Ghana", "Togo"),
        ),
        (
            "Peru was delighted to host Chile's foreign minister Ana Ruiz in Lima.",
            ("CONSULT", "Peru", "Ana Ruiz"),
        ),
    ],
)
def test_a_factive_adjective_tells_its_act(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is eager to attack al-Shabaab.",
        "Ghana is keen to condemn Togo.",
        "Kenya would be glad to attack al-Shabaab.",
        "Ghana would be proud to endorse Togo.",
    ],
)
def test_wishes_and_hypothetical_gladness_tell_no_act(nlp, registry, text):
    relations = {relation for relation, _, _ in triples_of_text(nlp, registry, text)}
    assert not relations & {"ASSAULT", "ACCUSE", "SUPPORT"}
