"""Where one is welcomed is no one supported: "welcomed the ministers to Rome, to the
meeting of the Global Coalition to Defeat ISIS" had coded SUPPORT of Italy and of the
Islamic State. The welcomed one is the verb's object ("welcomed the Somali president"),
and a thing welcomed names its maker ("welcomed Somalia's decision"). Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "not_supported"),
    [
        (
            "Luigi Di Maio welcomed the ministers to Rome, to the meeting of the coalition"
            " against ISIS.",
            {"Italy", "Islamic State"},
        ),
        ("Kenya welcomed the delegates to Nairobi for the talks.", {"Nairobi", "Kenya"}),
        ("Kenya welcomed the delegates to Washington.", {"US government", "Washington"}),
        (
            "Luigi Di Maio said: I'm delighted to welcome you here to Rome, to the meeting of"
            " the Global Coalition to Defeat ISIS, which I have the honour of chairing.",
            {"Italy", "Islamic State"},
        ),
        (
            "We are delighted to welcome you to Baghdad, the Iraqi minister said.",
            {"Baghdad", "Iraq"},
        ),
        ("Ghana welcomed the envoys to the conference on Togo.", {"Togo"}),
    ],
)
def test_where_one_is_welcomed_is_not_supported(nlp, registry, text, not_supported):
    supported = {o for r, _, o in triples_of_text(nlp, registry, text) if r == "SUPPORT"}
    assert not supported & not_supported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya welcomed Somalia's decision to withdraw.", ("SUPPORT", "Kenya", "Somalia")),
        ("Kenya welcomed Ali Musa to Nairobi.", ("SUPPORT", "Kenya", "Ali Musa")),
    ],
)
def test_the_welcomed_one_is_supported(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
