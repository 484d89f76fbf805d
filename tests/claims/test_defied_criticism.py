"""Criticism or rejection that an act goes ahead "despite", "amid" or "in the face of" is
aimed at whoever does the act: "Turkey went ahead with the plan despite criticism from
Greece" is Greece's ACCUSE of Turkey (it had accused no one), "Kenya opened the border amid
condemnation by Somalia" Somalia's of Kenya. Criticism in another phrase keeps its own
target. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkey went ahead with the plan despite criticism from Greece.",
            ("ACCUSE", "Greece", "Turkey"),
        ),
        ("Kenya opened the border amid condemnation by Somalia.", ("ACCUSE", "Somalia", "Kenya")),
        (
            "Erdogan announced the change on Wednesday, despite criticism by the Greek"
            " foreign minister and UNESCO.",
            ("ACCUSE", "Unesco", "Recep Tayyip Erdogan"),
        ),
        (
            "Israel continued the strikes in the face of condemnation from the United Nations.",
            ("ACCUSE", "United Nations", "Israel"),
        ),
        ("Ghana signed the deal in spite of a rejection by Togo.", ("REJECT", "Togo", "Ghana")),
    ],
)
def test_defied_criticism_is_aimed_at_the_doer(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_criticism_of_another_keeps_its_target(nlp, registry):
    text = "Kenya reopened the border despite Somalia's criticism of Ethiopia."
    assert ("ACCUSE", "Somalia", "Kenya") not in triples_of_text(nlp, registry, text)
