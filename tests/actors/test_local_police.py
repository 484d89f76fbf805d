"""Police serve where the events happen: "police said" and "the police", with no state
named, are the police of the first place the text names (the lead locates the events),
not of the country it names most. Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text

pytestmark = pytest.mark.model

TEXT = (
    "A gunman opened fire at a market in Nairobi on Saturday. Police said the gunman "
    "surrendered. Three Ugandan nationals were among the dead, Uganda's foreign ministry "
    "said, and Ugandan officials flew to the city. According to police, the attack lasted "
    "ten minutes. The police later named the gunman."
)


def _police(extraction):
    return {m.actor_id for m in extraction.mentions if m.text.lower() == "police"}


def test_police_are_of_the_place_named_first(nlp, registry):
    assert _police(extraction_of_text(nlp, registry, TEXT)) == {"kenya-police"}


def test_police_said_is_a_speaker(nlp, registry):
    claims = extraction_of_text(nlp, registry, TEXT).claims
    speakers = [c for c in claims if c.relation == "STATEMENT" and c.speaker is not None]
    assert sum(c.speaker.id == "kenya-police" for c in speakers) >= 2


@pytest.mark.parametrize(
    ("text", "police"),
    [
        # a state named with the force is that state's
        (
            "The Ugandan police said the border was calm. Kenya closed the crossing.",
            "uganda-police",
        ),
    ],
)
def test_a_state_named_with_the_force_wins(nlp, registry, text, police):
    assert police in {m.actor_id for m in extraction_of_text(nlp, registry, text).mentions}
