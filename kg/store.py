"""The triple store: an embedded Oxigraph directory, or any SPARQL 1.1 server.

`open_store` returns a `Store` wrapping an rdflib `Dataset` whose default graph is the
union of all named graphs. The embedded backend is persistent Oxigraph through
oxrdflib; with an endpoint URL the same API runs over rdflib's `SPARQLUpdateStore`.

Writes are whole documents. oxrdflib has no transactions, but one SPARQL UPDATE
request is atomic in Oxigraph (and in SPARQL 1.1 servers generally), so replacing a
document's graph is a single `DROP SILENT GRAPH <g>; INSERT DATA {...}` request: a crash
never leaves half a document, and a document whose text hash is already stored is
not written at all, so a second ingest changes no quad.
"""

from __future__ import annotations

import re
import urllib.error
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from rdflib import Literal as RdfLiteral
from rdflib import URIRef

from extract.records import Actor, Extraction
from kg.build import Quad, document_quads, registry_quads
from kg.errors import QueryError, QuerySyntaxError, StoreError
from kg.vocab import CG, DCTERMS, DOC, PREFIXES, REGISTRY_GRAPH, XSD, doc_iri

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.query import Result
    from rdflib.term import Node

#: A value in a row of `Store.select`: IRI or string, number, or unbound.
PlainValue = str | int | float | None

_INTEGER_TYPES = frozenset(
    str(XSD) + name
    for name in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
    )
)  # fmt: skip
_FLOAT_TYPES = frozenset(str(XSD) + name for name in ("double", "float", "decimal"))


def _plain(lexical: str, datatype: str | None) -> PlainValue:
    if datatype in _INTEGER_TYPES:
        return int(lexical)
    if datatype in _FLOAT_TYPES:
        return float(lexical)
    return lexical


#: What `Store.replace_document` did.
ReplaceOutcome = Literal["added", "updated", "unchanged"]

_OX_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)


def _term(node: Node) -> str:
    """Return `node` in N-Triples/SPARQL syntax (IRIs and literals only)."""
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, RdfLiteral):
        text = _escape(str(node))
        if node.language:
            return f'"{text}"@{node.language}'
        if node.datatype:
            return f'"{text}"^^<{node.datatype}>'
        return f'"{text}"'
    raise TypeError(f"cannot write {node!r} in INSERT DATA: only IRIs and literals")


def _escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def replace_graph_update(graph: Node, quads: Iterable[Quad]) -> str:
    """Return one SPARQL UPDATE that drops `graph` and inserts `quads` into it.

    Every quad must be in `graph`; blank nodes are not supported (claimgraph has none).
    """
    lines = []
    for s, p, o, g in quads:
        if g != graph:
            raise ValueError(f"quad in graph {g}, expected {graph}")
        lines.append(f"{_term(s)} {_term(p)} {_term(o)} .")
    body = "\n".join(lines)
    return (
        f"DROP SILENT GRAPH {_term(graph)} ;\nINSERT DATA {{ GRAPH {_term(graph)} {{\n{body}\n}} }}"
    )


def _update_url(endpoint: str) -> str:
    # Oxigraph server answers queries at /query and updates at /update; Fuseki,
    # Virtuoso and most others accept both at the same URL.
    return endpoint[: -len("/query")] + "/update" if endpoint.endswith("/query") else endpoint


