"""The triple store: an embedded Oxigraph directory, or any SPARQL 1.1 server.

`open_store` returns a `Store` whose queries read the union of all named graphs. The
embedded backend is persistent Oxigraph (pyoxigraph); with an endpoint URL the same
API runs over HTTP (`kg.endpoint.Endpoint`, tested against Oxigraph server and
Virtuoso).

Writes are whole documents. One SPARQL UPDATE request is atomic in Oxigraph (embedded
or server), so replacing a document's graph and updating the actors graph to match is a
single request (`DELETE DATA {...}; DROP SILENT GRAPH <g>; INSERT DATA {...}`). In the
embedded store a new document that changes nothing already stored (the usual case) is
one pyoxigraph `extend` instead, also one transaction, fed quad by quad: no SPARQL text
to build and parse, which halves the memory a big document takes. Either way a crash
never leaves half a document (Virtuoso does not roll a failed request back: see
`kg.endpoint`), and a document whose text hash is already stored is not written at all,
so a second ingest changes no quad.

Every fact is stored once (DESIGN.md, "RDF model", revised 2026-12): an actor's
description lives in the actors graph (`kg.vocab.ACTORS_GRAPH`), minus what the
registry graph already says; each document graph keeps its claims and its
`cg:Mention` nodes, whose `cg:stated*` triples say which document backs which fact.
Adding a document inserts the facts it brings; replacing or forgetting one removes the
facts no other document states, and re-picks an actor's label and class (the one most
documents give) when the documents that gave it change.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import unquote

from rdflib import RDF, SKOS, URIRef
from rdflib import Literal as RdfLiteral

from extract.records import Actor, Extraction
from kg.build import (
    STATED,
    Description,
    Quad,
    Triple,
    describe,
    document_quads,
    label_triples,
    pick,
    registry_quads,
)
from kg.errors import QueryError, QuerySyntaxError, StoreError
from kg.querycheck import network_words
from kg.vocab import (
    ACTOR,
    ACTORS_GRAPH,
    CG,
    CLASS_ACTOR_TYPE,
    DCTERMS,
    DOC,
    PREFIXES,
    REGISTRY_GRAPH,
    XSD,
    doc_iri,
    local_id,
)

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Dataset
    from rdflib.query import Result
    from rdflib.term import Node

    from kg.endpoint import Endpoint

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


#: Quads written between two flushes of the embedded store (an update counts its lines).
#: Oxigraph keeps what a write changed in RocksDB's in-memory tables until they are
#: flushed; unflushed, a long ingest grew by ~0.2 MB per document. Each flush makes a
#: small file that RocksDB later merges into the bigger ones: flushed every 100 documents
#: (~25,000 quads), the CPU per document grew with the store (13.4 ms at 500 documents,
#: 22.3 ms at 3,000); every ~100,000 quads it stays at 14-17 ms, for ~55 MB more memory
#: (benchmarks/bench_store.py corpus, two runs side by side, 2026-12-02).
FLUSH_QUADS = 100_000

_TEXT_HASH_IRI = str(CG.textHash)

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


_ESCAPES = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    ord('"'): '\\"',
    ord("\\"): "\\\\",
    ord("\n"): "\\n",
    ord("\r"): "\\r",
    ord("\t"): "\\t",
}


def _escape(text: str) -> str:
    return text.translate(_ESCAPES)


def _triples_text(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{_term(s)} {_term(p)} {_term(o)} ." for s, p, o in triples)


@dataclass
class _Registry:
    """The registry graph's triples, and the actors it describes."""

    facts: set[Triple] = field(default_factory=set)
    actors: set[Node] = field(init=False)

    def __post_init__(self) -> None:
        self.actors = {s for s, p, o in self.facts if p == RDF.type and o == CG.Actor}


#: Label and class, each with the predicate the actors graph and the mentions use.
_NAMING = ((SKOS.prefLabel, CG.statedLabel), (RDF.type, CG.statedType))
_CLASSES = frozenset(CLASS_ACTOR_TYPE)


