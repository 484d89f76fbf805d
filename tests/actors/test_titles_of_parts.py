"""Titles read the way real copy writes them. A leader's title that names a part of the
organisation after "of" ("director of global news for AFP", "head of security at Shell")
makes its holder a member of the organisation, not its leader; "the director of the World
Health Organization" leads it. A body's mention that swallowed the first of two
coordinated titles ("Green Party leader and Prime Minister X") still gives that title.
Legislative whips and agency administrators are titles. Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Phil Hill, director of global news for AFP, called the death a senseless killing.",
            ("AFFILIATED_WITH", "Phil Hill", "AFP"),
        ),
        (
            "Jane Roe, head of security at Shell, said the plant was safe.",
            ("AFFILIATED_WITH", "Jane Roe", "Shell"),
        ),
        (
            "Jane Roe, Reuters' head of news for Africa, said the reporter was safe.",
            ("AFFILIATED_WITH", "Jane Roe", "Reuters"),
        ),
        (
            "Jane Roe, the director of the World Health Organization, said the virus was "
            "spreading.",
            ("LEADS", "Jane Roe", "World Health Organization"),
        ),
    ],
)
def test_a_leader_of_a_part_is_a_member(nlp, registry, text, triple):
    found = triples_of_text(nlp, registry, text)
    assert triple in found
    relation, person, body = triple
    other = "LEADS" if relation == "AFFILIATED_WITH" else "AFFILIATED_WITH"
    assert (other, person, body) not in found


@pytest.mark.parametrize(
    ("text", "person", "party"),
    [
        (
            "Green Party leader and Prime Minister Anna Berg said the vote was fair.",
            "Anna Berg",
            "Green Party",
        ),
        (
            "Labour Party leader and former minister Tom Reed said the count was wrong.",
            "Tom Reed",
            "Labour Party",
        ),
    ],
)
def test_the_first_of_two_titles_read_into_a_body(nlp, registry, text, person, party):
    assert ("LEADS", person, party) in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Senate Minority Whip John Doyle said the bill would fail.",
            ("AFFILIATED_WITH", "John Doyle", "Senate"),
        ),
        (
            "House Majority Whip Ann Cole said the vote was fair.",
            ("AFFILIATED_WITH", "Ann Cole", "House"),
        ),
        (
            "General Services Administration administrator Emily Stone sent a letter to the "
            "governor.",
            ("LEADS", "Emily Stone", "General Services Administration"),
        ),
    ],
)
def test_whips_and_administrators(nlp, registry, text, triple):
    found = triples_of_text(nlp, registry, text)
    assert triple in found
    assert all(not (subject or "").startswith(("Whip", "Administrator")) for _, subject, _ in found)
