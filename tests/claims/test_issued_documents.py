"""A document someone issues speaks for them: "Kenya issued a statement which said, '...'",
"the ministry released a statement saying '...'", "Kenya put out a communique that read:
'...'" are Kenya's (and the ministry's) quotes, as "a statement from Kenya said" is.
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