class Store:
    """An open store: query it, replace documents in it, close it.

    Use `open_store` rather than building one. `dataset` is the rdflib `Dataset`
    (default graph = union of all graphs) for callers that want rdflib directly.
    """

    def __init__(
        self,
        dataset: Dataset,
        *,
        path: Path | None,
        endpoint: str | None,
        read_only: bool,
        oxigraph: pyoxigraph.Store | None = None,
    ) -> None:
        self.dataset = dataset
        self.path = path
        self.endpoint = endpoint
        self.read_only = read_only
        self._oxigraph = oxigraph
        self._write_failed = False

    @property
    def oxigraph(self) -> pyoxigraph.Store | None:
        """The embedded pyoxigraph store, for fast bulk reads (None for an endpoint)."""
        return self._oxigraph

    # ---- lifecycle --------------------------------------------------------------------

    def close(self) -> None:
        """Release the store (the embedded directory's lock is freed).

        Raises:
            StoreError: the last writes could not be flushed to disk (a full disk).
        """
        try:
            if self._oxigraph is not None and not self.read_only and not self._write_failed:
                self.flush()
        finally:
            self.dataset.close()
            self._oxigraph = None

    def flush(self) -> None:
        """Write what the embedded store holds in memory to disk (no-op for an endpoint).

        After a failed write or flush (a full disk), later flushes are not tried: the
        store on disk is consistent as it is, and the error has been raised once.

        Raises:
            StoreError: it could not be written.
        """
        if self._oxigraph is None or self.read_only or self._write_failed:
            return
        with self._write_errors():
            self._oxigraph.flush()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ---- SPARQL -----------------------------------------------------------------------

    def query(self, sparql: str) -> Result:
        """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the union of graphs.

        The prefixes of `kg.vocab.PREFIXES` are declared. Use `kg.query.run_query` for
        user-written text; this method trusts its caller about the query form.

        Raises:
            QuerySyntaxError: the query does not parse (with line and column).
            QueryError: the query failed (or the endpoint refused it).
            StoreError: the store could not be read or the endpoint reached.
        """
        with self._translate_errors():
            return self.dataset.query(sparql, initNs=PREFIXES)

    def select(self, sparql: str) -> list[tuple[PlainValue, ...]]:
        """Run a SELECT over the union of graphs; return rows of plain Python values.

        IRIs, blank nodes and strings become `str`, xsd integers `int`, xsd
        double/float/decimal `float`, unbound variables None. Several times faster than
        `query` on the embedded store, for code that reads many rows.

        Raises:
            As for `query`.
        """
        if self._oxigraph is None:
            return [tuple(_plain_rdflib(node) for node in row) for row in self.query(sparql)]  # type: ignore[union-attr]
        prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
        with self._translate_errors():
            solutions = self._oxigraph.query(
                sparql, use_default_graph_as_union=True, prefixes=prefixes
            )
            width = len(solutions.variables)  # type: ignore[union-attr]
            return [
                tuple(_plain_ox(solution[i]) for i in range(width))
                for solution in solutions  # type: ignore[union-attr]
            ]

    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE as one transaction (prefixes declared as for `query`).

        Raises:
            StoreError: the store is read-only, or could not be written.
            QuerySyntaxError, QueryError: as for `query`.
        """
        if self.read_only:
            raise StoreError(f"store {self._where()} was opened read-only; cannot update it")
        # Not `Dataset.update`: with a union default graph, oxrdflib declines the update
        # and rdflib silently runs it itself, triple by triple, outside any transaction.
        with self._write_errors():
            if self._oxigraph is not None:
                prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
                self._oxigraph.update(sparql, prefixes=prefixes)
            else:
                # "__UNION__": send the text as is (any other graph name gets it rewritten)
                self.dataset.store.update(
                    sparql, initNs=PREFIXES, initBindings={}, queryGraph="__UNION__"
                )

    def _where(self) -> str:
        return self.endpoint or str(self.path)

    def _translate_errors(self) -> _ErrorTranslator:
        return _ErrorTranslator(self._where())

    @contextmanager
    def _write_errors(self) -> Iterator[None]:
        """Translate errors as `_translate_errors`; note an I/O error (no later flush)."""
        try:
            with self._translate_errors():
                yield
        except StoreError as error:
            if isinstance(error.__cause__, OSError):
                self._write_failed = True
            raise

    # ---- documents --------------------------------------------------------------------

    def stored_hash(self, doc_id: str) -> str | None:
        """Return the text hash stored for document `doc_id`, or None if it is not stored.

        Ingest can call this before extracting, to skip unchanged documents early.
        """
        graph = doc_iri(doc_id)
        rows = list(
            self.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{CG.textHash}> ?h }} }}")
        )
        return str(rows[0][0]) if rows else None  # type: ignore[index]

    def replace_document(self, extraction: Extraction, *, force: bool = False) -> ReplaceOutcome:
        """Store one document's graph, replacing any earlier version in one transaction.

        Args:
            extraction: everything extraction found in the document.
            force: rewrite the graph even if the stored text hash is the same (after
                the extractor itself changed).

        Returns:
            "added" for a new document, "updated" when its graph was replaced,
            "unchanged" when the stored text hash equals the document's (nothing written).

        Raises:
            BuildError: the records do not map to RDF (unknown relation or type).
            StoreError: the store is read-only or could not be written.
        """
        document = extraction.document
        stored = self.stored_hash(document.id)
        if stored == document.text_hash and not force:
            return "unchanged"
        graph = doc_iri(document.id)
        self.update(replace_graph_update(graph, document_quads(extraction)))
        return "added" if stored is None else "updated"

    def replace_registry(self, actors: Iterable[Actor]) -> int:
        """Replace the registry graph with what `actors` say; return its number of triples.

        Raises:
            BuildError: an actor's type is unknown.
            StoreError: the store is read-only or could not be written.
        """
        quads = registry_quads(actors)
        self.update(replace_graph_update(REGISTRY_GRAPH, quads))
        return len(quads)

    def stored_documents(self) -> dict[str, tuple[str, str]]:
        """Every stored document: its id -> (source it was read from, text hash).

        Ingest reads this once, to find unchanged, renamed and duplicate documents and
        those whose source is gone (`kg ingest --prune`).
        """
        graph_prefix = str(DOC)
        rows = self.select(
            f"SELECT ?g ?source ?hash WHERE {{ GRAPH ?g {{"
            f" ?g <{CG.textHash}> ?hash ; <{DCTERMS.source}> ?source }} }}"
        )
        return {
            unquote(str(graph)[len(graph_prefix) :]): (str(source), str(text_hash))
            for graph, source, text_hash in rows
            if str(graph).startswith(graph_prefix)
        }

    def delete_document(self, doc_id: str) -> None:
        """Remove document `doc_id`'s graph (its claims and mentions) in one transaction.

        Raises:
            StoreError: the store is read-only or could not be written.
        """
        self.update(f"DROP SILENT GRAPH {_term(doc_iri(doc_id))}")

    def size_on_disk(self) -> int | None:
        """Return the bytes the embedded store takes on disk (None for an endpoint)."""
        if self.path is None:
            return None
        return sum(f.stat().st_size for f in _files(self.path))


def _plain_ox(term: object) -> PlainValue:
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        return _plain(term.value, term.datatype.value)
    return str(term.value)  # type: ignore[attr-defined]


def _plain_rdflib(node: Node | None) -> PlainValue:
    if node is None:
        return None
    if isinstance(node, RdfLiteral):
        return _plain(str(node), str(node.datatype) if node.datatype else None)
    return str(node)  # IRI or blank node


def _files(root: Path) -> Iterator[Path]:
    return (f for f in root.rglob("*") if f.is_file())


class _ErrorTranslator:
    """Context manager turning backend errors into the project's own exceptions."""

    def __init__(self, where: str) -> None:
        self.where = where

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            return
        if isinstance(exc, ValueError) and isinstance(exc.__context__, urllib.error.URLError):
            exc = exc.__context__  # rdflib's SPARQLConnector hides the HTTP error this way
        if isinstance(exc, SyntaxError):  # pyoxigraph's parse errors
            raise syntax_error(str(exc)) from exc
        if isinstance(exc, urllib.error.HTTPError):
            body = exc.read().decode("utf-8", "replace").strip()
            raise QueryError(
                f"SPARQL endpoint {self.where} refused the request "
                f"(HTTP {exc.code}): {body or exc.reason}"
            ) from exc
        if isinstance(exc, urllib.error.URLError):
            raise StoreError(
                f"cannot reach SPARQL endpoint {self.where}: {exc.reason}; "
                "check the URL and that the server is running"
            ) from exc
        if isinstance(exc, OSError):
            raise StoreError(f"store {self.where}: {exc}") from exc
        if isinstance(exc, (RuntimeError, ValueError)) and type(exc).__module__ in (
            "builtins",
            "pyoxigraph",
        ):
            raise QueryError(f"query failed on {self.where}: {exc}") from exc


