"""A named person attacked, killed, released or pardoned by nobody the sentence names is
still the patient of the act: "X was stabbed", "X was murdered", "X was released from
prison", "X was granted clemency" give the act with an empty subject (GUIDE.md: an
unknown doer is left empty); a group's operative stands for the group. Not when the
patient is only a state behind its people ("six Kenyan nationals were killed": not
Kenya), when the act happened in a strike or an
attack the text tells of itself, or when it is only asked for ("all prisoners should be
released": the speaker's demand, tests/claims/test_passive_demands.py). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenyan minister John Kamau was stabbed on Thursday.", ("ASSAULT", None, "John Kamau")),
        ("The journalist Jane Roe was murdered last October.", ("ASSAULT", None, "Jane Roe")),
        ("John Kamau was assassinated on Monday.", ("ASSAULT", None, "John Kamau")),
        ("John Kamau was released from prison a week ago.", ("RETREAT", None, "John Kamau")),
        ("John Kamau was granted clemency in May.", ("RETREAT", None, "John Kamau")),
        ("John Kamau was pardoned in May.", ("RETREAT", None, "John Kamau")),
    ],
)
def test_an_agentless_act_keeps_its_patient(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Six Kenyan nationals were killed in the shooting.",
        "John Kamau was killed in the January strike on Mogadishu.",
        "Jane Roe said all prisoners should be released.",
    ],
)
def test_no_patient_behind_a_noun_in_a_told_strike_or_asked_for(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert not any(r in {"ASSAULT", "RETREAT"} and s is None for r, s, _ in triples)


def test_a_groups_operative_stands_for_the_group(nlp, registry):
    text = "A senior al-Shabaab operative was captured in Somalia on Wednesday."
    assert ("COERCE", None, "al-Shabaab") in triples_of_text(nlp, registry, text)


def test_a_capture_in_an_operation_keeps_its_captive(nlp, registry):
    text = "A senior al-Shabaab operative was captured in Kismayo on Wednesday, in an operation."
    assert ("COERCE", None, "al-Shabaab") in triples_of_text(nlp, registry, text)
