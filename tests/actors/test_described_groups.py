"""One actor per group a text describes by the state behind it (the issue's "one node per
described group"): "Iran-backed militias", "Iranian-backed militias", "Iran-aligned
militias", "pro-Iran factions" and "pro-Iran armed groups" are one armed group, labelled
"Iran-backed militias"; plain "pro-Iran groups" and "Iran-backed groups" are one group of
their own; other nouns keep their words ("Russia-backed separatists"). Each compound
keeps its own claim: SUPPORT for "backed", AFFILIATED_WITH for "aligned" and "pro-".
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text

pytestmark = pytest.mark.model

TEXT = (
    "Iran-backed militias fired rockets at the base. The Iranian-backed militias have "
    "denied it. Iran-aligned militias were blamed, and pro-Iran factions protested. "
    "Pro-Iran armed groups fired at a convoy. Pro-Iran groups held a rally, and "
    "Iran-backed groups joined them. Russia-backed separatists shelled a town. "
    "Iran-backed paramilitary groups fired drones. Iran-backed political factions "
    "walked out of parliament."
)


@pytest.fixture(scope="module")
def extraction(nlp, registry):
    return extraction_of_text(nlp, registry, TEXT)


def test_one_armed_group_per_patron(extraction):
    labels = sorted(a.label for a in extraction.actors if a.type in ("ArmedGroup", "Group"))
    assert labels == [
        "Iran-backed militias",
        "Iran-backed political factions",
        "Russia-backed separatists",
        "pro-Iran groups",
    ]


def test_the_words_of_the_text_stay_in_the_mentions(extraction):
    militias = next(a for a in extraction.actors if a.label == "Iran-backed militias")
    said = {m.text for m in extraction.mentions if m.actor_id == militias.id}
    assert {
        "Iranian-backed militias",
        "Iran-aligned militias",
        "pro-Iran factions",
        "Iran-backed paramilitary groups",
    } <= said


def test_each_compound_keeps_its_claim(extraction):
    triples = {
        (c.relation, c.subject.label, c.object.label, c.cue)
        for c in extraction.claims
        if c.rule and c.rule.startswith("actors.") and c.subject and c.object
    }
    assert ("SUPPORT", "Iran", "Iran-backed militias", "Iranian-backed") in triples
    assert ("AFFILIATED_WITH", "Iran-backed militias", "Iran", "Iran-aligned") in triples
