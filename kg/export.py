"""Export the whole store: RDF serialisations (with or without graph names) and a claims CSV.

`EXPORTERS` maps a format name to a function writing the store to a binary stream;
other modules add formats by adding entries (`EXPORTERS["graphml"] = write_graphml`).
RDF is written by pyoxigraph's serialisers (fast, streaming); quad formats (nquads,
trig, jsonld) keep each document's graph, triple formats (turtle, nt) write the union.
`export_split` writes N-Quads in files of N documents each, for bulk loaders.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.errors import FormatError
from kg.vocab import DOC, ID

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib.term import Node

    from kg.store import Store

#: A function writing the whole store to a binary stream in one format.
Exporter = Callable[["Store", BinaryIO], None]

#: Columns of the claims CSV: the claim record with each actor flattened to 3 columns.
CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "doc",
    "source",
    "date",
    "relation",
    "subject_id",
    "subject_label",
    "subject_type",
    "object_id",
    "object_label",
    "object_type",
    "speaker_id",
    "speaker_label",
    "speaker_type",
    "cue",
    "quote",
    "text",
    "start",
    "end",
    "polarity",
    "modality",
    "confidence",
    "sources",
)


def flatten_claim(record: dict[str, Any]) -> dict[str, Any]:
    """Return a claim record as one flat CSV row (actor dicts become *_id/_label/_type)."""
    row: dict[str, Any] = {}
    for column in CLAIM_COLUMNS:
        role, _, part = column.partition("_")
        if part and role in ("subject", "object", "speaker"):
            row[column] = (record.get(role) or {}).get(part, "")
        else:
            value = record.get(column)
            row[column] = "" if value is None else value
    return row


def claims_csv(records: Iterable[dict[str, Any]]) -> str:
    """Return claim records as CSV text with a header row (columns: CLAIM_COLUMNS)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(flatten_claim(record) for record in records)
    return buffer.getvalue()


def _to_ox(node: Node) -> Any:
    import pyoxigraph
    from rdflib import BNode, Literal, URIRef

    if isinstance(node, URIRef):
        return pyoxigraph.NamedNode(str(node))
    if isinstance(node, BNode):
        return pyoxigraph.BlankNode(str(node))
    assert isinstance(node, Literal)
    if node.language:
        return pyoxigraph.Literal(str(node), language=node.language)
    if node.datatype:
        return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(str(node.datatype)))
    return pyoxigraph.Literal(str(node))


def _quads(store: Store) -> Iterator[pyoxigraph.Quad]:
    """Every quad in a named graph, as pyoxigraph quads (embedded: straight from disk)."""
    import pyoxigraph

    inner = store.oxigraph
    if inner is not None:
        for quad in inner.quads_for_pattern(None, None, None, None):
            if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                yield quad
        return
    # claimgraph's graphs only: a server keeps graphs of its own (Virtuoso's virtrdf:, ...)
    result = store.query(
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{ID}")) }}'
    )
    for s, p, o, g in result:  # type: ignore[misc]
        yield pyoxigraph.Quad(_to_ox(s), _to_ox(p), _to_ox(o), _to_ox(g))


def _prefixes() -> dict[str, str]:
    from kg.vocab import PREFIXES

    return {name: str(namespace) for name, namespace in PREFIXES.items()}


def _rdf_exporter(format_name: str, *, quads: bool) -> Exporter:
    def write(store: Store, out: BinaryIO) -> None:
        import pyoxigraph

        rdf_format = getattr(pyoxigraph.RdfFormat, format_name)
        if quads:
            data: Iterable[Any] = _quads(store)
        else:
            data = dict.fromkeys(quad.triple for quad in _quads(store))
        line_based = format_name in ("N_TRIPLES", "N_QUADS")
        prefixes = None if line_based else _prefixes()
        pyoxigraph.serialize(data, out, rdf_format, prefixes=prefixes)

    write.__doc__ = f"Write the store as {format_name} ({'quads' if quads else 'union of graphs'})."
    return write


def write_claims_csv(store: Store, out: BinaryIO) -> None:
    """Write every claim as one CSV row (columns: CLAIM_COLUMNS), UTF-8."""
    from kg.readback import claim_records

    out.write(claims_csv(claim_records(store)).encode("utf-8"))


#: Columns of the event-data CSV, after POLECAT's (one row per claim): dates, the
#: source actor and the recipient with their sector codes and countries, the PLOVER
#: event type and mode, the story and the sentence.
PLOVER_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "event_date_granularity",
    "story_date",
    "event_type",
    "plover",
    "event_mode",
    "polarity",
    "modality",
    "actor_id",
    "actor_name",
    "actor_type",
    "actor_sector",
    "actor_country",
    "recipient_id",
    "recipient_name",
    "recipient_type",
    "recipient_sector",
    "recipient_country",
    "speaker_name",
    "about",
    "source",
    "publisher",
    "story_id",
    "sentence",
    "quote",
    "confidence",
)

