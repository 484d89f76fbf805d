"""kg.endpoint: how each server's default graph is found, and a server that cannot do it."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from kg.endpoint import Endpoint
from kg.errors import StoreError
from kg.store import open_store
from tests.kg.samples import article_a


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("oxigraph_server", "union"),  # started with --union-default-graph
        ("oxigraph_plain_server", "union-parameter"),  # asked per query instead
        ("virtuoso_server", "union"),  # Virtuoso's default graph is every graph
    ],
)
def test_each_servers_default_graph_is_found(
    request: pytest.FixtureRequest, fixture: str, expected: str
) -> None:
    from tests.servers import clear

    url = request.getfixturevalue(fixture)
    clear(url)
    try:
        if fixture != "virtuoso_server":  # Virtuoso keeps graphs of its own: never empty
            assert Endpoint(url).default_graph() == "empty"
        with open_store(Path("unused"), endpoint=url) as remote:
            remote.replace_document(article_a())
            assert remote._remote is not None and remote._remote.default_graph() == expected
            # a plain query (no GRAPH) sees the document's graph either way
            ((n,),) = remote.select("SELECT (COUNT(*) AS ?n) WHERE { ?c a cg:Claim }")
            assert n == 3
    finally:
        clear(url)


class _SeparateDefaultGraph(http.server.BaseHTTPRequestHandler):
    """A server whose default graph is its own, with no way to ask for the union."""

    cut_at: str | None = None  # an X-SPARQL-MaxRows header to send, as Virtuoso does

    def do_POST(self) -> None:
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        if fields["query"][0].lstrip().startswith("SELECT"):
            row = {v: {"type": "uri", "value": f"urn:x:{v}"} for v in "spo"}
            answer: dict = {"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": [row]}}
        else:
            answer = {"head": {}, "boolean": False}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        if self.cut_at is not None:
            self.send_header("X-SPARQL-MaxRows", self.cut_at)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class _CutAnswers(_SeparateDefaultGraph):
    cut_at = "10000"


def _serving(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


@pytest.fixture
def separate_default_graph() -> Iterator[str]:
    yield from _serving(_SeparateDefaultGraph)


def test_an_answer_the_server_cut_short_is_refused() -> None:
    # Virtuoso 7.2.5 with ResultSetMaxRows = 5 sent "X-SPARQL-MaxRows: 5" on a cut
    # answer and no such header on a whole one (checked by hand, 2026-12-02)
    for url in _serving(_CutAnswers):
        with pytest.raises(StoreError, match="cut its answer at 10000 rows .*ResultSetMaxRows"):
            Endpoint(url).query("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")


def test_a_server_that_cannot_query_the_union_is_refused_with_what_to_do(
    separate_default_graph: str,
) -> None:
    with (
        open_store(Path("unused"), endpoint=separate_default_graph) as remote,
        pytest.raises(StoreError, match="--union-default-graph") as caught,
    ):
        remote.select("SELECT * WHERE { ?s ?p ?o }")
    assert "does not query the union of its named graphs" in str(caught.value)


@pytest.mark.parametrize(
    ("fixture", "atomic"),
    [
        ("oxigraph_server", True),
        ("virtuoso_server", False),  # known: Virtuoso keeps what ran before the failure
    ],
)
def test_whether_a_request_failing_halfway_keeps_its_first_half(
    request: pytest.FixtureRequest, fixture: str, atomic: bool
) -> None:
    from kg.errors import QueryError

    url = request.getfixturevalue(fixture)
    endpoint = Endpoint(url)
    exists, other = (
        "https://w3id.org/claimgraph/id/x-exists",
        "https://w3id.org/claimgraph/id/x-new",
    )
    try:
        endpoint.update(f"INSERT DATA {{ GRAPH <{exists}> {{ <urn:x:a> <urn:x:b> <urn:x:c> }} }}")
        with pytest.raises(QueryError, match="HTTP 500"):  # CREATE of an existing graph fails
            endpoint.update(
                f"INSERT DATA {{ GRAPH <{other}> {{ <urn:x:a> <urn:x:b> <urn:x:d> }} }} ;"
                f" CREATE GRAPH <{exists}>"
            )
        kept = endpoint.query(f"ASK {{ GRAPH <{other}> {{ ?s ?p ?o }} }}").askAnswer
        assert kept is not atomic
    finally:
        endpoint.update(f"DROP SILENT GRAPH <{exists}> ; DROP SILENT GRAPH <{other}>")
