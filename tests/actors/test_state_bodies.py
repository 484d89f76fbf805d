"""A body of a state or of a place is that body, not the state or the place: "the Kenyan
parliament criticised Ruto" is the parliament's accusation, not Kenya's (the government
may well disagree with its parliament); "the Nakuru county assembly", "the Durban city
council" and "the Nairobi district attorney's office" are local bodies, not the city.
Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _accusers(nlp, registry, text):
    return {
        c.subject.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE" and c.subject and c.object and c.object.label == "William Ruto"
    }


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Kenyan parliament criticised William Ruto.", "Kenyan parliament"),
        ("Kenya's parliament criticised William Ruto on Monday.", "Kenya's parliament"),
        ("The Kenyan senate condemned William Ruto.", "Kenyan senate"),
        ("The Ugandan legislature criticised William Ruto.", "Ugandan legislature"),
        ("The Nakuru county assembly criticised William Ruto.", "Nakuru county assembly"),
        ("The Durban city council condemned William Ruto.", "Durban city council"),
        (
            "The Nairobi district attorney's office is investigating William Ruto.",
            "Nairobi district attorney's office",
        ),
        ("The Kisumu provincial council criticised William Ruto.", "Kisumu provincial council"),
    ],
)
def test_a_body_of_a_state_or_place_is_the_body(nlp, registry, text, body):
    assert _accusers(nlp, registry, text) == {body}


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan parliament criticised William Ruto.",
        "The Nairobi district attorney's office is investigating William Ruto.",
        "The Durban city council condemned William Ruto.",
    ],
)
def test_a_body_is_not_its_state_or_place(nlp, registry, text):
    accusers = _accusers(nlp, registry, text)
    assert not accusers & {"Kenya", "Kenyan government", "Nairobi", "Durban"}


def test_a_state_still_acts_through_its_name(nlp, registry):
    """The country itself, named with no body after it, stays the actor."""
    assert _accusers(nlp, registry, "Kenya criticised William Ruto.") == {"Kenya"}
