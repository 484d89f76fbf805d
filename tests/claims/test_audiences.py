"""A people or a public spoken to or met is an audience, no party of a meeting: "Joe Biden
will speak to the American people" had been his CONSULT of the US government, "met the
Ukrainian people in Kyiv" a CONSULT of Ukraine. Talks with a government, a leader or a
delegation stay meetings. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden will speak to the American people tomorrow.",
        "Joe Biden met the Ukrainian people in Kyiv.",
        "Recep Tayyip Erdogan spoke to the Turkish public about the war.",
        "Kenya's president spoke to the citizens of Somalia by radio.",
    ],
)
def test_a_people_spoken_to_is_no_party(nlp, registry, text):
    consulted = {o for r, _, o in triples_of_text(nlp, registry, text) if r == "CONSULT"}
    assert not consulted - {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Joe Biden met Volodymyr Zelenskyy in Kyiv.",
            ("CONSULT", "Joe Biden", "Volodymyr Zelenskyy"),
        ),
        (
            "Recep Tayyip Erdogan spoke with Vladimir Putin.",
            ("CONSULT", "Recep Tayyip Erdogan", "Vladimir Putin"),
        ),
    ],
)
def test_talks_with_a_government_or_leader_stay_meetings(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
