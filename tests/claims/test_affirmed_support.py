"""Support affirmed in a phrase is SUPPORT (PLOVER SUPPORT; CAMEO 051) of whom it is for:
"reaffirmed the United States' commitment to Israel", "expressed its support for the
Kurdistan Regional Government", "voiced solidarity with Ukraine", and a vote: "voted for X"
(SUPPORT), "voted against X" (REJECT). The side whose commitment it is (the possessive) is
no party supported; a commitment to a thing is no edge. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jake Sullivan reaffirmed the United States' commitment to Israel.",
            ("SUPPORT", "Jake Sullivan", "Israel"),
        ),
        (
            "The United States expressed its support for the Kurdistan Regional Government.",
            ("SUPPORT", "US government", "Kurdistan Regional Government"),
        ),
        ("Germany voiced solidarity with Ukraine.", ("SUPPORT", "Germany", "Ukraine")),
        (
            "France renewed its backing for the Iraqi government.",
            ("SUPPORT", "France", "Iraqi government"),
        ),
        (
            "The House of Representatives voted for Nancy Pelosi.",
            ("SUPPORT", "House of Representatives", "Nancy Pelosi"),
        ),
        ("The Senate voted against Pedro Pierluisi.", ("REJECT", "Senate", "Pedro Pierluisi")),
    ],
)
def test_support_affirmed_for_an_actor(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_person_does_not_support_their_own_side(nlp, registry):
    triples = triples_of_text(
        nlp,
        registry,
        "Mohammed Shia al-Sudani met Joe Biden, the US president, in Washington. Joe Biden "
        "reaffirmed the commitment to the partnership between Iraq and the United States.",
    )
    assert not any(r == "SUPPORT" and o == "US government" for r, _, o in triples)


def test_the_side_whose_commitment_it_is_is_not_supported(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Jake Sullivan reaffirmed the United States' commitment to Israel."
    )
    assert ("SUPPORT", "Jake Sullivan", "US government") not in triples


@pytest.mark.parametrize(
    "text",
    [
        "Jake Sullivan reaffirmed the commitment to the ceasefire.",
        "Fuad Hussein expressed support for the plan.",
        "Joe Biden expressed his support for strong relations among Israel and Egypt.",
    ],
)
def test_support_for_a_thing_is_no_edge(nlp, registry, text):
    # backing of a thing is the speaker's SUPPORT with no object (as "welcomed the deal";
    # tests/claims/test_stated_support.py), never an edge to an actor
    triples = triples_of_text(nlp, registry, text)
    assert not any(r == "SUPPORT" and o is not None for r, _, o in triples)


def test_a_meeting_told_beside_affirmed_support_stays_a_meeting(nlp, registry):
    triples = triples_of_text(
        nlp,
        registry,
        "Jake Sullivan arrived in Israel on Monday. In his meetings with Benny Gantz, Mr. "
        "Sullivan reiterated the US commitment to the release of the hostages.",
    )
    assert ("CONSULT", "Jake Sullivan", "Benny Gantz") in triples
