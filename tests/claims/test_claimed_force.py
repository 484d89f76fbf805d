"""Force that a speaker claims or contends another side did is the speaker's accusation of
it: "Kenya claimed al-Shabaab had attacked journalists" accuses al-Shabaab (PLOVER ACCUSE:
an allegation), where "Kenya said al-Shabaab attacked the camp" stays the reported attack
(a dated act told by a speaker is the act). Not of the speaker's own side, and not when
denied or only possible. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _accused(nlp, registry, text, accuser):
    return {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE"
        and c.subject
        and c.subject.label == accuser
        and c.object
        and c.polarity == "affirmed"
    }


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Kenya claimed al-Shabaab had attacked journalists in Lamu.", "Kenya", "al-Shabaab"),
        ("Ukraine claimed Russia shelled Kharkiv overnight.", "Ukraine", "Russia"),
        ("Egypt contended that Sudan had detained two Egyptian engineers.", "Egypt", "Sudan"),
        ("William Ruto claimed that Somalia bombed the border post.", "William Ruto", "Somalia"),
    ],
)
def test_claimed_force_accuses_the_doer(nlp, registry, text, accuser, accused):
    assert accused in _accused(nlp, registry, text, accuser)


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        ("Ukraine said Russia shelled Kharkiv overnight.", "Ukraine"),
        ("Kenya claimed its troops killed twenty militants near Lamu.", "Kenya"),
        ("Kenya claimed Somalia did not attack the camp.", "Kenya"),
        ("Kenya claimed Somalia could attack the camp next week.", "Kenya"),
    ],
)
def test_no_accusation_when_said_own_denied_or_possible(nlp, registry, text, accuser):
    assert not _accused(nlp, registry, text, accuser) - {"Kenya"}
