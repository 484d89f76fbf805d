"""User-written SPARQL: run it against a store (read-only unless asked) and format the result.

`read_query` reads the text a command names (`@file.rq`, `-` for stdin; UTF-8, at
most MAX_QUERY_BYTES); `check_query` classifies it (query or update) and refuses, before
any engine parses it, a text too deeply nested (`kg.querycheck`), an update unless
`update=True`, and SERVICE or LOAD unless `allow_network=True`; `run_query` checks and
runs it and returns rdflib's `Result`; `format_result` renders a result as an aligned
text table (terminal controls escaped), CSV, TSV, SPARQL results JSON, or Turtle
(CONSTRUCT/DESCRIBE). `kg query` runs all this in a worker process (`kg.worker`).
The prefixes of `kg.vocab.PREFIXES` are declared for every query.

The default graph of a query is the union of all graphs. Oxigraph forms it as a bag,
but each fact is stored in one graph only (an actor's description in the actors graph,
DESIGN.md "RDF model"), so plain counts are true counts. Updates see the real default
graph, so they match document data inside `GRAPH ?g { ... }`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from kg.errors import (
    FormatError,
    NetworkRefused,
    QueryFileError,
    QuerySyntaxError,
    ReadOnlyError,
)
from kg.querycheck import first_keyword, form_error, query_form

if TYPE_CHECKING:
    from rdflib.query import Result
    from rdflib.term import Node

    from kg.store import Store

#: Output formats of `format_result`.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle")

#: Largest query text read from a file or stdin (a query file is text, not data).
MAX_QUERY_BYTES = 8 * 1024 * 1024


def read_query(text: str, *, stdin: BinaryIO | TextIO | None = None) -> str:
    """Return the SPARQL a command-line argument names: the text itself, `@file.rq` or `-`.

    Args:
        text: SPARQL text, "@" and a file path (read as UTF-8), or "-".
        stdin: where "-" reads from (default: `sys.stdin`); bytes are read as UTF-8.

    Raises:
        QueryFileError: the file cannot be read, is larger than MAX_QUERY_BYTES, or is
            not UTF-8 text (the message names it and says why).
    """
    if text == "-":
        source = stdin or sys.stdin
        stream = getattr(source, "buffer", source)
        return _decoded(stream.read(MAX_QUERY_BYTES + 1), "the query on stdin")
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            with path.open("rb") as stream:
                data = stream.read(MAX_QUERY_BYTES + 1)
        except OSError as error:
            raise QueryFileError(f"cannot read query file {path}: {error.strerror}") from None
        return _decoded(data, f"query file {path}")
    return text


def _decoded(data: bytes | str, what: str) -> str:
    if len(data) > MAX_QUERY_BYTES:
        raise QueryFileError(
            f"{what} is larger than {MAX_QUERY_BYTES // (1024 * 1024)} MB; "
            "a SPARQL query is a short text: is it the right file?"
        )
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryFileError(
            f"{what} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8"
        ) from None


def run_query(
    store: Store, sparql: str, *, update: bool = False, allow_network: bool = False
) -> Result | None:
    """Run user-written SPARQL on `store`; return the result (None for an update).

    The text is checked before any engine parses it (`check_query`). A SELECT's rows
    are all read before this returns, so an error while they are computed is raised
    here, not while they print.

    Args:
        store: an open store.
        sparql: a SPARQL 1.1 query or update; the prefixes of kg.vocab.PREFIXES
            (cg, rdf, rdfs, skos, schema, prov, dcterms, owl, xsd, actor, claim,
            doc, wd) need no declaration.
        update: allow a SPARQL UPDATE to change the store.
        allow_network: allow SERVICE calls and LOAD operations, which fetch data
            over the network.

    Raises:
        ReadOnlyError: `sparql` is an update and `update` is False.
        NetworkRefused: it would reach the network and `allow_network` is False.
        QueryTooComplex: it nests or lists too deep to parse safely.
        QuerySyntaxError: it does not parse (message, line and column).
        QueryError: it failed while running.
        StoreError: the store is read-only or unreachable.
    """
    is_update = check_query(sparql, update=update, allow_network=allow_network) == "UPDATE"
    if store.endpoint is not None and not allow_network:
        check_syntax(sparql, update=is_update)
    if is_update:
        store.update(sparql)
        return None
    return store.query(sparql)


def check_query(sparql: str, *, update: bool = False, allow_network: bool = False) -> str:
    """Check user-written SPARQL before it runs; return its form (SELECT ... or UPDATE).

    In order: the shape (nesting, list length), the form (a misspelt keyword is named),
    write permission, then the network (SERVICE, LOAD).

    Raises:
        QueryTooComplex, QuerySyntaxError, ReadOnlyError, NetworkRefused: as for
            `run_query`.
    """
    from kg.querycheck import check_shape, network_targets
    from kg.vocab import PREFIXES

    _check_text(sparql)
    check_shape(sparql)
    form = query_form(sparql)
    if form is None:
        raise form_error(sparql)
    if form == "UPDATE" and not update:
        keyword = (first_keyword(sparql) or ("UPDATE", 0))[0].upper()
        raise ReadOnlyError(
            f"{keyword} is a SPARQL update and would change the store; "
            "kg query only reads unless you add --update"
        )
    if not allow_network:
        prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
        targets = network_targets(sparql, update=form == "UPDATE", prefixes=prefixes)
        if targets:
            raise NetworkRefused(
                f"the query would reach the network ({'; '.join(targets)}); "
                "claimgraph queries stay on this machine unless you run them with "
                "`kg query --allow-network`",
                targets,
            )
    return form


def _check_text(sparql: str) -> None:
    """Refuse a text holding bytes that were not UTF-8 (a command-line argument keeps them
    as lone surrogates, which no engine can read)."""
    try:
        sparql.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(sparql[error.start])
        byte = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise QuerySyntaxError(
            f"the query is not UTF-8 text ({byte} at character {error.start + 1}); "
            "write it in UTF-8"
        ) from None


def check_syntax(sparql: str, *, update: bool = False) -> None:
    """Parse `sparql` locally (with the declared prefixes) and raise if it is malformed.

    Servers report syntax errors in their own words and count lines after the
    prefixes rdflib prepends; this gives the user's own line and column instead. The
    text runs against an empty in-memory store, so call it only for texts that
    `check_query` found not to reach the network.

    Raises:
        QuerySyntaxError: with the parser's message, line and column.
    """
    import pyoxigraph

    from kg.store import syntax_error
    from kg.vocab import PREFIXES

    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    scratch = pyoxigraph.Store()
    try:
        if update:
            scratch.update(sparql, prefixes=prefixes)
        else:
            scratch.query(sparql, prefixes=prefixes)
    except SyntaxError as error:
        raise syntax_error(str(error), sparql) from error


def _prefix_table() -> list[tuple[str, str]]:
    from kg.vocab import PREFIXES

    return sorted(((str(ns), name) for name, ns in PREFIXES.items()), key=lambda p: -len(p[0]))


_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def compact(node: Node | None) -> str:
    """Return a short display form: a prefixed name, a literal's text, or "" if unbound."""
    from rdflib import BNode, URIRef

    if node is None:
        return ""
    if isinstance(node, URIRef):
        for namespace, prefix in _prefix_table():
            local = node[len(namespace) :]
            if node.startswith(namespace) and _LOCAL_NAME.fullmatch(local):
                return f"{prefix}:{local}"
        return f"<{node}>"
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


