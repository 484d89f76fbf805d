"""An allegation accuses whoever its clause is about ("Kenya alleged that Somalia was
arming the rebels": Kenya ACCUSE Somalia; PLOVER ACCUSE), not when the clause is negated
or about the speaker's own side. And a quote belongs to the cue whose clause holds it
before a nearer cue that only reports it ('X called it a "breach ...," according to
NBC': the words are X's). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya alleged Somalia was arming the rebels.", ("ACCUSE", "Kenya", "Somalia")),
        (
            "Richard Grenell alleged that Mahan Air had carried weapons to Syria.",
            ("ACCUSE", "Richard Grenell", "Mahan Air"),
        ),
        (
            "Ethiopia alleged on Sunday that Egypt had funded the militia.",
            ("ACCUSE", "Ethiopia", "Egypt"),
        ),
    ],
)
def test_an_allegation_accuses_its_clauses_subject(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    ["Kenya alleged that it had been attacked.", "Kenya alleged that Somalia had not paid."],
)
def test_no_accusation_of_oneself_or_of_nothing_done(nlp, registry, text):
    assert all(relation != "ACCUSE" for relation, _, _ in triples_of_text(nlp, registry, text))


def test_the_quote_is_the_governing_speakers_not_the_outlets(nlp, registry):
    text = (
        "Nancy Pelosi spoke on Monday. Pelosi called Trump's conduct a \"breach of his "
        'Constitutional responsibilities," according to NBC.'
    )
    quoted = [c for c in claims_of_text(nlp, registry, text) if c.quote]
    assert quoted and all(c.speaker is not None for c in quoted)
    assert {c.speaker.label for c in quoted} == {"Nancy Pelosi"}