@dataclass
class _Change:
    """What one write does to the actors graph."""

    deletes: list[Triple] = field(default_factory=list)
    inserts: list[Triple] = field(default_factory=list)
    wipes: list[Node] = field(default_factory=list)  # actors no document names any more
    roles: list[Node] = field(default_factory=list)  # role nodes no document states any more

    def updates(self) -> list[str]:
        graph = _term(ACTORS_GRAPH)
        parts = []
        if self.deletes:
            parts.append(f"DELETE DATA {{ GRAPH {graph} {{\n{_triples_text(self.deletes)}\n}} }}")
        for node in self.roles:
            parts.append(f"DELETE WHERE {{ GRAPH {graph} {{ {_term(node)} ?p ?o }} }}")
        for node in self.wipes:
            roles = f"{_term(node)} {_term(CG.hasRole)} ?r . ?r ?p ?o"
            parts.append(f"DELETE WHERE {{ GRAPH {graph} {{ {roles} }} }}")
            parts.append(f"DELETE WHERE {{ GRAPH {graph} {{ {_term(node)} ?p ?o }} }}")
        return parts


def replace_graph_update(graph: Node, quads: Iterable[Quad]) -> str:
    """Return one SPARQL UPDATE that drops `graph` and inserts `quads` into it.

    Every quad must be in `graph`; blank nodes are not supported (claimgraph has none).
    """
    lines = []
    for s, p, o, g in quads:
        if g != graph:
            raise ValueError(f"quad in graph {g}, expected {graph}")
        lines.append(f"{_term(s)} {_term(p)} {_term(o)} .")
    return f"DROP SILENT GRAPH {_term(graph)}" + _insert_data({graph: "\n".join(lines)})


def _with_prefixes(sparql: str) -> str:
    """`sparql` after PREFIX lines declaring `kg.vocab.PREFIXES` (a server knows none)."""
    declared = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in PREFIXES.items())
    return declared + sparql


