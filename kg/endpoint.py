"""A SPARQL 1.1 Protocol client: the store's queries and updates sent to a server over HTTP.

`Endpoint` posts each query as a form (`query=...`, so a long text never meets a URL
length limit) and each update as `application/sparql-update`, and returns rdflib
`Result`s. It knows what differs between the servers claimgraph is tested against
(Oxigraph server, Virtuoso Open Source):

- The default graph. claimgraph keeps every document in its own named graph and its
  queries read their union. Virtuoso's default graph is the union of all graphs;
  Oxigraph server's is a graph of its own unless it was started with
  `--union-default-graph` or a request says `union-default-graph`. Before the first
  query `Endpoint` looks (`default_graph`): one triple from a named graph, asked for
  in the default graph; if absent, asked again with Oxigraph's `union-default-graph`
  parameter, which is then sent with every query; if still absent, the server is
  refused with a message saying how to configure it, instead of queries that
  silently return no rows.
- Virtuoso answers an ASK with a one-row SELECT (`__ASK_RETVAL`): read as the boolean.
- Virtuoso cuts answers at `ResultSetMaxRows` rows (10,000 in Debian's `virtuoso.ini`)
  and says so only in an `X-SPARQL-MaxRows` header: such an answer is refused, not
  read as if it were whole.

Errors become the project's own: an HTTP error is a `QueryError` with the server's
message, an unreachable server or a web page instead of results a `StoreError`.
"""

from __future__ import annotations

import io
import urllib.error
import urllib.request
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlencode

from kg.errors import QueryError, StoreError
from kg.querycheck import query_form

if TYPE_CHECKING:
    from rdflib.query import Result

#: How the server's default graph relates to its named graphs (see `Endpoint.default_graph`).
DefaultGraph = Literal["union", "union-parameter", "empty"]

_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.8"
_GRAPHS = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
_RDF_FORMATS = {
    "application/n-triples": "nt",
    "text/plain": "nt",
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}

#: One triple of a named graph whose object is an IRI (no literal normalisation to trip on).
_PROBE = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o FILTER (isIRI(?o)) } } LIMIT 1"


