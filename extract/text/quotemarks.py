"""Quotation marks: find the quoted spans of a text, by characters alone.

Handles straight and curly double quotes, single-quote quotations (telling a closing
mark from an apostrophe: "Iraq's", "Kata'ib", "Shia'", "the farmers' fields"), marks
typed with the wrong hand, partial quotes inside a sentence, and multi-paragraph
quotes (journalistic convention: a paragraph that opens a quote without closing it
continues in the next paragraph, which opens again). `extract.claims.quotes` attributes the
spans found here to their speakers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT = "\"'"
#: Characters after which a single mark may open a quote.
_BEFORE_OPEN = set(" \t\n([{—–-:")
#: Characters after which a mark may close a quote (end of text counts too).
_AFTER_CLOSE = set(' \t\n.,;:!?)]}—–-"”')
#: The characters each loop acts on; every other character is passed over.
_DOUBLE_MARKS = re.compile(f'[{DOUBLE_OPEN}{DOUBLE_CLOSE}"]')
_SINGLE_MARKS = re.compile(f"[{SINGLE_OPEN}{SINGLE_CLOSE}']")
#: Quotes shorter than this many words are scare quotes ("so-called 'caliphate'"), not speech.
MIN_QUOTE_WORDS = 2


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation in a text.

    Attributes:
        start, end: the quoted words, without the marks (character offsets).
        open_at, close_at: the whole quotation with its marks.
        continues: the quotation runs on into the next paragraph (no closing mark here).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    continues: bool = False

    def text_in(self, text: str) -> str:
        """The quoted words in `text`."""
        return text[self.start : self.end]


def find_quote_spans(text: str, *, min_words: int = MIN_QUOTE_WORDS) -> list[QuoteSpan]:
    """Find the quotations in `text`, double quotes first, then single quotes outside them.

    Args:
        text: any text; paragraphs are separated by newlines.
        min_words: shorter quotations (scare quotes) are left out.

    Returns:
        The quotations in text order.
    """
    spans: list[QuoteSpan] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for index, (start, end) in enumerate(paragraphs):
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        doubles = _double_spans(text, start, end, next_start)
        singles = [
            span
            for span in _single_spans(text, start, end, next_start)
            if not any(d.open_at <= span.open_at < d.close_at for d in doubles)
        ]
        spans.extend(doubles)
        spans.extend(span for span in singles if not any(_inside(span, d) for d in doubles))
    spans.sort(key=lambda span: span.open_at)
    return [span for span in spans if len(span.text_in(text).split()) >= min_words]


def _inside(inner: QuoteSpan, outer: QuoteSpan) -> bool:
    return outer.open_at <= inner.open_at and inner.close_at <= outer.close_at


def _opens_next(text: str, next_start: int | None, marks: str) -> bool:
    return next_start is not None and text[next_start] in marks


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_spans(text: str, start: int, end: int, next_start: int | None) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _DOUBLE_MARKS.finditer(text, start, end):
        i = mark.start()
        char = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        # a mark of the wrong hand, as typed: ”Currently ...” opens, ...“ closes
        if char in DOUBLE_CLOSE and open_at is None and before.isspace() and after.isalnum():
            open_at = i
            continue
        if (
            char in DOUBLE_OPEN
            and open_at is not None
            and not before.isspace()
            and not after.isalnum()
        ):
            char = DOUBLE_CLOSE[0]
        if char in DOUBLE_OPEN or (char == '"' and open_at is None):
            if open_at is None or char in DOUBLE_OPEN:
                open_at = i
            continue
        if (char in DOUBLE_CLOSE or char == '"') and open_at is not None:
            q_start, q_end = _trimmed(text, open_at + 1, i)
            spans.append(QuoteSpan(q_start, q_end, open_at, i + 1))
            open_at = None
    if open_at is not None and _opens_next(text, next_start, DOUBLE_OPEN + '"'):
        q_start, q_end = _trimmed(text, open_at + 1, end)
        spans.append(QuoteSpan(q_start, q_end, open_at, end, continues=True))
    return spans


def _is_single_open(text: str, i: int, start: int) -> bool:
    if text[i] not in SINGLE_OPEN + "'":
        return False
    before_ok = i == start or text[i - 1] in _BEFORE_OPEN
    after = text[i + 1] if i + 1 < len(text) else " "
    return before_ok and (after.isalnum() or after in "[(….")


def _is_single_close(text: str, i: int) -> bool:
    if text[i] not in SINGLE_CLOSE + "'":
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    return after in _AFTER_CLOSE


def _is_ambiguous_close(text: str, i: int) -> bool:
    """A plural possessive ("the Assyrians' suffering") looks like a closing mark."""
    before = text[i - 1] if i > 0 else " "
    rest = text[i + 1 : i + 3]
    return before in "sS" and len(rest) == 2 and rest[0] == " " and rest[1].islower()


def _single_spans(text: str, start: int, end: int, next_start: int | None) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _SINGLE_MARKS.finditer(text, start, end):
        i = mark.start()
        if open_at is None:
            if _is_single_open(text, i, start):
                open_at = i
        elif _is_single_close(text, i):
            later = _next_close(text, i + 1, end)
            # a plural possessive inside the quote, if the quote closes later in the sentence
            skip = (
                _is_ambiguous_close(text, i)
                and later is not None
                and not re.search(r"[.!?]\s", text[i + 1 : later])
            )
            if not skip:
                q_start, q_end = _trimmed(text, open_at + 1, i)
                spans.append(QuoteSpan(q_start, q_end, open_at, i + 1))
                open_at = None
    if open_at is not None and _opens_next(text, next_start, SINGLE_OPEN + "'"):
        q_start, q_end = _trimmed(text, open_at + 1, end)
        spans.append(QuoteSpan(q_start, q_end, open_at, end, continues=True))
    return spans


def _next_close(text: str, i: int, end: int) -> int | None:
    """The next unambiguous closing single mark before any new opening one."""
    while i < end:
        if _is_single_open(text, i, 0) and text[i] != "'":
            return None
        if _is_single_close(text, i) and not _is_ambiguous_close(text, i):
            return i
        i += 1
    return None
