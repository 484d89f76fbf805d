"""Roles read from how real copy names people: a profession before the name with the
organisation before it ("Nairobi Broadcasting photojournalist Jane Doe"), a field before
the title ("Kent State University criminology professor X"), an "of" phrase naming an
organisation ("X of the Labour Party") but not a place ("X of Georgia"), and an aide's
title ("Y's chief of staff") that leads nothing. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _structural(nlp, registry, text):
    return {
        (c.subject.label, c.relation, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation in ("LEADS", "AFFILIATED_WITH") and c.subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sky News Arabia producer Jamal Harbi was injured in the blast.",
            ("Jamal Harbi", "AFFILIATED_WITH", "Sky News Arabia"),
        ),
        (
            "Al Jazeera cameraman Omar Dahdouh was wounded on Friday.",
            ("Omar Dahdouh", "AFFILIATED_WITH", "Al Jazeera"),
        ),
        (
            "Birmingham City University criminology professor David Wilson said the attack "
            "was planned.",
            ("David Wilson", "AFFILIATED_WITH", "Birmingham City University"),
        ),
    ],
)
def test_a_profession_before_a_name_ties_the_person_to_the_organisation_before_it(
    nlp, registry, text, expected
):
    assert expected in _structural(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Yvette Cooper of the Labour Party said the move was wrong.",
            ("Yvette Cooper", "AFFILIATED_WITH", "Labour Party"),
        ),
        ("Martin Smith of PBS interviewed the prince.", ("Martin Smith", "AFFILIATED_WITH", "PBS")),
    ],
)
def test_a_person_of_an_organisation_belongs_to_it(nlp, registry, text, expected):
    assert expected in _structural(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Senator Doug Collins of Georgia said the vote was a sham.",
        "Jane Roe of Nairobi said the market had burned down.",
    ],
)
def test_a_person_of_a_place_belongs_to_no_organisation(nlp, registry, text):
    assert _structural(nlp, registry, text) == set()


def test_a_chief_of_staff_serves_and_does_not_lead(nlp, registry):
    text = "Ricardo Llerandi, Rossello's chief of staff, resigned on Friday."
    structural = _structural(nlp, registry, text)
    assert ("Ricardo Llerandi", "LEADS", "Rossello") not in structural
    assert ("Ricardo Llerandi", "AFFILIATED_WITH", "Rossello") in structural


def test_a_name_inside_a_common_noun_phrase_is_not_the_organisation(nlp, registry):
    text = "Shiu Ka-chun of the Social Welfare constituency defeated his opponents."
    assert _structural(nlp, registry, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Senate minority leader Chuck Schumer said the tweets were a concession.",
        "Senate majority leader Mitch McConnell said the bill would pass.",
    ],
)
def test_a_caucus_leader_does_not_lead_the_chamber(nlp, registry, text):
    assert all(relation != "LEADS" for _, relation, _ in _structural(nlp, registry, text))
