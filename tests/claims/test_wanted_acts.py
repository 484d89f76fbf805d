"""Wanting, advising or directing someone to act asks it of them (PLOVER REQUEST): "the
Taliban wants foreign forces to leave", "the State Department advised US citizens to
leave", "Pelosi directed the committees to proceed". Without an infinitive for another
party, nothing is asked ("Kenya wants peace", "I want to thank Kenya"). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _requests(nlp, registry, text):
    return {
        (c.subject.label if c.subject else None, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "REQUEST"
    }


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The Taliban wants foreign forces to leave Afghanistan.", "Taliban"),
        ("The US State Department advised American citizens to leave Iraq.", "US State Department"),
        ("Nancy Pelosi directed six House committees to proceed with the inquiry.", "Nancy Pelosi"),
        ("Kenya instructed its envoy to return from Mogadishu.", "Kenya"),
    ],
)
def test_wanting_someone_to_act_asks_it(nlp, registry, text, subject):
    assert subject in {s for s, _ in _requests(nlp, registry, text)}


@pytest.mark.parametrize("text", ["Kenya wants peace.", "Maria Lopez wants to thank Kenya."])
def test_no_request_without_another_party_to_act(nlp, registry, text):
    assert _requests(nlp, registry, text) == set()
