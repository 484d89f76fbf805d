"""Inside quote marks a speaker says "I" or "we": a third-person pronoun there is someone
else. 'Jane Roe told reporters, "He had agreed to leave"' is no agreement of Roe's. In
reported speech the pronoun may be the reporter ("Jane Roe said she had agreed to
leave"), and "we" in a quote is the speaker's side. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        'Jane Roe told reporters, "He had agreed to leave the country."',
        'John Doe was freed in 2018. Jane Roe told reporters, "He had agreed to wear a tag."',
        '"She has promised to resign," Jane Roe said.',
    ],
)
def test_a_quoted_third_person_is_not_the_speaker(nlp, registry, text):
    assert not [
        t for t in triples_of_text(nlp, registry, text) if t[0] == "AGREE" and t[1] == "Jane Roe"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe said she had agreed to leave.",
        '"I have agreed to leave," Jane Roe said.',
    ],
)
def test_the_speaker_in_their_own_words(nlp, registry, text):
    assert ("AGREE", "Jane Roe", None) in triples_of_text(nlp, registry, text)
