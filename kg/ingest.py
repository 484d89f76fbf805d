"""Ingest: read files, extract records, replace each document's graph in the store.

Documents whose text (and metadata) the store already holds are not extracted
again. Each document is written on its own, in one transaction, so a failure in
one never loses the others.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from extract.records import Document, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.actors.registry import Registry
    from kg.store import Store


@dataclass
class IngestReport:
    """What one ingest run did, document by document."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, warning)
    claims: int = 0
    actors: int = 0
    words: int = 0
    seconds: float = 0.0
    undated: list[str] = field(default_factory=list)  # sources of documents with no date
    disputed_actors: set[str] = field(default_factory=set)  # whose cross-article links changed
    cross_article_links: int | None = None  # links in the disputes graph after the run

    @property
    def documents(self) -> int:
        """Documents read successfully, whatever happened to them next."""
        return len(self.added) + len(self.updated) + len(self.unchanged)


#: Called after each document with (documents done, documents in all, source).
Progress = Callable[[int, int, str], None]


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    load_nlp: Callable[[], Language],
    registry: Registry,
    batch_size: int = 16,
    n_process: int = 1,
    progress: Progress | None = None,
    run_date: str | None = None,
) -> IngestReport:
    """Read `paths`, extract what changed, and write it to `store`.

    Args:
        paths: files or folders (.txt .md .html .jsonl).
        store: an open store.
        load_nlp: returns the pipeline; called only when some document needs
            extracting, so an ingest of unchanged files loads no model.
        registry: the actor registry; its facts are written to their own graph.
        batch_size: texts per spaCy batch.
        n_process: spaCy worker processes.
        progress: called after each document.
        run_date: ISO date given to every document that has none from its metadata,
            dateline or file name (`kg ingest --date`).

    Returns:
        The report; `failures` names every file or line that did not go in, and why.
    """
    from extract.nlp.pipeline import extract_documents
    from extract.text.read import read_paths

    began = time.perf_counter()
    report = IngestReport()
    store.replace_registry(registry.actors())

    documents: list[Document] = []
    seen: set[str] = set()
    for item in read_paths(paths):
        if isinstance(item, Failure):
            report.failures.append(item)
        elif item.id in seen:
            # The same file named twice (e.g. a folder and a file inside it).
            continue
        else:
            seen.add(item.id)
            if item.date is None and run_date is not None:
                item = replace(item, date=run_date)
            if item.date is None:
                report.undated.append(item.source)
            documents.append(item)
    total = len(documents)
    done = 0

    todo: list[Document] = []
    for document in documents:
        if store.stored_hash(document.id) == document.text_hash:
            report.unchanged.append(document.source)
            done += 1
            if progress:
                progress(done, total, document.source)
        else:
            todo.append(document)

    if todo:
        results: Iterable[Extraction | Failure] = extract_documents(
            todo, nlp=load_nlp(), registry=registry, batch_size=batch_size, n_process=n_process
        )
        for result in results:
            if isinstance(result, Failure):
                report.failures.append(result)
                source = result.source
            else:
                _write(store, result, report)
                source = result.document.source
            done += 1
            if progress:
                progress(done, total, source)
    if report.added or report.updated:
        from kg.disputes import refresh_disputes

        report.cross_article_links = refresh_disputes(store, report.disputed_actors)
    report.seconds = time.perf_counter() - began
    return report


def _write(store: Store, extraction: Extraction, report: IngestReport) -> None:
    document = extraction.document
    status = store.replace_document(extraction)
    {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}[
        status
    ].append(document.source)
    report.claims += len(extraction.claims)
    if status != "unchanged":
        from kg.disputes import disputed_actors

        report.disputed_actors |= disputed_actors(extraction.claims)
    report.actors += len(extraction.actors)
    report.words += len(document.text.split())
    report.warnings.extend((document.source, warning) for warning in extraction.warnings)