class Store:
    """An open store: query it, replace documents in it, close it.

    Use `open_store` rather than building one. On the embedded store, `dataset` is the
    rdflib `Dataset` (default graph = union of all graphs) for callers that want rdflib
    directly.
    """

    def __init__(
        self,
        dataset: Dataset | None,
        *,
        path: Path | None,
        endpoint: str | None,
        read_only: bool,
        oxigraph: pyoxigraph.Store | None = None,
        remote: Endpoint | None = None,
    ) -> None:
        self._dataset = dataset
        self._remote = remote
        self.path = path
        self.endpoint = endpoint
        self.read_only = read_only
        self._oxigraph = oxigraph
        self._registry_cache: _Registry | None = None
        self._unflushed = 0  # quads written since the last flush
        self._written = 0  # quads written since the store was opened
        self._write_failed = False

    @property
    def dataset(self) -> Dataset:
        """The rdflib `Dataset` over the store (default graph = union of all graphs).

        Made on first use: on the embedded store, queries go to pyoxigraph directly,
        and oxrdflib (which loads rdflib's SPARQL engine, ~0.5 s) is imported only here.
        """
        if self._dataset is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            assert self._oxigraph is not None
            self._dataset = Dataset(store=OxigraphStore(store=self._oxigraph), default_union=True)
            for prefix, namespace in PREFIXES.items():
                self._dataset.bind(prefix, namespace, override=True, replace=True)
        return self._dataset

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
                if self._written >= FLUSH_QUADS:
                    self._optimize()
        finally:
            if self._dataset is not None:
                self._dataset.close()
            self._oxigraph = None

    def _optimize(self) -> None:
        """Let RocksDB merge the files a long write left (after `FLUSH_QUADS` or more).

        Flushing seldom keeps writes cheap but leaves files RocksDB has not merged yet,
        which slowed reads: the analyst queries of benchmarks/bench_store.py took 0.68 s instead of
        0.50 s; merged (2.8 s CPU for 860,000 quads) they take 0.35 s. A failure (a full
        disk) is no error: everything written is on disk already, only unmerged.
        """
        assert self._oxigraph is not None
        with suppress(OSError):
            self._oxigraph.optimize()

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
            self._unflushed = 0

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
        if self._oxigraph is not None:
            prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
            with self._translate_errors(sparql):
                answer = self._oxigraph.query(
                    sparql, use_default_graph_as_union=True, prefixes=prefixes
                )
                return _rdflib_result(answer)
        assert self._remote is not None
        return self._remote.query(_with_prefixes(sparql))

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
        with self._translate_errors(sparql):
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
        with self._write_errors(sparql):
            if self._oxigraph is not None:
                prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
                self._oxigraph.update(sparql, prefixes=prefixes)
                self._wrote(sparql.count("\n") + 1)
            else:
                assert self._remote is not None
                self._remote.update(_with_prefixes(sparql))

    def _insert(self, quads: Iterable[Quad]) -> None:
        """Add `quads` to the embedded store as one transaction (pyoxigraph's `extend`).

        The quads are converted one by one as the store reads them, so a big document
        costs its quads once (as rdflib terms) plus the transaction, not also the text
        of a SPARQL UPDATE and its parse (1.6 GB against 0.8 GB for 20,880 claims).

        Raises:
            StoreError: the store is read-only or could not be written.
        """
        import pyoxigraph

        if self.read_only:
            raise StoreError(f"store {self._where()} was opened read-only; cannot update it")
        assert self._oxigraph is not None
        written = 0

        def converted() -> Iterator[pyoxigraph.Quad]:
            nonlocal written
            for s, p, o, g in quads:
                written += 1
                yield pyoxigraph.Quad(_ox_term(s), _ox_term(p), _ox_term(o), _ox_term(g))  # type: ignore[arg-type]

        with self._write_errors():
            self._oxigraph.extend(converted())
            self._wrote(written)

    def _wrote(self, quads: int) -> None:
        """Count `quads` written to the embedded store; flush every FLUSH_QUADS."""
        assert self._oxigraph is not None
        self._unflushed += quads
        self._written += quads
        if self._unflushed >= FLUSH_QUADS:
            self._oxigraph.flush()
            self._unflushed = 0

    def _where(self) -> str:
        return self.endpoint or str(self.path)

    def _translate_errors(self, sparql: str | None = None) -> _ErrorTranslator:
        return _ErrorTranslator(self._where(), sparql=sparql)

    @contextmanager
    def _write_errors(self, sparql: str | None = None) -> Iterator[None]:
        """Translate errors as `_translate_errors`; note an I/O error (no later flush)."""
        try:
            with self._translate_errors(sparql):
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
        if self._oxigraph is not None:  # one index lookup, no query to parse
            import pyoxigraph

            node = pyoxigraph.NamedNode(str(graph))
            with self._translate_errors():
                for quad in self._oxigraph.quads_for_pattern(
                    node, pyoxigraph.NamedNode(_TEXT_HASH_IRI), None, node
                ):
                    return str(quad.object.value)  # type: ignore[union-attr]
            return None
        rows = self._terms(
            f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{CG.textHash}> ?h }} }}"
        )
        return str(rows[0][0]) if rows else None

    def replace_document(self, extraction: Extraction, *, force: bool = False) -> ReplaceOutcome:
        """Store one document's graph, replacing any earlier version, and bring the actors
        graph up to date, in one transaction.

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
        descriptions = describe(extraction)
        quads = document_quads(extraction, descriptions=descriptions)
        old = self._stated(graph) if stored is not None else {}
        change = self._actors_change(graph, old, descriptions)
        updates = change.updates()
        if stored is None and not updates and not self._holds_graph(graph):
            # only quads to add: one `extend` transaction, no SPARQL text to build and parse
            actors = [(s, p, o, ACTORS_GRAPH) for s, p, o in dict.fromkeys(change.inserts)]
            self._insert(itertools.chain(quads, actors))
            return "added"
        self.update(" ;\n".join([*updates, _replace_with(graph, quads, change.inserts)]))
        return "added" if stored is None else "updated"

    def _holds_graph(self, graph: URIRef) -> bool:
        """Whether the embedded store has any quad in `graph` (False for an endpoint)."""
        if self._oxigraph is None:
            return True  # an endpoint: always drop the graph first, as `update` does
        import pyoxigraph

        name = pyoxigraph.NamedNode(str(graph))
        with self._translate_errors():
            return any(True for _ in self._oxigraph.quads_for_pattern(None, None, None, name))

    def forget_document(self, document: str) -> str | None:
        """Remove one document's graph and what only it said of actors, in one transaction.

        Args:
            document: the document's id, its IRI, or the source it was read from (a
                path or URL as `kg claims` shows it).

        Returns:
            The IRI of the forgotten document, or None when no stored document matches.

        Raises:
            StoreError: the store is read-only or could not be written.
        """
        graph = self._find_document(document)
        if graph is None:
            return None
        change = self._actors_change(graph, self._stated(graph), {})
        self.update(" ;\n".join([*change.updates(), _replace_with(graph, (), change.inserts)]))
        return str(graph)

    def forget(self, documents: Iterable[str]) -> dict[str, str | None]:
        """Forget each of `documents` (see `forget_document`), each in its own transaction.

        Returns:
            Each name given -> the IRI of the document forgotten, or None if none matched.
        """
        return {name: self.forget_document(name) for name in documents}

    def _find_document(self, document: str) -> URIRef | None:
        candidates = [URIRef(document)] if document.startswith(str(DOC)) else []
        candidates.append(doc_iri(document))
        for graph in candidates:
            if self.stored_hash(local_id(str(graph), DOC) or str(graph)) is not None:
                return graph
        rows = self._terms(
            "SELECT ?d WHERE { GRAPH ?d { ?d a schema:NewsArticle ; dcterms:source "
            f"{_term(RdfLiteral(document))} }} }} LIMIT 1"
        )
        return URIRef(str(rows[0][0])) if rows else None

    def replace_registry(self, actors: Iterable[Actor]) -> int:
        """Replace the registry graph with what `actors` say; return its number of triples.

        Nothing is written when the registry graph already holds exactly these facts.
        Otherwise the actors graph is rebuilt from the documents' mentions in the same
        transaction, since it holds only what the registry does not say.

        Raises:
            BuildError: an actor's type is unknown.
            StoreError: the store is read-only or could not be written.
        """
        quads = registry_quads(actors)
        facts = {(s, p, o) for s, p, o, _ in quads}
        before = self._registry()
        if facts == before.facts:
            return len(quads)
        roles = self._role_triples(before)
        registry = _Registry(facts)
        actors_graph = self._rebuilt_actors(registry, roles)
        self.update(
            replace_graph_update(REGISTRY_GRAPH, quads)
            + " ;\n"
            + replace_graph_update(
                ACTORS_GRAPH, [(s, p, o, ACTORS_GRAPH) for s, p, o in actors_graph]
            )
        )
        self._registry_cache = registry
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

    def stored_actors(self) -> list[Actor]:
        """Every actor of the actors and registry graphs: id, label, type and aliases
        (`skos:altLabel`), in id order; the registry's label and type win.

        Ingest reads this once, for the index that links romanisation variants across
        documents (`extract.actors.variants.VariantIndex`).
        """
        rows = self._terms(
            "SELECT ?g ?a ?p ?o WHERE { VALUES ?g { "
            f"{_term(REGISTRY_GRAPH)} {_term(ACTORS_GRAPH)} }} VALUES ?p {{ "
            f"{_term(SKOS.prefLabel)} {_term(SKOS.altLabel)} {_term(RDF.type)} }} "
            "GRAPH ?g { ?a ?p ?o } }"
        )
        found: dict[str, dict[str, list[str]]] = {}
        for _, actor, predicate, value in sorted(rows, key=_registry_first):
            actor_id = local_id(str(actor), ACTOR)
            if actor_id is None:
                continue
            names = found.setdefault(actor_id, {"label": [], "type": [], "aliases": []})
            if predicate == RDF.type and value in CLASS_ACTOR_TYPE:
                names["type"].append(CLASS_ACTOR_TYPE[value])
            elif predicate == SKOS.prefLabel:
                names["label"].append(str(value))
            elif predicate == SKOS.altLabel:
                names["aliases"].append(str(value))
        return [
            Actor(
                id=actor_id,
                label=names["label"][0],
                type=names["type"][0],
                aliases=tuple(sorted(set(names["aliases"]))),
            )
            for actor_id, names in sorted(found.items())
            if names["label"] and names["type"]
        ]

    def _terms(self, sparql: str) -> list[tuple[Any, ...]]:
        """Run a SELECT (over named graphs) and return rows of rdflib terms (None: unbound)."""
        if self._oxigraph is None:
            return [tuple(row) for row in self.query(sparql)]  # type: ignore[arg-type]
        prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
        with self._translate_errors():
            solutions: Any = self._oxigraph.query(sparql, prefixes=prefixes)
            width = len(solutions.variables)
            return [
                tuple(_rdflib_term(solution[i]) for i in range(width)) for solution in solutions
            ]

    def _registry(self) -> _Registry:
        if self._registry_cache is None:
            rows = self._terms(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH {_term(REGISTRY_GRAPH)} {{ ?s ?p ?o }} }}"
            )
            self._registry_cache = _Registry({(s, p, o) for s, p, o in rows})
        return self._registry_cache

    def _stated(self, graph: URIRef) -> dict[Node, Description]:
        """What the stored version of document `graph` states of each actor."""
        rows = self._terms(
            f"SELECT ?a ?p ?o WHERE {{ GRAPH {_term(graph)} {{ ?m cg:actor ?a ; ?p ?o }} }}"
        )
        return _descriptions((a, p, o) for a, p, o in rows)

    def _names_now(self, actors: Iterable[Node]) -> dict[Node, dict[Node, Node]]:
        """The label and class the actors graph gives each of `actors`."""
        if self._oxigraph is not None:  # index lookups, no query to parse
            return self._names_by_pattern(actors)
        values = " ".join(_term(a) for a in actors)
        if not values:
            return {}
        rows = self._terms(
            f"SELECT ?a ?p ?o WHERE {{ VALUES ?a {{ {values} }} GRAPH {_term(ACTORS_GRAPH)} "
            "{ ?a ?p ?o FILTER (?p = skos:prefLabel || (?p = rdf:type && ?o != cg:Actor)) } }"
        )
        names: dict[Node, dict[Node, Node]] = defaultdict(dict)
        for a, p, o in rows:
            names[a][p] = o
        return names

    def _names_by_pattern(self, actors: Iterable[Node]) -> dict[Node, dict[Node, Node]]:
        import pyoxigraph

        assert self._oxigraph is not None
        graph = pyoxigraph.NamedNode(str(ACTORS_GRAPH))
        label, kind = pyoxigraph.NamedNode(str(SKOS.prefLabel)), pyoxigraph.NamedNode(str(RDF.type))
        names: dict[Node, dict[Node, Node]] = defaultdict(dict)
        with self._translate_errors():
            for actor in actors:
                node = pyoxigraph.NamedNode(str(actor))
                for predicate, key in ((label, SKOS.prefLabel), (kind, RDF.type)):
                    for quad in self._oxigraph.quads_for_pattern(node, predicate, None, graph):
                        value = _rdflib_term(quad.object)
                        if key == SKOS.prefLabel or value != CG.Actor:
                            names[actor][key] = value  # type: ignore[assignment]
        return names

    def _stated_elsewhere(self, graph: URIRef, actor: Node, *statement: Node) -> bool:
        """Whether a document other than `graph` names `actor` (with this statement)."""
        pattern = f"?m cg:actor {_term(actor)}"
        if statement:
            pattern += f" ; {_term(statement[0])} {_term(statement[1])}"
        rows = self._terms(
            f"SELECT ?m WHERE {{ GRAPH ?g {{ {pattern} }} FILTER (?g != {_term(graph)}) }} LIMIT 1"
        )
        return bool(rows)

    def _counts_elsewhere(self, graph: URIRef, actor: Node, predicate: Node) -> Counter[Node]:
        rows = self._terms(
            f"SELECT ?o (COUNT(?m) AS ?n) WHERE {{ GRAPH ?g {{ ?m cg:actor {_term(actor)} ; "
            f"{_term(predicate)} ?o }} FILTER (?g != {_term(graph)}) }} GROUP BY ?o"
        )
        return Counter({o: int(n) for o, n in rows})

    def _actors_change(
        self, graph: URIRef, old: dict[Any, Description], new: dict[Any, Description]
    ) -> _Change:
        """How the actors graph changes when document `graph` goes from `old` to `new`."""
        registry = self._registry()
        registered = registry.actors
        change = _Change()
        names = self._names_now(sorted(old.keys() | new.keys(), key=str))
        for actor in sorted(old.keys() | new.keys(), key=str):
            now, before = new.get(actor), old.get(actor)
            if now is None and not self._stated_elsewhere(graph, actor):
                change.wipes.append(actor)
                continue
            if now is not None:
                change.inserts += [t for t in now.facts if t not in registry.facts]
            if before is not None:
                gone = before.stated - (now.stated if now is not None else frozenset())
                for predicate, value in sorted(gone, key=str):
                    if self._stated_elsewhere(graph, actor, predicate, value):
                        continue
                    if predicate == CG.statedRole:
                        change.roles.append(value)
                    fact = (actor, STATED[predicate], value)
                    if fact not in registry.facts:
                        change.deletes.append(fact)
            if actor in registered:
                continue
            for (fact_predicate, stated_predicate), mine, was in zip(
                _NAMING,
                (now.label, now.cls) if now else (None, None),
                (before.label, before.cls) if before else (None, None),
                strict=True,
            ):
                held = names.get(actor, {}).get(fact_predicate)
                if held is not None and (mine == held or (mine is None and was != held)):
                    continue  # the held value keeps its lead
                # An actor the actors graph does not name yet is named by no other document.
                counts = (
                    Counter()
                    if held is None
                    else self._counts_elsewhere(graph, actor, stated_predicate)
                )
                if mine is not None:
                    counts[mine] += 1
                chosen = pick(counts)
                if chosen != held:
                    if held is not None:
                        change.deletes.append((actor, fact_predicate, held))
                    change.inserts.append((actor, fact_predicate, chosen))
            if actor not in names:
                change.inserts.append((actor, RDF.type, CG.Actor))
        return change

    def _role_triples(self, registry: _Registry) -> dict[Node, list[Triple]]:
        """The triples of every role node, from the actors and registry graphs."""
        rows = self._terms(
            f"SELECT ?r ?p ?o WHERE {{ GRAPH {_term(ACTORS_GRAPH)} {{ ?r a cg:Role ; ?p ?o }} }}"
        )
        triples = [(r, p, o) for r, p, o in rows] + [
            t for t in registry.facts if (t[0], RDF.type, CG.Role) in registry.facts
        ]
        roles: dict[Node, list[Triple]] = defaultdict(list)
        for triple in dict.fromkeys(triples):
            roles[triple[0]].append(triple)
        return roles

    def _rebuilt_actors(self, registry: _Registry, roles: dict[Node, list[Triple]]) -> list[Triple]:
        """The actors graph as every stored document's mentions state it, given `registry`."""
        rows = self._terms("SELECT ?g ?a ?p ?o WHERE { GRAPH ?g { ?m cg:actor ?a ; ?p ?o } }")
        by_document: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
        for g, a, p, o in rows:
            by_document[g].append((a, p, o))
        counts: dict[tuple[Node, Node], Counter[Node]] = defaultdict(Counter)
        stated: dict[Any, set[tuple[Any, Any]]] = defaultdict(set)
        for statements in by_document.values():
            for actor, description in _descriptions(statements).items():
                counts[actor, SKOS.prefLabel][description.label] += 1
                counts[actor, RDF.type][description.cls] += 1
                stated[actor] |= description.stated
        triples: list[Triple] = []
        for actor in sorted(stated, key=str):
            if actor not in registry.actors:
                triples += label_triples(
                    actor, pick(counts[actor, SKOS.prefLabel]), pick(counts[actor, RDF.type])
                )
            for predicate, value in sorted(stated[actor], key=str):
                triples.append((actor, STATED[predicate], value))
                if predicate == CG.statedRole:
                    triples += roles.get(value, [])
        return [t for t in dict.fromkeys(triples) if t not in registry.facts]

    def size_on_disk(self) -> int | None:
        """Return the bytes the embedded store takes on disk (None for an endpoint)."""
        if self.path is None:
            return None
        return sum(f.stat().st_size for f in _files(self.path))