# C0 and C1 controls, DEL, and the bidirectional overrides and isolates: a terminal acts
# on them (colours, cursor moves, window titles, reordered text) instead of showing them.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Return `text` with every terminal control character shown as an escape (`\\x1b`).

    Tabs and newlines are kept; article text is printed through this, so an escape
    sequence in an article cannot recolour, retitle or rewrite the user's terminal.
    """
    return _CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def text_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], *, width: int | None = 60
) -> str:
    """Aligned text columns under a ruled header; each cell on one line, cut at `width`.

    The one plain-text table of the project: query results and the CLI's listings.
    Whitespace runs become one space and control characters are escaped (`printable`).

    Args:
        headers: the column names.
        rows: the cells, one sequence per row (None prints as empty).
        width: longest cell, in characters (longer ones end in "…"); None: no limit.
    """

    def cut(value: object) -> str:
        text = printable(" ".join(str("" if value is None else value).split()))
        return text if width is None or len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(value) for value in row] for row in rows]
    sizes = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(n) for h, n in zip(headers, sizes, strict=True)).rstrip()]
    lines.append("  ".join("-" * n for n in sizes))
    lines += [
        "  ".join(c.ljust(n) for c, n in zip(row, sizes, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _table(variables: list[str], rows: list[list[Node | None]], *, max_width: int | None) -> str:
    table = text_table(
        variables, ([compact(node) for node in row] for row in rows), width=max_width
    )
    return table + f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n"


def _csv_value(node: Node | None) -> str:
    from rdflib import BNode

    if node is None:
        return ""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _tsv_value(node: Node | None) -> str:
    return "" if node is None else node.n3()


def _json_term(node: Node) -> dict[str, str]:
    from rdflib import BNode, Literal, URIRef

    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    assert isinstance(node, Literal)
    term = {"type": "literal", "value": str(node)}
    if node.language:
        term["xml:lang"] = node.language
    elif node.datatype:
        term["datatype"] = str(node.datatype)
    return term


def _solutions(result: Result) -> tuple[list[str], list[list[Node | None]]]:
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars or ()]
        rows = [[row[i] for i in range(len(variables))] for row in result]  # type: ignore[index]
        return variables, rows
    graph = result.graph
    assert graph is not None
    return ["subject", "predicate", "object"], [list(t) for t in sorted(graph)]


def _turtle(result: Result) -> str:
    from rdflib import Graph

    from kg.vocab import PREFIXES

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    assert result.graph is not None
    for triple in result.graph:
        graph.add(triple)
    # rdflib writes control characters raw; \uXXXX is their Turtle escape (same data)
    return _CONTROLS.sub(_turtle_escape, graph.serialize(format="turtle"))


def _turtle_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04X}"


def format_result(result: Result, fmt: str = "table", *, max_width: int | None = 80) -> str:
    """Render a query result as text.

    Args:
        result: what `run_query` returned.
        fmt: "table" (aligned columns with prefixed names, cells cut at `max_width`),
            "csv" and "tsv" (SPARQL 1.1 CSV/TSV results), "json" (SPARQL 1.1 results
            JSON) or "turtle" (CONSTRUCT/DESCRIBE only). A CONSTRUCT/DESCRIBE result
            shown as a table is Turtle; as csv/tsv/json it is rows of
            subject, predicate, object.
        max_width: widest table cell, in characters; None: no limit (`--wide`).

    Raises:
        FormatError: unknown `fmt`, or Turtle asked of a SELECT/ASK result.
    """
    if fmt not in FORMATS:
        raise FormatError(f"unknown result format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.type == "ASK":
        if fmt == "turtle":
            raise FormatError("an ASK query answers true/false; use table, csv, tsv or json")
        answer = bool(result.askAnswer)
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": answer}) + "\n"
        return ("true" if answer else "false") + "\n"
    is_graph = result.type in ("CONSTRUCT", "DESCRIBE")
    if fmt == "turtle" or (fmt == "table" and is_graph):
        if not is_graph:
            raise FormatError(
                "Turtle output needs a CONSTRUCT or DESCRIBE query; "
                "use table, csv, tsv or json for a SELECT"
            )
        return _turtle(result)
    variables, rows = _solutions(result)
    if fmt == "table":
        return _table(variables, rows, max_width=max_width)
    if fmt == "json":
        bindings = [
            {
                name: _json_term(node)
                for name, node in zip(variables, row, strict=True)
                if node is not None
            }
            for row in rows
        ]
        document: dict[str, Any] = {"head": {"vars": variables}, "results": {"bindings": bindings}}
        return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(node) for node in row] for row in rows)
        return buffer.getvalue()
    lines = ["\t".join("?" + name for name in variables)]
    lines += ["\t".join(_tsv_value(node) for node in row) for row in rows]
    return "\n".join(lines) + "\n"
