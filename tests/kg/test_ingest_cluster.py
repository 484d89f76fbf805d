"""Ingest on a local Dask cluster of two workers: the same quads as one process, a resumed
run, a worker that dies, and scheduler addresses that lead nowhere.

The cluster tests start worker processes that load the real model; deselect them with
`-m 'not cluster'`.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

distributed = pytest.importorskip("distributed")

runner = CliRunner()

#: Short articles written for these tests; actors recur across them, so the actors graph
#: is updated by several documents and the order of writing could show.
ARTICLES = {
    "01-pipeline.txt": (
        "Kurdish officials blame militia for pipeline blast\n\n"
        "The Kurdistan Regional Government accused Kataib Hezbollah of attacking a pipeline"
        " near Erbil on Sunday. Kataib Hezbollah denied the accusation in a statement."
    ),
    "02-talks.txt": (
        "Baghdad and Erbil resume oil talks\n\n"
        "Iraqi Prime Minister Mohammed Shia al-Sudani met Kurdistan Region President"
        ' Nechirvan Barzani on Monday. "We agreed to restart exports," Barzani said.'
    ),
    "03-embassy.txt": (
        "US embassy condemns rocket fire\n\n"
        "The United States condemned the rocket attack on its embassy in Baghdad and called"
        " on the Iraqi government to protect diplomats. No group claimed responsibility."
    ),
    "04-pmf.txt": (
        "PMF rejects US demand\n\n"
        "The Popular Mobilization Forces rejected a US demand to leave the border area."
        ' "Our fighters stay where they are," a PMF spokesman told reporters.'
    ),
    "05-iran.txt": (
        "Iran warns over strikes\n\n"
        "Iran threatened to respond to any strike on its allies in Iraq. The foreign ministry"
        " said Washington would bear responsibility for an escalation."
    ),
    "06-drones.txt": (
        "Drones hit oil field in Kurdistan\n\n"
        "Drones struck an oil field in the Kurdistan Region on Tuesday, officials said."
        " The KRG accused Iran-backed militias of the attack; Kataib Hezbollah denied it."
    ),
    "07-sanctions.txt": (
        "Treasury sanctions militia leaders\n\n"
        "The US Treasury sanctioned two Kataib Hezbollah commanders on Wednesday, accusing"
        " them of organising attacks on US forces in Iraq and Syria."
    ),
    "08-visit.txt": (
        "Barzani visits Baghdad\n\n"
        "Masrour Barzani, the Kurdistan Region's prime minister, visited Baghdad and met"
        " al-Sudani. The two leaders agreed to cooperate on salaries and security."
    ),
}


def kg(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args], catch_exceptions=False)


def sorted_nquads(store: Path) -> list[str]:
    result = kg(store, "export", "-f", "nquads")
    assert result.exit_code == 0, result.output
    return sorted(line for line in result.output.splitlines() if line.strip())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single_quads(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The quads of an ingest in one process: what every other way must give."""
    store = tmp_path_factory.mktemp("single") / "store"
    result = kg(store, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    quads = sorted_nquads(store)
    assert any("claim/" in quad for quad in quads)
    return quads


@pytest.fixture()
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of about 60 words (two articles): several in flight on two workers."""
    import extract.nlp.parallel

    monkeypatch.setattr(extract.nlp.parallel, "batch_words", lambda total, workers: 60)


@pytest.mark.model
@pytest.mark.cluster
def test_two_workers_give_the_same_quads_as_one_process(
    folder: Path, single_quads: list[str], tmp_path: Path, small_batches: None
):
    result = kg(tmp_path / "store", "ingest", "--workers", "2", str(folder))
    assert result.exit_code == 0, result.output
    assert f"{len(ARTICLES)} documents read: {len(ARTICLES)} added" in result.output
    assert sorted_nquads(tmp_path / "store") == single_quads


@pytest.mark.model
@pytest.mark.cluster
def test_an_interrupted_cluster_run_resumes_where_it_stopped(
    folder: Path, single_quads: list[str], tmp_path: Path, small_batches: None
):
    from extract.actors.registry import load_registry
    from extract.nlp.cluster import DaskPool
    from extract.nlp.workers import PipelineSpec
    from kg.ingest import ingest
    from kg.store import open_store

    registry = load_registry()
    spec = PipelineSpec(None, registry)
    written: list[str] = []

    def stop_after_three(done: int, total: int, source: str) -> None:
        written.append(source)
        if len(written) == 3:
            raise KeyboardInterrupt  # as Ctrl-C would, between two documents

    store = tmp_path / "store"
    with (
        pytest.raises(KeyboardInterrupt),
        DaskPool(spec, workers=2) as pool,
        open_store(store, read_only=False) as opened,
    ):
        ingest(
            [folder],
            store=opened,
            load_nlp=spec.load,
            registry=registry,
            pool=pool,
            progress=stop_after_three,
        )
    # Run again (in one process: what is skipped does not depend on where the rest goes).
    result = kg(store, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "5 added, 0 updated, 3 unchanged" in result.output
    assert sorted_nquads(store) == single_quads


class _DieOn(distributed.WorkerPlugin):
    """In each worker: extracting a document whose text holds `marker` kills the worker
    process at once, as the kernel's out-of-memory killer would."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def setup(self, worker) -> None:
        import extract.extractor

        real = extract.extractor.extract_doc
        marker = self.marker

        def extract_doc(doc, document, *args, **kwargs):
            if marker in document.text:
                os._exit(1)
            return real(doc, document, *args, **kwargs)

        extract.extractor.extract_doc = extract_doc


@pytest.mark.model
@pytest.mark.cluster
def test_a_document_that_kills_its_worker_fails_alone_after_one_retry(folder: Path, tmp_path: Path):
    import cloudpickle

    from extract.actors.registry import load_registry
    from extract.nlp.cluster import DaskPool
    from extract.nlp.workers import PipelineSpec
    from kg.ingest import ingest
    from kg.store import open_store

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # workers cannot import tests
    poison = folder.parent / "poison"
    poison.mkdir()
    for name in ("01-pipeline.txt", "02-talks.txt", "03-embassy.txt"):
        (poison / name).write_text((folder / name).read_text("utf-8"), "utf-8")
    (poison / "02b-fatal.txt").write_text("Kataib Hezbollah said FATAL-MARKER today.\n", "utf-8")

    registry = load_registry()
    spec = PipelineSpec(None, registry)
    with DaskPool(spec, workers=2) as pool, open_store(tmp_path / "s", read_only=False) as store:
        pool.start()
        assert pool.client is not None
        pool.client.register_plugin(_DieOn("FATAL-MARKER"))
        report = ingest([poison], store=store, load_nlp=spec.load, registry=registry, pool=pool)

    assert [Path(failure.source).name for failure in report.failures] == ["02b-fatal.txt"]
    reason = report.failures[0].reason
    assert "02b-fatal.txt: extraction failed on a worker, twice: its worker died" in reason
    assert sorted(Path(source).name for source in report.added) == [
        "01-pipeline.txt",
        "02-talks.txt",
        "03-embassy.txt",
    ]
    assert report.stopped is None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_scheduler_is_named_in_one_line(folder: Path, tmp_path: Path):
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    began = time.perf_counter()
    result = kg(tmp_path / "store", "ingest", "--dask", address, str(folder))
    assert time.perf_counter() - began < 10
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: cannot reach the Dask scheduler at {address}: Connection refused"
        " (start one with `dask scheduler`, or use --workers N for a local cluster)"
    ]
    assert not (tmp_path / "store").exists()  # refused before the store was opened


