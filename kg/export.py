"""Export the whole store: RDF serialisations (with or without graph names) and a claims CSV.

`EXPORTERS` maps a format name to a function writing the store to a binary stream;
other modules add formats by adding entries (`EXPORTERS["graphml"] = write_graphml`).
RDF is written by pyoxigraph's serialisers (fast, streaming); quad formats (nquads,
trig, jsonld) keep each document's graph, triple formats (turtle, nt) write the union.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from kg.errors import FormatError

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
    result = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
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


#: Format name -> exporter, or "module:function" naming one, imported only when used
#: (so networkx loads only for graphml/gexf). Add entries to support more formats.
EXPORTERS: dict[str, Exporter | str] = {
    "turtle": _rdf_exporter("TURTLE", quads=False),
    "nt": _rdf_exporter("N_TRIPLES", quads=False),
    "nquads": _rdf_exporter("N_QUADS", quads=True),
    "trig": _rdf_exporter("TRIG", quads=True),
    "jsonld": _rdf_exporter("JSON_LD", quads=True),
    "csv": write_claims_csv,
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
