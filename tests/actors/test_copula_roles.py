"""A role said of a person with "be" is read as an apposition's is: "X was a columnist for
The Washington Post" (AFFILIATED_WITH), "X is the director of Y" (LEADS); nothing when
negated ("X is not a member of Y", which is also no membership) or past ("a former
director"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


def _roles(nlp, registry, text):
    return {
        (relation, subject, obj)
        for relation, subject, obj in triples_of_text(nlp, registry, text)
        if relation in ("LEADS", "AFFILIATED_WITH") and subject and obj
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maria Lopez was a columnist for The Washington Post.",
            ("AFFILIATED_WITH", "Maria Lopez", "The Washington Post"),
        ),
        (
            "Maria Lopez is the director of Amnesty International.",
            ("LEADS", "Maria Lopez", "Amnesty International"),
        ),
        (
            "Ahmed Hassan is a spokesman for Kataib Hezbollah.",
            ("AFFILIATED_WITH", "Ahmed Hassan", "Kataib Hezbollah"),
        ),
    ],
)
def test_a_role_said_with_be(nlp, registry, text, expected):
    assert expected in _roles(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez is not a member of Amnesty International.",
        "Maria Lopez is not part of Kataib Hezbollah.",
        "Maria Lopez was a former director of Amnesty International.",
    ],
)
def test_no_role_when_negated_or_past(nlp, registry, text):
    assert _roles(nlp, registry, text) == set()


def test_belonging_to_an_organisation_is_membership(nlp, registry):
    claims = claims_of_text(
        nlp, registry, "Maria Lopez belongs to the ruling Labour Party of Kenya."
    )
    (claim,) = [c for c in claims if c.relation == "AFFILIATED_WITH"]
    assert claim.subject.label == "Maria Lopez" and claim.polarity == "affirmed"
    # another country's party of the registry's name stays its own
    assert claim.object.id == "kenya-labour-party"


def test_not_belonging_is_a_negated_membership(nlp, registry):
    claims = claims_of_text(nlp, registry, "Maria Lopez does not belong to Amnesty International.")
    assert [c.polarity for c in claims if c.relation == "AFFILIATED_WITH"] == ["negated"]


def test_a_place_belonging_to_a_state_is_no_membership(nlp, registry):
    claims = claims_of_text(nlp, registry, "The island belongs to Greece.")
    assert not [c for c in claims if c.relation == "AFFILIATED_WITH"]
