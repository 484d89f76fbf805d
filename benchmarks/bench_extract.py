"""Benchmark: extraction speed against bare spaCy, and ingest speed into the store.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_extract.py [PATH ...]

With no PATH it reads ../shared/corpus (seeds and statements) and examples/. It
prints words per second for (1) bare `nlp.pipe` of the same pipeline on the same
texts, (2) claimgraph's extraction (clean + entity ruler + parse + actors + claims),
(3) a full `kg ingest` into a fresh embedded store, and the overhead of (2) over (1).
Each figure is the best of `--repeat` runs; the bare and extraction runs alternate, and
each run's pair is printed, so a machine whose speed drifts shows it.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=4, help="repeat the corpus N times")
    args = parser.parse_args()
    paths = args.paths or [REPO.parent / "shared" / "corpus", REPO / "examples"]

    import spacy

    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import DEFAULT_MODELS, extract_documents, load_nlp
    from extract.records import Document, Failure
    from extract.text.read import read_paths
    from kg.ingest import ingest
    from kg.store import open_store

    documents = [d for d in read_paths(paths) if not isinstance(d, Failure)]
    documents = [
        Document(id=f"{d.id}-{n}", text=d.text, source=d.source)
        for n in range(args.copies)
        for d in documents
    ]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(documents)} documents, {words} words ({args.copies} copies of the corpus)")

    registry = load_registry()
    bare = None
    for name in DEFAULT_MODELS:
        try:
            bare = spacy.load(name)
            break
        except OSError:
            continue
    assert bare is not None, "no spaCy model installed"
    nlp = load_nlp(registry=registry)

    def timed(run) -> float:
        began = time.perf_counter()
        run()
        return time.perf_counter() - began

    def best(run) -> float:
        return min(timed(run) for _ in range(args.repeat))

    # bare and extraction runs alternate, so that a machine whose speed drifts over
    # minutes (seen here: bare spaCy 32 s, then 42 s, on the same texts) slows both alike
    bare_times: list[float] = []
    extract_times: list[float] = []
    for _ in range(args.repeat):
        bare_times.append(timed(lambda: [None for _ in bare.pipe(texts, batch_size=16)]))
        extract_times.append(
            timed(lambda: list(extract_documents(documents, nlp=nlp, registry=registry)))
        )
    t_bare, t_extract = min(bare_times), min(extract_times)

    def run_ingest() -> None:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "store") as store:
            ingest(paths, store=store, load_nlp=lambda: nlp, registry=registry)

    single = sum(len(d.text.split()) for d in read_paths(paths) if not isinstance(d, Failure))
    n_single = sum(1 for d in read_paths(paths) if not isinstance(d, Failure))
    t_ingest = best(run_ingest)

    print(f"{'step':<34}{'seconds':>9}{'docs/s':>9}{'words/s':>10}")
    for label, seconds, n_docs, n_words in (
        ("bare spaCy nlp.pipe", t_bare, len(documents), words),
        ("claimgraph extraction", t_extract, len(documents), words),
        ("kg ingest (1 copy, fresh store)", t_ingest, n_single, single),
    ):
        print(f"{label:<34}{seconds:>9.2f}{n_docs / seconds:>9.1f}{n_words / seconds:>10.0f}")
    for n, (b, e) in enumerate(zip(bare_times, extract_times, strict=True), start=1):
        print(f"run {n}: bare {b:.2f} s, extraction {e:.2f} s ({100 * (e / b - 1):+.1f}%)")
    print(f"extraction overhead over bare spaCy: {100 * (t_extract / t_bare - 1):+.1f}%")


if __name__ == "__main__":
    main()
