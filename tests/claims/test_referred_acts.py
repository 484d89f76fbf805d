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
