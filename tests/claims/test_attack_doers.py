"""An act of force whose grammatical subject is a weapon or an attack is done by whoever
fired the weapon or made the attack: "launched missiles targeting US troops", "attacks by
Hamas targeted soldiers", "Hamas's attack killed two soldiers", "were killed in an attack
by Hamas". A participle on people ("supports groups attacking US forces") is their act,
not the subject's, and one on an attack that the subject only speaks of ("condemned the
attack targeting X") is no act of the speaker. A non-breaking hyphen ("Iran‑backed")
reads as a hyphen. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Iran launched missiles targeting US troops in Iraq.",
            ("ASSAULT", "Iran", "US military"),
        ),
        ("Attacks by Hamas targeted Israeli soldiers.", ("ASSAULT", "Hamas", "Israeli soldiers")),
        (
            "An attack by Hamas killed two Israeli soldiers.",
            ("ASSAULT", "Hamas", "Israeli soldiers"),
        ),
        ("Hamas's attack killed two Israeli soldiers.", ("ASSAULT", "Hamas", "Israeli soldiers")),
        (
            "Two Israeli soldiers were killed in an attack by Hamas.",
            ("ASSAULT", "Hamas", "Israeli soldiers"),
        ),
        (
            "Two Israeli soldiers were wounded in Hamas's attack on the post.",
            ("ASSAULT", "Hamas", "Israeli soldiers"),
        ),
        (
            "Israel conducted airstrikes targeting Hamas fighters in Gaza.",
            ("ASSAULT", "Israel", "Hamas"),
        ),
        (
            "Two attacks by Iran\u2011backed militia groups targeted US forces in Syria.",
            ("ASSAULT", "Iran-backed militias", "US military"),
        ),
    ],
)
def test_the_doer_of_the_weapon_or_attack(nlp, registry, text, triple):
    assert triple in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Iran supports groups attacking US forces.",
        "Kenya trains fighters attacking Somali villages.",
        "Kenya condemned the attack targeting Ugandan soldiers.",
        "I strongly condemn the terrorist attack targeting the residence of Prime Minister "
        "Tom Reed.",
    ],
)
def test_a_participle_on_people_or_on_a_condemned_attack_is_not_the_subjects_act(
    nlp, registry, text
):
    assert not any(r == "ASSAULT" for r, _, _ in triples_of_text(nlp, registry, text))
