"""An act coordinated with one that is asked for, threatened or refused is asked for too:
"urged Somalia to halt the raids and withdraw its troops" tells no withdrawal, "asked the
police to find and arrest the suspects" no arrest. A coordinated verb with a subject of its
own, or one beside an act done, is an act of its own. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "not_done"),
    [
        ("Kenya urged Somalia to halt the raids and withdraw its troops.", "RETREAT"),
        ("Kenya asked the Ugandan police to find and arrest the suspects.", "COERCE"),
        ("Kenya threatened to close the border and expel the Somali ambassador.", "SANCTION"),
    ],
)
def test_an_act_coordinated_with_a_content_act_is_not_done(nlp, registry, text, not_done):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == not_done]


def test_an_act_beside_a_done_act_stays_done(nlp, registry):
    triples = triples_of_text(nlp, registry, "Somalia halted the raids and withdrew its troops.")
    assert any(r == "RETREAT" and s == "Somalia" for r, s, _ in triples)
