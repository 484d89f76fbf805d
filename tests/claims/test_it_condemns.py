"""A quote that calls "it" a wrong condemns what it points at, naming no target, as a
demonstrative does ('"It is a disgrace"', '"It would be an outrage if the assembly were
suspended"': ACCUSE with no object); "it" judging an infinitive ('"It would be a
mistake to leave"', '"It is a crime to kill civilians"') is advice or a maxim, and praise
("It is a great day") accuses nobody. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        '"It is a disgrace," Jane Roe said.',
        '"It would be a constitutional outrage if the assembly were suspended," Jane Roe said.',
        'Jane Roe said: "It is a scandal."',
    ],
)
def test_it_called_a_wrong_accuses(nlp, registry, text):
    assert ("ACCUSE", "Jane Roe", None) in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"It would be a mistake to leave now," Jane Roe said.',
        '"It is a crime to kill civilians," Jane Roe said.',
        '"It is a great day for Kenya," Jane Roe said.',
        '"It is not a crime," Jane Roe said.',
    ],
)
def test_it_judging_an_act_or_praised_accuses_nobody(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _, _ in triples_of_text(nlp, registry, text))
