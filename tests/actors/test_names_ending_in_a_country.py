"""A country's short name written as the last word of another name is part of that name:
"Mazars USA", "Amnesty International UK" and "Safaricom UK" are organisations, not the
United States or the United Kingdom acting. The country's name on its own, or after a
comma or a word that is no name ("in the USA"), stays the country. Texts written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text

pytestmark = pytest.mark.model


def _actors(nlp, registry, text):
    extraction = extraction_of_text(nlp, registry, text)
    return {actor.label: actor.type for actor in extraction.actors}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("William Ruto sued his accountant Mazars USA over the records.", "Mazars USA"),
        ("The firm Kamau Holdings UK filed the appeal on Monday.", "Kamau Holdings UK"),
    ],
)
def test_a_country_acronym_ending_a_name_is_part_of_it(nlp, registry, text, name):
    actors = _actors(nlp, registry, text)
    assert name in actors
    assert not {"US government", "United Kingdom", "UK government"} & set(actors)


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto flew to the USA on Monday.",
        "Kenya, USA and Uganda signed the deal.",
    ],
)
def test_the_country_alone_stays_the_country(nlp, registry, text):
    assert "US government" in _actors(nlp, registry, text)
