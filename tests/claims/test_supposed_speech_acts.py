"""A rejection, accusation or demand told in a condition of its own is only supposed, as an
act of force is ("he would leave if the Senate rejected his appointment", "if Kenya
accuses Somalia of the raid, ..."): no claim; the same act told outright stays. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Pedro Pierluisi said he would leave the post if the Puerto Rico Senate rejected"
            " his appointment.",
            "REJECT",
        ),
        ("If Kenya accuses Somalia of the raid, the talks will end.", "ACCUSE"),
        ("The talks will end if Kenya demands that Somalia withdraw its troops.", "REQUEST"),
    ],
)
def test_a_speech_act_in_a_condition_is_no_claim(nlp, registry, text, relation):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == relation}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Puerto Rico Senate rejected the appointment of Pedro Pierluisi.",
            ("REJECT", "Puerto Rico Senate", None),
        ),
        ("Kenya accused Somalia of the raid.", ("ACCUSE", "Kenya", "Somalia")),
    ],
)
def test_the_act_told_outright_stays(nlp, registry, text, expected):
    assert expected[:2] in {t[:2] for t in triples_of_text(nlp, registry, text)}
