"""Admitting responsibility for an act claims it, as taking or accepting
it does: "Hamas admitted responsibility for the attack" (it had given no claim).
Negated, it is a negated claim. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "subject", "polarity"),
    [
        ("Hamas admitted responsibility for the attack on the border post.", "Hamas", "affirmed"),
        (
            "Al-Shabaab admitted responsibility for the bombing in Mogadishu.",
            "al-Shabaab",
            "affirmed",
        ),
        ("Hamas has not admitted responsibility for the attack.", "Hamas", "negated"),
    ],
)
def test_admitted_responsibility_is_claimed(nlp, registry, text, subject, polarity):
    claims = [
        c for c in claims_of_text(nlp, registry, text) if c.relation == "CLAIM_RESPONSIBILITY"
    ]
    assert [(c.subject.label if c.subject else None, c.polarity) for c in claims] == [
        (subject, polarity)
    ]