def _registry_first(row: tuple[Any, ...]) -> tuple[bool, str, str, str]:
    """Order of `Store.stored_actors` rows: the registry graph's first, then by value."""
    graph, actor, predicate, value = row
    return (graph != REGISTRY_GRAPH, str(actor), str(predicate), str(value))


def _replace_with(graph: URIRef, quads: Iterable[Quad], actors: Iterable[Triple]) -> str:
    """DROP `graph`, then INSERT DATA its `quads` and the actors graph's new `actors` triples."""
    lines = []
    for s, p, o, g in quads:
        if g != graph:
            raise ValueError(f"quad in graph {g}, expected {graph}")
        lines.append(f"{_term(s)} {_term(p)} {_term(o)} .")
    added = _triples_text(dict.fromkeys(actors))
    return f"DROP SILENT GRAPH {_term(graph)}" + _insert_data(
        {graph: "\n".join(lines), ACTORS_GRAPH: added}
    )


def _insert_data(bodies: dict[Node, str]) -> str:
    """ " ;\nINSERT DATA {...}" of the graphs with triples to insert ("" when none has any).

    An empty `GRAPH <g> { }` is valid SPARQL, but Virtuoso's parser refuses it.
    """
    blocks = [f"GRAPH {_term(g)} {{\n{body}\n}}" for g, body in bodies.items() if body]
    return f" ;\nINSERT DATA {{ {chr(10).join(blocks)} }}" if blocks else ""


