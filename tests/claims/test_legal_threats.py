"""Legal action announced by its doer is a threat of it (PLOVER THREATEN), not the action:
"said it would sue the ministry", "said he intended to sue". Taken, it is an accusation
("sued the ministry"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ahmed Karim said he would sue the Iraqi government over the decision.",
            ("THREATEN", "Ahmed Karim", "Iraqi government"),
        ),
        (
            "Ahmed Karim said he intended to sue over the decision.",
            ("THREATEN", "Ahmed Karim", None),
        ),
        (
            "The Kurdistan Regional Government said it would prosecute the Islamic State fighters.",
            ("THREATEN", "Kurdistan Regional Government", "Islamic State"),
        ),
    ],
)
def test_announced_legal_action_threatens(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(relation == "ACCUSE" for relation, _, _ in triples)


def test_legal_action_taken_accuses(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Ahmed Karim sued the Iraqi government over the decision."
    )
    assert ("ACCUSE", "Ahmed Karim", "Iraqi government") in triples
    assert not any(relation == "THREATEN" for relation, _, _ in triples)
