"""The parties of a joint act are each paired with each other: "Kenya, Uganda and
Tanzania signed an agreement" is three agreements, one per pair (GUIDE.md: coordinated
actors give one claim each); a noun of a joint act names its parties with "between" or
with a list after "of" ("talks between X and Y were held", "the trilateral meeting of X, Y
and Z"). "Talks with X and Y" names only the other side, and a meeting "of" one body
pairs nobody. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _pairs(nlp, registry, text, relation):
    return {
        frozenset((c.subject.label, c.object.label))
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation and c.subject and c.object
    }


def _all_pairs(*names):
    return {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1 :]}


@pytest.mark.parametrize(
    ("text", "relation", "parties"),
    [
        (
            "Kenya, Uganda and Tanzania signed an agreement.",
            "AGREE",
            ("Kenya", "Uganda", "Tanzania"),
        ),
        ("Egypt, Jordan and Iraq met in Cairo on Sunday.", "CONSULT", ("Egypt", "Jordan", "Iraq")),
        ("Talks between Kenya and Somalia were held in Nairobi.", "CONSULT", ("Kenya", "Somalia")),
        (
            "A meeting between Egypt and Jordan took place on Monday.",
            "CONSULT",
            ("Egypt", "Jordan"),
        ),
        (
            "During the trilateral meeting of Kenya, Uganda and Tanzania, the ministers spoke.",
            "CONSULT",
            ("Kenya", "Uganda", "Tanzania"),
        ),
    ],
)
def test_each_party_with_each_other(nlp, registry, text, relation, parties):
    assert _all_pairs(*parties) <= _pairs(nlp, registry, text, relation)


def test_talks_with_two_sides_do_not_pair_the_sides(nlp, registry):
    pairs = _pairs(nlp, registry, "Kenya held talks with Somalia and Ethiopia.", "CONSULT")
    assert pairs == {frozenset(("Kenya", "Somalia")), frozenset(("Kenya", "Ethiopia"))}


def test_a_meeting_of_one_body_pairs_nobody(nlp, registry):
    claims = claims_of_text(nlp, registry, "A meeting of the UN Security Council was held.")
    assert not [c for c in claims if c.relation == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli War Cabinet members Benny Gantz and Gadi Eizenkot met the envoy.",
        "Kenya and Uganda met reporters in Nairobi.",
        "Kenya and Uganda met the mediators on Monday.",
    ],
)
def test_a_joint_act_with_another_party_named_pairs_nobody(nlp, registry, text):
    """The co-subjects met someone else, though no actor of the graph: no meeting of
    theirs with each other."""
    assert not [c for c in claims_of_text(nlp, registry, text) if c.relation == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya and Uganda met each other in Nairobi.", "CONSULT"),
        ("Kenya and Uganda signed a deal.", "AGREE"),
        ("Kenya and Uganda reached an agreement.", "AGREE"),
    ],
)
def test_what_the_parties_did_together_still_pairs_them(nlp, registry, text, relation):
    pairs = {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation and c.subject and c.object
    }
    assert pairs == {("Kenya", "Uganda")}


def test_an_agreement_with_a_third_party_binds_its_co_subjects(nlp, registry):
    """A joint agreement binds all its parties: "Kenya and Uganda reached an agreement with
    foreign oil companies" is an agreement of Kenya and Uganda too."""
    text = "Kenya and Uganda reached an agreement with foreign oil companies."
    pairs = {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "AGREE" and c.subject and c.object
    }
    assert pairs == {("Kenya", "Uganda")}