def _descriptions(statements: Iterable[tuple[Node, Node, Node]]) -> dict[Node, Description]:
    """Descriptions (label, class, stated pairs) from (actor, predicate, object) of mentions."""
    labels: dict[Node, Node] = {}
    classes: dict[Node, Node] = {}
    stated: dict[Node, set[tuple[Node, Node]]] = defaultdict(set)
    for actor, predicate, value in statements:
        if predicate == CG.statedLabel:
            labels[actor] = value
        elif predicate == CG.statedType:
            classes[actor] = value
        elif predicate in STATED:
            stated[actor].add((predicate, value))
    return {
        actor: Description(
            actor=actor,  # type: ignore[arg-type]
            label=labels[actor],  # type: ignore[arg-type]
            cls=classes[actor],  # type: ignore[arg-type]
            stated=frozenset(stated[actor]),  # type: ignore[arg-type]
        )
        for actor in labels.keys() & classes.keys()
    }


def _rdflib_result(answer: object) -> Result:
    """An rdflib `Result` holding a pyoxigraph answer (SELECT, ASK, CONSTRUCT/DESCRIBE)."""
    import pyoxigraph
    from rdflib import Graph, Variable
    from rdflib.query import Result

    if isinstance(answer, pyoxigraph.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, pyoxigraph.QuerySolutions):
        names = [Variable(v.value) for v in answer.variables]
        result = Result("SELECT")
        result.vars = names
        rows = []
        converted: dict[object, Node | None] = {}  # a value repeated in many rows is made once
        for solution in answer:
            row = {}
            for i, name in enumerate(names):
                value = solution[i]
                if value is None:
                    continue
                term = converted.get(value)
                if term is None:
                    term = converted[value] = _rdflib_term(value)
                row[name] = term
            rows.append(row)
        result.bindings = rows  # type: ignore[assignment]
        return result
    graph = Graph()
    for triple in answer:  # type: ignore[attr-defined]
        graph.add(
            (
                _rdflib_term(triple.subject),
                _rdflib_term(triple.predicate),
                _rdflib_term(triple.object),
            )  # type: ignore[arg-type]
        )
    result = Result("CONSTRUCT")
    result.graph = graph
    return result


