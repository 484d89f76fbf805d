"""A speech verb in a relative clause whose object is the relative pronoun ("the matter,
which the BBC noted as unusual", "the budget, which Reuters described as austere") tells
what was said of the antecedent: it is no cue for a quote outside that clause, which
stays with the speaker whose clause holds it. A quote inside the relative clause is the
relative clause's speaker's ('which Reuters called "a reckless gamble"'). Nor is a speech
verb in a condition of its own a cue ("the letter, if written by X, ..."). Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _quote_speakers(nlp, registry, text):
    return {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, text)
        if c.quote
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Finance Minister Ana Silva spoke about the budget, which Reuters described as"
            ' austere: "We have no choice but to cut spending."',
            "Ana Silva",
        ),
        (
            "Mayor Tom Berg commented on the closure, which the Herald reported on Monday:"
            ' "This is a sad day for the town."',
            "Tom Berg",
        ),
        (
            "Senator Maria Lopez spoke on the vote — which CNN described as historic —"
            ' "Today the chamber kept its word."',
            "Maria Lopez",
        ),
        (
            'The minister rejected the plan, which Reuters called "a reckless gamble".',
            "Reuters",
        ),
    ],
)
def test_a_relative_clause_speaks_only_of_its_antecedent(nlp, registry, text, speaker):
    assert _quote_speakers(nlp, registry, text) == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to prosecutor Ana Silva, the letter, if written by Tom Hale, would"
            ' change the case: "The key factor is intent."',
            "Ana Silva",
        ),
        (
            'Ana Silva said the letter, if signed by Tom Hale, would be proof: "We will see."',
            "Ana Silva",
        ),
    ],
)
def test_a_saying_only_supposed_cues_no_quote(nlp, registry, text, speaker):
    assert _quote_speakers(nlp, registry, text) == {speaker}