#: PLOVER modes read from a claim's cue or matter, where a word says it (PLOVER 2021
#: codebook: ACCUSE disapprove/investigate/allege, PROTEST demonstrate/boycott/strike,
#: COERCE arrest/seize/expel/ban, ASSAULT aerial/explode/firearms).
PLOVER_MODES: dict[str, tuple[tuple[str, str], ...]] = {
    "ACCUSE": (
        ("condemn", "disapprove"), ("critici", "disapprove"), ("denounc", "disapprove"),
        ("investigat", "investigate"), ("probe", "investigate"),
        ("accus", "allege"), ("blam", "allege"), ("charg", "allege"),
    ),
    "PROTEST": (
        ("boycott", "boycott"), ("strike", "strike"), ("protest", "demonstrate"),
        ("demonstrat", "demonstrate"), ("rall", "demonstrate"),
    ),
    "COERCE": (
        ("arrest", "arrest"), ("detain", "arrest"), ("seiz", "seize"), ("expel", "expel"),
        ("deport", "expel"), ("ban", "ban"),
    ),
    "ASSAULT": (
        ("drone", "aerial"), ("airstrike", "aerial"), ("air strike", "aerial"),
        ("bomb", "explode"), ("rocket", "explode"), ("shell", "explode"), ("shot", "firearms"),
        ("shoot", "firearms"), ("gunfire", "firearms"),
    ),
}  # fmt: skip


def plover_mode(record: dict[str, Any]) -> str:
    """The PLOVER mode of a claim record where its cue (or matter) says it, else ""."""
    about = (record.get("about") or {}).get("label", "")
    words = f"{record['cue']} {about}".casefold()
    for stem, mode in PLOVER_MODES.get(record["relation"], ()):
        if stem in words:
            return mode
    return ""


