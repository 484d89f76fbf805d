"""The records every pass of the actors stage shares: a resolved span (`Found`) and
its `Mention` record.

A `Found` is a span of the doc in token offsets and the actor it names; the passes
(`extract/actors/mentions.py`, `groups.py`, `roles.py`, ...) produce them, the index
(`extract/actors/index.py`) looks them up by token, and `to_mention` turns each into the
`Mention` a document's extraction carries (offsets in the document text).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass(frozen=True)
class Found:
    """One resolved span of the doc (token offsets), before it becomes a `Mention`."""

    start: int
    end: int
    actor_id: str
    how: str
    capital: bool = False  # a capital named as a place; stands for its government when it acts


def to_mention(span: Span, actor_id: str, how: str, offset: int) -> Mention:
    """The `Mention` record of a span, with offsets in the document text."""
    return Mention(
        actor_id=actor_id,
        text=span.text,
        start=offset + span.start_char,
        end=offset + span.end_char,
        how=how,
    )
