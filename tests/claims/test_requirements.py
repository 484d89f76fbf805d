"""What an act is needed or required for is a rule or a duty, not the act done: "a majority
of the parliament is needed to impeach the president", "Kenya is required to withdraw its
troops" tell no impeachment and no withdrawal. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "not_done"),
    [
        (
            "A two-thirds majority of the Kenyan parliament is needed to impeach the president.",
            "ACCUSE",
        ),
        ("Kenya is required to withdraw its troops from Somalia.", "RETREAT"),
        ("Under the deal, Uganda is required to release the detained fishermen.", "RETREAT"),
    ],
)
def test_a_required_act_is_not_done(nlp, registry, text, not_done):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == not_done]


def test_an_act_done_stays_done(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya withdrew its troops from Somalia.")
    assert any(r == "RETREAT" and s == "Kenya" for r, s, _ in triples)
