"""A plural title before names is a title, and each coordinated name's: "Hamas members Ali
Musa and Omar Said" are both affiliated with Hamas (neither had been), as are "Hezbollah
officials X and Y". A singular title before the first name ("Hamas member Ali Musa and
Omar Said") is that one's only. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hamas members Ali Musa and Omar Said said the talks had failed.",
            {("AFFILIATED_WITH", "Ali Musa", "Hamas"), ("AFFILIATED_WITH", "Omar Said", "Hamas")},
        ),
        (
            "Hezbollah officials Hassan Nasser and Ali Karaki were killed in the strike.",
            {
                ("AFFILIATED_WITH", "Hassan Nasser", "Hezbollah"),
                ("AFFILIATED_WITH", "Ali Karaki", "Hezbollah"),
            },
        ),
    ],
)
def test_a_plural_title_is_each_ones(nlp, registry, text, expected):
    assert expected <= triples_of_text(nlp, registry, text)


def test_a_singular_title_is_the_first_ones_only(nlp, registry):
    text = "Hamas member Ali Musa and Omar Said said the talks had failed."
    triples = triples_of_text(nlp, registry, text)
    assert ("AFFILIATED_WITH", "Ali Musa", "Hamas") in triples
    assert ("AFFILIATED_WITH", "Omar Said", "Hamas") not in triples
