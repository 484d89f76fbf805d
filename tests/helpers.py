"""Helpers the tests share."""

from __future__ import annotations

from extract.nlp.pipeline import extract_documents
from extract.records import Claim, Document


def claims_of_text(nlp, registry, text: str) -> tuple[Claim, ...]:
    """The claims the whole extractor finds in `text`, read as one document."""
    (extraction,) = extract_documents(
        [Document(id="t", text=text, source="t")], nlp=nlp, registry=registry
    )
    return extraction.claims
