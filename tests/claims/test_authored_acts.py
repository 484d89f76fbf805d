"""What is said, decided or proposed stands for its author when a stance is taken on it:
"criticised the decision of the Prime Minister" accuses the Prime Minister, as
"criticised the Prime Minister's decision" does. The "of" argument of a harm ("the killing
of X") is its victim, and of an inquiry ("the investigation of X") what it concerns: no
author. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Muqtada al-Sadr criticized the decision of Mohammed Shia al-Sudani.",
            ("ACCUSE", "Muqtada al-Sadr", "Mohammed Shia al-Sudani"),
        ),
        (
            "Fuad Hussein condemned the remarks of Recep Tayyip Erdogan on Kirkuk.",
            ("ACCUSE", "Fuad Hussein", "Recep Tayyip Erdogan"),
        ),
        (
            "Masrour Barzani welcomed the announcement of the Iraqi government.",
            ("SUPPORT", "Masrour Barzani", "Iraqi government"),
        ),
        (
            "Masrour Barzani rejected the proposal of the Iraqi government.",
            ("REJECT", "Masrour Barzani", "Iraqi government"),
        ),
    ],
)
def test_an_authored_act_stands_for_its_author(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Fuad Hussein condemned the killing of Ahmed Karim.", "Ahmed Karim"),
        ("Fuad Hussein criticized the investigation of Ahmed Karim.", "Ahmed Karim"),
    ],
)
def test_the_of_argument_of_a_harm_or_inquiry_is_not_its_author(nlp, registry, text, victim):
    assert not any(obj == victim for _, _, obj in triples_of_text(nlp, registry, text))
