"""A user's SPARQL run in a child process, so that no query can take the command down.

Oxigraph evaluates a query in native code that neither Ctrl-C nor a Python timer can
stop, and some texts crash it (a stack overflow in its parser or optimiser) or make
it allocate without bound (an ORDER BY over a cross product reached 5.3 GB in 18 s).
`run_job` therefore opens the store, runs and formats the query in a child process and
waits for the answer; on a timeout, a Ctrl-C or too much memory it kills the child
(freeing its memory at once) and raises; a crash of the child becomes an error
message. The child is forked when this process has a single thread (cheap: nothing
is imported twice), else spawned.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, QueryError, QueryInterrupted, QueryTimeout

#: How often the parent looks at the child (seconds): the reaction time to Ctrl-C.
POLL_SECONDS = 0.1


@dataclass(frozen=True, kw_only=True)
class QueryJob:
    """One `kg query`: what to run, where, and how to print the answer.

    Attributes:
        sparql: the query or update text.
        store: directory of the embedded store (unused with `endpoint`).
        endpoint: URL of a SPARQL 1.1 endpoint to use instead of `store`.
        fmt: result format (see `kg.query.FORMATS`).
        update: allow a SPARQL UPDATE (the store is opened for writing).
        allow_network: allow SERVICE and LOAD.
        max_width: widest table cell; None for no limit.
    """

    sparql: str
    store: Path
    endpoint: str | None = None
    fmt: str = "table"
    update: bool = False
    allow_network: bool = False
    max_width: int | None = 80


def answer(job: QueryJob) -> str | None:
    """Run `job` in this process; return the formatted result, or None after an update.

    Raises:
        KgError: as `kg.query.run_query` and `kg.query.format_result` raise.
    """
    from kg.query import format_result, run_query
    from kg.store import open_store

    with open_store(job.store, endpoint=job.endpoint, read_only=not job.update) as store:
        result = run_query(store, job.sparql, update=job.update, allow_network=job.allow_network)
        if result is None:
            return None
        return format_result(result, job.fmt, max_width=job.max_width)


def run_job(
    job: QueryJob,
    *,
    timeout: float | None = None,
    max_memory: int | None = None,
    context: multiprocessing.context.BaseContext | None = None,
) -> str | None:
    """Run `job` in a child process; return what `answer` returns.

    Args:
        job: the query.
        timeout: seconds before the query is stopped; None or 0 for no limit.
        max_memory: bytes of resident memory the child may use before it is stopped
            (checked every POLL_SECONDS, where /proc is available); None for no limit.
        context: the multiprocessing context that starts the child (`kg serve`, a
            threaded server, passes a forkserver one); default fork if this process has
            one thread, else spawn.

    Raises:
        QueryTimeout: it ran longer than `timeout`.
        QueryInterrupted: Ctrl-C (KeyboardInterrupt) while it ran.
        QueryError: it used more than `max_memory`, or the engine crashed.
        KgError: what `answer` raised in the child.
    """
    if context is None:
        fork = _can_fork()
        if fork:  # imported once here, not in every forked child (none of them starts a thread)
            import kg.query
            import kg.store  # noqa: F401
        context = multiprocessing.get_context("fork" if fork else "spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(  # type: ignore[attr-defined]
        target=_child, args=(job, sender), daemon=True
    )
    started = time.monotonic()
    try:
        # started inside the try: a Ctrl-C that lands just after the fork must still stop
        # the child, or the parent waits at exit for a daemon child whose engine call no
        # signal interrupts
        child.start()
        sender.close()
        outcome = _wait(child, receiver, started, timeout=timeout, max_memory=max_memory)
    except KeyboardInterrupt:
        raise QueryInterrupted("query stopped (Ctrl-C)") from None
    finally:
        sender.close()
        if child.pid is not None:  # started
            if child.is_alive():
                child.kill()
            child.join()
        receiver.close()
    if outcome is None:
        raise _death(child.exitcode)
    status, value = outcome
    if status == "error":
        assert isinstance(value, KgError)
        raise value
    assert value is None or isinstance(value, str)
    return value


def _wait(
    child: multiprocessing.process.BaseProcess,
    receiver: Connection,
    started: float,
    *,
    timeout: float | None,
    max_memory: int | None,
) -> tuple[str, object] | None:
    """The child's message, or None if it ended without one."""
    while True:
        try:
            if receiver.poll(POLL_SECONDS):
                return receiver.recv()
        except EOFError:  # the child is gone (it crashed, or was killed)
            return None
        if not child.is_alive() and not receiver.poll(0):
            return None
        elapsed = time.monotonic() - started
        if timeout and elapsed > timeout:
            raise QueryTimeout(
                f"query stopped after {timeout:g} s (--timeout); narrow it (LIMIT, more "
                "specific patterns), or allow more time with --timeout SECONDS (0: no limit)"
            )
        used = _resident_bytes(child.pid) if max_memory else None
        if used is not None and max_memory is not None and used > max_memory:
            raise QueryError(
                f"query stopped: it used more than {max_memory // 2**20} MB of memory "
                "(--max-memory); narrow it (LIMIT, more specific patterns, no ORDER BY "
                "over a cross product), or raise --max-memory"
            )


def _child(job: QueryJob, sender: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        message: tuple[str, object] = ("ok", answer(job))
    except KgError as error:
        message = ("error", error)
    sender.send(message)
    sender.close()


def _death(exitcode: int | None) -> Exception:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode == signal.SIGKILL:
            return QueryError(
                f"the query was killed ({name}), probably for lack of memory; narrow it "
                "(LIMIT, more specific patterns)"
            )
        return QueryError(
            f"the query engine crashed ({name}) on this query; simplify it (fewer nested "
            "groups, shorter lists, fewer triple patterns in one group)"
        )
    # a Python exception that is not a KgError: a bug, its traceback is on stderr above
    return RuntimeError(f"the query worker failed (exit code {exitcode}); see the traceback")


def _can_fork() -> bool:
    """Fork only a single-threaded process: a forked copy of another thread's lock hangs."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _resident_bytes(pid: int | None) -> int | None:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def default_max_memory() -> int | None:
    """Half of this machine's physical memory, in bytes (None where it is unknown)."""
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // 2
    except (ValueError, OSError, AttributeError):
        return None
