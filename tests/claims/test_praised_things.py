"""Praise of something that is no actor is the praiser's SUPPORT with no object ("Kenya
welcomed the deal", "Kenya endorsed the plan"), in the passive too when its "by" agent
names the praiser ("the deal was welcomed by Kenya"). With nobody named, no claim.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Kenya endorsed the plan.",
        "The deal was welcomed by Kenya.",
        "The plan was endorsed by Kenya on Monday.",
        "The ceasefire was hailed by Kenya as a breakthrough.",
    ],
)
def test_praise_of_a_thing_is_the_praisers_support(nlp, registry, text):
    assert ("SUPPORT", "Kenya", None) in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize("text", ["The deal was welcomed.", "The plan was widely endorsed."])
def test_praise_by_nobody_named_is_no_claim(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "SUPPORT"]
