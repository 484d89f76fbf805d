"""A described speaker that a participle names speaks as the named person ("a
university student named Jane Roe said"); a profession before a name is a title, not
part of the name ("Broadcaster John Kamau commented" is John Kamau). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, extraction_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('A university student named Jane Roe said, "The rain did not stop us."', "Jane Roe"),
        ('A young teacher called John Kamau said, "The rain did not stop us."', "John Kamau"),
        ('Broadcaster John Kamau commented, "The man with the flag is a teacher."', "John Kamau"),
        ('Commentator Jane Roe wrote, "The man with the flag is a teacher."', "Jane Roe"),
    ],
)
def test_the_named_person_speaks(nlp, registry, text, speaker):
    speakers = {c.speaker.label for c in claims_of_text(nlp, registry, text) if c.speaker}
    assert speakers == {speaker}


def test_a_profession_is_no_part_of_the_name(nlp, registry):
    text = 'Broadcaster John Kamau commented, "The man with the flag is a teacher."'
    labels = {a.label for a in extraction_of_text(nlp, registry, text).actors}
    assert "Broadcaster John Kamau" not in labels


@pytest.mark.parametrize(
    "text",
    [
        'Jane Roe spoke on Monday. She continued by announcing, "The polls will close."',
        'Jane Roe ended her speech by saying, "The polls will close."',
        'Jane Roe closed the meeting by telling reporters, "The polls will close."',
    ],
)
def test_who_speaks_by_saying_is_the_one_who_acts(nlp, registry, text):
    speakers = {c.speaker.label for c in claims_of_text(nlp, registry, text) if c.speaker}
    assert speakers == {"Jane Roe"}


@pytest.mark.parametrize(
    "text",
    [
        'US Ambassador to Kenya John Kamau said the airline had "contributed to suffering".',
        'The UN envoy for Somalia John Kamau said the truce "still holds".',
    ],
)
def test_a_title_with_its_posting_before_the_name_is_the_persons(nlp, registry, text):
    speakers = {c.speaker.label for c in claims_of_text(nlp, registry, text) if c.speaker}
    assert speakers == {"John Kamau"}
