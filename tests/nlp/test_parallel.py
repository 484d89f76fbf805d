"""Extraction over a pool (extract/nlp/parallel.py): batches, order, retries on a fake pool
(no model, no cluster), and a local process pool losing a worker (the real model)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass

import pytest

from extract.errors import ModelNotFoundError
from extract.nlp.parallel import (
    BATCH_WORDS,
    ClusterError,
    ProcessPool,
    batch_words,
    extract_in_parallel,
    plan_batches,
)
from extract.nlp.workers import PipelineSpec
from extract.records import Document, Extraction, Failure


def _document(name: str, words: int = 10) -> Document:
    return Document(id=name, text=" ".join(["word"] * words), source=f"{name}.txt")


class WorkerDied(Exception):
    """Stands for a pool's exception when a worker process dies (KilledWorker ...)."""


class FakePool:
    """Extracts in this process; a document named in `kills` makes the whole batch holding
    it fail as a dead worker would, every time it is sent; futures complete in reverse
    order of submission, to show the order of results does not follow completion."""

    def __init__(self, *, workers: int = 2, kills: Sequence[str] = (), broken: str = "") -> None:
        self.workers = workers
        self.kills = set(kills)
        self.broken = broken  # a document whose batch raises the extractor's own error
        self.sent: list[list[str]] = []
        self.recovered: list[BaseException] = []

    def start(self) -> int:
        return self.workers

    def submit(self, documents: Sequence[Document]) -> Future[list[Extraction | Failure]]:
        self.sent.append([document.id for document in documents])
        future: Future[list[Extraction | Failure]] = Future()
        if any(document.id == self.broken for document in documents):
            future.set_exception(ModelNotFoundError("no model here"))
        elif any(document.id in self.kills for document in documents):
            future.set_exception(WorkerDied("worker tcp://10.0.0.9:4000 died"))
        else:
            future.set_result([Extraction(document=document) for document in documents])
        return future

    def recover(self, error: BaseException) -> str:
        self.recovered.append(error)
        return "its worker died"


def _sources(results: Sequence[Extraction | Failure]) -> list[str]:
    return [r.source if isinstance(r, Failure) else r.document.source for r in results]


def test_batches_keep_the_order_and_close_at_the_word_count() -> None:
    documents = [_document("a", 40), _document("b", 70), _document("c", 500), _document("d", 5)]
    batches = plan_batches(documents, words=100)
    assert [[d.id for d in batch] for batch in batches] == [["a", "b"], ["c"], ["d"]]
    assert plan_batches([], words=100) == []


@pytest.mark.parametrize(
    ("total", "workers", "expected"),
    [
        (100_000_000, 10, BATCH_WORDS),  # a big run: minute-long batches
        (147_787, 2, 147_787 // 16),  # realnews on two workers: 8 batches each
        (500, 2, 1_000),  # a tiny run: never under 1,000 words
    ],
)
def test_batch_words(total: int, workers: int, expected: int) -> None:
    assert batch_words(total, workers) == expected


def test_results_come_in_document_order_whatever_the_batches() -> None:
    documents = [_document(name, 600) for name in "abcdefghij"]
    pool = FakePool(workers=3)
    results = list(extract_in_parallel(documents, pool))
    assert _sources(results) == [f"{name}.txt" for name in "abcdefghij"]
    assert all(isinstance(result, Extraction) for result in results)
    assert len(pool.sent) > 1  # cut in batches (1,000 words each at least)
    assert not pool.recovered


def test_a_batch_whose_worker_dies_is_retried_once_document_by_document() -> None:
    documents = [_document(name, 400) for name in "abcdef"]
    pool = FakePool(kills=["c"])
    results = list(extract_in_parallel(documents, pool))
    assert _sources(results) == [f"{name}.txt" for name in "abcdef"]
    failed = [result for result in results if isinstance(result, Failure)]
    assert [failure.source for failure in failed] == ["c.txt"]  # its batch-mates went in
    assert failed[0].reason.startswith("c.txt: extraction failed on a worker, twice:")
    assert "its worker died" in failed[0].reason
    assert ["c"] in pool.sent  # the retry sent it alone
    assert pool.sent.count(["c"]) == 1  # and once


def test_the_extractors_own_error_ends_the_run() -> None:
    pool = FakePool(broken="b")
    with pytest.raises(ModelNotFoundError, match="no model here"):
        list(extract_in_parallel([_document("a"), _document("b")], pool))


def test_a_lost_cluster_ends_the_run() -> None:
    class LostPool(FakePool):
        def recover(self, error: BaseException) -> str:
            raise ClusterError("lost the Dask scheduler at tcp://127.0.0.1:8786")

    with pytest.raises(ClusterError, match="lost the Dask scheduler"):
        list(extract_in_parallel([_document("a")], LostPool(kills=["a"])))


@dataclass(frozen=True)
class _DyingSpec(PipelineSpec):
    """The real pipeline, in a worker where extracting a document whose text holds
    `marker` kills the process at once, as the out-of-memory killer would."""

    marker: str = "FATAL-MARKER"

    def load(self):
        nlp = super().load()
        import extract.extractor

        real, marker = extract.extractor.extract_doc, self.marker

        def extract_doc(doc, document, *args, **kwargs):
            if marker in document.text:
                os._exit(1)
            return real(doc, document, *args, **kwargs)

        extract.extractor.extract_doc = extract_doc
        return nlp


@pytest.mark.model
def test_a_local_worker_killed_by_a_document_is_replaced_and_the_document_fails(registry):
    texts = [
        "The Kurdistan Regional Government accused Kataib Hezbollah of attacking a pipeline.",
        "Kataib Hezbollah said FATAL-MARKER in a statement.",
        "Iran condemned the strike in Baghdad on Monday.",
    ]
    documents = [Document(id=f"d{n}", text=t, source=f"d{n}.txt") for n, t in enumerate(texts)]
    with ProcessPool(_DyingSpec(None, registry), 1) as pool:
        results = list(extract_in_parallel(documents, pool))
    assert _sources(results) == ["d0.txt", "d1.txt", "d2.txt"]
    assert isinstance(results[0], Extraction) and results[0].claims
    assert isinstance(results[2], Extraction)
    assert isinstance(results[1], Failure)
    assert results[1].reason == (
        "d1.txt: extraction failed on a worker, twice:"
        " its worker process died (killed, or out of memory)"
    )
