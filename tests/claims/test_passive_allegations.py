"""An allegation accuses the doer of what it reports: in a passive clause that is the
agent ("alleged that its soldiers were shot by Somali troops": the troops), never the
passive's subject, the side that suffered it; a passive with no agent accuses no one
(the allegation stays a statement). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def _accused(nlp, registry, text):
    return {t[2] for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"}


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Kenya alleged that Kenyan soldiers had been shot by Somali troops.", "Somali troops"),
        ("Kenya alleged that its border posts were shelled by Somalia.", "Somalia"),
        ("Kenya alleged that Somalia had shelled its border posts.", "Somalia"),
    ],
)
def test_the_doer_is_accused(nlp, registry, text, accused):
    assert _accused(nlp, registry, text) == {accused}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya alleged that Kenyan soldiers had been shot.",
        "Kenya alleged that Kenyan soldiers had been shot near the border.",
    ],
)
def test_a_passive_with_no_agent_accuses_no_one(nlp, registry, text):
    assert not _accused(nlp, registry, text) - {None}
    assert "Kenyan soldiers" not in _accused(nlp, registry, text)
