"""Ingest: read files, extract records, replace each document's graph in the store.

The store is kept matching the files. Documents whose text (and metadata) the store
already holds are not extracted again; the same text under a second name is reported
and stored once; a file whose text is stored under a name that no longer exists is a
rename, and replaces the old document; with `prune`, documents whose source is gone
from the paths given are removed. Each document is written as soon as it is extracted,
in one transaction, so a failure in one never loses the others; a store that cannot be
written (a full disk) ends the run with one message, and what was written stays whole.
Extraction runs in this process or on a pool of workers (`extract.nlp.parallel`: local
processes or a Dask cluster); either way this process alone writes, in the order the
documents were read, so the store comes out the same, and a cluster lost in the middle
stops the run as a full disk does. Before a document is written its actors are linked to
those stored (`extract.actors.variants.VariantIndex`, read from the store once per run):
a later document's spelling of a name stored earlier ("Muqtada" after "Moqtada") takes
the stored actor's id and is kept as its alias.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from extract.nlp.parallel import ClusterError, extract_in_parallel
from extract.records import Document, Extraction, Failure, content_hash
from extract.text.files import MAX_BYTES
from kg.errors import StoreError

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.actors.registry import Registry
    from extract.actors.variants import VariantIndex
    from extract.nlp.parallel import Pool
    from kg.store import Store


@dataclass
class IngestReport:
    """What one ingest run did, document by document."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, warning)
    #: (source, source stored with the same text): read, not stored a second time.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    #: (old source, new source): the old document was replaced by the new one.
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: Sources whose documents were removed because the source is gone (`prune`).
    pruned: list[str] = field(default_factory=list)
    #: Sources holding stretches of text that are not prose (left out of extraction).
    not_prose: list[str] = field(default_factory=list)
    #: Why the run stopped before its end (the store could not be written), else None.
    stopped: str | None = None
    #: Documents read but not written because the run stopped.
    not_written: int = 0
    claims: int = 0
    actors: int = 0
    words: int = 0
    seconds: float = 0.0
    undated: list[str] = field(default_factory=list)  # sources of documents with no date
    disputed_actors: set[str] = field(default_factory=set)  # whose cross-article links changed
    cross_article_links: int | None = None  # links in the disputes graph after the run
    clustered_actors: set[str] = field(default_factory=set)  # whose claim clusters changed
    claim_clusters: int | None = None  # clusters in the clusters graph after the run

    @property
    def documents(self) -> int:
        """Documents read successfully and stored (whatever happened to them next)."""
        return len(self.added) + len(self.updated) + len(self.unchanged)


#: Called after each document with (documents done, documents in all, source).
Progress = Callable[[int, int, str], None]

#: A JSONL record's source ends with its line: "feed.jsonl#L12".
_LINE = re.compile(r"#L\d+$")