def _rdflib_term(term: object) -> Node | None:
    import pyoxigraph
    from rdflib import BNode

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == str(XSD.string):
            return RdfLiteral(term.value)
        return RdfLiteral(term.value, datatype=URIRef(datatype))
    return BNode(term.value)  # type: ignore[attr-defined]


def _ox_term(node: Node) -> pyoxigraph.NamedNode | pyoxigraph.Literal:
    """`node` as a pyoxigraph term (IRIs and literals only), as `_term` writes it."""
    import pyoxigraph

    if isinstance(node, URIRef):
        return pyoxigraph.NamedNode(str(node))
    if isinstance(node, RdfLiteral):
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        if node.datatype:
            return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(str(node.datatype)))
        return pyoxigraph.Literal(str(node))
    raise TypeError(f"cannot write {node!r} to the store: only IRIs and literals")


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

    def __init__(self, where: str, *, sparql: str | None = None) -> None:
        self.where = where
        self.sparql = sparql

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
        if isinstance(exc, SyntaxError):  # pyoxigraph's parse errors
            raise syntax_error(str(exc), self.sparql) from exc
        if isinstance(exc, OSError) and self.sparql and network_words(self.sparql):
            # pyoxigraph reports a failed SERVICE request as an OSError, as a disk error
            reason = " ".join(str(exc).split())
            raise QueryError(f"a SERVICE call of the query failed: {reason}") from exc
        if isinstance(exc, OSError):
            raise StoreError(f"store {self.where}: {exc}") from exc
        if isinstance(exc, (RuntimeError, ValueError)) and type(exc).__module__ in (
            "builtins",
            "pyoxigraph",
        ):
            raise QueryError(f"query failed on {self.where}: {exc}") from exc


