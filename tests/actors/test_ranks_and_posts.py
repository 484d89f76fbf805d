"""A military rank at the end of a title before a name ranks its holder; the post is the
title before it: "Coast Guard Commandant Admiral X" leads the Coast Guard, as "Army
commander General Y" leads the army, while a rank alone ("army General Z") is no
leadership. The NER may take the post into the organisation's name ("Coast Guard
Commandant"): the name ends before a title that a person's name follows, unless the word
is an institution ("European Council President X"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Coast Guard Commandant Admiral Elson Hermogino said the ferry sank.",
            ("LEADS", "Elson Hermogino", "Coast Guard"),
        ),
        (
            "National Police Chief Colonel Jorge Ruiz said two officers died.",
            ("LEADS", "Jorge Ruiz", "National Police"),
        ),
        (
            "The Sudanese army attacked the city. Army commander General Ali Osman said the"
            " city fell.",
            ("LEADS", "Ali Osman", "Sudanese army"),
        ),
        (
            "The Sudanese army attacked the city. Army General Ali Osman said the city fell.",
            ("AFFILIATED_WITH", "Ali Osman", "Sudanese army"),
        ),
        (
            "European Council President Charles Michel met Joe Biden.",
            ("LEADS", "Charles Michel", "European Council"),
        ),
        (
            # "general" after "secretary" is the post's own word, no rank
            "NATO Secretary General Jens Stoltenberg met Joe Biden.",
            ("LEADS", "Jens Stoltenberg", "NATO"),
        ),
    ],
)
def test_the_post_before_a_rank_gives_the_role(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_post_taken_into_a_name_is_no_organisation(nlp, registry):
    text = "Coast Guard Commandant Admiral Elson Hermogino said the ferry sank."
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert "Coast Guard" in labels
    assert "Coast Guard Commandant" not in labels


def test_only_a_post_of_leadership_leaves_the_name(nlp, registry):
    # "Affairs", "Coordinator" end names and titles alike: the name keeps them
    text = "The Bureau of Consular Affairs Director Ana Kovac said visas would resume."
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert "Bureau of Consular" not in labels
