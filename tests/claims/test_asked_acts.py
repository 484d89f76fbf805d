"""An act a request asks for has not happened, and whoever would do it is the one asked:
"called for X's resignation", "called for the resignation of X", "asked for X's
resignation", "demanded Somalia's withdrawal" are REQUESTs of X (of Somalia), with no
CONCEDE or RETREAT of their own. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "asker", "asked", "not_done"),
    [
        ("Protesters called for Governor Smith's resignation.", "Protesters", "Smith", "CONCEDE"),
        ("Kenya called for the resignation of Governor Smith.", "Kenya", "Smith", "CONCEDE"),
        (
            "Jane Roe asked for John Kamau's resignation on Monday.",
            "Jane Roe",
            "John Kamau",
            "CONCEDE",
        ),
        ("Kenya demanded Somalia's withdrawal from the border.", "Kenya", "Somalia", "RETREAT"),
    ],
)
def test_the_act_asked_for_names_who_is_asked(nlp, registry, text, asker, asked, not_done):
    triples = triples_of_text(nlp, registry, text)
    assert ("REQUEST", asker, asked) in triples
    assert not any(r == not_done for r, _, _ in triples)


def test_the_act_done_is_still_an_act(nlp, registry):
    triples = triples_of_text(nlp, registry, "Governor Smith announced his resignation on Monday.")
    assert any(r == "CONCEDE" for r, _, _ in triples)
