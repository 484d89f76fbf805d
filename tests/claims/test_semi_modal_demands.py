"""What someone says another side needs to, has to or ought to do, it demands of that side,
as with "must" and "should" (GUIDE: REQUEST; PLOVER REQUEST): "Ruto said Somalia needs to
stop the raids", '"Somalia has to withdraw," Ruto said'. Not the speaker's own need ("we
need to act"), not a need denied ("does not need to"), not a need of things ("the road
needs to be repaired" asks no one named), not a past need ("had to withdraw" tells what
happened), and "has agreed to" is no obligation. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _requests(nlp, registry, text):
    return {
        (c.subject.label, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "REQUEST" and c.subject and c.polarity == "affirmed"
    }


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto said Somalia needs to stop the raids.",
        "William Ruto said Somalia has to stop the raids.",
        "William Ruto said Somalia ought to stop the raids.",
        "William Ruto said that Somalia would need to withdraw its troops.",
        '"Somalia needs to stop the raids," William Ruto said.',
        '"Somalia has to withdraw its troops now," William Ruto said.',
        '"Somalia ought to end the raids," William Ruto told reporters.',
    ],
)
def test_a_need_said_of_another_side_is_demanded_of_it(nlp, registry, text):
    assert ("William Ruto", "Somalia") in _requests(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto said Kenya needs to rebuild its roads.",  # his own side
        '"We need to rebuild our roads," William Ruto said.',
        "William Ruto said Somalia does not need to withdraw its troops.",
        "William Ruto said Somalia has agreed to withdraw its troops.",
        "William Ruto said the border road needs to be repaired.",
        "William Ruto said Somalia had to withdraw its troops in 2019.",  # what happened
    ],
)
def test_no_demand_of_oneself_of_nobody_or_without_a_need(nlp, registry, text):
    assert not {pair for pair in _requests(nlp, registry, text) if pair[1] == "Somalia"}


@pytest.mark.parametrize(
    "text",
    [
        '"We have made concessions because we have to build trust," said Ahmed Aden, a '
        "spokesman for al-Shabaab.",
        "Ahmed Aden, a spokesman for al-Shabaab, said al-Shabaab must build trust.",
    ],
)
def test_a_spokesman_asks_nothing_of_his_own_side(nlp, registry, text):
    assert not {pair for pair in _requests(nlp, registry, text) if pair[1] == "al-Shabaab"}
