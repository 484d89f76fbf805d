"""An attack in words is a criticism (PLOVER ACCUSE; CAMEO 111), not an act of force: a
verb of force whose object is something said or decided ("attacked the ruling", "blasted
Pelosi's announcement"), or whose attack a channel of speech carries ("attacked X on
Twitter", "in a speech, Y attacked Z"), and the phrases of criticism ("hit out at", "lashed
out at", "railed against", "took aim at"). An attack with weapons stays an ASSAULT.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Donald Trump attacked Nancy Pelosi on Twitter.",
            ("ACCUSE", "Donald Trump", "Nancy Pelosi"),
        ),
        (
            "In a televised speech, Erdogan attacked the European Union.",
            ("ACCUSE", "Recep Tayyip Erdogan", "European Union"),
        ),
        (
            "Donald Trump attacked Nancy Pelosi's announcement.",
            ("ACCUSE", "Donald Trump", "Nancy Pelosi"),
        ),
        (
            "Joe Biden blasted the decision by Iran in an interview.",
            ("ACCUSE", "Joe Biden", "Iran"),
        ),
        (
            "Bernie Sanders hit out at Joe Biden over the bill.",
            ("ACCUSE", "Bernie Sanders", "Joe Biden"),
        ),
        ("Erdogan lashed out at NATO on Monday.", ("ACCUSE", "Recep Tayyip Erdogan", "NATO")),
        ("Erdogan took aim at NATO in a speech.", ("ACCUSE", "Recep Tayyip Erdogan", "NATO")),
        (
            "Erdogan railed against the European Union.",
            ("ACCUSE", "Recep Tayyip Erdogan", "European Union"),
        ),
        ("Joe Biden rebuked China for the crackdown.", ("ACCUSE", "Joe Biden", "China")),
    ],
)
def test_an_attack_in_words_is_a_criticism(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(
        relation == "ASSAULT" and subject == expected[1] for relation, subject, _ in triples
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran attacked Israel with drones.", ("ASSAULT", "Iran", "Israel")),
        (
            "The Islamic State attacked Iraqi forces during the vote.",
            ("ASSAULT", "Islamic State", "Iraqi Security Forces"),
        ),
        ("Russia hit Ukraine with missiles on Monday.", ("ASSAULT", "Russia", "Ukraine")),
    ],
)
def test_an_attack_with_force_stays_an_assault(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(relation == "ACCUSE" for relation, _, _ in triples)


def test_a_lawsuit_filed_against_an_actor_accuses_it(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "The Senate of Puerto Rico filed a lawsuit against Pedro Pierluisi."
    )
    assert any(r == "ACCUSE" and o == "Pedro Pierluisi" for r, _, o in triples)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya filed a complaint against Somalia with the United Nations.",
        "Kenya lodged a complaint with the African Union over Somalia's raids.",
        "Kenya complained to the African Union about the raids.",
    ],
)
def test_whoever_hears_a_complaint_is_not_accused(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    forums = ("United Nations", "African Union")
    assert not any(r == "ACCUSE" and o in forums for r, _, o in triples)
