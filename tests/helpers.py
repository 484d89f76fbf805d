"""Helpers the tests share."""

from __future__ import annotations

from extract.nlp.pipeline import extract_documents
from extract.records import Claim, Document, Extraction


def extraction_of_text(nlp, registry, text: str) -> Extraction:
    """What the whole extractor finds in `text` (actors, mentions, claims), read as one
    document."""
    (extraction,) = extract_documents(
        [Document(id="t", text=text, source="t")], nlp=nlp, registry=registry
    )
    return extraction


def claims_of_text(nlp, registry, text: str) -> tuple[Claim, ...]:
    """The claims the whole extractor finds in `text`, read as one document."""
    return extraction_of_text(nlp, registry, text).claims


def triples_of_text(nlp, registry, text: str) -> set[tuple[str, str | None, str | None]]:
    """(relation, subject label, object label) of each claim found in `text` (None for a
    missing side)."""
    return {
        (c.relation, c.subject.label if c.subject else None, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text)
    }
