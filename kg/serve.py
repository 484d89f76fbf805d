"""`kg serve`: a read-only SPARQL 1.1 endpoint over the embedded store, and the graph page.

`make_server` returns an HTTP server (`http.server.ThreadingHTTPServer`) answering:

- `/query` (and `/sparql`): the SPARQL 1.1 Protocol's query operation, by GET
  (`?query=`), POST of a form (`query=`) or POST of `application/sparql-query`.
  SELECT and ASK answer SPARQL results JSON (or CSV/TSV when the Accept header asks),
  CONSTRUCT and DESCRIBE Turtle.
- `/`: the HTML graph page (`kg viz`'s), drawn when the server started.

Each query runs as `kg query` runs it (`kg.worker`: `kg.query.check_query`, then the
engine), in a child process of its own that opens the store read-only: SERVICE and LOAD
are refused, a query past `timeout` seconds or `max_memory` bytes is killed and
answered with an error, and no query (not even one that crashes the engine) takes the
server down. Children come from a forkserver (started once, with the query modules loaded),
as forking a threaded server is unsafe and spawning one costs a second. Updates are
refused with HTTP 403 whatever way they come. At most `MAX_RUNNING` queries run at
once; more get HTTP 503.

A reader can share the store with a writer: each query opens it anew and sees the
documents written when it started (a `kg ingest` running beside the server is seen
document by document as it commits).
"""

from __future__ import annotations

import http.server
import multiprocessing
import threading
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.errors import (
    KgError,
    NetworkRefused,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooComplex,
    ReadOnlyError,
    StoreError,
)

#: Queries run at once; the next ones are answered 503 until one ends.
MAX_RUNNING = 4

#: Largest request body read (a form or a query text).
MAX_BODY_BYTES = 8 * 1024 * 1024

_RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
}
_ACCEPTED = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_READ_ONLY = (
    "kg serve is read-only: SPARQL updates are refused; change the store with kg ingest, "
    "kg forget or kg query --update"
)


def reaches_network(host: str) -> bool:
    """Whether listening on `host` lets other machines in (anything but a loopback address)."""
    import ipaddress

    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to any interface
        return True


@dataclass(frozen=True, kw_only=True)
class ServeSettings:
    """What a server answers from, and its limits.

    Attributes:
        store: directory of the embedded store (opened read-only by each query).
        timeout: seconds a query may run; None for no limit.
        max_memory: bytes of resident memory a query may use; None for no limit.
        page: the HTML graph page served at `/` (None: a short text page).
    """

    store: Path
    timeout: float | None = 60.0
    max_memory: int | None = None
    page: bytes | None = None


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], settings: ServeSettings) -> None:
        super().__init__(address, _Handler)
        self.settings = settings
        self.running = threading.BoundedSemaphore(MAX_RUNNING)
        context: Any = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.worker", "kg.query", "kg.store", "pyoxigraph"])
        from multiprocessing import forkserver

        forkserver.ensure_running()  # now, not on the first query (~0.6 s)
        self.context = context

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client went away (a closed keep-alive connection): nothing to say
        super().handle_error(request, client_address)


