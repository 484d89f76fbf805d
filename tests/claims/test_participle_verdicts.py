"""A verb of naming names through a participle too: "described the election as rigged",
'characterised the attack as "designed to frighten"' (the parser hangs the participle on
"as", or takes "as rigged" for a clause of its own). A condemning participle accuses (an
election is nobody's act, so no one is named accused); a neutral one frames a quote,
whose speaker it gives; "as planned" after a verb that names nothing is no verdict.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Kenya described the Somali election as rigged.",
        "Kenya characterised the Somali vote as fraudulent and rigged.",
        "The Kenyan government described the Somali election as rigged from the start.",
    ],
)
def test_a_condemning_participle_accuses(nlp, registry, text):
    accusers = {t[1] for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"}
    assert accusers and accusers <= {"Kenya", "Kenyan government"}


@pytest.mark.parametrize(
    "text",
    [
        'Prosecutor Ali Musa characterized the attack as "designed to frighten the town."',
        'Prosecutor Ali Musa described the raid as "aimed at the town, to say the least."',
    ],
)
def test_a_participle_frames_the_quote_of_its_speaker(nlp, registry, text):
    quoted = [c for c in claims_of_text(nlp, registry, text) if c.quote]
    assert [c.speaker.label if c.speaker else None for c in quoted] == ["Ali Musa"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya described the Somali election as planned.",
        "Kenya left the Somali talks as planned.",
        "Kenya accepted the Somali offer as expected.",
    ],
)
def test_no_condemning_participle_no_accusation(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya described the Somali plan as ensuring trade in a period of great uncertainty.",
        "Kenya characterised the Somali move as aiming at a good deal for the coast.",
    ],
)
def test_a_participles_own_clause_is_no_verdict(nlp, registry, text):
    # "great", "good" stand in the clause the participle governs, not in the name given
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "SUPPORT"}
