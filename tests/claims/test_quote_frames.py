"""Quotes framed by words the parser or the cue list missed: a cue after the quote with
the speaker behind it, which the parser may take for a modifier of the speaker's title
('"...," tweeted Mayor of London Sadiq Khan'); thanks that frame a quote ('X thanked "the
police ..."': the thanks are X's SUPPORT); and a verdict whose quoted words the parser
hangs as a modifier of "as" ('characterized the call as "perfectly fine"'). Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _quoted(nlp, registry, text):
    return [c for c in claims_of_text(nlp, registry, text) if c.quote]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"I am in awe of the people who ran towards danger" tweeted Mayor of London Sadiq '
            "Khan (no relation).",
            "Sadiq Khan",
        ),
        ('"We will rebuild the bridge," said Kenyan President Uhuru Kenyatta.', "Uhuru Kenyatta"),
        ('"We will rebuild the bridge," wrote Maria Lopez in a letter.', "Maria Lopez"),
        (
            'The mayor of Nairobi, Maria Lopez, thanked "the police and the fire brigade for '
            'their swift response".',
            "Maria Lopez",
        ),
        (
            'Maria Lopez characterized the call with the minister as "perfectly fine and routine."',
            "Maria Lopez",
        ),
    ],
)
def test_the_quote_has_its_speaker(nlp, registry, text, speaker):
    quoted = _quoted(nlp, registry, text)
    assert quoted and all(c.speaker is not None and c.speaker.label == speaker for c in quoted)


def test_thanks_framing_a_quote_are_support(nlp, registry):
    (claim,) = _quoted(
        nlp,
        registry,
        'Maria Lopez thanked "the police and the fire brigade for their swift response".',
    )
    assert claim.relation == "SUPPORT"


def test_a_name_inside_the_next_quote_is_no_speaker(nlp, registry):
    text = '"We will not wait," said Maria Lopez. "Kenya must act now."'
    for claim in _quoted(nlp, registry, text):
        assert claim.speaker is not None and claim.speaker.label == "Maria Lopez"
