"""A quote that closes its own sentence takes its speaker from the sentence after only
when that sentence's cue reports nothing of its own ('"We will hold." said the
minister.'). A cue that governs a clause of its own ("The minister said the army was
ready"), or hangs on one ("As the envoy said, enough is enough"; "Rockets struck the base,
according to the police"), tells other words, not the quote's. A quote with no cue of
its own takes the speaker of the sentence before only when it is a clause or a predicate;
a phrase in marks is a term ('the "Bridges of Peace" festival'). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model

QUOTE = '"We will not be moved by these attacks on our people."'


def _quote_speakers(nlp, registry, text):
    return {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, text)
        if c.quote and "moved" in c.quote
    }


@pytest.mark.parametrize(
    "after",
    [
        "said the defence minister, Ali Hassan.",
        "Defence minister Ali Hassan said.",
        "The words were written by defence minister Ali Hassan.",
    ],
)
def test_a_cue_of_nothing_else_speaks_the_quote(nlp, registry, after):
    assert _quote_speakers(nlp, registry, f"{QUOTE} {after}") == {"Ali Hassan"}


@pytest.mark.parametrize(
    "after",
    [
        "Seventeen rockets struck near the base, according to defence minister Ali Hassan.",
        "As defence minister Ali Hassan said on Monday, enough is enough.",
        "Defence minister Ali Hassan said the army was ready for more.",
        "Defence minister Ali Hassan told reporters that the army was ready.",
    ],
)
def test_a_cue_of_its_own_words_does_not(nlp, registry, after):
    assert "Ali Hassan" not in _quote_speakers(nlp, registry, f"{QUOTE} {after}")


def test_its_own_words_are_still_its_speakers(nlp, registry):
    text = f"{QUOTE} Defence minister Ali Hassan said the army was ready for more."
    reported = [c for c in claims_of_text(nlp, registry, text) if not c.quote]
    assert [c.speaker.label for c in reported if c.speaker] == ["Ali Hassan"]


# ---- the sentence before: a quoted clause or predicate, never a term ---------------------

SPOKE = "Defence minister Ali Hassan spoke to reporters on Monday. "


@pytest.mark.parametrize(
    "quoted",
    [
        'The army "will not be moved by these attacks."',
        'He told the army to "hold every road and bridge in the valley."',
    ],
)
def test_a_quoted_clause_takes_the_speaker_before(nlp, registry, quoted):
    speakers = {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, SPOKE + quoted)
        if c.quote
    }
    assert speakers == {"Ali Hassan"}


@pytest.mark.parametrize(
    "quoted",
    [
        'The town hosts the "Bridges of Peace" festival every year.',
        'Its new school, "New Horizons for Girls", opened in May.',
    ],
)
def test_a_quoted_term_takes_no_speaker_from_before(nlp, registry, quoted):
    spoken = [c for c in claims_of_text(nlp, registry, SPOKE + quoted) if c.quote and c.speaker]
    assert spoken == []
