"""Tests for extract.text.prose: stretches without a sentence end are found and masked."""

from __future__ import annotations

import pytest

from extract.text.prose import NOT_PROSE, mask_spans, not_prose, not_prose_warning

SENTENCE = "The council met on Monday and agreed to review the budget. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SENTENCE * 500, []),  # long, but sentences all the way
        ("word " * 300, []),  # 1,500 characters: a long sentence, still prose
        ("word " * 2000, [(0, 9999)]),  # 10,000 characters and no sentence end
        (SENTENCE + "word " * 2000 + ". " + SENTENCE, [(59, 10058)]),  # edges trimmed
        # Hard-wrapped lines are no sentence ends, blank lines are.
        (("word " * 10 + "\n") * 200, [(0, 10198)]),
        (("word " * 10 + "\n\n") * 200, []),
        # Semicolons, colons and closing quotes after a full stop end a stretch.
        (("word " * 500 + "; ") * 10, []),
        (('"' + "word " * 500 + '."\n') * 10, []),
    ],
)
def test_not_prose(text: str, expected: list[tuple[int, int]]) -> None:
    assert not_prose(text, limit=5000) == expected


def test_masking_keeps_length_and_line_breaks() -> None:
    text = SENTENCE + "word " * 10 + "\nmore words\n" + SENTENCE
    spans = [(len(SENTENCE), len(SENTENCE) + 60)]
    masked = mask_spans(text, spans)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert masked[: len(SENTENCE)] == SENTENCE
    assert not masked[spans[0][0] : spans[0][1]].strip()


def test_the_warning_says_how_much_and_where() -> None:
    warning = not_prose_warning([(0, 10_000), (20_000, 26_000)])
    assert warning.startswith(NOT_PROSE + ": 16,000 characters")
    assert "characters 0-10,000 and 1 more" in warning
