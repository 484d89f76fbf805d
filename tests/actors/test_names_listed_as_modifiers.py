"""Two names joined by "and" are two parties also where the small model hangs the first
on the last as its modifier, with the "and" on the first ("Pedro Pierluisi and Ricardo
Rosselló", "between Trump and President Zelensky"); words coordinated inside one name
("the Immigration and Nationality Act") stay one name. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pedro Pierluisi and Ricardo Rosselló are members of the New Progressive Party.",
            {
                ("AFFILIATED_WITH", "Pedro Pierluisi", "New Progressive Party"),
                ("AFFILIATED_WITH", "Ricardo Rosselló", "New Progressive Party"),
            },
        ),
        (
            "Donald Trump spoke to reporters. The transcript of a call between Trump and"
            " then-newly elected President Zelensky was published.",
            {("CONSULT", "Donald Trump", "Zelensky")},
        ),
    ],
)
def test_a_name_hung_on_the_next_is_listed_with_it(nlp, registry, text, expected):
    assert expected <= triples_of_text(nlp, registry, text)


def test_a_place_qualifying_the_later_name_is_no_party(nlp, registry):
    # the parser takes "Northern Ireland" for a conjunct of "Gerry Adams"
    text = (
        "Talks followed a meeting between Gerry Adams and Northern Ireland Chief Constable"
        " Hugh Orde over police reform."
    )
    triples = triples_of_text(nlp, registry, text)
    assert {t for t in triples if t[0] == "CONSULT" and "Gerry Adams" in t}
    assert not {t for t in triples if "Northern Ireland" in t}


def test_words_joined_inside_one_name_stay_one_name(nlp, registry):
    text = "Congress amended the Immigration and Nationality Act in March."
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert "Immigration" not in labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US President Donald Trump and Turkish President Recep Tayyip Erdoğan spoke"
            " on the phone on Sunday.",
            ("CONSULT", "Donald Trump", "Recep Tayyip Erdogan"),
        ),
        (
            "US President Donald Trump and Turkish President Recep Tayyip Erdoğan met in"
            " Washington.",
            ("CONSULT", "Donald Trump", "Recep Tayyip Erdogan"),
        ),
        (
            "Talks between US President Donald Trump and Turkish President Recep Tayyip"
            " Erdoğan began on Monday.",
            ("CONSULT", "Donald Trump", "Recep Tayyip Erdogan"),
        ),
        (
            "On Monday, US President Joe Biden and Israeli Prime Minister Benjamin"
            " Netanyahu discussed the war.",
            ("CONSULT", "Joe Biden", "Benjamin Netanyahu"),
        ),
    ],
)
def test_a_titled_name_hung_on_the_next_title_is_listed_with_it(nlp, registry, text, expected):
    """ "Title A and Title B": the small model may take A's title for a modifier of B and
    A for that title's apposition, with the "and" on A; A and B are still two parties."""
    assert expected in triples_of_text(nlp, registry, text)
