"""Helpers the tests share."""

from __future__ import annotations

from extract.nlp.pipeline import extract_documents
from extract.records import Claim, Document, Extraction


def extraction_of_text(
    nlp, registry, text: str, *, publisher: str | None = None, title: str | None = None
) -> Extraction:
    """What the whole extractor finds in `text` (actors, mentions, claims), read as one
    document (with a `publisher` and `title` when given: an official text's voice)."""
    document = Document(id="t", text=text, source="t", title=title, publisher=publisher)
    (extraction,) = extract_documents([document], nlp=nlp, registry=registry)
    return extraction


def claims_of_text(nlp, registry, text: str, **document: str | None) -> tuple[Claim, ...]:
    """The claims the whole extractor finds in `text`, read as one document
    (`extraction_of_text`)."""
    return extraction_of_text(nlp, registry, text, **document).claims


def polarities_of_text(nlp, registry, text: str, relation: str) -> set[str]:
    """The polarities of the `relation` claims found in `text` (`claims_of_text`)."""
    return {c.polarity for c in claims_of_text(nlp, registry, text) if c.relation == relation}


def triples_of_text(
    nlp, registry, text: str, **document: str | None
) -> set[tuple[str, str | None, str | None]]:
    """(relation, subject label, object label) of each claim found in `text` (None for a
    missing side; `extraction_of_text`)."""
    return {
        (c.relation, c.subject.label if c.subject else None, c.object.label if c.object else None)
        for c in claims_of_text(nlp, registry, text, **document)
    }


#: The publisher whose texts speak in an official voice in the tests of that voice.
STATE_DEPARTMENT = "U.S. Department of State"


def triples_of_official_text(
    nlp, registry, body: str, *, publisher: str | None = STATE_DEPARTMENT
) -> set[tuple[str, str | None, str | None]]:
    """`triples_of_text` of `body` as a press statement of `publisher` (a spokesperson's
    office heading it): the text speaks in that publisher's voice."""
    text = f"Office of the Spokesperson\n\n{body}\n"
    return triples_of_text(nlp, registry, text, publisher=publisher)
