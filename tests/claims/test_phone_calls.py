"""Talking over a line is a call between its parties (PLOVER CONSULT): "Trump and Erdogan
spoke on the phone", "spoke by telephone with X". Speaking on a day or about a subject is
no call. An act of force keeps its claim when a complement tells its result ("shot him
dead"); naming with a complement ("called the talks a farce") is no act. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trump and Erdogan spoke on the phone on Sunday.",
            ("CONSULT", "Donald Trump", "Recep Tayyip Erdogan"),
        ),
        (
            "President Donald Trump and President Recep Tayyip Erdogan spoke by telephone.",
            ("CONSULT", "Donald Trump", "Recep Tayyip Erdogan"),
        ),
        (
            "President William Ruto talked by phone with Somali President Hassan Sheikh Mohamud.",
            ("CONSULT", "William Ruto", "Hassan Sheikh Mohamud"),
        ),
    ],
)
def test_talking_over_a_line_is_a_call(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump and Erdogan spoke on Sunday about the border.",
        "Trump spoke on television about the border.",
    ],
)
def test_speaking_is_no_call(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "CONSULT"]


def test_an_act_of_force_with_its_result_is_an_act(nlp, registry):
    text = (
        "Usman Khan attacked people in London on Friday. Kenyan police arrived and shot him dead."
    )
    assert ("ASSAULT", "Kenyan police", "Usman Khan") in triples_of_text(nlp, registry, text)
