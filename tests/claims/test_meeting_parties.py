"""A plural subject of a joint act refers back to the parties of the meeting just told
("X spoke with Y. They discussed ..."): extract.claims.pairs.meeting_parties. Sentences
written for this test, in several wordings."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _claims(nlp, registry, text: str):
    return [
        (c.relation, c.subject.label if c.subject else None, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
        if text.index(c.text) > 0  # the second sentence's claims
    ]


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Joe Biden spoke with Mark Carney on Monday. They discussed trade.", "CONSULT"),
        ("Jake Sullivan met Yoav Gallant on Tuesday. They discussed the ceasefire.", "CONSULT"),
        ("Antony Blinken met with Dmytro Kuleba in Kyiv. The two agreed to meet again.", "AGREE"),
        ("Joe Biden met Mark Carney. Both leaders discussed the border.", "CONSULT"),
    ],
)
def test_they_are_the_parties_of_the_meeting(nlp, registry, text, relation):
    claims = _claims(nlp, registry, text)
    assert any(r == relation and s and o and s != o for r, s, o in claims), claims


def test_a_group_named_before_the_meeting_is_not_they(nlp, registry):
    text = (
        "Hezbollah fired rockets at Haifa. Jake Sullivan met Yoav Gallant on Tuesday. "
        "They discussed the escalation."
    )
    assert all(s != "Hezbollah" for _, s, _ in _claims(nlp, registry, text))


def test_they_of_an_act_that_is_not_joint_keeps_its_own_reference(nlp, registry):
    text = "Protesters gathered outside the parliament. They demanded new elections."
    assert ("REQUEST", "Protesters", None) in _claims(nlp, registry, text)


def test_a_second_joint_act_keeps_the_meeting_parties(nlp, registry):
    text = (
        "Jake Sullivan met Yoav Gallant on Tuesday. They discussed U.S. efforts to calm "
        "the border. The two also discussed the hostages."
    )
    consults = [c for c in _claims(nlp, registry, text) if c[0] == "CONSULT"]
    assert consults and all(s == "Jake Sullivan" for _, s, _ in consults), consults


@pytest.mark.parametrize(
    "text",
    [
        "Intro. Antony Blinken discussed Iranian threats with Yoav Gallant.",
        "Intro. Antony Blinken discussed U.S. aid to Kyiv with Dmytro Kuleba.",
    ],
)
def test_what_is_discussed_is_no_party(nlp, registry, text):
    consults = [c for c in _claims(nlp, registry, text) if c[0] == "CONSULT"]
    assert consults and all(o not in ("Iran", "US government") for _, _, o in consults), consults


def test_a_relation_with_a_country_is_part_of_the_topic(nlp, registry):
    text = "Intro. Antony Blinken discussed Israel's relations with Gulf countries."
    assert not [c for c in _claims(nlp, registry, text) if c[0] == "CONSULT" and c[2]]