def test_a_server_that_is_not_a_scheduler_is_named_within_the_timeout(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import extract.nlp.cluster

    monkeypatch.setattr(extract.nlp.cluster, "CONNECT_SECONDS", 1.0)
    with socket.socket() as silent:  # accepts connections (the kernel does), says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        began = time.perf_counter()
        result = kg(tmp_path / "store", "ingest", "--dask", address, str(folder))
        assert time.perf_counter() - began < 5
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"error: {address} answers, but not as a Dask scheduler")
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dask", "http://127.0.0.1:8786"], "error: --dask 'http://127.0.0.1:8786': a Dask"),
        (["--dask", "bad::address"], "error: --dask 'bad::address' is not a scheduler address"),
        (["--workers", "2", "--processes", "2"], "error: --processes and --workers are"),
    ],
)
def test_bad_cluster_options_are_refused_in_one_line(
    folder: Path, tmp_path: Path, options: list[str], message: str
):
    result = kg(tmp_path / "store", "ingest", *options, str(folder))
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith(message)


@pytest.mark.cluster
def test_a_model_the_workers_cannot_load_ends_the_run_in_one_line(folder: Path, tmp_path: Path):
    store = tmp_path / "store"
    result = runner.invoke(
        app,
        [
            "--store",
            str(store),
            "--model",
            "no_such_model",
            "ingest",
            "--workers",
            "2",
            str(folder),
        ],
    )
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("error: Could not load a spaCy pipeline (tried: no_such_model).")
