"""A pronoun after a reported quotation refers to the narration's subject, the one who
spoke, before a subject inside the quotation: 'Leinen said "Munk was a world treasure."
She described him ...' (she is Leinen). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Director Margaret Leinen said "Walter Munk has been a world treasure for ocean '
            'science." She described him as "a guiding force in science for 80 years".',
            "Margaret Leinen",
        ),
        (
            "Maria Lopez said “John Smith was the finest mayor the city had.” She added that "
            "the city would name a park after him.",
            "Maria Lopez",
        ),
        (
            '"Ahmed Hassan was a brave reporter," Maria Lopez said. She said the paper would '
            "keep his desk.",
            "Maria Lopez",
        ),
    ],
)
def test_the_pronoun_is_the_speaker(nlp, registry, text, speaker):
    said = [c for c in claims_of_text(nlp, registry, text) if c.speaker is not None]
    assert said and {c.speaker.label for c in said} == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Prince Faisal bin Farhan spoke on Monday. Speaking to Martin Smith of PBS, he "
            'said, "It happened under my watch."',
            "Faisal bin Farhan",
        ),
        (
            "Maria Lopez spoke on Monday. After meeting John Smith, she said the talks went well.",
            "Maria Lopez",
        ),
    ],
)
def test_a_pronoun_is_not_whom_its_own_adjunct_addresses(nlp, registry, text, speaker):
    said = [c for c in claims_of_text(nlp, registry, text) if c.speaker is not None]
    assert said and {c.speaker.label for c in said} == {speaker}


def test_the_subject_of_a_subordinate_clause_may_be_the_pronoun(nlp, registry):
    said = [
        c
        for c in claims_of_text(
            nlp, registry, "When John Smith arrived, he said the talks went well."
        )
        if c.speaker is not None
    ]
    assert said and {c.speaker.label for c in said} == {"John Smith"}
