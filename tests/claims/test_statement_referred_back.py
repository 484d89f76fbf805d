"""A definite document as speaker ('"...," the statement said', '"...," read the
statement', "the letter said") speaks for whoever issued the document of that word
named last, within a few sentences ("Kenya issued a statement", "a statement from the
Kenyan army"); with none named before, the quote stays unattributed. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _speakers(nlp, registry, text, start):
    return {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "STATEMENT" and c.text.startswith(start)
    }


@pytest.mark.parametrize(
    ("text", "start", "speaker"),
    [
        (
            'Kenya issued a statement on Sunday. "The troops are safe," the statement said.',
            '"The troops',
            "Kenya",
        ),
        (
            'Kenya issued a statement on Sunday. "The troops are safe," read the statement.',
            '"The troops',
            "Kenya",
        ),
        (
            "Kenya issued a statement on Sunday. The statement said the troops were safe.",
            "The statement",
            "Kenya",
        ),
        (
            "Kenya issued a statement on Sunday. Uganda published a statement on Monday. "
            '"The troops are safe," the statement said.',
            '"The troops',
            "Uganda",
        ),
        (
            "Uganda sent a letter to the council on Monday. The letter said the border was closed.",
            "The letter",
            "Uganda",
        ),
    ],
)
def test_the_document_speaks_for_its_issuer(nlp, registry, text, start, speaker):
    assert _speakers(nlp, registry, text, start) == {speaker}


def test_no_document_named_before_no_speaker(nlp, registry):
    text = '"The troops are safe," the statement said.'
    assert _speakers(nlp, registry, text, '"The troops') == {None}
