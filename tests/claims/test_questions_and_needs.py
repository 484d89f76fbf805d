"""What is not a demand or a backing, though its words look like one: a question with its
modal before the subject ("Should Iraq hold new elections?") asks no one to act; a need
told in a relative clause ("ensure that Israel has what it needs to defend itself", "the
weapons that it needs to win") asks nothing of Israel or Ukraine; and the attack one is
shielded from names no one supported ("support its partners in the defense of their
territory from Houthi attacks" backs no Houthis). The plain demand and the plain backing
stay. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "not_asked"),
    [
        ('"Should Iraq hold new elections?" Ali Karim asked.', "Iraq"),
        ('"Must Kenya wait for Somalia?" William Ruto asked.', "Kenya"),
        (
            '"The United States will always ensure that Israel has what it needs to defend '
            'itself," Joe Biden said.',
            "Israel",
        ),
        ('"Ukraine has the weapons that it needs to win," Joe Biden said.', "Ukraine"),
    ],
)
def test_no_demand_in_a_question_or_a_relative_need(nlp, registry, text, not_asked):
    triples = triples_of_text(nlp, registry, text)
    assert not any(r == "REQUEST" and o == not_asked for r, _, o in triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Iraq should hold new elections," Ali Karim said.', ("REQUEST", "Ali Karim", "Iraq")),
        ('"Israel needs to defend itself," Joe Biden said.', ("REQUEST", "Joe Biden", "Israel")),
        (
            "The United States will support Saudi Arabia against Houthi attacks.",
            ("SUPPORT", "US government", "Saudi Arabia"),
        ),
    ],
)
def test_plain_demands_and_backing_stay(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_the_attack_shielded_from_is_no_one_backed(nlp, registry):
    text = (
        "The United States will continue to support its partners in the defense of their "
        "territory from Houthi attacks."
    )
    triples = triples_of_text(nlp, registry, text)
    assert not any(r in ("SUPPORT", "AID") and o == "Houthis" for r, _, o in triples)
