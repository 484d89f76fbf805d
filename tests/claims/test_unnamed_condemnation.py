"""Words that condemn a harm or an attack whose doer they leave unnamed are the speaker's
accusation of no one named, in a quote as in a reported clause ('"Nabil's murder is
unacceptable," X said'; "X said the attack was cowardly"); a doer named is accused. A
clause that praises, denies the wrong or only describes the event is a statement.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _relations(nlp, registry, text):
    return {
        (c.relation, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
        if c.speaker is not None and c.speaker.label == "Tom Reed"
    }


@pytest.mark.parametrize(
    "text",
    [
        '"This attack is cowardly and unacceptable," said Tom Reed.',
        '"Nabil\'s murder is unacceptable and a terrible blow to journalism," said Tom Reed.',
        "Tom Reed said the murder was a cowardly crime.",
        "Tom Reed said the killing of the two students was appalling.",
    ],
)
def test_condemned_harm_accuses_no_one_named(nlp, registry, text):
    assert _relations(nlp, registry, text) == {("ACCUSE", None)}


def test_a_named_doer_is_accused(nlp, registry):
    text = "Tom Reed said the attack by Kenya was a crime."
    assert ("ACCUSE", "Kenya") in _relations(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"The vote was a great success," said Tom Reed.',
        '"The attack was not a crime," said Tom Reed.',
        '"The attack was expected," said Tom Reed.',
        '"This is dangerous," said Tom Reed.',
    ],
)
def test_no_condemnation_no_accusation(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _ in _relations(nlp, registry, text))
