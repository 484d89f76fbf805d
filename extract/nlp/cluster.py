"""Extraction on a Dask cluster: `kg ingest --dask ADDRESS` and `kg ingest --workers N`.

`DaskPool` is a `extract.nlp.parallel.Pool` over a cluster's workers: the one whose
scheduler listens at an address, or a `LocalCluster` of worker processes with one thread
each, started for the run. A worker plugin installs the pipeline on every worker once,
including workers that join later or are restarted after a death (the plugin travels with
the scheduler); each batch task then sends documents and gets records back. The workers
need claimgraph and the spaCy model installed (the registry is sent to them).

Needs `distributed` (`pip install 'claimgraph[dask]'`); nothing else imports it.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from distributed import Client, KilledWorker, LocalCluster
from distributed.comm import parse_address
from distributed.comm.addressing import parse_host_port
from distributed.diagnostics.plugin import WorkerPlugin

from extract.nlp.parallel import ClusterError, PendingBatch, describe_error
from extract.nlp.workers import extract_batch, install_error, try_install, uninstall

if TYPE_CHECKING:
    from extract.nlp.workers import PipelineSpec
    from extract.records import Document

#: Seconds to wait for a scheduler to answer, and then for its first worker.
CONNECT_SECONDS = 10.0

#: The address schemes of a scheduler reached over the network (host and port).
_SCHEMES = ("tcp", "tls", "ws", "wss")


class _InstallPipeline(WorkerPlugin):
    """Loads the run's pipeline on each worker, and drops it when the run ends."""

    idempotent = True  # the same pipeline registered again (a re-run) is not reloaded

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec
        self.name = f"claimgraph-pipeline-{spec.key}"

    async def setup(self, worker: Any) -> None:
        # Loading takes seconds: off the worker's event loop, which keeps its heartbeats.
        await asyncio.get_running_loop().run_in_executor(None, try_install, self.spec)

    def teardown(self, worker: Any) -> None:
        uninstall(self.spec.key)


