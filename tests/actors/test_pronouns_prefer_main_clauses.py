"""A pronoun that opens a sentence goes back to the subject of the sentence before it, not
to the subject of a clause set in it ("after Obama was elected", "when Museveni invited
him"): the main clause carries what the text is about. Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation", "role", "person"),
    [
        (
            "Rod Blagojevich was jailed after he tried to sell the seat after Barack Obama was "
            "elected. He was sentenced to fourteen years in prison.",
            "COERCE",
            "object",
            "Rod Blagojevich",
        ),
        (
            "William Ruto flew to Kampala after Yoweri Museveni invited him. He criticised "
            "Raila Odinga on Monday.",
            "ACCUSE",
            "subject",
            "William Ruto",
        ),
    ],
)
def test_a_pronoun_goes_back_to_the_main_subject(nlp, registry, text, relation, role, person):
    claims = [c for c in claims_of_text(nlp, registry, text) if c.relation == relation]
    labels = {getattr(c, role).label for c in claims if getattr(c, role)}
    assert person in labels
