""" "Under" an act, the subject is its patient: "Turkey is under EU sanctions" (EU
SANCTION Turkey), "Iran has been under US sanctions since 2018", "X came under criticism
from Kenya" (Kenya ACCUSE X), as "the base came under attack" already was. A compound
names the sanctioning party ("EU sanctions"); for force it does not ("rocket attack").
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turkey is already under EU sanctions.", ("SANCTION", "European Union", "Turkey")),
        (
            "Iran has been under US sanctions since 2018.",
            ("SANCTION", "US government", "Iran"),
        ),
        (
            "Maria Lopez came under criticism from Kenya on Monday.",
            ("ACCUSE", "Kenya", "Maria Lopez"),
        ),
        (
            "Kataib Hezbollah came under Israeli attack near the border.",
            ("ASSAULT", "Israel", "Kataib Hezbollah"),
        ),
    ],
)
def test_the_subject_under_an_act_is_its_patient(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_weapon_is_no_attacker(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kataib Hezbollah came under rocket attack on Sunday.")
    assert all(subject is None for relation, subject, _ in triples if relation == "ASSAULT")
