"""User-written SPARQL: run it against a store (read-only unless asked) and format the result.

`read_query` reads the text a command names (`@file.rq`, `-` for stdin);
`run_query` classifies it (query or update), refuses updates unless `update=True`,
and returns rdflib's `Result`; `format_result` renders a result as an aligned text
table, CSV, TSV, SPARQL results JSON, or Turtle (CONSTRUCT/DESCRIBE).
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
from typing import TYPE_CHECKING, Any, TextIO

from kg.errors import FormatError, QueryFileError, ReadOnlyError

if TYPE_CHECKING:
    from rdflib.query import Result
    from rdflib.term import Node

    from kg.store import Store

#: Output formats of `format_result`.
FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json", "turtle")

_QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
# IRIs and strings are kept whole so that a '#' inside them is not taken for a comment.
_LEXEMES = re.compile(
    r"<[^<>\s]*>|\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|#[^\n]*",
    re.DOTALL,
)
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^<>]*>|BASE\s*<[^<>]*>)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"\s*([A-Za-z]+)")


def query_form(sparql: str) -> str | None:
    """Return the form of a SPARQL text: SELECT, ASK, CONSTRUCT, DESCRIBE or UPDATE.

    Returns None when the text starts with none of them (the parser will say why).
    """
    text = _LEXEMES.sub(lambda m: " " if m.group(0).startswith("#") else m.group(0), sparql)
    position = 0
    while match := _PROLOGUE.match(text, position):
        position = match.end()
    word = _FIRST_WORD.match(text, position)
    if word is None:
        return None
    keyword = word.group(1).upper()
    if keyword in _QUERY_FORMS:
        return keyword
    return "UPDATE" if keyword in _UPDATE_FORMS else None


def read_query(text: str, *, stdin: TextIO | None = None) -> str:
    """Return the SPARQL a command-line argument names: the text itself, `@file.rq` or `-`.

    Args:
        text: SPARQL text, "@" and a file path (read as UTF-8), or "-".
        stdin: where "-" reads from (default: `sys.stdin`).

    Raises:
        QueryFileError: the file cannot be read (the message names it and says why).
    """
    if text == "-":
        return (stdin or sys.stdin).read()
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise QueryFileError(f"cannot read query file {path}: {error.strerror}") from None
    return text


def run_query(store: Store, sparql: str, *, update: bool = False) -> Result | None:
    """Run user-written SPARQL on `store`; return the result (None for an update).

    Args:
        store: an open store.
        sparql: a SPARQL 1.1 query or update; the prefixes of kg.vocab.PREFIXES
            (cg, rdf, rdfs, skos, schema, prov, dcterms, owl, xsd, actor, claim,
            doc, wd) need no declaration.
        update: allow a SPARQL UPDATE to change the store.

    Raises:
        ReadOnlyError: `sparql` is an update and `update` is False.
        QuerySyntaxError: it does not parse (message, line and column).
        QueryError: it failed while running.
        StoreError: the store is read-only or unreachable.
    """
    is_update = query_form(sparql) == "UPDATE"
    if is_update and not update:
        raise ReadOnlyError(
            "this is a SPARQL UPDATE, which would change the store; "
            "pass --update (update=True) to run it"
        )
    if store.endpoint is not None:
        check_syntax(sparql, update=is_update)
    if is_update:
        store.update(sparql)
        return None
    return store.query(sparql)


_REACHES_OUT = re.compile(r"\b(SERVICE|LOAD)\b", re.IGNORECASE)


def check_syntax(sparql: str, *, update: bool = False) -> None:
    """Parse `sparql` locally (with the declared prefixes) and raise if it is malformed.

    Servers report syntax errors in their own words and count lines after the
    prefixes rdflib prepends; this gives the user's own line and column instead. The
    text runs against an empty in-memory store, so texts that could reach the network
    (SERVICE, LOAD) are left to the server.

    Raises:
        QuerySyntaxError: with the parser's message, line and column.
    """
    import pyoxigraph

    from kg.store import syntax_error
    from kg.vocab import PREFIXES

    if _REACHES_OUT.search(sparql):
        return
    prefixes = {name: str(namespace) for name, namespace in PREFIXES.items()}
    scratch = pyoxigraph.Store()
    try:
        if update:
            scratch.update(sparql, prefixes=prefixes)
        else:
            scratch.query(sparql, prefixes=prefixes)
    except SyntaxError as error:
        raise syntax_error(str(error)) from error


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


def text_table(headers: Sequence[str], rows: Iterable[Sequence[object]], *, width: int = 60) -> str:
    """Aligned text columns under a ruled header; each cell on one line, cut at `width`.

    The one plain-text table of the project: query results and the CLI's listings.
    """

    def cut(value: object) -> str:
        text = " ".join(str("" if value is None else value).split())
        return text if len(text) <= width else text[: width - 1] + "…"

    cells = [[cut(value) for value in row] for row in rows]
    sizes = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(n) for h, n in zip(headers, sizes, strict=True)).rstrip()]
    lines.append("  ".join("-" * n for n in sizes))
    lines += [
        "  ".join(c.ljust(n) for c, n in zip(row, sizes, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def _table(variables: list[str], rows: list[list[Node | None]], *, max_width: int) -> str:
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
    return graph.serialize(format="turtle")


def format_result(result: Result, fmt: str = "table", *, max_width: int = 80) -> str:
    """Render a query result as text.

    Args:
        result: what `run_query` returned.
        fmt: "table" (aligned columns with prefixed names, cells cut at `max_width`),
            "csv" and "tsv" (SPARQL 1.1 CSV/TSV results), "json" (SPARQL 1.1 results
            JSON) or "turtle" (CONSTRUCT/DESCRIBE only). A CONSTRUCT/DESCRIBE result
            shown as a table is Turtle; as csv/tsv/json it is rows of
            subject, predicate, object.
        max_width: widest table cell, in characters.

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
