"""A forum or conference someone holds a title in is an organisation ("deputy director of
the Baltic Energy Forum", "chairman of the Munich Security Conference"); named as the
event it holds ("met at the World Economic Forum", "the forum opened") it stays an event,
no actor. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Roe, deputy director of the Baltic Energy Forum, said prices would rise.",
            ("AFFILIATED_WITH", "Jane Roe", "Baltic Energy Forum"),
        ),
        (
            "Jane Roe, chairman of the Munich Security Conference, said prices would rise.",
            ("LEADS", "Jane Roe", "Munich Security Conference"),
        ),
    ],
)
def test_a_body_with_officers_is_an_organisation(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Leaders met at the World Economic Forum in Davos.",
        "The Baltic Energy Forum opened on Monday.",
    ],
)
def test_a_forum_held_is_no_actor(nlp, registry, text):
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert not any(label.endswith("Forum") for label in labels)
