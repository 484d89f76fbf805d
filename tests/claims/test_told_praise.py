"""Praise a speaker tells of another actor is the speaker's SUPPORT of it (PLOVER SUPPORT:
praise or endorse), as a told wrong is an accusation: a word of praise naming the actor
('"Talabani was a brilliant statesman"', "said the Peshmerga were heroes"), a word that
heightens naming a person's worth ("the best person to lead"), thanks owed to it ('"Thank
you to the Iraqi army"', '"We are grateful to the KRG"'). Not when the praise is denied,
is the speaker's own ("we are the best army"), is of a thing or a place, or the
heightening word names no person ("the greatest challenge", "a great danger").
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Jalal Talabani was a brilliant statesman," Barham Salih said.',
            ("SUPPORT", "Barham Salih", "Jalal Talabani"),
        ),
        (
            "Fuad Hussein said Jalal Talabani was a brilliant and honest statesman.",
            ("SUPPORT", "Fuad Hussein", "Jalal Talabani"),
        ),
        (
            "Masrour Barzani said the Peshmerga were heroes.",
            ("SUPPORT", "Masrour Barzani", "Peshmerga"),
        ),
        (
            '"Ahmed Karim is the best person to lead this ministry," Fuad Hussein said.',
            ("SUPPORT", "Fuad Hussein", "Ahmed Karim"),
        ),
        (
            'Ahmed Zewail died on Tuesday. "He was one of the most distinguished scientists in'
            ' the world," Margaret Chan said.',
            ("SUPPORT", "Margaret Chan", "Ahmed Zewail"),
        ),
        (
            '"Thank you to the Peshmerga for their courage," Haider al-Abadi said.',
            ("SUPPORT", "Haider al-Abadi", "Peshmerga"),
        ),
        (
            '"We are grateful to the Kurdistan Regional Government for its help," Antonio'
            " Guterres said.",
            ("SUPPORT", "Antonio Guterres", "Kurdistan Regional Government"),
        ),
        (
            'Margaret Chan described Ahmed Zewail as "one of the most distinguished scientists'
            ' of our time".',
            ("SUPPORT", "Margaret Chan", "Ahmed Zewail"),
        ),
    ],
)
def test_told_praise_supports_the_praised(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Hezbollah is not a hero," Saad Hariri said.',
        '"We are the best army in the region," Hassan Nasrallah said.',
        '"Iran is a great danger to the region," Benjamin Netanyahu said.',
        '"Iran is the greatest challenge we face," Barham Salih said.',
        '"Iran is an important player in the region," Fuad Hussein said.',
        '"We are not grateful to Iran," Fuad Hussein said.',
        "Fuad Hussein said Baghdad was a great city.",
        '"The Kurdistan Region is the best place to invest," Masrour Barzani said.',
        '"The deal is good for Iraq," Fuad Hussein said.',
    ],
)
def test_no_praise_no_support(nlp, registry, text):
    assert not any(relation == "SUPPORT" for relation, _, _ in triples_of_text(nlp, registry, text))
