"""The general verbs of communication report what their subject said, as "said" does, for
quotes and for reported clauses ("lamented that", "assured reporters that", "talked of
its "..."") ; and a speech verb reports only its own clause: not a clause the parser hangs
on it from before a "however", nor a clause it follows as a clause of its own. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _label(ref):
    return ref.label if ref is not None else None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Raila Odinga lamented that "nobody listens to the farmers."', "Raila Odinga"),
        ("President William Ruto assured reporters that the border would reopen.", "William Ruto"),
        ("Kenya signalled that it would reopen the border.", "Kenya"),
        ("Kenyan officials recalled that the border had been closed in 2011.", "Kenyan officials"),
        ('Fatima Bhutto remarked, "The river has never been this low."', "Fatima Bhutto"),
    ],
)
def test_a_verb_of_communication_reports_its_subjects_words(nlp, registry, text, speaker):
    statements = [c for c in claims_of_text(nlp, registry, text) if c.relation == "STATEMENT"]
    assert [_label(c.speaker) for c in statements] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # "spoke with" is a meeting, and stays one
        "President William Ruto spoke today with President Yoweri Museveni of Uganda.",
        "Kenyan President William Ruto talked with Ugandan President Yoweri Museveni on Monday.",
        "William Ruto spoke by phone with Yoweri Museveni on Monday.",
    ],
)
def test_speaking_with_someone_is_still_a_meeting(nlp, registry, text):
    claims = claims_of_text(nlp, registry, text)
    assert [(c.relation, _label(c.subject), _label(c.object)) for c in claims] == [
        ("CONSULT", "William Ruto", "Yoweri Museveni")
    ]


def test_a_denial_before_however_is_not_part_of_the_report_after_it(nlp, registry):
    text = (
        "Ethiopia initially denied all claims that the convoy was shelled, however, "
        "a UN report eventually concluded evidence supported the shelling."
    )
    (denial,) = [c for c in claims_of_text(nlp, registry, text) if c.relation == "DENY"]
    assert _label(denial.speaker) in ("Ethiopia", "Ethiopian government")
