"""Extraction spread over workers: batches of documents go out, records come back in order.

`extract_in_parallel` cuts the documents, in their order, into batches of about the same
number of words (`batch_words`), keeps a few batches per worker in flight on a `Pool`, and
yields each batch's records in document order, so the one writer downstream (`kg.ingest`)
stores them in the order a single process would: the same quads come out.

Two pools: `ProcessPool`, local processes (`kg ingest --processes N`), and
`extract.nlp.cluster.DaskPool`, a Dask cluster (`--workers N` for a local one, `--dask
ADDRESS` for one already running). In both, a worker loads the pipeline once when it
starts (`extract.nlp.workers`) and keeps it for the whole run.

A batch whose worker dies (killed, out of memory) or whose task breaks is retried once,
one task per document, so that one document that kills its worker fails alone; a document
whose retry fails too is reported as a `Failure` with the reason, and the run goes on.
Errors of setting up (no model, no scheduler) end the run: they are `ExtractError`s.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from extract.errors import ExtractError
from extract.records import Document, Extraction, Failure

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from extract.nlp.workers import PipelineSpec

#: Most words in one batch: about a minute of one worker's time (extraction measured at
#: 3,500-4,500 words/s a core, README "Speed"), so a cluster is sent work in units large
#: enough that sending and scheduling them cost nothing next to extracting them, and small
#: enough that a worker lost costs a minute.
BATCH_WORDS = 240_000

#: A run too small for minute-long batches is cut into at least this many batches per
#: worker, so that every worker has work until near the end (the last batches finish
#: close together) and results come back while later batches run.
BATCHES_PER_WORKER = 8

#: Batches per worker sent ahead: one running and one waiting, so no worker waits on the
#: client between two batches.
IN_FLIGHT_PER_WORKER = 2


class ClusterError(ExtractError):
    """Workers cannot be had: no scheduler at the address, none of its workers, a
    missing package, or the cluster lost in the middle of a run."""


class PendingBatch(Protocol):
    """A batch's result to come: a `concurrent.futures.Future` or a Dask future."""

    def result(self, timeout: float | None = None) -> list[Extraction | Failure]: ...


class Pool(Protocol):
    """Where batches run: `ProcessPool`, or `extract.nlp.cluster.DaskPool`; a context
    manager that stops its workers on leaving."""

    def __enter__(self) -> Pool: ...

    def __exit__(self, kind: object, *exc: object) -> None: ...

    def start(self) -> int:
        """Start the workers (if not yet) and return how many batches run at once."""
        ...

    def submit(self, documents: Sequence[Document]) -> PendingBatch:
        """Send one batch to a worker."""
        ...

    def recover(self, error: BaseException) -> str:
        """Make the pool usable again after a batch failed with `error`, and say what
        the error was, in a few words.

        Raises:
            ClusterError: the pool cannot go on (the cluster is gone).
        """
        ...


