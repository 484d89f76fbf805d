"""An act in a clause that is the complement of a word of likelihood is an estimate: "it is
likely that Russia will attack", "called it unlikely that the EU would finance the
project", "it is unclear whether Turkey will withdraw", "there is a chance that Iran will
release them", "Iran is likely to retaliate" code no act, no promise and no threat (read as
done, they reverse what the text says). Whoever makes the estimate still says it; a clause
that is only said to be clear or true stays an act. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model

_ACTS = ("ASSAULT", "RETREAT", "AGREE", "THREATEN", "CONSULT", "AID", "SANCTION")


@pytest.mark.parametrize(
    "text",
    [
        "It is likely that Russia will attack Ukraine.",
        "It is unclear whether Turkey will withdraw its troops from Syria.",
        "There is a chance that Iran will release the French hostages.",
        "Iran is likely to retaliate against Israel.",
        "It is likely that Russia will launch an attack on Ukraine.",
        "Officials said it was unlikely that Iran would hold talks with the United States.",
    ],
)
def test_an_estimated_act_is_no_act(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] in _ACTS}


def test_the_estimate_is_still_said(nlp, registry):
    text = "Finance Minister Ana Silva said it was unlikely that Greece would leave the euro."
    triples = triples_of_text(nlp, registry, text)
    assert ("STATEMENT", "Ana Silva", None) in triples
    assert not {t for t in triples if t[0] in _ACTS}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It is clear that Russia attacked Ukraine.", ("ASSAULT", "Russia", "Ukraine")),
        ("Turkey will withdraw its troops.", ("AGREE", "Turkey", None)),
    ],
)
def test_an_act_said_to_be_clear_or_announced_stays(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
