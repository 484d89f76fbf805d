""" "They" stands for the nearest plural that can act, not for an actor named before it:
in "The United States stands with the women of Iran as they protest", "they" are the
women (no actor of the graph), so the protest is not the United States'. Time words
("two years later they ...") and names do not come between. Texts written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation", "not_subject"),
    [
        (
            "The United States stands with the women of Iran as they protest peacefully.",
            "PROTEST",
            "US government",
        ),
        (
            "Kenya welcomed the farmers to Nairobi, where they protested against the tax.",
            "PROTEST",
            "Kenya",
        ),
    ],
)
def test_they_is_the_nearest_plural(nlp, registry, text, relation, not_subject):
    claims = claims_of_text(nlp, registry, text)
    assert not [
        c for c in claims if c.relation == relation and c.subject and c.subject.label == not_subject
    ]


def test_time_words_do_not_come_between(nlp, registry):
    text = "Al-Shabaab fighters stormed the town. Two days later they attacked the base."
    attacks = [c for c in claims_of_text(nlp, registry, text) if c.relation == "ASSAULT"]
    assert len(attacks) == 2 and all(c.subject and c.subject.label == "al-Shabaab" for c in attacks)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        (
            "Kenya stands with the brave women of Somalia as they protest peacefully.",
            "women of Somalia",
        ),
        ("Kenya stands with Somali women as they protest against the tax.", "Somali women"),
    ],
)
def test_they_is_the_nearest_plural_group(nlp, registry, text, group):
    protests = [c for c in claims_of_text(nlp, registry, text) if c.relation == "PROTEST"]
    assert [c.subject.label for c in protests if c.subject] == [group]
