"""A country's government named as such ("the Mexican government", "Kenya's
government", "the government of Peru") is a Government actor of its own, named after
the nationality, placed in the country, and the same actor in every text; the
country's name alone stays the country, and the registry's government wins where it
has one. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected", "country"),
    [
        (
            "The Mexican government condemned the raid on its consulate in Texas.",
            "Mexican government",
            "mexico",
        ),
        ("Kenya's government rejected the report on Tuesday.", "Kenyan government", "kenya"),
        (
            "The government of Peru rejected the report on Tuesday.",
            "Peruvian government",
            "peru",
        ),
        (
            "The Chilean administration rejected the report on Tuesday.",
            "Chilean government",
            "chile",
        ),
    ],
)
def test_a_named_government_is_its_own_actor(nlp, registry, text, expected, country):
    extraction = extraction_of_text(nlp, registry, text)
    (government,) = (actor for actor in extraction.actors if actor.label == expected)
    assert government.type == "Government"
    assert government.country == country
    subjects = {subject for _, subject, _ in triples_of_text(nlp, registry, text)}
    assert expected in subjects


def test_one_government_in_every_wording(nlp, registry):
    ids = {
        next(a.id for a in extraction_of_text(nlp, registry, text).actors if a.type == "Government")
        for text in (
            "The Peruvian government urged Chile to return the fishermen.",
            "The government of Peru urged Chile to return the fishermen.",
            "Peru's government urged Chile to return the fishermen.",
        )
    }
    assert len(ids) == 1


def test_the_government_is_the_one_asked(nlp, registry):
    text = "Antony Blinken urged the Lebanese government to elect a president."
    assert ("REQUEST", "Antony Blinken", "Lebanese government") in triples_of_text(
        nlp, registry, text
    )


def test_the_country_alone_stays_the_country(nlp, registry):
    triples = triples_of_text(nlp, registry, "Mexico condemned the raid on its consulate.")
    assert ("ACCUSE", "Mexico", None) in triples or any(s == "Mexico" for _, s, _ in triples)
    assert not any(s == "Mexican government" for _, s, _ in triples)


def test_other_nouns_after_the_nationality_are_not_the_government(nlp, registry):
    text = "Mexican troops crossed the border and Mexican officials denied it."
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert "Mexican government" not in labels


def test_the_registry_government_wins(nlp, registry):
    text = "The Turkish government condemned the raid on its consulate."
    extraction = extraction_of_text(nlp, registry, text)
    assert "turkish-government" in {actor.id for actor in extraction.actors}


@pytest.mark.parametrize(
    "text",
    [
        "The Cuban government jailed 75 Cuban dissidents last year.",
        "Seventy-five Cuban dissidents were jailed by the Cuban government last year.",
    ],
)
def test_a_nations_dissidents_are_a_group_not_the_state(nlp, registry, text):
    assert ("COERCE", "Cuban government", "Cuban dissidents") in triples_of_text(
        nlp, registry, text
    )