def batch_words(total_words: int, workers: int) -> int:
    """Words per batch for a run of `total_words` on `workers`: `BATCH_WORDS`, or less so
    that each worker gets at least `BATCHES_PER_WORKER` batches (never under 1,000)."""
    return max(1_000, min(BATCH_WORDS, total_words // (workers * BATCHES_PER_WORKER)))


def plan_batches(documents: Iterable[Document], *, words: int) -> list[list[Document]]:
    """Cut `documents`, in order, into runs of about `words` words each: a batch closes as
    soon as it holds `words` words (a longer document is a batch of its own)."""
    batches: list[list[Document]] = []
    batch: list[Document] = []
    count = 0
    for document in documents:
        batch.append(document)
        count += len(document.text.split())
        if count >= words:
            batches.append(batch)
            batch, count = [], 0
    if batch:
        batches.append(batch)
    return batches


def extract_in_parallel(
    documents: Sequence[Document], pool: Pool
) -> Iterator[Extraction | Failure]:
    """Extract `documents` on `pool`'s workers; yield one result per document, in order.

    Raises:
        ExtractError: the pool could not start (no model, no scheduler), or a batch met an
            error of the extractor's own (a registry or model the worker cannot load).
        ClusterError: the cluster was lost in the middle of the run.
    """
    workers = pool.start()
    total = sum(len(document.text.split()) for document in documents)
    batches = iter(plan_batches(documents, words=batch_words(total, workers)))
    pending: deque[tuple[list[Document], PendingBatch]] = deque()

    def refill() -> None:
        while len(pending) < workers * IN_FLIGHT_PER_WORKER:
            batch = next(batches, None)
            if batch is None:
                return
            pending.append((batch, pool.submit(batch)))

    refill()
    while pending:
        batch, future = pending.popleft()
        refill()
        try:
            results = future.result()
        except ExtractError:
            raise
        # A dead worker shows as the pool's own exception (KilledWorker, BrokenProcessPool,
        # a lost connection); whatever it is, the batch is retried, then reported.
        except Exception as error:  # noqa: BLE001
            results = _retry(batch, pool, pool.recover(error))
        yield from results


def _retry(batch: Sequence[Document], pool: Pool, first: str) -> list[Extraction | Failure]:
    """Extract `batch` again, one document at a time; a document failing again fails.

    One at a time: a death then takes only the document being retried with it (two tasks
    on one worker die together, and a local pool loses every task in flight). The other
    batches sent keep running meanwhile.
    """
    results: list[Extraction | Failure] = []
    for document in batch:
        try:
            results.extend(pool.submit([document]).result())
        except ExtractError:
            raise
        except Exception as error:  # noqa: BLE001 (as in `extract_in_parallel`)
            again = pool.recover(error)
            reason = first if again == first else f"{first}; retried: {again}"
            results.append(
                Failure(
                    source=document.source,
                    reason=f"{document.source}: extraction failed on a worker, twice: {reason}",
                )
            )
    return results


class ProcessPool:
    """`processes` local worker processes, each with the pipeline loaded once.

    The processes are spawned, not forked: a fork would copy the threads of the parent
    (the progress bar's) in whatever state they are, and spawned workers start from a
    clean interpreter. They ignore Ctrl-C, which the parent handles by closing the pool.
    """

    def __init__(self, spec: PipelineSpec, processes: int, *, batch_size: int = 16) -> None:
        self.spec = spec
        self.processes = processes
        self.batch_size = batch_size
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is not None and self._executor is not None:
            # Ctrl-C or an error: stop the workers now, not after their batch (a minute).
            # (Python 3.14's `terminate_workers` does this.)
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.terminate()
        self.close()

    def start(self) -> int:
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(
                max_workers=self.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.spec,),
            )
        return self.processes

    def submit(self, documents: Sequence[Document]) -> PendingBatch:
        from concurrent.futures.process import BrokenProcessPool

        from extract.nlp.workers import extract_batch

        for _ in range(2):
            self.start()
            assert self._executor is not None
            try:
                return self._executor.submit(
                    extract_batch, self.spec.key, documents, self.batch_size
                )
            except BrokenProcessPool:  # a worker died since the last batch was sent
                self.close()
        raise ClusterError("the worker processes keep dying as they start")

    def recover(self, error: BaseException) -> str:
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(error, BrokenProcessPool):
            # A dead process breaks the whole pool, and every task it had fails: the first
            # failure closes it and the next submit starts a new one (the later failures
            # come from the old pool; the new one is not broken).
            if self._executor is not None and getattr(self._executor, "_broken", True):
                self.close()
            return "its worker process died (killed, or out of memory)"
        return describe_error(error)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _start_worker(spec: PipelineSpec) -> None:
    """A `ProcessPool` worker's start: Ctrl-C left to the parent, the pipeline loaded."""
    import signal

    from extract.nlp.workers import try_install

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try_install(spec)


def describe_error(error: BaseException) -> str:
    """An exception in one line: its type and the first line of its message."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__
