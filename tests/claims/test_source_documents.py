"""Figures and findings speak for whoever publishes them: "according to data from X",
"projections by X and Y", "according to its polling", "the ministry's figures" give X's
statement, as "a statement from X" does. A document with no author named speaks for
nobody. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _speakers(nlp, registry, text):
    return {
        c.speaker.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "STATEMENT" and c.speaker is not None
    }


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "According to data from the Gun Violence Archive, the shooting was the third "
            "this month.",
            {"Gun Violence Archive"},
        ),
        ("According to projections by CNN and NPR, Jane Roe won in Virginia.", {"CNN", "NPR"}),
        (
            "According to figures from the Kenyan interior ministry, turnout was high.",
            {"Kenyan interior ministry"},
        ),
        (
            "According to the Kenyan interior ministry's estimates, turnout was high.",
            {"Kenyan interior ministry"},
        ),
        (
            "The Las Vegas Review-Journal ran a poll. According to its polling, two-thirds of "
            "voters preferred a primary.",
            {"Las Vegas Review-Journal"},
        ),
        (
            "A survey by Amnesty International said that most residents had fled.",
            {"Amnesty International"},
        ),
    ],
)
def test_figures_speak_for_their_publisher(nlp, registry, text, speakers):
    assert _speakers(nlp, registry, text) == speakers


@pytest.mark.parametrize(
    "text",
    [
        "According to the report, turnout was high.",
        "According to official figures, turnout was high.",
    ],
)
def test_figures_with_no_publisher_speak_for_nobody(nlp, registry, text):
    assert _speakers(nlp, registry, text) == set()
