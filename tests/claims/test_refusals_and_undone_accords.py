"""Refusals, accords undone, conditions and congratulations, read for what they do. "We will
not allow Hamas to attack Israel" threatens Hamas, the one not let act, and tells no attack;
"we cannot allow ourselves to become numb" refuses only the speaker's own self and threatens
no one. "Putin killed the Minsk agreements" undoes an accord (REJECT), no act of force, and
the city it is named after is no party. An act told as the means of a condition ("if Russia
commits this breach by invading Ukraine") is only supposed. Congratulations offered are
praise (SUPPORT), not an offer. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def test_a_refusal_to_let_act_threatens_the_one_not_let(nlp, registry):
    triples = triples_of_text(
        nlp, registry, '"We will not allow Hamas to attack Israel again," Joe Biden said.'
    )
    assert ("THREATEN", "Joe Biden", "Hamas") in triples
    assert not any(r == "ASSAULT" for r, _, _ in triples)
    assert ("THREATEN", "Joe Biden", "Israel") not in triples


@pytest.mark.parametrize(
    "text",
    [
        '"We cannot allow ourselves to become numb to the suffering," Joe Biden said.',
        '"Iran will not allow itself to be bullied," Javad Zarif said.',
    ],
)
def test_a_refusal_of_ones_own_self_threatens_no_one(nlp, registry, text):
    assert not any(r == "THREATEN" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Putin killed the Minsk agreements.", ("REJECT", "Putin", None)),
        ("Russia killed the grain deal with Ukraine in July.", ("REJECT", "Russia", "Ukraine")),
    ],
)
def test_an_accord_killed_is_rejected(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(r == "ASSAULT" or o == "Belarus" for r, _, o in triples)


def test_killing_people_stays_force(nlp, registry):
    triples = triples_of_text(nlp, registry, "Russia killed two Ukrainian soldiers.")
    assert ("ASSAULT", "Russia", "Ukrainian soldiers") in triples


def test_the_means_of_a_condition_is_supposed(nlp, registry):
    text = "If Russia commits this breach by invading Ukraine, the world will respond."
    assert not any(r == "ASSAULT" for r, _, _ in triples_of_text(nlp, registry, text))
    told = triples_of_text(nlp, registry, "Russia committed a breach by invading Ukraine.")
    assert ("ASSAULT", "Russia", "Ukraine") in told


def test_congratulations_offered_are_praise(nlp, registry):
    text = (
        "Antony J. Blinken, Secretary of State\n\nOn behalf of the United States, I offer our "
        "warmest congratulations to Yair Lapid on assuming the role of Prime Minister.\n"
    )
    triples = triples_of_text(nlp, registry, text, publisher="U.S. Department of State")
    assert ("SUPPORT", "Antony Blinken", "Yair Lapid") in triples
    assert not any(r == "AGREE" for r, _, _ in triples)


def test_sanctions_lifted_stay_eased(nlp, registry):
    triples = triples_of_text(nlp, registry, "The United States lifted sanctions on Iran.")
    assert ("RETREAT", "US government", "Iran") in triples
    assert not any(r == "REJECT" for r, _, _ in triples)