def syntax_error(message: str, sparql: str | None = None) -> QuerySyntaxError:
    """Turn Oxigraph's "error at LINE:COLUMN: message" into a QuerySyntaxError.

    An undeclared prefix is named (with the text, `sparql`, to find it) and a list of
    expected characters (Unicode ranges) is left out of the message.
    """
    match = _OX_POSITION.match(message.strip())
    if not match:
        return QuerySyntaxError(message.strip())
    line, column = int(match.group(1)), int(match.group(2))
    text = match.group(3).strip()
    unknown_prefix = "Prefix not found" in text
    text = _unknown_prefix(sparql, line, column) if unknown_prefix else _expected(text)
    return QuerySyntaxError(text, line=line, column=column)


_PNAME = re.compile(r"(?<![\w<?$:/#.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def _unknown_prefix(sparql: str | None, line: int, column: int) -> str:
    declared = set(PREFIXES) | {name or "" for name in _DECLARED.findall(sparql or "")}
    lines = (sparql or "").splitlines() or [""]
    before = lines[min(line, len(lines)) - 1][: max(column - 1, 0)]
    unknown = [
        m.group(1) or "" for m in _PNAME.finditer(before) if (m.group(1) or "") not in declared
    ]
    name = f"{unknown[-1]!r} " if unknown else ""
    return (
        f"unknown prefix {name}(declare it with PREFIX name: <namespace IRI>, "
        f"or use a predeclared one: {', '.join(sorted(PREFIXES))})"
    )


_ALTERNATIVE = re.compile(r'"(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,\s][^,]*')


def _expected(text: str) -> str:
    """Shorten "expected one of A, B, ['a'..='z' | ...]": keep the words, drop the ranges."""
    head, sep, alternatives = text.partition("expected one of ")
    if not sep:
        return text
    words = [a.strip() for a in _ALTERNATIVE.findall(alternatives)]
    kept = [w for w in words if not w.startswith("[")]
    if not kept:
        return head + "unexpected character"
    more = ", ..." if len(kept) < len(words) else ""
    return head + "expected one of " + ", ".join(kept) + more


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
        endpoint: URL of a SPARQL 1.1 query endpoint to use instead of `path`
            (`kg.endpoint.Endpoint`). Queries read the union of its named graphs: the
            server's default graph if it is that union (Virtuoso, `oxigraph serve
            --union-default-graph`), else Oxigraph's per-query `union-default-graph`
            parameter; a server offering neither is refused on the first query.
        update_endpoint: URL for SPARQL updates; defaults to `endpoint` with a final
            "/query" replaced by "/update" (Oxigraph server), else `endpoint` itself.
        read_only: open without write access; the embedded store must exist, and
            several read-only processes may share it.

    Raises:
        StoreError: the directory is not a store, is locked by another process, or
            (read-only) does not exist.
    """
    if endpoint is not None:
        from kg.endpoint import Endpoint

        remote = Endpoint(endpoint, update_endpoint)
        return Store(None, path=None, endpoint=endpoint, read_only=read_only, remote=remote)

    import pyoxigraph

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
    return Store(None, path=path, endpoint=None, read_only=read_only, oxigraph=inner)
