""" "X is to blame (for Y)" accuses X, by whoever says it: the quote's speaker or the one
who reports the clause ("Kenya said Somalia was to blame"), else no one named. X is the
accused, never the accuser ("Russia is to blame" had made Russia accuse). Said of the
speaker itself, it is a denial ("said it was not to blame"). "Is to" elsewhere schedules
("is to visit"), and a question names no one. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


def _accusations(nlp, registry, text):
    return {t for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Somalia is to blame for the raid.", {("ACCUSE", None, "Somalia")}),
        ("Kenya said Somalia was to blame for the raid.", {("ACCUSE", "Kenya", "Somalia")}),
        (
            '"Somalia is to blame for these raids," Kenyan foreign minister Ali Musa said.',
            {("ACCUSE", "Ali Musa", "Somalia")},
        ),
    ],
)
def test_the_one_to_blame_is_accused(nlp, registry, text, expected):
    assert _accusations(nlp, registry, text) == expected


def test_the_speaker_not_to_blame_denies(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya said it was not to blame for the raid.")
    assert ("DENY", "Kenya", None) in triples
    assert not {t for t in triples if t[0] == "ACCUSE"}


@pytest.mark.parametrize(
    "text",
    ["The Kenyan minister is to visit Somalia next week.", "Who is to blame for the raid?"],
)
def test_no_blame_owed(nlp, registry, text):
    assert not _accusations(nlp, registry, text)


def test_blame_owed_cues_no_quote(nlp, registry):
    # the quote after it is nobody's words: "blame" here says nothing
    text = 'Somalia is to blame. The charter exists to "save every child from war."'
    quoted = [c for c in claims_of_text(nlp, registry, text) if c.quote]
    assert all(c.speaker is None for c in quoted)
