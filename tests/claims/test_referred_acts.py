"""An act aimed at "the deal", "the inquiry" or "the attack" with no maker of its own is
aimed at whoever made the act the noun refers back to: the nearest act of the same kind in
its sentence or the one before ("Kenya and Somalia signed a border deal. Ethiopia denounced
the deal." accuses Kenya and Somalia; "Somalia opened an inquiry into Kenya. Kenya
criticised the inquiry." accuses Somalia). An indefinite noun ("a deal") or one too far
back refers to nothing. Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _objects(nlp, registry, text, relation, subject):
    return {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation and c.subject and c.subject.label == subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "relation", "subject", "objects"),
    [
        (
            "Kenya and Somalia signed a border deal on Monday. Ethiopia denounced the deal.",
            "ACCUSE",
            "Ethiopia",
            {"Kenya", "Somalia"},
        ),
        (
            "Egypt and Sudan reached an agreement on the dam. Ethiopia rejected the agreement.",
            "REJECT",
            "Ethiopia",
            {"Egypt", "Sudan"},
        ),
        (
            "An agreement between Egypt and Sudan was signed on Monday. Ethiopia condemned "
            "the agreement on Tuesday.",
            "ACCUSE",
            "Ethiopia",
            {"Egypt", "Sudan"},
        ),
        (
            "Somalia opened an inquiry into Kenya's role in the raid. Kenya criticised the "
            "inquiry.",
            "ACCUSE",
            "Kenya",
            {"Somalia"},
        ),
        (
            "Uganda welcomed the accord that Kenya and Somalia signed, and Ethiopia praised "
            "the accord.",
            "SUPPORT",
            "Ethiopia",
            {"Kenya", "Somalia"},
        ),
    ],
)
def test_a_noun_referring_back_aims_at_the_makers(nlp, registry, text, relation, subject, objects):
    assert objects <= _objects(nlp, registry, text, relation, subject)


@pytest.mark.parametrize(
    ("text", "relation", "subject"),
    [
        # indefinite: a new deal, not the one signed
        (
            "Kenya and Somalia signed a border deal. Ethiopia denounced a deal on grazing.",
            "ACCUSE",
            "Ethiopia",
        ),
        # too far back
        (
            "Kenya and Somalia signed a border deal in May. The rains came early. Farmers "
            "planted maize. Prices fell in June. Ethiopia denounced the deal.",
            "ACCUSE",
            "Ethiopia",
        ),
        # another kind of act
        (
            "Kenya and Somalia held talks on Monday. Ethiopia denounced the deal.",
            "ACCUSE",
            "Ethiopia",
        ),
        # an act aimed at the earlier noun did not make it
        (
            "Kenya and Somalia welcomed the agreement on Monday. Ethiopia denounced the agreement.",
            "ACCUSE",
            "Ethiopia",
        ),
    ],
)
def test_no_maker_without_a_referred_act(nlp, registry, text, relation, subject):
    assert not _objects(nlp, registry, text, relation, subject) & {"Kenya", "Somalia"}


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # the same noun said sentences before, its makers named by the verb that made it
        (
            "Kenya and Somalia signed a maritime border agreement in May. Fishermen were "
            "pleased. Uganda denounced the agreement on Friday.",
            "Uganda",
        ),
        (
            "Kenya and Somalia signed a deal in May. Six weeks later, Uganda and Tanzania held "
            "talks. The talks went well. Rwanda denounced the deal.",
            "Rwanda",
        ),
        # through a mention between that itself refers back
        (
            "Kenya and Somalia signed a border agreement in May. The agreement sets a new "
            "line. Fishermen were pleased. Traders were pleased. Rwanda denounced the agreement.",
            "Rwanda",
        ),
        # or by a pair of nationalities on the noun
        (
            "Ethiopia commented on the Kenyan-Somali maritime agreement. Talks went on. Later, "
            "Rwanda denounced the agreement again.",
            "Rwanda",
        ),
    ],
)
def test_a_noun_said_again_refers_back_sentences_later(nlp, registry, text, accuser):
    assert {"Kenya", "Somalia"} <= _objects(nlp, registry, text, "ACCUSE", accuser)


def test_only_the_same_noun_reaches_further_back(nlp, registry):
    text = (
        "Kenya and Somalia signed a deal in May. Fishermen were pleased. Traders were "
        "pleased. Rwanda denounced the agreement."
    )
    assert not _objects(nlp, registry, text, "ACCUSE", "Rwanda") & {"Kenya", "Somalia"}
