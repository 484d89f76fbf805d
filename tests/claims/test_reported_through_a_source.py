""" "According to ISNA, the prosecutor general, Ali Mehr, said ...": the small model may
hang the sentence's subject on the source as an apposition and leave "said" with no
subject. The one named there speaks (the source only reports it); a source with an
apposition of its own before a verb with its own subject changes nothing. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _quote_speakers(nlp, registry, text):
    return {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, text)
        if c.quote
    }


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to the semi-official news agency KNA, the prosecutor general of "
            'Nairobi, Ali Musa Wario, said the men must face "murder and terrorism charges".',
            "Ali Musa Wario",
        ),
        (
            "According to the state news agency KNA, the governor of Mombasa, Ali Musa, said "
            'the port would stay "closed to every ship".',
            "Ali Musa",
        ),
        (
            "According to the broadcaster KBC, the mayor of Nakuru, Peter Kamau, said the "
            'water was "not safe to drink at all".',
            "Peter Kamau",
        ),
    ],
)
def test_the_person_hung_on_the_source_speaks(nlp, registry, text, speaker):
    assert _quote_speakers(nlp, registry, text) == {speaker}


def test_a_verb_with_its_own_subject_keeps_it(nlp, registry):
    text = (
        "According to KNA, the state news agency, interior minister Ali Musa said the border "
        'would stay "closed to every truck and bus" for a month.'
    )
    assert _quote_speakers(nlp, registry, text) == {"Ali Musa"}
