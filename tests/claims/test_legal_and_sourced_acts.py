"""A conviction or prosecution is an accusation of the accused (legal action, as an
indictment is; with no court named, an agentless one), and a passive act done "in a
statement by X" has X as its agent. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _triples(nlp, registry, text, relation):
    return {
        (c.subject.label if c.subject else None, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation
    }


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("Jane Roe was convicted of fraud in 2010.", "Jane Roe"),
        ("Former minister Peter Kamau was convicted of bribery last year.", "Peter Kamau"),
        ("Jane Roe was prosecuted for perjury in Nairobi.", "Jane Roe"),
    ],
)
def test_a_conviction_accuses_the_convicted(nlp, registry, text, accused):
    assert (None, accused) in _triples(nlp, registry, text, "ACCUSE")


@pytest.mark.parametrize(
    ("text", "accusers"),
    [
        (
            "The raid was condemned in a joint statement by Kenya and Uganda.",
            {"Kenya", "Uganda"},
        ),
        ("The blockade was denounced in a statement from Egypt on Monday.", {"Egypt"}),
    ],
)
def test_a_passive_done_in_a_statement_has_its_authors_as_agents(nlp, registry, text, accusers):
    subjects = {subject for subject, _ in _triples(nlp, registry, text, "ACCUSE")}
    assert subjects == accusers


def test_a_statement_that_only_announces_gives_no_act(nlp, registry):
    text = "The deal was announced in a statement by the Kenyan government."
    assert _triples(nlp, registry, text, "ACCUSE") == set()
