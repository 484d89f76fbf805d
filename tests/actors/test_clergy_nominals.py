"""Clergy and royalty are named by their title once a text has named them with it:
"Archbishop Jorge Scheinig ... the archbishop said", "Imam X ... the imam said". The title
must be theirs: "the archbishop said" after naming only a minister refers to no one.
Sentences written for this test."""

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
            'Archbishop Jorge Scheinig criticised the plan. "We need to pray," the archbishop'
            " said.",
            "Archbishop Jorge Scheinig",
        ),
        (
            'Imam Yusuf Adamu led the prayers on Friday. "Peace is near," the imam told the crowd.',
            "Imam Yusuf Adamu",
        ),
        (
            'Rabbi Miriam Levy opened the hall. "All are welcome here," the rabbi said.',
            "Rabbi Miriam Levy",
        ),
    ],
)
def test_a_title_noun_refers_to_its_holder(nlp, registry, text, speaker):
    assert _quote_speakers(nlp, registry, text) == {speaker}


def test_a_title_noun_with_no_holder_refers_to_no_one(nlp, registry):
    text = 'Minister Ana Silva opened the hall. "All are welcome here," the archbishop said.'
    assert _quote_speakers(nlp, registry, text) == {None}
