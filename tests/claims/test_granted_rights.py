"""A speaker who says another side has a right to act backs it: "Ukraine has every right
to defend itself" is the speaker's SUPPORT of Ukraine (PLOVER SUPPORT: defend verbally),
in a reported clause or a quote. A right denied ("has no right to"), a right that is a
thing ("the right weapons") or the speaker's own side gives no SUPPORT. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jake Sullivan said Ukraine has the right to defend itself.",
            ("SUPPORT", "Jake Sullivan", "Ukraine"),
        ),
        (
            "Antony Blinken stressed that Israel has every right to defend itself against"
            " these attacks.",
            ("SUPPORT", "Antony Blinken", "Israel"),
        ),
        (
            '"Taiwan has every right to protect its people," Jake Sullivan said.',
            ("SUPPORT", "Jake Sullivan", "Taiwan"),
        ),
    ],
)
def test_a_right_granted_backs_its_holder(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Jake Sullivan said Russia has no right to invade Ukraine.",
        "Jake Sullivan said Russia has the right weapons for the attack.",
        "Jake Sullivan said Iran does not have the right to enrich uranium.",
    ],
)
def test_a_right_denied_or_a_thing_backs_no_one(nlp, registry, text):
    assert not any(r == "SUPPORT" for r, _, _ in triples_of_text(nlp, registry, text))
