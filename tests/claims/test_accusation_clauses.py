"""A verb of accusation whose object is a clause ("complained that ...") accuses the doer
of the wrong or the act of force the clause tells; a clause that tells no wrong, a
negated one, or one whose doer is the speaker ("we") names no one accused. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Kenya complained that Uganda had violated the border agreement.", "Uganda"),
        ("Tom Reed complained that he was punched by Mr. Smith after the session.", "Smith"),
        ("Kenya complained that its soldiers were attacked by Ugandan troops.", "Ugandan troops"),
    ],
)
def test_the_clause_names_the_accused(nlp, registry, text, accused):
    found = triples_of_text(nlp, registry, text)
    assert any(r == "ACCUSE" and o == accused for r, _, o in found)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya complained that Uganda was hosting the summit.",
        "Kenya complained that Uganda had not attacked the rebels.",
        "Kenya complained that we had attacked its embassy.",
    ],
)
def test_no_wrong_no_one_accused(nlp, registry, text):
    found = triples_of_text(nlp, registry, text)
    assert all(o is None for r, _, o in found if r == "ACCUSE")
