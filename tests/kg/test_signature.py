"""kg.signature: MinHash signatures of documents' texts tell copies from independent texts.
The texts are written for these tests."""

from __future__ import annotations

import pytest

from kg.signature import (
    NEAR_DUPLICATE,
    PERMUTATIONS,
    Signature,
    containment,
    jaccard,
    near_duplicates,
    shingles,
    signature,
)

STORY = (
    "Officials in the Kurdistan Region said on Monday that two drones struck an oil "
    "field near the border overnight, setting a storage tank on fire and halting "
    "production for several hours. Firefighters from the nearby town worked until "
    "dawn to put out the blaze, and the company that runs the field said none of its "
    "workers had been hurt. No group has claimed the attack, the third on the field "
    "this year, and the regional government asked Baghdad to find those behind it."
)
OTHER_STORY = (
    "The parliament in Baghdad postponed its vote on the budget for a second week, "
    "after lawmakers from the southern provinces walked out of the session in protest "
    "at the share set aside for electricity. The speaker said talks would continue "
    "over the weekend and that he hoped for a deal before the end of the month, when "
    "public salaries fall due and the ministry of finance runs short of cash."
)


@pytest.mark.parametrize(
    ("other", "copies"),
    [
        (STORY, True),
        ("Drones hit oil field\n\n" + STORY + "\n\nReporting by our correspondent.", True),
        (STORY.upper(), True),  # case is not a difference
        (STORY[: len(STORY) // 2], True),  # cut to its first half: still the same story
        (OTHER_STORY, False),
        # Another report of the same event, in other words, sharing names and places.
        ("Two drones hit an oil field in the Kurdistan Region overnight on Monday, the "
         "company said, and a storage tank burned until dawn. Production stopped for "
         "some hours. The regional government asked Baghdad to find those behind it.",
         False),
    ],
)  # fmt: skip
def test_copies_and_independent_texts(other: str, copies: bool) -> None:
    assert near_duplicates(signature(STORY), signature(other)) is copies


def test_the_estimate_is_near_the_true_jaccard() -> None:
    a, b = shingles(STORY), shingles(STORY[: len(STORY) // 2])
    true = len(a & b) / len(a | b)
    assert abs(jaccard(signature(STORY), signature(STORY[: len(STORY) // 2])) - true) < 0.15
    assert containment(signature(STORY), signature(OTHER_STORY)) < NEAR_DUPLICATE / 4


def test_signature_is_stable_and_compact() -> None:
    sig = signature(STORY)
    assert sig == signature(STORY)  # the same text, the same stored value
    assert sig.shingles == len(shingles(STORY))
    assert len(sig.hashes) == (PERMUTATIONS * 4 + 2) // 3 * 4  # base64 of 32-bit values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", set()),
        ("Baghdad denied it.", {"baghdad denied it"}),  # shorter than a shingle
        ("one two three four five six", {"one two three four five", "two three four five six"}),
    ],
)
def test_shingles(text: str, expected: set[str]) -> None:
    assert shingles(text) == expected


def test_signatures_that_cannot_be_compared_are_not_copies() -> None:
    short = Signature(hashes=signature(STORY).hashes[:8], shingles=10)
    assert near_duplicates(signature(STORY), short) is False
    assert near_duplicates(signature(""), signature(STORY)) is False
