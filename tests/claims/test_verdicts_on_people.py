"""A verdict passed on "him" or "her" is passed on the person the pronoun stands for: "Ruto
called him a liar" after Odinga was named accuses Odinga; "described her as a brilliant
leader" praises the woman named before. "It" stays no one ("called it reckless" is mostly
said of an event). Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _judged(nlp, registry, text, relation):
    return {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation and c.subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "relation", "pair"),
    [
        (
            "Raila Odinga spoke in Nairobi on Monday. William Ruto called him a liar.",
            "ACCUSE",
            ("William Ruto", "Raila Odinga"),
        ),
        (
            'Martha Karua spoke in Nairobi. William Ruto described her as "a brilliant leader".',
            "SUPPORT",
            ("William Ruto", "Martha Karua"),
        ),
        (
            "Raila Odinga returned to Kisumu. William Ruto branded him a traitor on Tuesday.",
            "ACCUSE",
            ("William Ruto", "Raila Odinga"),
        ),
    ],
)
def test_a_verdict_on_him_or_her_is_on_the_person(nlp, registry, text, relation, pair):
    assert pair in _judged(nlp, registry, text, relation)


def test_a_verdict_on_it_names_no_one(nlp, registry):
    text = "Raila Odinga led the march in Nairobi. William Ruto called it reckless."
    assert not {p for p in _judged(nlp, registry, text, "ACCUSE") if p[1] == "Raila Odinga"}


def test_an_object_pronoun_is_never_its_own_verbs_subject(nlp, registry):
    """ "Ruto thanked him": not Ruto, who would be "himself"."""
    text = "Raila Odinga spoke first. William Ruto thanked him for the speech."
    assert ("William Ruto", "Raila Odinga") in _judged(nlp, registry, text, "SUPPORT")
