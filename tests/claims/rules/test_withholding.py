"""Withholding is not denial (extract.claims.rules.withholding): "deny" with a person or a
granted thing as its object withholds it, and gives no DENY; "deny" with a charge, a role
or a clause stays a denial. Sentences written for this test, in several wordings."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _relations(nlp, registry, text: str) -> list[tuple[str, str | None]]:
    claims = claims_of_text(nlp, registry, text)
    return [(c.relation, c.subject.label if c.subject else None) for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish forces encircled the town, denying the militants a way out.",
        "Israel denied entry to the aid convoy.",
        "The government denied them access to the prison.",
        "The court denied bail to the two journalists.",
        "Russia denied Ukraine the right to join NATO.",
        "The border guards denied the refugees passage into Hungary.",
        # the noun, with what is withheld after "of"
        "Iran has shown through its denial of women's rights that it is unfit to serve.",
        "Kenya condemned Somalia's denial of access to the camps.",
        "The denial of medical care to the detainees was reported by Kenya.",
    ],
)
def test_withholding_something_is_no_denial(nlp, registry, text):
    assert "DENY" not in {relation for relation, _ in _relations(nlp, registry, text)}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Hamas denied the accusation.", "Hamas"),
        ("Turkey denied any role in the attack.", "Turkey"),
        ("Iran denied some of the allegations made by Israel.", "Iran"),
        ("Baghdad has denied the charge.", "Iraqi government"),
        ("Kenya's denial of the charges came within hours.", "Kenya"),
    ],
)
def test_denying_a_charge_stays_a_denial(nlp, registry, text, subject):
    assert ("DENY", subject) in _relations(nlp, registry, text)
