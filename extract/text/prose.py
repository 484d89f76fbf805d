"""Finding the stretches of a text that are not prose, so that extraction can pass them by.

A text with no sentence end over thousands of characters (a line of word soup, a dump of
names or numbers, a table flattened to one line) is not something claims can be read
from: spaCy's parser makes up sentence boundaries in it and its entity recogniser turns
every capitalised word into an actor (a 5 MB line gave 10,980 "actors"). `not_prose`
finds such stretches; the pipeline masks them as it masks page clutter (spaces in place
of the characters, so offsets stay valid) and reports them.
"""

from __future__ import annotations

import re

#: The longest stretch without a sentence end that still counts as prose. The longest
#: in the shipped and shared corpora is 653 characters (a quoted list of names); 5,000
#: characters is some 800 words with no full stop, semicolon, colon or paragraph break.
PROSE_STRETCH_CHARS = 5_000

#: Where a sentence may end: final punctuation (and closing quotes or brackets) before
#: white space, or a blank line. A single line break is no boundary: hard-wrapped prose
#: breaks lines inside sentences.
_BOUNDARY = re.compile(r"[.!?;:…][\"'”’)\]]*(?=\s|$)|\n[^\S\n]*\n")

#: The first words of the warning that flags a document holding text that is not prose.
NOT_PROSE = "not prose"


def not_prose(text: str, *, limit: int = PROSE_STRETCH_CHARS) -> list[tuple[int, int]]:
    """The spans of `text` that run over `limit` characters without a sentence end.

    Args:
        text: a document's text (clutter may already be masked with spaces).
        limit: the longest stretch between two sentence ends that counts as prose.

    Returns:
        (start, end) of each such stretch, white space at its edges left out, in order.
    """
    spans: list[tuple[int, int]] = []
    previous = 0
    for match in (*_BOUNDARY.finditer(text), None):
        end = match.start() if match is not None else len(text)
        if end - previous > limit:
            stretch = text[previous:end]
            start = previous + len(stretch) - len(stretch.lstrip())
            stop = end - (len(stretch) - len(stretch.rstrip()))
            if stop - start > limit:
                spans.append((start, stop))
        if match is not None:
            previous = match.end()
    return spans


def mask_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span's characters but line breaks replaced by spaces."""
    parts = []
    previous = 0
    for start, end in spans:
        parts.append(text[previous:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def not_prose_warning(spans: list[tuple[int, int]]) -> str:
    """The warning that says which stretches were left out of extraction."""
    chars = sum(end - start for start, end in spans)
    first = spans[0]
    where = f"characters {first[0]:,}-{first[1]:,}" + (
        f" and {len(spans) - 1} more" if len(spans) > 1 else ""
    )
    return (
        f"{NOT_PROSE}: {chars:,} characters without a sentence end over more than"
        f" {PROSE_STRETCH_CHARS:,} characters ({where}) were left out of extraction"
    )
