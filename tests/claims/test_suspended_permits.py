"""Suspending a permission granted to the target reduces relations with it (PLOVER
SANCTION; CAMEO 16x), as revoking one already did: "Germany suspended Mahan Air's
operating permit" sanctions the airline. Suspending one's own plans sanctions no one.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany suspended Mahan Air's operating permit.", ("SANCTION", "Germany", "Mahan Air")),
        ("Kenya has suspended Al Jazeera's licence.", ("SANCTION", "Kenya", "Al Jazeera")),
        ("Turkey suspended the accreditation of Reuters.", ("SANCTION", "Turkey", "Reuters")),
        ("The EU froze the assets of Rosneft.", ("SANCTION", "European Union", "Rosneft")),
    ],
)
def test_a_suspended_permission_sanctions_its_holder(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_suspending_a_plan_sanctions_no_one(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya suspended its plans for a new airport.")
    assert not any(r == "SANCTION" for r, _, _ in triples)
