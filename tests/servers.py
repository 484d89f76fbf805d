"""SPARQL servers started by the tests on 127.0.0.1: Oxigraph server and Virtuoso.

Each `start_*` launches one server on a free port in a directory of its own and
returns a `Server` (query URL, process); `Server.stop` ends it. The session fixtures
of `tests/conftest.py` start each at most once per run and always stop it. A server
whose binary is absent makes its tests skip, saying what to install.

Virtuoso needs its own `virtuoso.ini` (database files, ports, the result-row cap) and
one grant before it accepts updates over HTTP: `GRANT SPARQL_UPDATE TO "SPARQL"`,
given through `isql-vt` on its SQL port as the default `dba` user.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

#: Seconds a server may take to answer its first query.
START_SECONDS = 60

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {dir}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass
class Server:
    """A running SPARQL server: where to send queries, and its process."""

    name: str
    url: str
    process: subprocess.Popen[bytes]
    started_in: float = 0.0

    def stop(self) -> None:
        """End the server (SIGTERM, then SIGKILL after 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def clear(url: str) -> None:
    """Drop every claimgraph graph (documents, actors, registry, disputes) from a server."""
    from kg.store import open_store
    from kg.vocab import ID

    with open_store(Path("unused"), endpoint=url) as remote:
        graphs = remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        drops = [f"DROP SILENT GRAPH <{g}>" for (g,) in graphs if str(g).startswith(str(ID))]
        if drops:
            remote.update(" ;\n".join(drops))


def _wait_until_answering(server: Server, log: Path | None = None) -> Server:
    """Return `server` once it answers ASK {}; stop it and skip the test if it never does."""
    started = time.monotonic()
    request = f"{server.url}?query=ASK%7B%7D"
    while True:
        try:
            with urllib.request.urlopen(request, timeout=2):  # noqa: S310 - our own server
                server.started_in = time.monotonic() - started
                return server
        except (urllib.error.URLError, OSError):
            pass
        if server.process.poll() is not None or time.monotonic() - started > START_SECONDS:
            server.stop()
            tail = log.read_text(errors="replace")[-500:] if log and log.exists() else ""
            pytest.fail(f"{server.name} did not start within {START_SECONDS} s: {tail}")
        time.sleep(0.1)


def oxigraph_binary() -> str | None:
    """The `oxigraph` command of the `oxigraph` wheel (beside this Python, or on PATH)."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.exists():
        return str(beside)
    return shutil.which("oxigraph")


def start_oxigraph(location: Path, *, union_default_graph: bool) -> Server:
    """Start `oxigraph serve` on a store in `location` (skip if it is not installed)."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the Oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    name = "oxigraph" + (" --union-default-graph" if union_default_graph else "")
    return _wait_until_answering(Server(name, f"http://127.0.0.1:{port}/query", process))


def start_virtuoso(directory: Path) -> Server:
    """Start Virtuoso Open Source with a database in `directory`, updates allowed over HTTP.

    Skips when `virtuoso-t` is absent (Debian: apt-get install virtuoso-opensource).
    """
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if binary is None or isql is None:
        pytest.skip(
            "Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; "
            ".ci/run installs it)"
        )
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    log = directory / "virtuoso.log"
    process = subprocess.Popen(
        [binary, "+foreground", "+configfile", str(ini)],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = Server("virtuoso", f"http://127.0.0.1:{http_port}/sparql", process)
    started = time.monotonic()
    _wait_until_answering(server, log)
    grant = subprocess.run(
        [isql, f"127.0.0.1:{sql_port}", "dba", "dba", 'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if grant.returncode != 0:
        server.stop()
        pytest.fail(f"could not let Virtuoso's SPARQL user update: {grant.stdout}{grant.stderr}")
    server.started_in = time.monotonic() - started
    return server
