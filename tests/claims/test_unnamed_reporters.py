"""An act told in a clause whose speaker is no actor of the graph ("an official said ...",
"his associates alleged ...", a quote nobody is found to have said) is reported, not
asserted by the text: the analyst sees that someone said it. The text's own narration
stays asserted. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation", "modality"),
    [
        ("His associates had alleged Tom Reed was poisoned.", "ASSAULT", "reported"),
        ("An official said Kenya had attacked the rebels.", "ASSAULT", "reported"),
        ("Kenya attacked the rebels on Monday.", "ASSAULT", "asserted"),
    ],
)
def test_modality_of_an_act_told_by_no_actor(nlp, registry, text, relation, modality):
    found = {c.modality for c in claims_of_text(nlp, registry, text) if c.relation == relation}
    assert found == {modality}


def test_a_verbal_act_of_the_speaker_stays_asserted(nlp, registry):
    text = "The Arab League said it supported the UN's efforts in Yemen."
    found = {c.modality for c in claims_of_text(nlp, registry, text) if c.relation == "SUPPORT"}
    assert found <= {"asserted"}
