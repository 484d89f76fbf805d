"""Who judges a thing in a clause on it did not make it: in "Kenya condemned the deal,
which was welcomed by Somalia" Somalia is no one Kenya accuses, nor in "rejected the plan,
which the Herald had praised" is the Herald the one rejected; a clause that tells who made
the thing still names its maker ("the deal, which was signed by X", "the plan that X
proposed", "the attack that X carried out"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "judge"),
    [
        ("Kenya condemned the deal, which was welcomed by Somalia.", "Somalia"),
        ("Tom Berg rejected the plan, which the Herald had praised.", "Herald"),
        ("Kenya condemned the plan criticised by Somalia.", "Somalia"),
        ("Greece denounced the accord that Egypt had backed.", "Egypt"),
    ],
)
def test_a_judge_of_the_thing_is_not_its_maker(nlp, registry, text, judge):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[2] == judge}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya condemned the deal, which was signed by Somalia and Ethiopia.",
            ("ACCUSE", "Kenya", "Ethiopia"),
        ),
        ("Tom Berg rejected the plan that the Herald proposed.", ("REJECT", "Tom Berg", "Herald")),
        (
            "Kenya condemned the attack that al-Shabaab carried out.",
            ("ACCUSE", "Kenya", "al-Shabaab"),
        ),
    ],
)
def test_a_maker_named_in_a_clause_stays(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)
