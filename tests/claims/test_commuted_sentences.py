"""A commuted sentence releases whoever serves it (CAMEO 0841, PLOVER RETREAT): "Ruto
commuted the sentence of Kamau" and "Ruto commuted Kamau's sentence" release Kamau, as
"Kamau's sentence was commuted by Ruto" does. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto commuted the sentence of John Kamau on Friday.",
        "William Ruto commuted John Kamau's sentence on Friday.",
        "On Friday William Ruto commuted the prison sentences of John Kamau and Mary Njeri.",
    ],
)
def test_a_commuted_sentence_releases_its_holder(nlp, registry, text):
    released = {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "RETREAT" and c.subject and c.subject.label == "William Ruto" and c.object
    }
    assert "John Kamau" in released
