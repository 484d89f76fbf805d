"""A clause given "according to X" is reported by X, as one X is said to have said: the act
it tells has X as its speaker and is reported, not asserted by the text ("According to
Ruto, al-Shabaab is backed by Eritrea"), and an obligation it states is X's demand
("According to Kenya, Somalia must withdraw"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "According to William Ruto, al-Shabaab is backed by Eritrea.",
        "Al-Shabaab is backed by Eritrea, according to William Ruto.",
        "According to William Ruto, Eritrea has been arming al-Shabaab for years.",
    ],
)
def test_an_act_given_according_to_someone_is_reported_by_them(nlp, registry, text):
    acts = [
        c
        for c in claims_of_text(nlp, registry, text)
        if c.relation in ("SUPPORT", "AID") and c.subject and c.subject.label == "Eritrea"
    ]
    assert acts
    assert all(c.speaker and c.speaker.label == "William Ruto" for c in acts)
    assert all(c.modality == "reported" for c in acts)


@pytest.mark.parametrize(
    "text",
    [
        "According to Kenya, Somalia must withdraw its troops from Gedo.",
        "Somalia should withdraw its troops from Gedo, according to Kenya.",
    ],
)
def test_an_obligation_given_according_to_someone_is_their_demand(nlp, registry, text):
    requests = {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "REQUEST" and c.subject and c.object
    }
    assert ("Kenya", "Somalia") in requests
