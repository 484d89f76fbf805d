"""A phrase in quote marks that nobody is reported to say, with no finite verb in it, is a
term set off in marks, not a quote: no claim ('the "one country, two systems" model',
'the pardons were "full and unconditional"'). A clause in marks with no speaker found
stays a quote; a short phrase with a speaker or a cue stays that speaker's quote.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _quotes(nlp, registry, text):
    return [
        (c.quote, c.speaker.label if c.speaker else None)
        for c in claims_of_text(nlp, registry, text)
        if c.quote
    ]


@pytest.mark.parametrize(
    "text",
    [
        'The island is run under the "two councils, one flag" arrangement.',
        'All of the releases granted were "final and unconditional".',
        'The name "Black Friday" comes from the number of shops that open early.',
        'The board is charged with "protecting the rights of tenants" in the city.',
        'The second driver was in "stable but serious" condition on Monday.',
    ],
)
def test_phrase_in_marks_with_nobody_saying_it_is_no_quote(nlp, registry, text):
    assert _quotes(nlp, registry, text) == []


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a clause in marks: something was said, though the text does not say by whom
        (
            'Residents were told that "the water will be back by Friday".',
            "the water will be back by Friday",
            None,
        ),
        # a phrase with its speaker named
        (
            'Jane Roe said the talks were "slow but steady".',
            "slow but steady",
            "Jane Roe",
        ),
        (
            'The plan was "dead on arrival," Jane Roe said.',
            "dead on arrival,",
            "Jane Roe",
        ),
    ],
)
def test_said_words_stay_quotes(nlp, registry, text, quote, speaker):
    assert _quotes(nlp, registry, text) == [(quote, speaker)]