def ingest(
    paths: Sequence[str | Path],
    *,
    store: Store,
    load_nlp: Callable[[], Language],
    registry: Registry,
    batch_size: int = 16,
    pool: Pool | None = None,
    progress: Progress | None = None,
    run_date: str | None = None,
    max_bytes: int = MAX_BYTES,
    prune: bool = False,
) -> IngestReport:
    """Read `paths`, extract what changed, and write it to `store`.

    Args:
        paths: files or folders (.txt .md .html .jsonl).
        store: an open store.
        load_nlp: returns the pipeline; called only when some document needs
            extracting, so an ingest of unchanged files loads no model.
        registry: the actor registry; its facts are written to their own graph.
        batch_size: texts per spaCy batch (in this process; a pool has its own).
        pool: worker processes or a Dask cluster to extract on
            (`extract.nlp.parallel`); None: extract in this process. Either way the
            results are written here, one document after the other, in the order read.
        progress: called after each document.
        run_date: ISO date given to every document that has none from its metadata,
            dateline or file name (`kg ingest --date`).
        max_bytes: the largest file (JSONL: line) read, 0 for no limit.
        prune: also remove stored documents whose source, under `paths`, is gone.

    Returns:
        The report; `failures` names every file or line that did not go in, and why.
    """
    from extract.text.read import read_paths

    began = time.perf_counter()
    report = IngestReport()
    try:
        store.replace_registry(registry.actors())
        stored = store.stored_documents()
    except StoreError as error:
        report.stopped = str(error)
        return report
    run = _Run(stored)

    documents: list[Document] = []
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Failure):
            report.failures.append(item)
            run.failed_files.add(_file_of(item.source))
        elif (first := run.seen(item)) is not None:
            if _place(first) != _place(item.source):
                report.duplicates.append((item.source, first))
            # else: the same file named twice (a folder, and a file inside it)
        else:
            if item.date is None and run_date is not None:
                item = replace(item, date=run_date)
            if item.date is None:
                report.undated.append(item.source)
            documents.append(item)
    total = len(documents)
    done = 0

    todo: list[Document] = []
    for document in documents:
        outcome = run.plan(document)
        if outcome == "unchanged":
            report.unchanged.append(document.source)
        elif isinstance(outcome, tuple):
            report.duplicates.append((document.source, outcome[1]))
        else:
            todo.append(document)
            continue
        done += 1
        if progress:
            progress(done, total, document.source)

    if todo:
        from extract.actors.variants import VariantIndex

        try:
            run.variants = VariantIndex(store.stored_actors(), registry_ids=registry.entries)
        except StoreError as error:
            report.stopped = str(error)
            return report
        results: Iterable[Extraction | Failure]
        if pool is None:
            from extract.nlp.pipeline import extract_documents

            results = extract_documents(
                todo, nlp=load_nlp(), registry=registry, batch_size=batch_size
            )
        else:
            results = extract_in_parallel(todo, pool)
        try:
            for result in results:
                if isinstance(result, Failure):
                    report.failures.append(result)
                    source = result.source
                else:
                    try:
                        _write(store, result, report, run)
                    except StoreError as error:
                        report.stopped = str(error)
                        report.not_written = total - done
                        break
                    source = result.document.source
                done += 1
                if progress:
                    progress(done, total, source)
        except ClusterError as error:  # the cluster is gone: stop as on a full disk
            report.stopped = str(error)
            report.not_written = total - done

    if report.stopped is None:
        try:
            if prune:
                _prune(store, paths, run, report)
            if report.added or report.updated or report.pruned or report.renamed:
                from kg.corroboration import refresh_clusters
                from kg.disputes import refresh_disputes

                # documents removed (pruned, renamed) take their links: recompute all
                removed = bool(report.pruned or report.renamed)
                actors = None if removed else report.disputed_actors
                report.cross_article_links = refresh_disputes(store, actors)
                clustered = None if removed else report.clustered_actors
                report.claim_clusters = refresh_clusters(store, clustered)
            store.flush()  # a full disk is reported here, not on closing the store
        except StoreError as error:
            report.stopped = str(error)
    report.seconds = time.perf_counter() - began
    return report


