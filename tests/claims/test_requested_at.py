"""An act done "at the request of X" (also "at X's request", "at the behest of X", "at
the urging of X") tells X's REQUEST of whoever does the act: the subject of an active
verb, the agent of a passive one, no one named when a passive has no agent. A request
that is only the object of an act ("rejected the request of X") is no such phrase.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At the request of Iraq, the United States sent more troops.",
            ("REQUEST", "Iraq", "US government"),
        ),
        (
            "Japan sent two minesweepers to the Gulf at the request of the United States.",
            ("REQUEST", "US government", "Japan"),
        ),
        (
            "Parliament was suspended by Queen Elizabeth II at the request of Prime Minister"
            " Boris Johnson.",
            ("REQUEST", "Boris Johnson", "Queen Elizabeth II"),
        ),
        (
            "Turkey closed the border at the behest of Russia.",
            ("REQUEST", "Russia", "Turkey"),
        ),
        (
            "Egypt opened the crossing at the urging of France.",
            ("REQUEST", "France", "Egypt"),
        ),
        (
            "The troops were withdrawn at Iraq's request.",
            ("REQUEST", "Iraq", None),
        ),
    ],
)
def test_an_act_done_at_a_request_is_the_requester_s_request(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Iraq rejected the request of the United States.",
        "Japan sent two minesweepers to the Gulf with the help of the United States.",
        "The talks were held at the headquarters of the United Nations.",
    ],
)
def test_no_act_done_at_a_request_gives_no_request(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"}
