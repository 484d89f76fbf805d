"""When what must stop is an act ("the detention of X must end", "the torture of
prisoners like X must cease"), the obligation asks the act's doer, named as its
possessor ("Iran's attacks must stop"), never the one the act is done to; with no doer
named it asks no one named. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_official_text

pytestmark = pytest.mark.model


def _asked(nlp, registry, body):
    triples = triples_of_official_text(nlp, registry, body)
    return {t[2] for t in triples if t[0] == "REQUEST"}


@pytest.mark.parametrize(
    "body",
    [
        "The detention of Nasrin Sotoudeh must end.",
        "The torture and mistreatment of political prisoners like Narges Mohammadi must cease.",
        "The arbitrary detention of Kylie Moore-Gilbert has to end now.",
    ],
)
def test_the_one_an_act_is_done_to_is_not_asked(nlp, registry, body):
    assert _asked(nlp, registry, body) == {None}


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("Iran's attacks on shipping must stop.", "Iran"),
        ("The Houthis must stop their attacks on shipping.", "Houthis"),
    ],
)
def test_the_doer_is_asked(nlp, registry, body, asked):
    assert _asked(nlp, registry, body) == {asked}
