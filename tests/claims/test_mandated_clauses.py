"""A request whose "that" clause says what must be done ("demanded that Iran punish those
responsible", "urged that Kenya should withdraw") asks the clause's subject to do it
(PLOVER REQUEST of that side), and the act in the clause is only asked for: no withdrawal
happened in "demanded that Somalia withdraw its troops". A clause that tells ("demanded
to know why Somalia had withdrawn", "said that Somalia withdrew") keeps its act.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukrainian President Volodymyr Zelensky demanded that Iran punish the officers"
            " responsible.",
            {("REQUEST", "Volodymyr Zelensky", "Iran")},
        ),
        (
            "Kenya urged that Somalia should withdraw its troops from the border.",
            {("REQUEST", "Kenya", "Somalia")},
        ),
        (
            "Kenya demanded that Somalia and Ethiopia withdraw their troops.",
            {("REQUEST", "Kenya", "Somalia"), ("REQUEST", "Kenya", "Ethiopia")},
        ),
    ],
)
def test_a_mandated_clause_asks_its_subject(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected <= triples
    assert not any(r == "RETREAT" for r, _, _ in triples)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya demanded to know why Somalia had withdrawn its troops.",
        "Kenya said that Somalia withdrew its troops.",
    ],
)
def test_a_told_clause_keeps_its_act(nlp, registry, text):
    assert any(r == "RETREAT" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Jane Roe insists that Congress include funding for the border wall.",
            ("REQUEST", "Jane Roe", "US Congress"),
        ),
        ("Kenya insisted that Somalia withdraw its troops.", ("REQUEST", "Kenya", "Somalia")),
    ],
)
def test_insisting_on_what_must_be_done_asks_it(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(r in ("RETREAT", "STATEMENT") for r, _, _ in triples)


def test_insisting_on_what_is_tells_it(nlp, registry):
    triples = triples_of_text(nlp, registry, "Kenya insisted that the vote was fair.")
    assert {r for r, _, _ in triples} == {"STATEMENT"}
