"""A speech verb set into a clause as an aside reports that clause ("The ceasefire, Hamas
said, would hold"): the speaker's STATEMENT, and the speaker of the acts the clause
tells (extract.claims.reporters.parenthetical_cue). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


_claims = claims_of_text


def _label(ref):
    return ref.label if ref is not None else None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ceasefire, Hamas said in a statement, would hold until Friday.", "Hamas"),
        ("The border, Turkey said on Monday, will stay closed to traffic.", "Turkey"),
        ("The convoy, the Red Cross said, reached the city before dawn.", "Red Cross"),
    ],
)
def test_an_aside_cue_gives_its_speaker_a_statement(nlp, registry, text, speaker):
    statements = [c for c in _claims(nlp, registry, text) if c.relation == "STATEMENT"]
    assert [_label(c.speaker) for c in statements] == [speaker]


def test_an_act_told_in_the_clause_has_the_aside_speaker(nlp, registry):
    text = "Russian forces, Ukraine said, had shelled Kharkiv overnight."
    (assault,) = [c for c in _claims(nlp, registry, text) if c.relation == "ASSAULT"]
    assert _label(assault.subject) == "Russian forces"
    assert _label(assault.speaker) in ("Ukraine", "Ukrainian government")


@pytest.mark.parametrize(
    "text",
    [
        # a verb of speech with its own clause is no aside: it reports its own clause
        "Hamas said the ceasefire would hold, and Israel agreed.",
        # a non-speech verb set in as an aside reports nothing
        "The ceasefire, Hamas hoped, would hold until Friday.",
    ],
)
def test_only_a_speech_verb_without_a_clause_of_its_own_is_an_aside(nlp, registry, text):
    speakers = [_label(c.speaker) for c in _claims(nlp, registry, text)]
    assert speakers.count("Hamas") <= 1
