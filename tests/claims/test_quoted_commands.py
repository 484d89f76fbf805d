"""A quote whose main clause is a command asks something of whom the speaker addresses
(PLOVER REQUEST): '"Release the hostages," Ruto told al-Shabaab'. Formulas of speech
('"Let me be clear"', '"Make no mistake"', '"Thank you"') command nothing, nor does a verb
coordinated with one that has a subject ('"We will go and fight"'). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Release the hostages and leave Somalia," President William Ruto told al-Shabaab.',
            ("REQUEST", "William Ruto", "al-Shabaab"),
        ),
        ('"Please, stop the fighting," Jane Roe told Kenya.', ("REQUEST", "Jane Roe", "Kenya")),
        (
            '"Do not attack the camps," said President William Ruto.',
            ("REQUEST", "William Ruto", None),
        ),
        ('"Stop the war," President William Ruto said.', ("REQUEST", "William Ruto", None)),
    ],
)
def test_a_quoted_command_is_a_request(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Let me be clear: we will not leave," said Jane Roe.',
        '"Make no mistake, this is a war," said Jane Roe.',
        '"We will go and fight them," said Jane Roe.',
        '"To be honest, the talks failed," Jane Roe said.',
        '"We leave tomorrow," said Jane Roe.',
    ],
)
def test_no_command_no_request(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("STATEMENT", "Jane Roe", None) in triples
    assert not [t for t in triples if t[0] == "REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        'The senate cancelled the hearing because Jane Roe did "not recognise the authority '
        'of the senate", John Doe said.',
        'Jane Roe said Kenya would "never accept such terms".',
    ],
)
def test_a_quoted_fragment_of_a_clause_commands_nothing(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]