def plover_rows(
    records: Iterable[dict[str, Any]], actors: dict[str, dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Claim records as event-data rows under `PLOVER_COLUMNS`.

    Args:
        records: claim records (`kg.readback.claim_records`).
        actors: actor id -> {"sector", "country"} (codes: sector, country actor id).
    """
    from extract.records import PLOVER_RELATIONS

    for record in records:
        row: dict[str, Any] = {
            "event_id": record["id"],
            "event_date": record.get("event_date") or (record["date"] or "")[:10],
            "event_date_granularity": record.get("event_date_granularity")
            or ("day" if record["date"] else ""),
            "story_date": record["date"] or "",
            "event_type": record["relation"],
            "plover": "yes" if record["relation"] in PLOVER_RELATIONS else "no",
            "event_mode": plover_mode(record),
            "polarity": record["polarity"],
            "modality": record["modality"],
            "speaker_name": (record["speaker"] or {}).get("label", ""),
            "about": (record.get("about") or {}).get("label", ""),
            "source": record["source"] or "",
            "publisher": record.get("publisher") or "",
            "story_id": record["doc"],
            "sentence": record["text"],
            "quote": record["quote"] or "",
            "confidence": record["confidence"],
        }
        for role, column in (("subject", "actor"), ("object", "recipient")):
            ref = record[role] or {}
            facts = actors.get(ref.get("id", ""), {})
            row[f"{column}_id"] = ref.get("id", "")
            row[f"{column}_name"] = ref.get("label", "")
            row[f"{column}_type"] = ref.get("type", "")
            row[f"{column}_sector"] = facts.get("sector") or ""
            row[f"{column}_country"] = facts.get("country") or ""
        yield row


def write_plover_csv(store: Store, out: BinaryIO) -> None:
    """Write every claim as one event-data row (columns: PLOVER_COLUMNS), UTF-8."""
    from kg.readback import actor_catalog, claim_records

    actors = {
        info.id: {"sector": info.sector, "country": info.country}
        for info in actor_catalog(store).values()
    }
    publishers = {
        str(doc): str(name)
        for doc, name in store.select(
            "SELECT ?d ?p WHERE { GRAPH ?d { ?d a schema:NewsArticle ; dcterms:publisher ?p } }"
        )
    }
    records = [
        {**record, "publisher": publishers.get(record["doc"], "")}
        for record in claim_records(store)
    ]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=PLOVER_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(plover_rows(records, actors))
    out.write(buffer.getvalue().encode("utf-8"))


#: Format name -> exporter, or "module:function" naming one, imported only when used
#: (so networkx loads only for graphml/gexf). Add entries to support more formats.
EXPORTERS: dict[str, Exporter | str] = {
    "turtle": _rdf_exporter("TURTLE", quads=False),
    "nt": _rdf_exporter("N_TRIPLES", quads=False),
    "nquads": _rdf_exporter("N_QUADS", quads=True),
    "trig": _rdf_exporter("TRIG", quads=True),
    "jsonld": _rdf_exporter("JSON_LD", quads=True),
    "csv": write_claims_csv,
    "plover-csv": write_plover_csv,
    "graphml": "kg.network:export_graphml",
    "gexf": "kg.network:export_gexf",
}


def _resolve(fmt: str, entry: Exporter | str) -> Exporter:
    if not isinstance(entry, str):
        return entry
    import importlib

    module_name, _, function = entry.partition(":")
    try:
        exporter = getattr(importlib.import_module(module_name), function)
    except (ImportError, AttributeError) as error:
        raise FormatError(f"export format {fmt!r} is not available: {error}") from error
    return exporter


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the whole store to `out` in format `fmt` (a key of EXPORTERS).

    Args:
        store: an open store.
        fmt: "turtle", "nt", "nquads", "trig", "jsonld", "csv" (claims table),
            "plover-csv" (event data in POLECAT's shape, one row per claim),
            "graphml", "gexf" (the claim network, from kg.network), or any format
            registered in EXPORTERS.
        out: a binary stream (a file opened "wb", or sys.stdout.buffer).

    Raises:
        FormatError: `fmt` is not a registered format, or its module cannot be loaded.
    """
    try:
        entry = EXPORTERS[fmt]
    except KeyError:
        raise FormatError(
            f"unknown export format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}"
        ) from None
    _resolve(fmt, entry)(store, out)


#: Name of the chunk files `export_split` writes: chunk 0 holds the graphs that are not
#: documents' (registry, actors, disputes), chunks 1... the documents, in IRI order.
CHUNK_NAME = "claimgraph-{:05d}.nq"


def export_split(store: Store, folder: Path, *, documents: int) -> list[Path]:
    """Write the store as N-Quads files of `documents` document graphs each, for bulk loaders.

    Every document's graph is whole in one file, named by the document IRI; the other
    graphs (registry, actors, disputes) go in the first file. Blank nodes (claimgraph
    writes none) become IRIs under `SKOLEM`, the same IRI in every file.

    Args:
        store: an open store.
        folder: where the files go (created if missing; files of an earlier split with
            the same names are overwritten).
        documents: document graphs per file (at least 1).

    Returns:
        The files written, in order.

    Raises:
        FormatError: `documents` is below 1, or `folder` is a file.
    """
    import pyoxigraph

    if documents < 1:
        raise FormatError(f"--split {documents}: give at least 1 document per file")
    if folder.exists() and not folder.is_dir():
        raise FormatError(f"--split writes a folder of files, and {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(_graph_names(store))
    shared = [name for name in names if not name.startswith(str(DOC))]
    papers = [name for name in names if name.startswith(str(DOC))]
    chunks = [shared] + [papers[i : i + documents] for i in range(0, len(papers), documents)]
    written = []
    for number, graphs in enumerate(chunks):
        path = folder / CHUNK_NAME.format(number)
        with path.open("wb") as out:
            quads = (_skolemised(quad) for graph in graphs for quad in _graph_quads(store, graph))
            pyoxigraph.serialize(quads, out, pyoxigraph.RdfFormat.N_QUADS)
        written.append(path)
    return written


#: Namespace of the IRIs that stand for blank nodes in split exports (RDF 1.1 skolem IRIs).
SKOLEM = str(ID) + ".well-known/genid/"


def _skolemised(quad: pyoxigraph.Quad) -> pyoxigraph.Quad:
    import pyoxigraph

    def iri(term: Any) -> Any:
        if isinstance(term, pyoxigraph.BlankNode):
            return pyoxigraph.NamedNode(SKOLEM + term.value)
        return term

    if not any(isinstance(t, pyoxigraph.BlankNode) for t in (quad.subject, quad.object)):
        return quad
    return pyoxigraph.Quad(iri(quad.subject), quad.predicate, iri(quad.object), quad.graph_name)


def _graph_names(store: Store) -> list[str]:
    """The named graphs of claimgraph in the store."""
    inner = store.oxigraph
    if inner is not None:
        return [str(graph.value) for graph in inner.named_graphs()]
    rows = store.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER (STRSTARTS(STR(?g), "{ID}")) }}'
    )
    return [str(graph) for (graph,) in rows]


def _graph_quads(store: Store, graph: str) -> Iterator[pyoxigraph.Quad]:
    import pyoxigraph

    name = pyoxigraph.NamedNode(graph)
    inner = store.oxigraph
    if inner is not None:
        yield from inner.quads_for_pattern(None, None, None, name)
        return
    result = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    for s, p, o in result:  # type: ignore[misc]
        yield pyoxigraph.Quad(_to_ox(s), _to_ox(p), _to_ox(o), name)
