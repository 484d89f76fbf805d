"""Who a speaker names as the doer of a wrong is accused (PLOVER ACCUSE), and the speaker
claims responsibility only for its own side.

- A named side said to be responsible, behind it, the perpetrators or the culprit: "Fuad
  Hussein said the Islamic State was behind the attack" accuses the Islamic State; it is no
  claim of responsibility by Fuad Hussein (a spokesperson's "the group" is his own side).
- A wrong named of what a demonstrative points at ('"These are excuses to attack Iraq"'):
  an accusation whose target is unnamed; not when negated, nor an adjective alone.
- Names for a pretence ("a political maneuver", "a publicity stunt") condemn in a verdict.

Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fuad Hussein said the Islamic State was responsible for the attack.",
            ("ACCUSE", "Fuad Hussein", "Islamic State"),
        ),
        (
            "Fuad Hussein said the Islamic State was behind the attack.",
            ("ACCUSE", "Fuad Hussein", "Islamic State"),
        ),
        (
            "Fuad Hussein said the Islamic State are the suspected perpetrators of the bombing.",
            ("ACCUSE", "Fuad Hussein", "Islamic State"),
        ),
        (
            "Fuad Hussein said the Islamic State was the culprit.",
            ("ACCUSE", "Fuad Hussein", "Islamic State"),
        ),
        (
            "Kataib Hezbollah spokesman Abu Ali al-Askari said the group was behind the attack.",
            ("CLAIM_RESPONSIBILITY", "Abu Ali al-Askari", None),
        ),
        (
            '"These are excuses to attack Iraq," Nouri al-Maliki said.',
            ("ACCUSE", "Nouri al-Maliki", None),
        ),
        (
            '"This is a crime against our people," Nouri al-Maliki said.',
            ("ACCUSE", "Nouri al-Maliki", None),
        ),
        (
            "Masrour Barzani called Mohammed Shia al-Sudani's decision a publicity stunt.",
            ("ACCUSE", "Masrour Barzani", "Mohammed Shia al-Sudani"),
        ),
        (
            "Masrour Barzani called the decision of Mohammed Shia al-Sudani a political maneuver.",
            ("ACCUSE", "Masrour Barzani", "Mohammed Shia al-Sudani"),
        ),
        (
            "Nouri al-Maliki said Masoud Barzani was a liar.",
            ("ACCUSE", "Nouri al-Maliki", "Masoud Barzani"),
        ),
    ],
)
def test_a_named_culprit_is_accused(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_naming_another_side_is_no_claim_of_responsibility(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Fuad Hussein said the Islamic State was responsible for the attack."
    )
    assert not any(relation == "CLAIM_RESPONSIBILITY" for relation, _, _ in triples)


@pytest.mark.parametrize(
    "text",
    [
        '"This is not a crime," Nouri al-Maliki said.',
        '"This is dangerous," Nouri al-Maliki said.',
        '"This is a historic day," Nouri al-Maliki said.',
    ],
)
def test_no_wrong_named_no_accusation(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _, _ in triples_of_text(nlp, registry, text))
