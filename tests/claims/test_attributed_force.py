"""Attributing an act of force to someone accuses them of it: "attributed the bombing to
X", "ascribed the killings to X", "pinned the attack on X" (PLOVER ACCUSE, the one who
attributes it as the accuser); in the passive with no agent ("the blast was attributed to
X", "another attack ascribed to X") the accused is kept with no accuser, as for "blamed on
X". What is attributed must be an act of force: crediting a rise in exports to a
government, or a quote to a minister, accuses nobody. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # the registry knows no Yemeni government apart from the country
            "The Yemeni government attributed the bombing to the Houthis.",
            ("ACCUSE", "Yemeni government", "Houthis"),
        ),
        (
            "The Somali army ascribed the killings in Mogadishu to al-Shabaab.",
            ("ACCUSE", "Somali army", "al-Shabaab"),
        ),
        (
            "Israeli officials pinned the rocket attack on Hamas.",
            ("ACCUSE", "Israeli officials", "Hamas"),
        ),
        (
            "Kabul attributes the suicide attack to the Taliban.",
            ("ACCUSE", "Afghanistan", "Taliban"),
        ),
    ],
)
def test_attributing_an_act_of_force_accuses(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert all(relation != "STATEMENT" for relation, _, _ in triples)


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The explosion in Aden was attributed to the Houthis.", "Houthis"),
        (
            "Last month a car bomb killed nine people, another attack ascribed to the Taliban.",
            "Taliban",
        ),
    ],
)
def test_an_attribution_with_no_agent_keeps_the_accused(nlp, registry, text, accused):
    assert ("ACCUSE", None, accused) in triples_of_text(nlp, registry, text)


def test_the_attributed_act_is_what_the_claim_is_about(nlp, registry):
    claims = claims_of_text(
        nlp, registry, "The Yemeni government attributed the bombing to the Houthis."
    )
    accusation = next(c for c in claims if c.relation == "ACCUSE")
    assert accusation.about is not None
    assert "bombing" in accusation.about.text


@pytest.mark.parametrize(
    "text",
    [
        "Economists attributed the rise in exports to the Iraqi government.",
        "The newspaper attributed the remark to the Turkish foreign minister.",
        "Analysts ascribe the fall in prices to OPEC.",
    ],
)
def test_attributing_anything_else_accuses_nobody(nlp, registry, text):
    assert all(relation != "ACCUSE" for relation, _, _ in triples_of_text(nlp, registry, text))
