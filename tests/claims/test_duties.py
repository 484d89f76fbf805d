"""Charged with a duty is no accusation: "the commission is charged with overseeing the
elections" gives a task (and a quoted task, 'charged with "promoting women's rights"', is
no quote either), while "charged with murdering two officers", "charged X with fraud" or
"charged X with organising the attack" accuse. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan electoral board is charged with overseeing the vote.",
        "The commission is charged with the task of monitoring the ceasefire.",
        'The UN Human Rights Council is charged with "promoting human rights" across the world.',
        "The African Union mission was charged with protecting civilians in Mogadishu.",
    ],
)
def test_a_duty_given_accuses_nobody(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] in ("ACCUSE", "STATEMENT")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Doe was charged with murdering two police officers.", ("ACCUSE", None, "John Doe")),
        ("Kenya charged John Doe with fraud.", ("ACCUSE", "Kenya", "John Doe")),
        (
            "Kenyan prosecutors charged al-Shabaab with organising the attack.",
            ("ACCUSE", "Kenya", "al-Shabaab"),
        ),
        (
            "Kenyan prosecutors charged al-Shabaab with overseeing the bombing campaign.",
            ("ACCUSE", "Kenya", "al-Shabaab"),
        ),
    ],
)
def test_a_crime_charged_accuses(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
