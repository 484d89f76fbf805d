"""A breach of a norm told by a speaker is the speaker's accusation of the breaker (PLOVER
ACCUSE): "Kenya said Somalia had violated the ceasefire", "Russia has breached the treaty,
the State Department said", '"The British government are breaking the law," Cherry said'.
Not when the breach is denied ("had not violated"), when the speaker's own side is the
breaker, or when what is broken is no norm ("broke the record"). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya said Somalia had violated the ceasefire.", ("ACCUSE", "Kenya", "Somalia")),
        (
            "Russia has breached the treaty, the US State Department said.",
            ("ACCUSE", "US State Department", "Russia"),
        ),
        (
            '"The British government are breaking the law," Joanna Cherry said.',
            ("ACCUSE", "Joanna Cherry", "British government"),
        ),
        (
            "Greece said Turkey was flouting the arms embargo on Libya.",
            ("ACCUSE", "Greece", "Turkey"),
        ),
        (
            '"Iran is infringing the nuclear deal," Israel said on Sunday.',
            ("ACCUSE", "Israel", "Iran"),
        ),
        # a norm ignored or disregarded is broken too
        ("Kenya said Somalia had ignored the ceasefire.", ("ACCUSE", "Kenya", "Somalia")),
        (
            "Senator Jane Doe said the Kenyan government disregards the court's ruling.",
            ("ACCUSE", "Jane Doe", "Kenyan government"),
        ),
        # the makers of an accord signed "between" them, as "by" them
        (
            "Greece said the accord signed between Turkey and Libya violates the law of the sea.",
            ("ACCUSE", "Greece", "Libya"),
        ),
    ],
)
def test_a_told_breach_accuses_the_breaker(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya said Somalia had not violated the ceasefire.",
        '"We have not broken any law," Kenya said.',
        "Kenya said its athletes broke the record in Berlin.",
        '"We broke the rules to save lives," the Kenyan minister said.',
        "Kenya said Somalia had ignored the question from reporters.",
    ],
)
def test_no_accusation_without_a_breach_by_another(nlp, registry, text):
    assert all(relation != "ACCUSE" for relation, _, _ in triples_of_text(nlp, registry, text))
