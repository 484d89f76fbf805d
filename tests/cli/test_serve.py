"""`kg serve`: a read-only SPARQL endpoint over the embedded store, run as a user runs it.

The server is `kg serve --port 0` in a subprocess over a store of the hand-built
sample articles; each test asks it over HTTP on 127.0.0.1. It is stopped with SIGINT
(Ctrl-C) at the end, and one test checks it stops within a second.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest

from kg.serve import reaches_network
from kg.store import open_store
from tests.kg.samples import article_a, article_b

REPO = Path(__file__).resolve().parents[2]
CLAIMS = "SELECT ?c ?r WHERE { ?c cg:relation ?r } ORDER BY ?c"
# A cross product of every triple five times over: far longer than any limit here.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"


@dataclass
class Served:
    process: subprocess.Popen[str]
    base: str
    store: Path

    @property
    def query_url(self) -> str:
        return self.base + "/query"


def _start(store: Path, *args: str) -> Served:
    process = subprocess.Popen(
        [sys.executable, "-m", "cli", "--store", str(store), "serve", "--port", "0", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()  # printed once it listens (the page is drawn before)
    found = re.search(r"SPARQL at (http://\S+)/query", line)
    if found is None:
        process.kill()
        pytest.fail(f"kg serve did not start: {line}{process.stderr.read()}")  # type: ignore[union-attr]
    return Served(process, found.group(1), store)


def _stop(served: Served) -> float:
    """SIGINT (Ctrl-C) the server; return the seconds it took to exit."""
    started = time.monotonic()
    served.process.send_signal(signal.SIGINT)
    try:
        served.process.wait(timeout=10)
    finally:
        if served.process.poll() is None:
            served.process.kill()
    return time.monotonic() - started


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("served") / "store"
    with open_store(store) as opened:
        opened.replace_document(article_a())
    return store


#: The served store's --timeout: a query's first answer took up to 0.9 s at load 10.
TIMEOUT = 3


@pytest.fixture(scope="module")
def served(sample_store: Path) -> Iterator[Served]:
    server = _start(sample_store, "--timeout", str(TIMEOUT))
    yield server
    _stop(server)


def _ask(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """(status, content type, body) of one request."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            kind = response.headers.get("Content-Type", "")
            return response.status, kind, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8")


def _get(served: Served, sparql: str, **headers: str) -> tuple[int, str, str]:
    return _ask(served.query_url + "?" + urlencode({"query": sparql}), headers=headers)


def test_a_select_answers_sparql_results_json(served: Served) -> None:
    status, kind, body = _get(served, CLAIMS)
    assert status == 200
    assert kind.startswith("application/sparql-results+json")
    rows = json.loads(body)["results"]["bindings"]
    assert sorted(row["r"]["value"] for row in rows) == ["ACCUSE", "DENY", "STATEMENT"]


def test_csv_when_the_accept_header_asks(served: Served) -> None:
    status, kind, body = _get(served, CLAIMS, Accept="text/csv")
    assert (status, kind.split(";")[0]) == (200, "text/csv")
    assert body.splitlines()[0] == "c,r"


