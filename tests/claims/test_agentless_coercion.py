"""Coercion told in the passive with no agent keeps its patient, with an empty subject
(GUIDE.md: passives without an agent keep `subject: null`): "X was jailed for corruption",
"X was sentenced to ten years", "X was forced to resign". A sentence is a penalty imposed,
coercion as PLOVER codes it; with the agent named ("detained by Ugandan police") the
agent is the subject. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "patient"),
    [
        ("Rod Blagojevich was jailed for corruption.", "Rod Blagojevich"),
        ("Bobi Wine was sentenced to ten years in prison.", "Bobi Wine"),
        ("Joshua Wong was arrested at the airport on Sunday.", "Joshua Wong"),
        ("Bobi Wine was forced to resign.", "Bobi Wine"),
    ],
)
def test_a_passive_coercion_keeps_its_patient(nlp, registry, text, patient):
    assert ("COERCE", None, patient) in triples_of_text(nlp, registry, text)


def test_the_named_agent_coerces(nlp, registry):
    triples = triples_of_text(nlp, registry, "Bobi Wine was detained by Ugandan police on Monday.")
    assert ("COERCE", "Ugandan police", "Bobi Wine") in triples
    assert ("COERCE", None, "Bobi Wine") not in triples


def test_a_sentence_handed_down_is_coercion_by_the_court(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "The Supreme Court of Uganda sentenced Bobi Wine to ten years."
    )
    assert any(r == "COERCE" and o == "Bobi Wine" and s for r, s, o in triples)
