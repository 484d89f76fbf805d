"""A warning verb with no one warned, nothing warned of and no clause read off it threatens
no one: the small model often hangs "cautioned" on the next noun ("X cautioned reform does
not happen overnight" read as "cautioned reform"), and a forecast is no threat (GUIDE:
THREATEN is a warning with a condition, or the warner's own step). A warning addressed to
an actor stays a threat. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Agnes Callamard cautioned justice does not come swiftly.",
        "Agnes Callamard cautioned reform does not happen overnight.",
    ],
)
def test_a_warning_of_nothing_and_no_one_is_no_threat(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert not [t for t in triples if t[0] == "THREATEN"]
    assert ("STATEMENT", "Agnes Callamard", None) in triples


@pytest.mark.parametrize("verb", ["warned", "cautioned"])
def test_a_warning_to_an_actor_is_a_threat(nlp, registry, verb):
    triples = triples_of_text(nlp, registry, f"Kenya {verb} al-Shabaab.")
    assert ("THREATEN", "Kenya", "al-Shabaab") in triples