class Endpoint:
    """A SPARQL 1.1 server: its query URL and update URL.

    Args:
        query_url: where queries go (Oxigraph server: `.../query`; Virtuoso: `.../sparql`).
        update_url: where updates go; default `query_url` with a final "/query" made
            "/update" (Oxigraph server), else `query_url` itself (Virtuoso, Fuseki).
        timeout: seconds to wait for an answer; None to wait for ever.
    """

    def __init__(
        self, query_url: str, update_url: str | None = None, *, timeout: float | None = None
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or _update_url(query_url)
        self.timeout = timeout
        self._default_graph: DefaultGraph | None = None

    def query(self, sparql: str) -> Result:
        """Run a query over the union of the server's graphs; return rdflib's `Result`.

        Raises:
            QueryError: the server refused it (HTTP error, with the server's message).
            StoreError: the server could not be reached, the default graph cannot be
                made the union of the named graphs, or the URL is not a query URL.
        """
        union = self.default_graph() == "union-parameter"
        return self._query(sparql, union=union)

    def update(self, sparql: str) -> None:
        """Send one SPARQL UPDATE request.

        Oxigraph server runs a request as one transaction; Virtuoso keeps the operations
        that ran before one that failed (tests/kg/test_endpoint.py).

        Raises:
            As for `query`.
        """
        request = urllib.request.Request(
            self.update_url,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
        )
        with self._open(request, self.update_url) as response:
            response.read()
        if self._default_graph == "empty":
            self._default_graph = None  # there may be named graphs now: look again

    def default_graph(self) -> DefaultGraph:
        """How the server's default graph relates to its named graphs, found once.

        "union": it is their union (Virtuoso; `oxigraph serve --union-default-graph`);
        "union-parameter": it is when a query says `union-default-graph` (Oxigraph
        server started without the option); "empty": there are no named graphs yet
        (asked again after the next update).

        Raises:
            StoreError: the default graph is neither, so queries would miss every
                document; the message says how to configure the server.
        """
        if self._default_graph is not None:
            return self._default_graph
        rows = list(self._query(_PROBE, union=False))
        if not rows:
            self._default_graph = "empty"
            return "empty"
        s, p, o = (term.n3() for term in rows[0])  # type: ignore[union-attr]
        ask = f"ASK {{ {s} {p} {o} }}"
        if self._query(ask, union=False).askAnswer:
            self._default_graph = "union"
        elif self._query(ask, union=True).askAnswer:
            self._default_graph = "union-parameter"
        else:
            raise StoreError(
                f"SPARQL endpoint {self.query_url} does not query the union of its named "
                "graphs by default, and claimgraph keeps each document in a named graph: "
                "configure the server's default graph as that union (Oxigraph: `oxigraph "
                "serve --union-default-graph`; Fuseki: tdb2:unionDefaultGraph true; "
                "Virtuoso does it already)"
            )
        return self._default_graph

    def _query(self, sparql: str, *, union: bool) -> Result:
        from rdflib import Graph
        from rdflib.query import Result

        form = query_form(sparql)
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        fields = {"query": sparql}
        if union:
            fields["union-default-graph"] = ""
        request = urllib.request.Request(
            self.query_url,
            data=urlencode(fields).encode("ascii"),
            headers={
                "Accept": _GRAPHS if graph_form else _RESULTS,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        with self._open(request, self.query_url) as response:
            kind = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            cut_at = response.headers.get("X-SPARQL-MaxRows")
            body = response.read()
        if cut_at is not None:
            raise StoreError(
                f"{self.query_url} cut its answer at {cut_at} rows (Virtuoso's [SPARQL] "
                "ResultSetMaxRows in virtuoso.ini): raise that setting and restart Virtuoso, "
                "or narrow the query"
            )
        if kind == "text/html":
            raise StoreError(
                f"{self.query_url} answered with a web page, not SPARQL results: give "
                "--endpoint the server's query URL (for Oxigraph server "
                f"{self.query_url.rstrip('/')}/query)"
            )
        if kind in _RDF_FORMATS:
            graph = Graph()
            graph.parse(data=body.decode("utf-8"), format=_RDF_FORMATS[kind])
            result = Result("CONSTRUCT")
            result.graph = graph
            return self._checked(form, result)
        try:
            result = Result.parse(io.BytesIO(body), content_type=kind or None)
        except Exception as error:  # noqa: BLE001 - a parser's failure on a server's body
            raise StoreError(
                f"{self.query_url} answered with {kind or 'an unnamed type'} that is not "
                f"SPARQL results ({type(error).__name__}): is it the server's query URL?"
            ) from error
        return self._checked(form, _ask_answer(result) if form == "ASK" else result)

    def _checked(self, asked: str | None, result: Result) -> Result:
        """Refuse an answer of the wrong kind (from a URL that is not the query URL)."""
        got = {"CONSTRUCT": "graph", "DESCRIBE": "graph"}.get(result.type, result.type)
        wanted = {"CONSTRUCT": "graph", "DESCRIBE": "graph"}.get(asked or "", asked)
        if asked is not None and got != wanted:
            answer = (
                "an RDF graph, not SPARQL results"
                if got == "graph"
                else ("SPARQL results, not an RDF graph")
            )
            raise StoreError(
                f"{self.query_url} answered with {answer}: give --endpoint the server's query "
                "URL (an update URL answers with its service description)"
            )
        return result

    def _open(self, request: urllib.request.Request, url: str):  # -> http.client.HTTPResponse
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)  # noqa: S310 - the user's URL
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace").strip()
            raise QueryError(
                f"SPARQL endpoint {url} refused the request (HTTP {error.code}): "
                f"{_short(body) or error.reason}"
            ) from None
        except urllib.error.URLError as error:
            raise StoreError(
                f"cannot reach SPARQL endpoint {url}: {error.reason}; "
                "check the URL and that the server is running"
            ) from None
        except TimeoutError:
            raise StoreError(
                f"SPARQL endpoint {url} gave no answer within {self.timeout:g} s"
            ) from None


def _ask_answer(result: Result) -> Result:
    """Virtuoso's answer to an ASK (a SELECT of one `__ASK_RETVAL` row) as a boolean."""
    if result.type != "SELECT":
        return result
    from rdflib.query import Result

    names = [str(v) for v in result.vars or ()]
    if names != ["__ASK_RETVAL"]:
        return result
    rows = list(result)
    boolean = Result("ASK")
    boolean.askAnswer = bool(rows) and str(rows[0][0]) not in ("0", "false")  # type: ignore[index]
    return boolean


def _short(body: str, limit: int = 500) -> str:
    """A server's error page as one line of at most `limit` characters."""
    text = " ".join(body.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _update_url(endpoint: str) -> str:
    # Oxigraph server answers queries at /query and updates at /update; Fuseki,
    # Virtuoso and most others accept both at the same URL.
    return endpoint[: -len("/query")] + "/update" if endpoint.endswith("/query") else endpoint
