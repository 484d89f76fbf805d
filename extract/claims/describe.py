"""The fields a claim gets once every claim of the document is found: what it is about
(`extract.claims.about`), when it happened (`extract.claims.when`) and which claim of the
same article it answers (`extract.claims.disputes`). None of them changes a claim's
identity, its evidence or its other fields.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.claims.about import Matter, find_about
from extract.claims.disputes import link_in_article
from extract.claims.when import event_date
from extract.records import Actor, Claim, Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


def describe_claims(
    doc: Doc,
    claims: Sequence[Claim],
    document: Document,
    *,
    actors: Mapping[str, Actor],
    mentions: Iterable[Mention],
    offset: int = 0,
) -> list[Claim]:
    """Return `claims` (with their final ids) with `about`, event date and `responds` set.

    Args:
        doc: the parsed text the claims were found in.
        claims: the document's claims.
        document: the document (its date anchors relative dates).
        actors: the document's actors by id.
        mentions: the document's actor mentions (a matter is never an actor).
        offset: where `doc.text` starts in the document's text.
    """
    spans = tuple((mention.start, mention.end) for mention in mentions)
    matters: dict[str, Matter] = {}
    dated: list[Claim] = []
    for claim in claims:
        matter = find_about(doc, claim, offset=offset, actor_spans=spans)
        if matter is not None:
            matters[claim.id] = matter
        when = event_date(doc, claim, article_date=document.date, offset=offset)
        if when is not None:
            claim = replace(claim, event_date=when.value, event_date_granularity=when.granularity)
        dated.append(claim)
    return link_in_article(dated, matters, actors)
