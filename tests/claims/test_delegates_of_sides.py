"""Envoys of several sides named together are the sides as parties of a joint act: "the
foreign ministers of Egypt, Jordan and Qatar met" is a meeting of the three states, one
CONSULT per pair, as "Egypt, Jordan and Qatar met" is. One side's envoys ("the ministers
of Egypt met in Cairo") name no second party. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The foreign ministers of Egypt, Jordan and Qatar met in Cairo.",
            {
                ("CONSULT", "Egypt", "Jordan"),
                ("CONSULT", "Egypt", "Qatar"),
                ("CONSULT", "Jordan", "Qatar"),
            },
        ),
        (
            "Delegations of Kenya and Somalia held talks in Nairobi on the border.",
            {("CONSULT", "Kenya", "Somalia")},
        ),
        (
            "The leaders of France and Germany met in Berlin on Monday.",
            {("CONSULT", "France", "Germany")},
        ),
    ],
)
def test_envoys_of_several_sides_make_them_parties(nlp, registry, text, expected):
    assert expected <= triples_of_text(nlp, registry, text)


def test_one_sides_envoys_meet_no_second_party(nlp, registry):
    triples = triples_of_text(nlp, registry, "The foreign ministers of Egypt met in Cairo.")
    assert not any(relation == "CONSULT" for relation, _, _ in triples)
