"""A name the article already gave in full resolves whatever tag the small model gives
its short form ("Trump" tagged as a common noun opening a sentence); a capitalised common
noun that only opens a sentence ("Rice fields were flooded") is no name. Sentences
written for this test."""

from __future__ import annotations

import pytest

from extract.actors.mentions import MentionCollector
from tests.helpers import claims_of_text


def _doc(words, tags, deps, heads):
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize(
    ("words", "tags", "deps", "heads", "i", "expected"),
    [
        # a proper-noun tag is a name wherever it stands
        (
            ["Ruto", "spoke", "."],
            ["NNP", "VBD", "."],
            ["nsubj", "ROOT", "punct"],
            [1, 1, 1],
            0,
            True,
        ),
        # a common-noun tag on the subject opening the sentence
        (
            ["Trump", "spoke", "."],
            ["NN", "VBD", "."],
            ["nsubj", "ROOT", "punct"],
            [1, 1, 1],
            0,
            True,
        ),
        # a common-noun tag inside the sentence, capitalised
        (
            ["as", "Trump", "said"],
            ["IN", "NN", "VBD"],
            ["mark", "nsubj", "ROOT"],
            [2, 2, 2],
            1,
            True,
        ),
        # a common noun opening the sentence as a modifier: the capital is the sentence's
        (
            ["Rice", "fields", "flooded"],
            ["NN", "NNS", "VBD"],
            ["compound", "nsubj", "ROOT"],
            [1, 2, 2],
            0,
            False,
        ),
        # lower case is never a name; a verb tag is never one
        (["trump", "cards"], ["NN", "NNS"], ["compound", "ROOT"], [1, 1], 0, False),
        (["Said", "nothing"], ["VBD", "NN"], ["ROOT", "dobj"], [0, 0], 0, False),
    ],
)
def test_which_capitalised_words_may_be_a_name(words, tags, deps, heads, i, expected):
    doc = _doc(words, tags, deps, heads)
    assert MentionCollector._may_be_name(doc[i]) is expected


@pytest.mark.model
def test_a_short_form_tagged_as_a_common_noun_is_the_person_named_before(nlp, registry):
    # the small model tags the second "Trump" NN here
    text = (
        "Donald Trump met Kim Jong Un in Hanoi. Trump characterized the Iranian strike as a crime."
    )
    accusations = [c for c in claims_of_text(nlp, registry, text) if c.relation == "ACCUSE"]
    assert [c.subject.label if c.subject else None for c in accusations] == ["Donald Trump"]
