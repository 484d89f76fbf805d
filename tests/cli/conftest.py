"""The command line run as a user runs it: `kg` in a subprocess, bounded in time and memory.

`article_store` is a fresh store holding one article written for these tests, ingested
with `kg ingest` (the real pipeline); `run_kg` runs one command against a store with a
wall-clock timeout and an address-space limit, so a query that crashes, hangs or eats
memory fails its test instead of the machine.
"""

from __future__ import annotations

import http.server
import resource
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

#: Address space a `kg` process (and its query worker) may use in these tests.
MEMORY_LIMIT = 4 << 30

ARTICLE = (
    "Harbour Minister Lena Okafor accused the Delta Shipping Company of dumping waste "
    "near the port of Varna on Tuesday.\n"
    '"We will not allow this to continue," Okafor said.\n'
    "The company denied any wrongdoing and called on the ministry to publish its evidence.\n"
)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_kg(
    store: Path, *args: str, timeout: float = 120, stdin: bytes | None = None, endpoint=None
) -> subprocess.CompletedProcess[str]:
    """Run `kg --store STORE ARGS...` in a subprocess; fail the test if it outlives `timeout`."""
    where = ["--endpoint", endpoint] if endpoint else ["--store", str(store)]
    done = subprocess.run(
        [sys.executable, "-m", "cli", *where, *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )
    return subprocess.CompletedProcess(
        done.args,
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a refused command (asserting there is just one)."""
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture(scope="session")
def article_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh store with one good article, ingested by `kg ingest`."""
    folder = tmp_path_factory.mktemp("article")
    (folder / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    store = folder / "store"
    done = run_kg(store, "ingest", str(folder / "harbour.txt"), timeout=600)
    assert done.returncode == 0, done.stderr
    return store


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers with an empty SPARQL result, a triple, a service description or a web page."""

    def _answer(self) -> None:
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        if self.path.endswith(".nt"):
            body, kind = (
                b"<http://e.example/s> <http://e.example/p> <http://e.example/o> .\n",
                ("application/n-triples"),
            )
        elif self.path.startswith("/update"):  # a service description, as Oxigraph's
            body = b"[] a <http://www.w3.org/ns/sparql-service-description#Service> ."
            kind = "text/turtle"
        elif self.path.endswith("/query") or "/sparql" in self.path:
            body = b'{"head":{"vars":["s","p","o"]},"results":{"bindings":[]}}'
            kind = "application/sparql-results+json"
        else:
            body, kind = b"<html><body>a server's home page</body></html>", "text/html"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture()
def http_server() -> Iterator[http.server.HTTPServer]:
    """An HTTP server on 127.0.0.1 that records the paths it is asked for (`.requests`)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
