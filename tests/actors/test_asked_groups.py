"""A set of people or bodies asked to act is a group of its own, though no country or body
is named (GUIDE: unnamed groups): "urged states not to reschedule", "encouraged commercial
entities to cease trading", "urged vigilant locals to help" are requests of those groups,
named with their own adjectives. A plural noun not asked to act ("states met in Geneva")
makes no actor, and people of a state named with it are a group, not the state ("stands
with Iranian women"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("The African Union urged states not to close their borders.", "states"),
        (
            "Kenya encouraged commercial entities to cease trading with Eritrea.",
            "commercial entities",
        ),
        ("William Ruto urged vigilant locals to help the police.", "vigilant locals"),
        ("Kenya advised foreign businesses to leave Mogadishu.", "foreign businesses"),
    ],
)
def test_a_set_asked_to_act_is_a_group(nlp, registry, text, asked):
    requests = [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]
    assert [t[2] for t in requests] == [asked]


@pytest.mark.parametrize(
    "text",
    [
        "States met in Geneva to discuss the border.",
        "Kenya urged calm after the vote.",
        "Kenya asked companies for patience.",
    ],
)
def test_a_plural_not_asked_to_act_is_no_actor(nlp, registry, text):
    labels = {actor.label for actor in extraction_of_text(nlp, registry, text).actors}
    assert not labels & {"States", "states", "companies"}


def test_people_of_a_state_are_a_group_not_the_state(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya stands with Somali women.")
    assert ("SUPPORT", "Kenya", "Somali women") in triples
    assert ("SUPPORT", "Kenya", "Somalia") not in triples
