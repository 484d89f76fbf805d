"""A passive coordinated with another verb shares that verb's subject as its patient:
"Kenya is under sanctions, and was condemned by France", "Somalia attacked the town and
was condemned by France" (France ACCUSE Kenya, Somalia). A passive with a subject of its
own keeps it. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya is already under EU sanctions, and was condemned by France on Monday.",
            ("ACCUSE", "France", "Kenya"),
        ),
        ("Somalia attacked the town and was condemned by France.", ("ACCUSE", "France", "Somalia")),
        (
            "Somalia shelled the border town and was criticised by Germany and France.",
            ("ACCUSE", "France", "Somalia"),
        ),
    ],
)
def test_a_conjoined_passive_shares_the_subject(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_passive_with_its_own_subject_keeps_it(nlp, registry):
    text = "Somalia shelled the town, and Kenya was condemned by France for its silence."
    triples = triples_of_text(nlp, registry, text)
    assert ("ACCUSE", "France", "Kenya") in triples
    assert ("ACCUSE", "France", "Somalia") not in triples
