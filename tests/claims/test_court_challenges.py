"""Challenging or contesting something in court is legal action against whoever holds it
(PLOVER ACCUSE; CAMEO 115), and announced by its doer it is a threat of it (THREATEN), as
suing is: "she said she would challenge Pierluisi's oath of office in court". A challenge
outside a court ("challenged Somalia to a debate") is neither. Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Carmen Cruz said she would challenge Pedro Pierluisi's oath of office in court.",
            ("THREATEN", "Carmen Cruz", "Pedro Pierluisi"),
        ),
        (
            "Raila Odinga said he would contest William Ruto's victory in court.",
            ("THREATEN", "Raila Odinga", "William Ruto"),
        ),
        (
            "Raila Odinga challenged William Ruto's victory in court on Monday.",
            ("ACCUSE", "Raila Odinga", "William Ruto"),
        ),
    ],
)
def test_a_challenge_in_court_is_legal_action(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_a_challenge_outside_court_is_none(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya challenged Somalia to a debate on the border.")
    assert not any(r in ("ACCUSE", "THREATEN") for r, _, _ in triples)
