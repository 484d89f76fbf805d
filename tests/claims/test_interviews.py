"""Speaking to a news outlet is an interview, not a consultation: the outlet is the
audience (extract.claims.acts). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


_claims = claims_of_text


@pytest.mark.parametrize(
    "text",
    [
        'Speaking to Al Jazeera, Ahmed Karim said: "We will not leave."',
        "Ahmed Karim spoke to Reuters about the siege on Monday.",
        "The minister talked to the BBC after the vote.",
    ],
)
def test_speaking_to_a_news_outlet_is_no_consultation(nlp, registry, text):
    consults = [c for c in _claims(nlp, registry, text) if c.relation == "CONSULT"]
    assert all(c.object is None or c.object.type != "Media" for c in consults)
    assert not consults


def test_speaking_with_a_government_is_still_a_consultation(nlp, registry):
    text = "Ahmed Karim spoke with the Iraqi government about the siege on Monday."
    assert any(c.relation == "CONSULT" for c in _claims(nlp, registry, text))


@pytest.mark.parametrize(
    "text",
    [
        "Secretary Antony Blinken will travel to Matera on Thursday.",
        "The envoy travelled to Geneva for the conference.",
    ],
)
def test_a_visit_to_a_town_is_no_consultation(nlp, registry, text):
    consults = [c for c in _claims(nlp, registry, text) if c.relation == "CONSULT"]
    assert all(c.object is None or c.object.type != "Place" for c in consults)


def test_a_visit_to_a_capital_consults_its_government(nlp, registry):
    text = "Antony Blinken will travel to Baghdad on Thursday."
    (consult,) = [c for c in _claims(nlp, registry, text) if c.relation == "CONSULT"]
    assert consult.object is not None and consult.object.type in ("Government", "Country")