def make_server(settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 7878) -> _Server:
    """Bind a server to `host`:`port` (0: any free port); `serve_forever` runs it.

    The store must exist (it is opened read-only once here to check).

    Raises:
        StoreError: no store at `settings.store`, or the port cannot be bound.
    """
    from kg.store import open_store

    with open_store(settings.store, read_only=True):
        pass
    try:
        return _Server((host, port), settings)
    except OSError as error:
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def stop_queries() -> None:
    """Kill the queries still running (on shutdown: their results have no reader)."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join(1)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "claimgraph-serve"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass  # quiet: the terminal shows only what kg serve itself prints

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html", "/graph.html"):
            page = self.server.settings.page
            if page is None:
                self._send(HTTPStatus.OK, b"claimgraph: SPARQL queries at /query\n", "text/plain")
            else:
                self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
            return
        if url.path not in ("/query", "/sparql"):
            self._error(HTTPStatus.NOT_FOUND, f"no page {url.path}: queries go to /query")
            return
        fields = parse_qs(url.query, keep_blank_values=True)
        self._operation(fields)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/update":
            self._drain()
            self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            return
        if url.path not in ("/query", "/sparql"):
            self._drain()
            self._error(HTTPStatus.NOT_FOUND, f"no page {url.path}: queries go to /query")
            return
        body = self._body()
        if body is None:
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if kind == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            return
        if kind == "application/sparql-query":
            fields["query"] = [body.decode("utf-8", "surrogateescape")]
        elif kind == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "surrogateescape"), keep_blank_values=True)
            fields.update(form)
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST a query as application/sparql-query or as a form "
                "(application/x-www-form-urlencoded, field query)",
            )
            return
        self._operation(fields)

    def _refuse_write(self) -> None:
        self._drain()
        self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)

    do_PUT = do_DELETE = do_PATCH = _refuse_write  # the Graph Store Protocol's writes

    def _operation(self, fields: dict[str, list[str]]) -> None:
        if "update" in fields:
            self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            return
        if fields.keys() & {"default-graph-uri", "named-graph-uri"}:
            self._error(
                HTTPStatus.BAD_REQUEST,
                "default-graph-uri and named-graph-uri are not supported: the default graph "
                "is the union of all graphs; use GRAPH <iri> { ... } in the query",
            )
            return
        texts = fields.get("query")
        if not texts or len(texts) != 1:
            self._error(HTTPStatus.BAD_REQUEST, "give one query: ?query=SPARQL (or POST it)")
            return
        self._answer(texts[0])

    def _answer(self, sparql: str) -> None:
        from kg.querycheck import query_form
        from kg.worker import QueryJob, run_job

        # Only the first keyword is read here; the worker checks the text (nesting,
        # SERVICE, LOAD) under the time limit, as for kg query.
        form = query_form(sparql)
        if form == "UPDATE":
            self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            return
        fmt = self._format(form)
        if not self.server.running.acquire(blocking=False):
            self._error(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"{MAX_RUNNING} queries are running already; try again when one ends",
            )
            return
        settings = self.server.settings
        job = QueryJob(sparql=sparql, store=settings.store, fmt=fmt, max_width=None)
        try:
            output = run_job(
                job,
                timeout=settings.timeout,
                max_memory=settings.max_memory,
                context=self.server.context,
            )
        except QueryTimeout:
            timeout = f"{settings.timeout:g} s (kg serve --timeout)"
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped after {timeout}")
            return
        except ReadOnlyError:
            self._error(HTTPStatus.FORBIDDEN, _READ_ONLY)
            return
        except NetworkRefused as error:
            targets = "; ".join(error.targets)
            message = f"kg serve refuses queries that reach the network ({targets})"
            self._error(HTTPStatus.FORBIDDEN, message)
            return
        except KgError as error:
            self._error(_status(error), str(error))
            return
        finally:
            self.server.running.release()
        assert output is not None
        self._send(HTTPStatus.OK, output.encode("utf-8"), _RESULT_TYPES[fmt] + "; charset=utf-8")

    def _format(self, form: str | None) -> str:
        if form in ("CONSTRUCT", "DESCRIBE"):
            return "turtle"
        for part in (self.headers.get("Accept") or "").split(","):
            fmt = _ACCEPTED.get(part.split(";")[0].strip().lower())
            if fmt is not None:
                return fmt
        return "json"

    def _body(self) -> bytes | None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY_BYTES:
            self.close_connection = True
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"a request body is at most {MAX_BODY_BYTES // 2**20} MB",
            )
            return None
        return self.rfile.read(length)

    def _drain(self) -> None:
        if self._body() is None:
            self.close_connection = True

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)


def _status(error: KgError) -> HTTPStatus:
    if isinstance(error, (ReadOnlyError, NetworkRefused)):
        return HTTPStatus.FORBIDDEN
    if isinstance(error, QueryTimeout):
        return HTTPStatus.SERVICE_UNAVAILABLE
    if isinstance(error, (QuerySyntaxError, QueryTooComplex)):
        return HTTPStatus.BAD_REQUEST
    if isinstance(error, StoreError):
        return HTTPStatus.SERVICE_UNAVAILABLE
    if isinstance(error, QueryError):
        return HTTPStatus.INTERNAL_SERVER_ERROR
    return HTTPStatus.BAD_REQUEST
