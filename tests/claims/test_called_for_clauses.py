"""A call for someone to act asks it of them (PLOVER REQUEST): "called for Iran to release
X" (the parser hangs "for Iran to release" on the verb as a clause, with "for" its mark),
"pushed for Iraq to act". With no one named to act ("called for the killers to be brought
to justice") it is a request of no one named; negated, a negated request. The act called
for is not told as done. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Amnesty International called for Iran to release Ali Karim.",
            ("REQUEST", "Amnesty International", "Iran"),
        ),
        ("Kenya pushed for Iraq to act.", ("REQUEST", "Kenya", "Iraq")),
        (
            "On Tuesday the European Union called for Turkey to end its offensive.",
            ("REQUEST", "European Union", "Turkey"),
        ),
        (
            "Amnesty International called for the killers to be brought to justice.",
            ("REQUEST", "Amnesty International", None),
        ),
    ],
)
def test_a_call_for_someone_to_act_asks_it(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(r in ("RETREAT", "ASSAULT") for r, _, _ in triples)


def test_a_call_not_made_is_negated(nlp, registry):
    claims = claims_of_text(nlp, registry, "Kenya did not call for Somalia to withdraw.")
    requests = [c for c in claims if c.relation == "REQUEST"]
    assert requests and all(c.polarity == "negated" for c in requests)