def test_a_construct_posted_answers_turtle(served: Served) -> None:
    sparql = "CONSTRUCT { ?c cg:relation ?r } WHERE { ?c cg:relation ?r }"
    status, kind, body = _ask(
        served.query_url,
        data=sparql.encode(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert (status, kind.split(";")[0]) == (200, "text/turtle")
    assert '"ACCUSE"' in body and "@prefix cg:" in body


@pytest.mark.parametrize(
    ("path", "data", "content_type"),
    [
        ("/update", b"update=CLEAR+ALL", "application/x-www-form-urlencoded"),
        ("/query", b"update=CLEAR+ALL", "application/x-www-form-urlencoded"),
        ("/query", b"CLEAR ALL", "application/sparql-update"),
        ("/query", b"query=CLEAR+ALL", "application/x-www-form-urlencoded"),  # as a query
    ],
)
def test_updates_are_refused(served: Served, path: str, data: bytes, content_type: str) -> None:
    status, _, body = _ask(served.base + path, data=data, headers={"Content-Type": content_type})
    assert status == 403
    assert "read-only" in body
    assert _get(served, CLAIMS)[0] == 200  # and nothing was cleared
    assert len(json.loads(_get(served, CLAIMS)[2])["results"]["bindings"]) == 3


def test_service_is_refused(served: Served) -> None:
    status, _, body = _get(served, "SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    assert status == 403
    assert "SERVICE <http://127.0.0.1:9/x>" in body


@pytest.mark.parametrize(
    ("sparql", "said"),
    [
        ("SELECT ?x WHERE { ?x ", "line 1"),
        ("SELEC * WHERE {}", "did you mean SELECT?"),
        ("SELECT * { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", "more than 64 levels"),
    ],
)
def test_a_bad_query_is_a_bad_request(served: Served, sparql: str, said: str) -> None:
    status, _, body = _ask(served.query_url, data=urlencode({"query": sparql}).encode())
    assert status == 400
    assert said in body


def test_a_query_past_the_timeout_is_stopped_and_the_server_answers_on(served: Served) -> None:
    started = time.monotonic()
    status, _, body = _get(served, ENDLESS)
    assert status == 503
    assert f"stopped after {TIMEOUT} s" in body
    assert time.monotonic() - started < TIMEOUT + 10
    assert _get(served, CLAIMS)[0] == 200


def test_the_graph_page_is_served_beside(served: Served) -> None:
    status, kind, body = _ask(served.base + "/")
    assert (status, kind.split(";")[0]) == (200, "text/html")
    assert body.startswith("<!DOCTYPE html>") and "Kataib Hezbollah" in body


def test_a_writer_can_add_documents_while_it_serves(tmp_path: Path) -> None:
    store = tmp_path / "store"
    with open_store(store) as opened:
        opened.replace_document(article_a())
    server = _start(store)
    try:
        with open_store(store) as writer:  # as `kg ingest` would, beside the server
            writer.replace_document(article_b())
            count = "SELECT (COUNT(*) AS ?n) WHERE { ?d a schema:NewsArticle }"
            body = _get(server, count)[2]
            assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "2"
    finally:
        _stop(server)


def test_ctrl_c_stops_it_within_a_second(sample_store: Path) -> None:
    server = _start(sample_store)
    assert _get(server, CLAIMS)[0] == 200
    assert _stop(server) < 1.0
    assert server.process.returncode == 0
    assert server.process.stdout is not None and "stopped" in server.process.stdout.read()


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "--store", str(tmp_path / "none"), "serve", "--port", "0"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: no store at") and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("host", "wider"),
    [
        ("127.0.0.1", False),
        ("localhost", False),
        ("::1", False),
        ("127.0.0.2", False),  # all of 127/8 is this machine
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.20", True),
        ("myhost.example", True),  # a name may resolve to any interface
    ],
)
def test_which_hosts_open_it_to_the_network(host: str, wider: bool) -> None:
    assert reaches_network(host) is wider


def test_claimgraph_reads_a_served_store_as_an_endpoint(served: Served) -> None:
    from typer.testing import CliRunner

    from cli import app

    asked = [["--endpoint", served.query_url], ["--store", str(served.store)]]
    outputs = [CliRunner().invoke(app, [*where, "claims", "--format", "jsonl"]) for where in asked]
    assert [result.exit_code for result in outputs] == [0, 0]
    assert outputs[0].stdout == outputs[1].stdout and "Kataib Hezbollah" in outputs[0].stdout


class _StoppedAtOnce:
    """Stands for the server: bound nowhere, Ctrl-C as soon as it would serve."""

    server_address = ("0.0.0.0", 7878)

    def serve_forever(self, poll_interval: float) -> None:
        raise KeyboardInterrupt

    def server_close(self) -> None:
        pass


def test_a_host_that_reaches_the_network_is_warned_of(
    sample_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import kg.serve
    from cli import app

    monkeypatch.setattr(kg.serve, "make_server", lambda settings, host, port: _StoppedAtOnce())
    result = CliRunner().invoke(app, ["--store", str(sample_store), "serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0: anyone who can reach this machine" in result.stderr
    assert "stopped" in result.stdout
    result = CliRunner().invoke(app, ["--store", str(sample_store), "serve"])
    assert "warning" not in result.stderr


def test_serve_refuses_an_endpoint() -> None:
    from typer.testing import CliRunner

    from cli import app

    result = CliRunner().invoke(app, ["--endpoint", "http://127.0.0.1:9/query", "serve"])
    assert result.exit_code == 2
    assert "kg serve serves the embedded store" in result.stderr


def test_a_query_past_max_memory_is_stopped(sample_store: Path) -> None:
    server = _start(sample_store, "--max-memory", "1", "--timeout", "30")  # 1 MB: at once
    try:
        status, _, body = _get(server, ENDLESS)
        assert status == 500
        assert "more than 1 MB of memory" in body
    finally:
        _stop(server)


def test_queries_past_the_running_limit_are_answered_busy(served: Served) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from kg.serve import MAX_RUNNING

    with ThreadPoolExecutor(MAX_RUNNING + 2) as pool:
        answers = list(pool.map(lambda _: _get(served, ENDLESS), range(MAX_RUNNING + 2)))
    busy = [body for status, _, body in answers if "queries are running already" in body]
    stopped = [body for status, _, body in answers if f"stopped after {TIMEOUT} s" in body]
    assert busy and len(stopped) <= MAX_RUNNING and len(busy) + len(stopped) == len(answers)
    assert all(status == 503 for status, _, _ in answers)
    assert _get(served, CLAIMS)[0] == 200
