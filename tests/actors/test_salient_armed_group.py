"""A generic nominal for fighters ("the militants", "the jihadists", "the insurgents")
refers to the one armed group an article has named before it (the issue: generic
nominals resolve to the salient named armed group when that is unambiguous); with two
armed groups named, or none, it stays a group of its own, and "the gunmen" (often not
identified) is left alone. Claiming an act of force is claiming responsibility ("the
jihadists later claimed the attack"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _subjects(nlp, registry, text, relation):
    return {
        c.subject.label if c.subject else None
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation
    }


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Al-Shabaab attacked a base in Somalia on Monday. Kenya condemned the raid. "
            "The militants also killed three soldiers, officials said.",
            "al-Shabaab",
        ),
        (
            "Boko Haram stormed a village in Borno. The insurgents killed nine farmers.",
            "Boko Haram",
        ),
        (
            "The Taliban seized a district in Helmand. The militants killed two police officers.",
            "Taliban",
        ),
    ],
)
def test_the_militants_are_the_one_named_group(nlp, registry, text, group):
    assert _subjects(nlp, registry, text, "ASSAULT") == {group}


def test_two_named_groups_leave_the_militants_apart(nlp, registry):
    text = "Al-Shabaab and Boko Haram were both named in the report. The militants killed nine."
    assert _subjects(nlp, registry, text, "ASSAULT") == {"militants"}


def test_the_gunmen_are_not_taken_for_the_group(nlp, registry):
    text = "Al-Shabaab attacked a base on Monday. The gunmen killed three guards at a hotel."
    # the attack is al-Shabaab's; the killing stays the gunmen's
    assert _subjects(nlp, registry, text, "ASSAULT") == {"al-Shabaab", "gunmen"}


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State claimed the bombing in Kabul.",
        "Al-Shabaab claimed the attack on the hotel.",
    ],
)
def test_claiming_an_attack_claims_responsibility(nlp, registry, text):
    assert _subjects(nlp, registry, text, "CLAIM_RESPONSIBILITY") - {None}


def test_claiming_victory_is_no_responsibility(nlp, registry):
    assert not _subjects(
        nlp, registry, "Sadr claimed victory in the election.", "CLAIM_RESPONSIBILITY"
    )
