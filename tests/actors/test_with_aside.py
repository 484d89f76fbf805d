"""A person set off with a "with" aside naming an organisation serves with it
("Sergeant John Kamau, with the 82nd Airborne Division, said": AFFILIATED_WITH); "with"
naming help, a companion or a meeting's party is no membership. Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def test_a_with_aside_names_the_unit_served_with(nlp, registry):
    text = "Sergeant John Kamau, with the 82nd Airborne Division, said the patrol was ambushed."
    assert ("AFFILIATED_WITH", "John Kamau", "82nd Airborne Division") in triples_of_text(
        nlp, registry, text
    )


@pytest.mark.parametrize(
    "text",
    [
        "John Kamau, with the help of the UN, rebuilt the school.",
        "John Kamau, together with Jane Roe, visited Kenya.",
        "John Kamau met with the Red Cross on Monday.",
    ],
)
def test_other_withs_are_no_membership(nlp, registry, text):
    assert not any(r == "AFFILIATED_WITH" for r, _, _ in triples_of_text(nlp, registry, text))
