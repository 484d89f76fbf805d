"""A quote that asserts its content through a frame is typed by what the frame holds: a
first-person verb of knowing or saying ('"We know that Somalia violated the truce"') or an
impersonal "it is ..." ('"It is clear that ..."', '"It is important to point out that
..."'). A negated frame ('"I do not think that ..."') asserts nothing, and the speaker's
own side under a frame is no one accused. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        '"We know that Somalia violated the truce," William Ruto said.',
        '"It is clear that Somalia violated the truce," William Ruto said.',
        '"It is important to point out that Somalia violated the truce," William Ruto said.',
        '"I believe that Somalia broke the ceasefire," William Ruto told reporters.',
    ],
)
def test_a_framed_wrong_accuses(nlp, registry, text):
    assert ("ACCUSE", "William Ruto", "Somalia") in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"I do not think that Somalia violated the truce," William Ruto said.',
        '"We know that we made mistakes," William Ruto said.',
        '"It is clear that the talks with Somalia will go on," William Ruto said.',
    ],
)
def test_a_negated_or_harmless_frame_accuses_no_one(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"]
