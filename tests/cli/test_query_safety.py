"""Hostile queries against `kg query`: nothing reaches the network, nothing takes it down.

Each case is a reproduction from issue 13, run as a user runs it (a `kg` subprocess,
bounded in time and memory) against a fresh store holding one article.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.conftest import REPO, one_line_error, run_kg

# ---- the store must not reach the network ------------------------------------------------

NETWORK_QUERIES = [
    "SELECT * { SERVICE <{url}/x> { ?s ?p ?o } }",
    "select * { service silent <{url}/x> { ?s ?p ?o } }",  # any case, SILENT
    "SELECT * { ?s ?p ?o OPTIONAL { SERVICE <{url}/x> { ?s ?p ?x } } } LIMIT 1",
    "ASK { SERVICE <{url}/x> { ?s ?p ?o } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}/x> { ?s ?p ?o } }",
    "PREFIX remote: <{url}/>\nSELECT * { SERVICE remote:x { ?s ?p ?o } }",  # a prefixed name
    "SELECT * {\n  # a comment first\n  SERVICE <{url}/x> { ?s ?p ?o } }",
]
NETWORK_UPDATES = [
    "LOAD <{url}/a.nt>",
    "LOAD SILENT <{url}/a.nt> INTO GRAPH <urn:x:g>",
    "INSERT { GRAPH <urn:x:g> { ?s ?p ?o } } WHERE { SERVICE <{url}/x> { ?s ?p ?o } }",
    "CLEAR SILENT GRAPH <urn:x:none> ; LOAD <{url}/a.nt>",  # the second operation
]


def _url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


@pytest.mark.parametrize("template", NETWORK_QUERIES)
def test_service_is_refused(article_store: Path, http_server, template: str) -> None:
    query = template.replace("{url}", _url(http_server))
    message = one_line_error(run_kg(article_store, "query", query))
    assert "would reach the network" in message and "--allow-network" in message
    assert http_server.requests == []


@pytest.mark.parametrize("template", NETWORK_UPDATES)
def test_load_is_refused_even_with_update(article_store: Path, http_server, template) -> None:
    update = template.replace("{url}", _url(http_server))
    message = one_line_error(run_kg(article_store, "query", "--update", update))
    assert "would reach the network" in message and "--allow-network" in message
    assert http_server.requests == []
    assert "e.example" not in run_kg(article_store, "export", "-f", "nquads").stdout


@pytest.mark.parametrize(
    "query",
    [
        'SELECT ?t WHERE { ?c cg:text ?t FILTER(!CONTAINS(?t, "SERVICE <http://x/>")) } LIMIT 1',
        "SELECT ?c WHERE {\n  # SERVICE <http://127.0.0.1:9/x> { }\n  ?c a cg:Claim } LIMIT 1",
        "SELECT ?service ?load WHERE { ?service cg:relation ?load } LIMIT 1",
    ],
    ids=["in-a-string", "in-a-comment", "as-variables"],
)
def test_the_word_service_alone_is_no_service(article_store: Path, query: str) -> None:
    done = run_kg(article_store, "query", query)
    assert done.returncode == 0, done.stderr
    assert "(1 row)" in done.stdout


def test_viz_query_file_is_refused_too(article_store: Path, http_server, tmp_path) -> None:
    query = tmp_path / "edges.rq"
    query.write_text(
        "SELECT ?subject ?relation ?object "
        f"{{ SERVICE <{_url(http_server)}/x> {{ ?subject ?relation ?object }} }}",
        encoding="utf-8",
    )
    page = tmp_path / "graph.html"
    done = run_kg(article_store, "viz", "-o", str(page), "--query", str(query))
    assert "would reach the network" in one_line_error(done)
    assert http_server.requests == [] and not page.exists()


def test_allow_network_lets_service_through(article_store: Path, http_server) -> None:
    query = f"SELECT * {{ SERVICE <{_url(http_server)}/sparql> {{ ?s ?p ?o }} }}"
    done = run_kg(article_store, "query", "--allow-network", query)
    assert done.returncode == 0, done.stderr
    assert http_server.requests == ["/sparql"] and "(0 rows)" in done.stdout


@pytest.mark.parametrize(
    "service",
    ["http://127.0.0.1:9/x", "{url}/page.html"],  # a forbidden port; a web page, not results
    ids=["forbidden-port", "not-sparql"],
)
def test_a_failing_service_is_one_line_not_a_traceback(
    article_store: Path, http_server, service: str
) -> None:
    query = f"SELECT * {{ SERVICE <{service.replace('{url}', _url(http_server))}> {{ ?s ?p ?o }} }}"
    done = run_kg(article_store, "query", "--allow-network", query)
    assert done.stdout == ""
    assert one_line_error(done).startswith("error: ")


# ---- a query cannot take the process down ------------------------------------------------


def _nested(kind: str, depth: int) -> str:
    if kind == "parentheses":
        return "SELECT * { FILTER(" + "(" * depth + "1" + ")" * depth + ") }"
    if kind == "braces":
        return "SELECT * " + "{ " * depth + "?s ?p ?o " + "} " * depth
    if kind == "collections":
        return "SELECT * { ?s ?p " + "(" * depth + "1" + ")" * depth + " }"
    return "SELECT * { ?s ?p " + "[ ?p " * depth + "1" + " ]" * depth + " }"


@pytest.mark.parametrize(
    ("kind", "depth"),
    [("parentheses", 10_000), ("braces", 10_000), ("collections", 1_000), ("blank-nodes", 1_000)],
)
def test_deep_nesting_is_refused_before_parsing(
    article_store: Path, tmp_path: Path, kind: str, depth: int
) -> None:
    query = tmp_path / "q.rq"
    query.write_text(_nested(kind, depth), encoding="utf-8")
    started = time.monotonic()
    message = one_line_error(run_kg(article_store, "query", f"@{query}", timeout=60))
    assert "nests brackets more than 64 levels deep" in message
    assert time.monotonic() - started < 30  # refused, not parsed (parsing took 60+ s)


def test_long_collection_is_refused(article_store: Path) -> None:
    query = "SELECT * { ?s ?p (" + " ".join(str(i) for i in range(1_000)) + ") }"
    message = one_line_error(run_kg(article_store, "query", query, timeout=60))
    assert "more than 64 items in one pair of parentheses" in message and "VALUES" in message


def test_a_long_values_list_still_runs(article_store: Path, tmp_path: Path) -> None:
    values = " ".join(f'"{i}"' for i in range(20_000))
    query = tmp_path / "values.rq"
    query.write_text(f"SELECT (COUNT(*) AS ?n) {{ VALUES ?x {{ {values} }} }}", encoding="utf-8")
    done = run_kg(article_store, "query", "--format", "csv", f"@{query}", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == "20000"


@pytest.mark.parametrize(
    "chain",
    [
        " || ".join(f"?o = {i}" for i in range(10_000)),  # overflowed Oxigraph's stack
        " + ".join(["1"] * 10_000),
    ],
    ids=["or", "plus"],
)
def test_a_flat_chain_is_refused_before_parsing(
    article_store: Path, tmp_path: Path, chain: str
) -> None:
    query = tmp_path / "chain.rq"
    query.write_text(f"SELECT * {{ ?s ?p ?o FILTER({chain}) }}", encoding="utf-8")
    started = time.monotonic()
    done = run_kg(article_store, "query", "--timeout", "60", f"@{query}", timeout=120)
    message = one_line_error(done)
    assert "more than 2,000 terms and operators" in message and "VALUES" in message
    assert time.monotonic() - started < 30  # refused, not parsed (parsing crashed)


CROSS_COUNT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CROSS_ORDER = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?f ?i"


@pytest.mark.parametrize("query", [CROSS_COUNT, CROSS_ORDER], ids=["count", "order-by"])
def test_timeout_stops_a_runaway_query(article_store: Path, query: str) -> None:
    started = time.monotonic()
    done = run_kg(article_store, "query", "--timeout", "2", "--max-memory", "0", query, timeout=60)
    elapsed = time.monotonic() - started
    assert one_line_error(done).startswith("error: query stopped after 2 s (--timeout)")
    assert elapsed < 20  # the process start and the store take a few seconds on a busy machine


def test_memory_limit_stops_an_order_by_over_a_cross_product(article_store: Path) -> None:
    done = run_kg(article_store, "query", "--timeout", "60", "--max-memory", "200", CROSS_ORDER)
    assert "more than 200 MB of memory" in one_line_error(done)


def test_timeout_zero_means_no_limit(article_store: Path) -> None:
    done = run_kg(article_store, "query", "--timeout", "0", "ASK { ?s ?p ?o }")
    assert (done.returncode, done.stdout) == (0, "true\n")


@pytest.mark.parametrize("inherited", ["default", "ignored"])
def test_ctrl_c_stops_a_query_within_a_second(article_store: Path, inherited: str) -> None:
    # "ignored": started as a shell starts a background job, with SIGINT ignored, which
    # Python keeps; a SIGINT sent to it must stop the query all the same
    command = [sys.executable, "-m", "cli", "--store", str(article_store)]
    command += ["query", "--timeout", "0", CROSS_COUNT]
    disposition = signal.SIG_IGN if inherited == "ignored" else signal.SIG_DFL
    running = subprocess.Popen(
        command,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, disposition),
    )
    try:
        time.sleep(4)  # well into the query
        assert running.poll() is None, running.communicate()
        running.send_signal(signal.SIGINT)
        sent = time.monotonic()
        _, stderr = running.communicate(timeout=30)
        stopped_in = time.monotonic() - sent
    finally:
        running.kill()
    assert running.returncode == 130
    assert stderr.strip() == "error: query stopped (Ctrl-C)"
    assert stopped_in < 1.5


# ---- one-line messages a user understands ------------------------------------------------


def test_query_file_that_is_not_utf8(article_store: Path, tmp_path: Path) -> None:
    binary = tmp_path / "program.rq"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\xd0\xff SELECT")
    message = one_line_error(run_kg(article_store, "query", f"@{binary}"))
    assert message == (
        f"error: query file {binary} is not UTF-8 text (byte 0xd0 at offset 8); save it as UTF-8"
    )
    from_stdin = one_line_error(run_kg(article_store, "query", "-", stdin=binary.read_bytes()))
    assert "the query on stdin is not UTF-8 text" in from_stdin


def test_query_argument_that_is_not_utf8(article_store: Path) -> None:
    argument = os.fsdecode(b'SELECT * { ?s ?p "caf\xe9" }')  # Latin-1 bytes on the command line
    message = one_line_error(run_kg(article_store, "query", argument))
    assert message == (
        "error: SPARQL syntax error: the query is not UTF-8 text (byte 0xe9 at character 22); "
        "write it in UTF-8"
    )


def test_unknown_prefix_is_named(article_store: Path) -> None:
    message = one_line_error(run_kg(article_store, "query", "SELECT * { ?s foo:bar ?o }"))
    assert message.startswith("error: SPARQL syntax error at line 1, column 22: ")
    assert "unknown prefix 'foo'" in message
    assert "PREFIX" in message and "cg" in message and len(message) < 250
    assert "\\u{" not in message  # no Unicode ranges


def test_misspelt_select(article_store: Path) -> None:
    message = one_line_error(run_kg(article_store, "query", "SELEC * WHERE {}"))
    assert message == (
        "error: SPARQL syntax error at line 1, column 1: unknown keyword 'SELEC': a query "
        "starts with SELECT, ASK, CONSTRUCT or DESCRIBE, an update with INSERT, DELETE, ...; "
        "did you mean SELECT?"
    )


def test_update_refusal_speaks_of_the_option(article_store: Path) -> None:
    message = one_line_error(run_kg(article_store, "query", "DELETE WHERE { ?s ?p ?o }"))
    assert message == (
        "error: DELETE is a SPARQL update and would change the store; "
        "kg query only reads unless you add --update"
    )
    assert "ACCUSE" in run_kg(article_store, "claims").stdout  # nothing was deleted
