"""Unnamed groups that speak are actors in the plural ("political observers said",
"critics argued"); a single unnamed person ("an observer said") is none (GUIDE.md).
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _speakers(nlp, registry, text: str) -> list[str | None]:
    return [c.speaker.label if c.speaker else None for c in claims_of_text(nlp, registry, text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Political observers said the vote would deepen the crisis.", "observers"),
        ("Critics argued that the new law would silence the press.", "Critics"),
        ("Diplomats said the talks in Doha had stalled.", "Diplomats"),
        ("Analysts said the truce could collapse within days.", "Analysts"),
    ],
)
def test_an_unnamed_group_that_speaks_is_an_actor(nlp, registry, text, speaker):
    assert speaker in _speakers(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "An observer said the vote would deepen the crisis.",
        "One analyst said the truce could collapse within days.",
    ],
)
def test_a_single_unnamed_speaker_is_no_actor(nlp, registry, text):
    assert all(speaker is None for speaker in _speakers(nlp, registry, text))