class _Run:
    """What one run has read, set against what the store held when it began."""

    def __init__(self, stored: dict[str, tuple[str, str]]) -> None:
        self.stored = stored
        self.stored_by_hash: dict[str, list[str]] = {}
        for doc_id, (_, text_hash) in sorted(stored.items()):
            self.stored_by_hash.setdefault(text_hash, []).append(doc_id)
        self.first_by_id: dict[str, str] = {}  # document id -> first source read
        self.first_by_hash: dict[str, str] = {}  # text hash -> first source read
        self.ids_by_file: dict[str, set[str]] = {}  # resolved file -> ids read from it
        self.failed_files: set[str] = set()  # resolved files with a failure
        self.replaces: dict[str, str] = {}  # document id -> stored id it renames
        self.gone: set[str] = set()  # stored ids removed in this run
        self.variants: VariantIndex | None = None  # the actors stored so far, by name

    def seen(self, document: Document) -> str | None:
        """Note `document` as read; return the first source of an earlier read with its
        id or text, if any (then `document` is not stored)."""
        first = self.first_by_id.get(document.id) or self.first_by_hash.get(document.text_hash)
        if first is not None:
            return first
        self.first_by_id[document.id] = document.source
        self.first_by_hash[document.text_hash] = document.source
        self.ids_by_file.setdefault(_file_of(document.source), set()).add(document.id)
        return None

    def plan(self, document: Document) -> str | tuple[str, str]:
        """What to do with `document`: "unchanged", "write", or ("duplicate", source of
        the stored document with the same text)."""
        held = self.stored.get(document.id)
        if held is not None and held[1] == document.text_hash:
            if held[0] == document.source or not self.is_gone(document.id):
                return "unchanged"
            return "write"  # a JSONL record with its own id, moved to another file
        for other in self.stored_by_hash.get(document.text_hash, ()):
            # A stored document read again in this run has its text as read now.
            if other in self.first_by_id or other in self.replaces.values():
                continue
            if self.is_gone(other):
                self.replaces[document.id] = other
                return "write"
            return ("duplicate", self.stored[other][0])
        return "write"

    def is_gone(self, doc_id: str) -> bool:
        """Whether stored document `doc_id`'s source is known to be gone.

        Stored sources are paths as given when they were read, so one read from another
        working directory cannot be told from here; it is kept. A file's document id is a
        hash of its resolved path, which tells: a source whose resolved path gives another
        id was read elsewhere. A JSONL record is gone when its file is, or when this run
        read the whole file (no failures) without it (a JSONL record's id is its own
        `id` or `url`, or a hash of its file and text, so it cannot tell its file).
        """
        source = self.stored[doc_id][0]
        file = _file_of(source)
        if _LINE.search(source):
            if not Path(file).exists():
                return True
            read = self.ids_by_file.get(file)
            return read is not None and file not in self.failed_files and doc_id not in read
        if content_hash(file) != doc_id:
            return False
        return not Path(file).exists()

    def under(self, doc_id: str, roots: Sequence[Path]) -> bool:
        """Whether stored document `doc_id`'s source lies under one of `roots`."""
        resolved = Path(_file_of(self.stored[doc_id][0]))
        return any(resolved == root or root in resolved.parents for root in roots)


def _file_of(source: str) -> str:
    """The file a source names, resolved: "in/feed.jsonl#L3" -> "/abs/in/feed.jsonl"."""
    return str(Path(_LINE.sub("", source)).resolve())


def _place(source: str) -> tuple[str, str]:
    """Where a source points: its resolved file and its JSONL line ("" for a file)."""
    line = _LINE.search(source)
    return _file_of(source), line.group() if line else ""


def _write(store: Store, extraction: Extraction, report: IngestReport, run: _Run) -> None:
    from extract.text.prose import NOT_PROSE

    if run.variants is not None:
        extraction = run.variants.link(extraction)
    document = extraction.document
    renames = run.replaces.get(document.id)
    moved = document.id in run.stored and run.stored[document.id][0] != document.source
    status = store.replace_document(extraction, force=moved)
    if renames is not None:
        store.forget_document(renames)
        run.gone.add(renames)
        report.renamed.append((run.stored[renames][0], document.source))
    elif moved:
        report.renamed.append((run.stored[document.id][0], document.source))
    {"added": report.added, "updated": report.updated, "unchanged": report.unchanged}[
        status
    ].append(document.source)
    report.claims += len(extraction.claims)
    if status != "unchanged":
        from kg.corroboration import clustered_actors
        from kg.disputes import disputed_actors

        report.disputed_actors |= disputed_actors(extraction.claims)
        report.clustered_actors |= clustered_actors(extraction.claims)
    report.actors += len(extraction.actors)
    report.words += len(document.text.split())
    report.warnings.extend((document.source, warning) for warning in extraction.warnings)
    if any(warning.startswith(NOT_PROSE) for warning in extraction.warnings):
        report.not_prose.append(document.source)


def _prune(store: Store, paths: Sequence[str | Path], run: _Run, report: IngestReport) -> None:
    """Remove the stored documents under `paths` whose source is gone."""
    roots = [Path(path).resolve() for path in paths]
    for doc_id in sorted(run.stored, key=lambda key: run.stored[key][0]):
        if doc_id in run.first_by_id or doc_id in run.gone:
            continue
        if run.under(doc_id, roots) and run.is_gone(doc_id):
            store.forget_document(doc_id)
            run.gone.add(doc_id)
            report.pruned.append(run.stored[doc_id][0])