class DaskPool:
    """A Dask cluster's workers as an extraction pool.

    Args:
        spec: the pipeline each worker loads.
        address: the scheduler of a running cluster ("tcp://HOST:8786"); None for a
            local cluster of `workers` processes.
        workers: processes of the local cluster (ignored with `address`).
        batch_size: texts per spaCy batch inside a worker.
        timeout: seconds to wait for the scheduler, then for a first worker
            (default `CONNECT_SECONDS`).

    Entering the pool connects to `address` (a wrong one fails at once, before any file
    is read); a local cluster starts, and the pipeline is installed, on first use.
    """

    def __init__(
        self,
        spec: PipelineSpec,
        *,
        address: str | None = None,
        workers: int = 2,
        batch_size: int = 16,
        timeout: float | None = None,
    ) -> None:
        self.spec = spec
        self.address = address
        self.workers = workers
        self.batch_size = batch_size
        self.timeout = CONNECT_SECONDS if timeout is None else timeout
        self.client: Client | None = None
        self._cluster: LocalCluster | None = None
        self._plugin: _InstallPipeline | None = None
        self._threads = 0

    def __enter__(self) -> DaskPool:
        if self.address is not None:
            self._connect(self.address)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> int:
        if self.client is None:
            if self.address is not None:
                self._connect(self.address)
            else:
                self._start_local()
        assert self.client is not None
        if self._plugin is None:
            self._wait_for_workers()
            plugin = _InstallPipeline(self.spec)
            self.client.register_plugin(plugin)
            self._plugin = plugin
            errors = self.client.run(install_error, self.spec.key)  # {worker: error or None}
            for error in errors.values():
                if error is not None:
                    raise error  # no such model on a worker: the run ends with its message
            workers = self.client.scheduler_info(n_workers=-1)["workers"].values()
            self._threads = sum(worker["nthreads"] for worker in workers) or 1
        return self._threads

    def submit(self, documents: Sequence[Document]) -> PendingBatch:
        self.start()
        assert self.client is not None
        if self.client.status != "running":
            raise ClusterError(f"lost the Dask scheduler {self._where()}")
        future: PendingBatch = self.client.submit(
            extract_batch, self.spec.key, list(documents), self.batch_size, pure=False
        )
        return future

    def recover(self, error: BaseException) -> str:
        if self.client is None or self.client.status != "running":
            raise ClusterError(f"lost the Dask scheduler {self._where()}: {describe_error(error)}")
        if isinstance(error, KilledWorker):
            return "its worker died (killed, or out of memory)"
        return describe_error(error)

    def close(self) -> None:
        if self.client is not None:
            if self._plugin is not None and self.client.status == "running":
                self.client.unregister_worker_plugin(self._plugin.name)
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        self._plugin = None

    def _where(self) -> str:
        return f"at {self.address}" if self.address else "of the local cluster"

    def _connect(self, address: str) -> None:
        """Connect to the scheduler at `address`, once `_check_listening` found it there."""
        try:
            scheme, location = parse_address(address)
            host, port = parse_host_port(location, default_port=8786)
        except ValueError as error:
            raise ClusterError(f"--dask {address!r} is not a scheduler address: {error}") from None
        if scheme not in _SCHEMES:
            raise ClusterError(
                f"--dask {address!r}: a Dask scheduler's address starts with"
                f" {', '.join(f'{known}://' for known in _SCHEMES)} (e.g. tcp://HOST:8786),"
                f" not {scheme}://"
            )
        _check_listening(address, scheme, host, port, self.timeout)
        try:
            self.client = Client(address, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError) as error:
            raise ClusterError(
                f"no Dask scheduler answered at {address} within {self.timeout:g} s: {error}"
            ) from None

    def _start_local(self) -> None:
        import dask

        settings = {
            # A task whose worker dies fails at once (KilledWorker) rather than being run
            # on three more workers: `extract_in_parallel` retries it, a document at a time.
            "distributed.scheduler.allowed-failures": 0,
            # The workers' statistical profiler (a stack sample every 10 ms) costs
            # extraction 10-20% of its CPU time (benchmarks/bench_parallel.py, README).
            "distributed.worker.profile.enabled": False,
        }
        with dask.config.set(settings):  # read by the scheduler and the nannies it starts
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                # no dashboard; its HTTP server (health, metrics) on any free local port,
                # not on 8787, where another cluster may already be
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                silence_logs=logging.CRITICAL,  # failures are reported by kg ingest
            )
        self.client = Client(self._cluster, set_as_default=False)

    def _wait_for_workers(self) -> None:
        assert self.client is not None
        try:
            self.client.wait_for_workers(1, timeout=self.timeout)
        except TimeoutError:
            raise ClusterError(
                f"the Dask scheduler {self._where()} has no workers after"
                f" {self.timeout:g} s (start some with `dask worker {self.address}`)"
            ) from None


def _check_listening(address: str, scheme: str, host: str, port: int, timeout: float) -> None:
    """Raise `ClusterError` unless a Dask scheduler seems to listen at `host`:`port`.

    A plain socket tells a refused connection or an unknown host at once, where `Client`
    would retry until its timeout; over plain TCP, a scheduler also speaks first (its
    handshake), where another kind of server (a web server on the wrong port) keeps
    silent and would hold `Client` waiting for good.
    """
    hint = "(start one with `dask scheduler`, or use --workers N for a local cluster)"
    try:
        with socket.create_connection((host, port), timeout=timeout) as probe:
            if scheme != "tcp":
                return  # TLS and websockets need their own handshake before anything
            try:
                spoke = probe.recv(1) != b""
            except TimeoutError:
                spoke = False
    except OSError as error:
        why = error.strerror or str(error) or type(error).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {why} {hint}") from None
    if not spoke:
        raise ClusterError(
            f"{address} answers, but not as a Dask scheduler (no handshake within"
            f" {timeout:g} s): is that the scheduler's port? {hint}"
        )