def syntax_error(message: str) -> QuerySyntaxError:
    """Turn Oxigraph's "error at LINE:COLUMN: message" into a QuerySyntaxError."""
    match = _OX_POSITION.match(message.strip())
    if match:
        return QuerySyntaxError(
            match.group(3).strip(), line=int(match.group(1)), column=int(match.group(2))
        )
    return QuerySyntaxError(message.strip())


def open_store(
    path: Path,
    *,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    read_only: bool = False,
) -> Store:
    """Open the embedded store at `path` (created if missing), or a SPARQL endpoint.

    Args:
        path: directory of the embedded Oxigraph store; ignored with `endpoint`.
        endpoint: URL of a SPARQL 1.1 query endpoint to use instead of `path`. For
            `kg query` over the union of documents, configure the server's default
            graph as the union of named graphs (`oxigraph serve --union-default-graph`,
            Fuseki's `tdb2:unionDefaultGraph`).
        update_endpoint: URL for SPARQL updates; defaults to `endpoint` with a final
            "/query" replaced by "/update" (Oxigraph server), else `endpoint` itself.
        read_only: open without write access; the embedded store must exist, and
            several read-only processes may share it.

    Raises:
        StoreError: the directory is not a store, is locked by another process, or
            (read-only) does not exist.
    """
    from rdflib import Dataset

    if endpoint is not None:
        from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

        remote = SPARQLUpdateStore(
            query_endpoint=endpoint,
            update_endpoint=update_endpoint or _update_url(endpoint),
            autocommit=True,
        )
        dataset = Dataset(store=remote, default_union=True)
        return Store(dataset, path=None, endpoint=endpoint, read_only=read_only)

    import pyoxigraph
    from oxrdflib import OxigraphStore

    path = Path(path)
    try:
        if read_only:
            if not (path / "CURRENT").is_file():
                raise StoreError(
                    f"no store at {path}: run `kg ingest` first, or point --store "
                    "(env KG_STORE) at an existing store"
                )
            inner = pyoxigraph.Store.read_only(str(path))
        else:
            if path.exists() and not path.is_dir():
                raise StoreError(f"store path {path} is a file; --store needs a directory")
            path.mkdir(parents=True, exist_ok=True)
            inner = pyoxigraph.Store(str(path))
    except OSError as exc:
        hint = (
            "another process is using it (wait for it, or open read-only)"
            if "lock" in str(exc).lower()
            else "is it an Oxigraph store directory?"
        )
        raise StoreError(f"cannot open store {path}: {hint} ({exc})") from exc
    except RuntimeError as exc:  # RocksDB corruption or version mismatch
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return Store(dataset, path=path, endpoint=None, read_only=read_only, oxigraph=inner)
