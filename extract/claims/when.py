"""When a claim's act or statement took place: the date expression of its clause.

A DATE entity dates a claim when it modifies the claim's cue ("denied on Friday") or a
verb the cue's clause hangs from ("X has asked ..., an official said on Friday"), as a
time adverbial: the object of a preposition ("on Friday", "in May") or a bare noun
phrase ("last week"). A date inside the claim's matter ("the September 30 attack") or
in a clause the cue governs ("denied that it attacked Somalia in May") dates another
event and is passed over. The expression resolves against the article's date
(`extract.text.dates.resolve`); a claim with no such expression, or an article with no
date, has no event date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.about import claim_cue
from extract.claims.context import entity_bounds, sentence_of, sentence_spans
from extract.records import Claim
from extract.text.dates import EventDate, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ADVERBIAL = frozenset({"npadvmod", "tmod", "advmod", "obl"})
_VERBS = frozenset({"VERB", "AUX"})


def event_date(
    doc: Doc, claim: Claim, *, article_date: str | None, offset: int = 0
) -> EventDate | None:
    """The event date of `claim`, or None.

    Args:
        doc: the parsed text holding the claim's evidence.
        claim: the claim.
        article_date: the document's ISO date; without it nothing resolves.
        offset: where `doc.text` starts in the document's text.
    """
    if not article_date:
        return None
    located = claim_cue(doc, claim, offset)
    if located is None:
        return None
    _, cue = located
    governors = {cue.i, *(token.i for token in cue.ancestors if token.pos_ in _VERBS)}
    if cue.pos_ not in _VERBS:  # a noun cue: the verb it hangs from
        governors |= {token.i for token in cue.ancestors}
    for ent in _dates(doc, cue):
        governor = _governor(ent)
        if governor is not None and governor.i in governors:
            found = resolve(ent.text, article_date)
            if found is not None:
                return found
    return None


def _dates(doc: Doc, cue: Token) -> list[Span]:
    """The DATE entities of the cue's sentence, nearest the cue first."""
    first, last = sentence_spans(doc)[sentence_of(doc, cue.i)]
    ents = [
        doc[start:end]
        for start, end in entity_bounds(doc, "DATE")
        if first <= start and end <= last
    ]
    return sorted(ents, key=lambda ent: abs(ent.root.i - cue.i))


def _governor(ent: Span) -> Token | None:
    root = ent.root
    if root.dep_ in _ADVERBIAL:
        head = root.head
    elif root.dep_ == "pobj" and root.head.dep_ == "prep":
        head = root.head.head
    else:
        return None
    return head if head.pos_ in _VERBS or head.dep_ == "ROOT" else None
