"""A title's posting is no part of the name after it: in "First Minister of Scotland
Nicola Sturgeon", "Senator from Vermont Bernie Sanders" and "Governor of New York Andrew
Cuomo" the small model may tag the place as the name's first words, and the parser may
take the name for the posting's object. The person is named without the place, and acts
and speaks as the person, not as the country. Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            'First Minister of Scotland Nicola Sturgeon said, "The ruling is clear."',
            "nicola-sturgeon",
        ),
        ("United States Senator from Vermont Bernie Sanders endorsed Joe Biden.", "bernie-sanders"),
        ("Governor of New York Andrew Cuomo endorsed Joe Biden.", "andrew-cuomo"),
        ('Prime Minister of Kenya Amina Yusuf said, "We will not leave."', "amina-yusuf"),
    ],
)
def test_the_posting_is_no_part_of_the_name(nlp, registry, text, person):
    actors = {actor.id: actor for actor in extraction_of_text(nlp, registry, text).actors}
    assert person in actors
    assert actors[person].type == "Person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "United States Senator from Vermont Bernie Sanders endorsed Joe Biden.",
            ("SUPPORT", "Bernie Sanders", "Joe Biden"),
        ),
        (
            "Kenyan Senator from Nakuru Amina Yusuf endorsed Joe Biden.",
            ("SUPPORT", "Amina Yusuf", "Joe Biden"),
        ),
        (
            'First Minister of Scotland Nicola Sturgeon said, "The ruling is clear."',
            ("STATEMENT", "Nicola Sturgeon", None),
        ),
    ],
)
def test_the_title_holder_acts_not_the_country(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
