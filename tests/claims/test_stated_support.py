"""Support stated through an attitude verb's object ("expressed support for the
ceasefire", "voiced solidarity", "expressed its support through an aid package") is the
speaker's SUPPORT with no object when what is backed is no actor (GUIDE.md: SUPPORT, as
"welcomed the deal"); with an actor it stays the SUPPORT of that actor; a negated one is
negated; other attitudes ("expressed concern") stay STATEMENTs. Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _claims(nlp, registry, text):
    return {
        (
            c.relation,
            c.subject.label if c.subject else None,
            c.object.label if c.object else None,
            c.polarity,
        )
        for c in claims_of_text(nlp, registry, text)
    }


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Canada expressed strong support for the ceasefire.", "Canada"),
        ("The European Union expressed its support through a new aid package.", "European Union"),
        ("Norway voiced solidarity with the people of Gaza.", "Norway"),
        ("On Monday Japan expressed its backing for the peace plan.", "Japan"),
    ],
)
def test_support_stated_for_no_actor_is_support_of_none(nlp, registry, text, subject):
    assert ("SUPPORT", subject, None, "affirmed") in _claims(nlp, registry, text)


def test_support_stated_for_an_actor_backs_it(nlp, registry):
    claims = _claims(
        nlp, registry, "Canada expressed support for the Kurdistan Regional Government."
    )
    assert ("SUPPORT", "Canada", "Kurdistan Regional Government", "affirmed") in claims
    assert ("SUPPORT", "Canada", None, "affirmed") not in claims


def test_support_not_stated_is_negated(nlp, registry):
    claims = _claims(nlp, registry, "Canada did not express support for the plan.")
    assert ("SUPPORT", "Canada", None, "negated") in claims
    assert ("SUPPORT", "Canada", None, "affirmed") not in claims


@pytest.mark.parametrize(
    "text",
    [
        "Iran expressed concern about the Israeli strikes.",
        "Canada voiced interest in the talks.",
    ],
)
def test_other_attitudes_stay_statements(nlp, registry, text):
    relations = {relation for relation, *_ in _claims(nlp, registry, text)}
    assert relations == {"STATEMENT"}


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Senator Maria Lopez expressed opposition to the new border plan.",
            ("REJECT", "Maria Lopez", None, "affirmed"),
        ),
        (
            "On Tuesday Norway voiced strong objections to the proposed treaty.",
            ("REJECT", "Norway", None, "affirmed"),
        ),
        (
            "Turkey reiterated its opposition to the Kurdistan Regional Government.",
            ("REJECT", "Turkey", "Kurdistan Regional Government", "affirmed"),
        ),
        (
            "Canada did not express opposition to the plan.",
            ("REJECT", "Canada", None, "negated"),
        ),
    ],
)
def test_opposition_stated_is_rejection(nlp, registry, text, claim):
    """Opposition stated through an attitude verb's object ("expressed opposition to",
    "voiced objections to") is the speaker's REJECT (GUIDE.md: REJECT), of the actor
    opposed when one is named; never a plain STATEMENT."""
    claims = _claims(nlp, registry, text)
    assert claim in claims
    assert not any(relation == "STATEMENT" for relation, *_ in claims)
