"""An obligation to know asks no act: "The regime must know that these steps are
critical", "Iran must understand that its attacks will not be tolerated" warn or assure,
and are no REQUEST; an obligation to act still is ("must release the prisoners", "must
recognize Israel"). Nor does a speaker's obligation of its own ("I have to say", "I must
tell you") ask anyone. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_official_text

pytestmark = pytest.mark.model


def _official_requests(nlp, registry, body):
    triples = triples_of_official_text(nlp, registry, body)
    return {t for t in triples if t[0] == "REQUEST"}


@pytest.mark.parametrize(
    "body",
    [
        "The Iranian regime must know that these steps are critical to any lasting peace.",
        "Iran must understand that its attacks on shipping will not be tolerated.",
        "Moscow should realize that the sanctions will stay in place.",
    ],
)
def test_an_obligation_to_know_asks_nothing(nlp, registry, body):
    assert _official_requests(nlp, registry, body) == set()


@pytest.mark.parametrize(
    ("body", "asked"),
    [
        ("Iran must release the prisoners.", "Iran"),
        ("Iran must recognize Israel.", "Iran"),
    ],
)
def test_an_obligation_to_act_asks(nlp, registry, body, asked):
    assert {t[2] for t in _official_requests(nlp, registry, body)} == {asked}


@pytest.mark.parametrize(
    "body",
    [
        "SECRETARY BLINKEN: And I have to say, Mr. Prime Minister, how much we value this.",
        "SECRETARY BLINKEN: I must tell you that the talks went well.",
    ],
)
def test_a_speakers_own_obligation_asks_no_one(nlp, registry, body):
    # "I have to say": the speaker's own words to come, not a request of the speaker
    text = f"Secretary Antony J. Blinken met the Israeli prime minister.\n\n{body}"
    assert _official_requests(nlp, registry, text) == set()
