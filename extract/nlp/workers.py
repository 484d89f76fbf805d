"""Inside an extraction worker: the pipeline loaded once, batches of documents in, records out.

A worker (a process of `kg ingest --processes`, or a Dask worker of `--workers`/`--dask`)
is handed a `PipelineSpec` once, when it starts: the model's name and the actor registry.
`install` loads the pipeline from it and keeps it for the worker's life; `extract_batch`
then extracts each batch of documents it is sent with that pipeline, through
`extract_documents`, whose memory zones (one per spaCy batch, once the vocabulary has
grown by `VOCAB_GROWTH` strings) keep the vocabulary from growing further: a worker lives
through the whole run and is never restarted to free memory. Documents go in and records
(`Extraction`, `Failure`) come out; no spaCy `Doc` leaves a worker.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extract.errors import ExtractError
from extract.records import Document, Extraction, Failure

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.actors.registry import Registry


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the pipeline: picklable, sent to each worker once.

    Attributes:
        model: a spaCy pipeline name or path (`--model`), as `load_nlp` takes it; it must
            be installed where the worker runs.
        registry: the actor registry, the shipped one merged with any `--registry` files
            (sent whole: a worker on another machine does not have those files).
    """

    model: str | None
    registry: Registry

    @cached_property
    def key(self) -> str:
        """A digest of the model's name and the registry: equal keys, same pipeline."""
        return hashlib.sha256(pickle.dumps((self.model, self.registry))).hexdigest()[:16]

    def load(self) -> Language:
        """Load the pipeline this spec describes (`extract.nlp.pipeline.load_nlp`)."""
        from extract.nlp.pipeline import load_nlp

        return load_nlp(self.model, registry=self.registry)


class WorkerError(ExtractError):
    """A worker was sent a batch before its pipeline was installed."""


#: The pipelines installed in this process, by `PipelineSpec.key`.
_installed: dict[str, tuple[Language, Registry]] = {}


def install(spec: PipelineSpec) -> None:
    """Load `spec`'s pipeline in this process, unless it is loaded already."""
    if spec.key not in _installed:
        _installed[spec.key] = (spec.load(), spec.registry)


def uninstall(key: str) -> None:
    """Drop the pipeline `key` from this process (a Dask worker outlives a run)."""
    _installed.pop(key, None)


#: Why `try_install` could not load a pipeline, by key: raised to the client by each batch.
_failed: dict[str, ExtractError] = {}


def try_install(spec: PipelineSpec) -> None:
    """`install`, keeping an `ExtractError` (no such model) for `extract_batch` to raise
    and `install_error` to tell: a process pool's initializer has no way to report one
    to the client itself, and a Dask worker would log it with its traceback."""
    try:
        install(spec)
    except ExtractError as error:
        _failed[spec.key] = error


def install_error(key: str) -> ExtractError | None:
    """Why `try_install` could not install the pipeline `key` in this process, if it failed."""
    return _failed.get(key)


def extract_batch(
    key: str, documents: Sequence[Document], batch_size: int
) -> list[Extraction | Failure]:
    """Extract `documents` with the installed pipeline `key`; one result each, in order.

    Raises:
        WorkerError: no pipeline with that key is installed in this process.
    """
    from extract.nlp.pipeline import extract_documents

    installed = _installed.get(key)
    if installed is None:
        if key in _failed:
            raise _failed[key]
        raise WorkerError(f"no pipeline {key} installed in this worker (install() first)")
    nlp, registry = installed
    return list(extract_documents(documents, nlp=nlp, registry=registry, batch_size=batch_size))
