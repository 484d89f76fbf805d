"""A title opening with the noun of a body ("committee chairman X", "party leader X",
"council spokesman X") refers back to the body the text named before whose name has that
noun, as "army chief X" refers back to the army: the holder LEADS it or is AFFILIATED_WITH
it. With no such body named before, the title has no organisation. Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Senate Finance Committee met on Monday. Democratic committee chairman Ron"
            " Wyden said the bill would pass.",
            ("LEADS", "Ron Wyden", "Senate Finance Committee"),
        ),
        (
            "The Senate Finance Committee met on Monday. Committee chairman Ron Wyden said"
            " the bill would pass.",
            ("LEADS", "Ron Wyden", "Senate Finance Committee"),
        ),
        (
            "The Labour Party lost the vote in March. Party leader Keir Starmer conceded defeat.",
            ("LEADS", "Keir Starmer", "Labour Party"),
        ),
        (
            "The National Security Council convened on Friday. Council spokesman John Kirby"
            " said the talks went well.",
            ("AFFILIATED_WITH", "John Kirby", "National Security Council"),
        ),
    ],
)
def test_a_body_noun_title_refers_to_the_body_named_before(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # a body of another kind named before: a ministry is no committee
        "The Finance Ministry met on Monday. Committee chairman Ron Wyden said the bill"
        " would pass.",
        # nothing named before
        "Committee chairman Ron Wyden said the bill would pass.",
    ],
)
def test_no_body_of_that_noun_named_before_gives_no_organisation(nlp, registry, text):
    roles = {t for t in triples_of_text(nlp, registry, text) if t[1] == "Ron Wyden"}
    assert not {t for t in roles if t[0] in ("LEADS", "AFFILIATED_WITH")}
