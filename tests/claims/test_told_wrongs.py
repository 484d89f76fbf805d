"""A wrong a speaker tells of another actor is the speaker's accusation of it (PLOVER
ACCUSE), whatever the cue verb: a verb of wrongdoing ('"The militia is intimidating
voters," she said'; "Kenya said Somalia was meddling in its election"), being what a
condemning word names ('"Al-Shabaab is a terrorist group"', "is corrupt") or behaving like
it ("is behaving like a bully"). Not when the wrong is denied, is the speaker's own ("we"),
is no wrong ("hiding in the hills", "a partner in the fight against terrorism") or its
doer is no actor. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya said Somalia was meddling in its election.", ("ACCUSE", "Kenya", "Somalia")),
        (
            '"Hamas is intimidating the voters of Gaza," Mahmoud Abbas said.',
            ("ACCUSE", "Mahmoud Abbas", "Hamas"),
        ),
        (
            "Turkey said the Syrian government was hiding the casualty figures.",
            ("ACCUSE", "Turkey", "Syrian government"),
        ),
        (
            '"Unfortunately, Donald Trump is behaving like a bully," Erdogan said.',
            ("ACCUSE", "Recep Tayyip Erdogan", "Donald Trump"),
        ),
        (
            'Marcelo Ebrard said, "For Mexico, Patrick Crusius is a terrorist."',
            ("ACCUSE", "Marcelo Ebrard", "Patrick Crusius"),
        ),
        (
            '"Iran is a threat to the whole region," Benjamin Netanyahu said.',
            ("ACCUSE", "Benjamin Netanyahu", "Iran"),
        ),
        ("Kenya said Al-Shabaab was a terrorist group.", ("ACCUSE", "Kenya", "al-Shabaab")),
    ],
)
def test_a_told_wrong_accuses_the_wrongdoer(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Iran is not a threat," Qatar said.',
        '"We are not terrorists," Hamas said.',
        "Kenya said the Somali army was hiding in the hills.",
        '"Iraq is a partner in the fight against terrorism," Joe Biden said.',
        "Iraq said Turkey was an important partner.",
        "Kenya said Somalia had not meddled in the vote.",
    ],
)
def test_no_wrong_told_no_accusation(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ('"Ahmed Hassan\'s murder is unacceptable," Kenya said.', "Ahmed Hassan"),
        ("Kenya said the killing of Ahmed Hassan was a crime.", "Ahmed Hassan"),
    ],
)
def test_the_victim_of_a_condemned_act_is_not_accused(nlp, registry, text, victim):
    """The harm is condemned, its doer unnamed: an accusation of no one named (as the
    real-news annotators coded it; `test_unnamed_condemnation.py`), never of the victim."""
    accused = [o for r, _, o in triples_of_text(nlp, registry, text) if r == "ACCUSE"]
    assert accused == [None]
    assert victim not in accused
