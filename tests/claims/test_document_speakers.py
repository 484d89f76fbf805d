"""Documents speak for whoever posts or issues them, as "a statement from Kenya said" is
Kenya's quote:

- a document posted on someone's account, page or website speaks for its owner: "A tweet
  sent from Ruto's Twitter account said, '...'", "a post on the ministry's Facebook page",
  "a statement on the website of the ministry"; a statement "on" a topic names no author
  ("a statement on Somalia said");
- a document someone issues speaks for them: "Kenya issued a statement which said,
  '...'", "the ministry released a statement saying '...'", "Kenya put out a communique
  that read: '...'"; not one someone received.

Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _speakers(nlp, registry, text):
    return {c.speaker.label for c in claims_of_text(nlp, registry, text) if c.quote and c.speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'A tweet sent from William Ruto\'s Twitter account said, "The election was free."',
            "William Ruto",
        ),
        (
            'A post on William Ruto\'s Facebook page said, "The border will reopen on Monday."',
            "William Ruto",
        ),
        (
            'A statement on the website of Raila Odinga said, "The border will reopen soon."',
            "Raila Odinga",
        ),
        (
            'A message posted on William Ruto\'s official account said, "We will win."',
            "William Ruto",
        ),
    ],
)
def test_a_document_on_an_owners_channel_speaks_for_the_owner(nlp, registry, text, speaker):
    assert speaker in _speakers(nlp, registry, text)


def test_a_statement_on_a_topic_names_no_author(nlp, registry):
    text = 'A statement on Somalia said, "The border will reopen on Monday."'
    assert "Somalia" not in _speakers(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Kenya issued a statement which said, "The border will reopen on Monday."', "Kenya"),
        ('Uganda released a statement saying, "The border will reopen on Monday."', "Uganda"),
        ('Somalia put out a communique that said: "The talks will resume in May."', "Somalia"),
        (
            'On Monday, William Ruto published a letter which said, "We will not back down."',
            "William Ruto",
        ),
    ],
)
def test_a_document_someone_issues_speaks_for_them(nlp, registry, text, speaker):
    assert speaker in _speakers(nlp, registry, text)


def test_a_document_received_is_not_the_receivers(nlp, registry):
    text = 'Kenya received a letter which said, "The border will reopen on Monday."'
    assert "Kenya" not in _speakers(nlp, registry, text)
