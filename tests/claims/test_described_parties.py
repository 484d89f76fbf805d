"""A common noun set beside a name describes the one named; it is no second party:
"met with Zalmay Khalilzad, a US peace envoy" is a meeting with Khalilzad, not with the
US government too. A list of names in apposition still gives each one ("met his
counterparts, Jane Roe and John Doe"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban met on Monday with Zalmay Khalilzad, a US peace envoy, in Qatar.",
        "The Taliban met with Zalmay Khalilzad, the US envoy, in Doha.",
        "The Taliban held talks with Zalmay Khalilzad, an American diplomat.",
    ],
)
def test_a_description_beside_a_name_is_no_party(nlp, registry, text):
    consulted = {t[2] for t in triples_of_text(nlp, registry, text) if t[0] == "CONSULT"}
    assert consulted == {"Zalmay Khalilzad"}


def test_names_in_apposition_are_each_a_party(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Kenya's president met his counterparts, Yoweri Museveni and Paul Kagame."
    )
    consulted = {t[2] for t in triples if t[0] == "CONSULT"}
    assert {"Yoweri Museveni", "Paul Kagame"} <= consulted
