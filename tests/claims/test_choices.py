"""Choosing someone for a post backs them (GUIDE: SUPPORT, political backing): "Ruto chose
Odinga as his running mate", "Odinga was picked by Ruto as the party's candidate",
"announced Odinga as his choice for deputy", "nominated Odinga", and a body that confirms
someone's nomination backs that person. Choosing a thing for a use ("chose Nairobi as the
venue") and confirming a fact ("confirmed the death of X") back no one. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _backed(nlp, registry, text):
    return {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "SUPPORT" and c.subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "backer", "backed"),
    [
        ("William Ruto chose Raila Odinga as his running mate.", "William Ruto", "Raila Odinga"),
        (
            "Raila Odinga was picked by William Ruto as the party's candidate.",
            "William Ruto",
            "Raila Odinga",
        ),
        (
            "William Ruto announced Raila Odinga as his choice for deputy president.",
            "William Ruto",
            "Raila Odinga",
        ),
        ("William Ruto selected Raila Odinga as his successor.", "William Ruto", "Raila Odinga"),
        ("William Ruto nominated Raila Odinga for the post.", "William Ruto", "Raila Odinga"),
        (
            "The Kenyan senate confirmed Raila Odinga's nomination on Friday.",
            "Kenyan senate",
            "Raila Odinga",
        ),
        (
            "The Kenyan senate confirmed the appointment of Raila Odinga.",
            "Kenyan senate",
            "Raila Odinga",
        ),
    ],
)
def test_choosing_someone_for_a_post_backs_them(nlp, registry, text, backer, backed):
    assert (backer, backed) in _backed(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya chose Nairobi as the venue for the talks.",
        "The Kenyan senate confirmed the death of Raila Odinga.",
        "William Ruto described Raila Odinga as a rival.",
    ],
)
def test_choosing_a_thing_or_confirming_a_fact_backs_no_one(nlp, registry, text):
    assert not {pair for pair in _backed(nlp, registry, text) if pair[1] == "Raila Odinga"}


def test_a_choice_not_made_is_negated(nlp, registry):
    text = "William Ruto did not choose Raila Odinga as his running mate."
    claims = [c for c in claims_of_text(nlp, registry, text) if c.relation == "SUPPORT"]
    assert claims and all(c.polarity == "negated" for c in claims)
