"""An act someone stresses the need for is asked of its doer, not done: "stressed the
need for Somalia to withdraw" and "the importance of Somalia withdrawing" are Kenya's
REQUEST of Somalia, however the parser hangs the clause, and no RETREAT. Requests named
by a noun ("renewed its recommendation to X to ...", "repeated its plea to X") ask too.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Kenya stressed the need for Somalia to withdraw its troops.",
        "Kenya stressed the importance of Somalia withdrawing its troops.",
        "Kenya stressed the imperative for Somalia to withdraw its troops.",
        "Kenya underlined the urgency of Somalia pulling out its troops.",
    ],
)
def test_a_needed_act_is_asked_not_done(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("REQUEST", "Kenya", "Somalia") in triples
    assert not [t for t in triples if t[0] == "RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "The State Department renewed its recommendation to Kenya to close the border.",
        "The State Department repeated its plea to Kenya to close the border.",
    ],
)
def test_a_request_named_by_a_noun_asks(nlp, registry, text):
    assert ("REQUEST", "US State Department", "Kenya") in triples_of_text(nlp, registry, text)


def test_a_done_act_stays_done(nlp, registry):
    triples = triples_of_text(nlp, registry, "Somalia withdrew its troops, Kenya said.")
    assert ("RETREAT", "Somalia", None) in triples
    assert not [t for t in triples if t[0] == "REQUEST"]


def test_the_importance_of_a_thing_asks_nobody(nlp, registry):
    triples = triples_of_text(
        nlp,
        registry,
        "Kenya affirmed the importance of the partnership between Kenya and Uganda as "
        "outlined in the treaty.",
    )
    assert not [t for t in triples if t[0] == "REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya stressed the need to reopen the border crossings.",
        "Kenya underlined the urgency of reaching a ceasefire.",
        "Kenya raised the importance of de-escalating tensions along the border.",
        "Kenya emphasised the importance of quickly restoring power to the camps.",
        "Kenya reiterated the imperative to urgently expand aid deliveries.",
    ],
)
def test_an_act_asked_of_no_one_named_is_a_request_without_object(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("REQUEST", "Kenya", None) in triples
    assert not [t for t in triples if t[0] == "STATEMENT"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya noted the importance of the ongoing talks with Uganda.",
        "Kenya stressed the importance to the region of the new railway.",
        "Kenya underlined the urgency of the situation in the camps.",
    ],
)
def test_the_importance_of_a_thing_names_no_act(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]
