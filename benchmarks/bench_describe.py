"""Benchmark: what the claim descriptions (about, event date, in-article disputes) cost.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_describe.py [PATH ...]

With no PATH it reads ../shared/corpus/seeds, ../shared/corpus/statements and
examples/. It extracts the documents twice, once with `describe_claims` and once with
it replaced by a pass-through, and prints the seconds of each (best of `--repeat`) and
the share the descriptions add.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    shared = REPO.parent / "shared" / "corpus"
    paths = args.paths or [shared / "seeds", shared / "statements", REPO / "examples"]

    import extract.extractor as extractor
    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import extract_documents, load_nlp
    from extract.records import Document
    from extract.text.read import read_paths

    registry = load_registry()
    nlp = load_nlp(registry=registry)
    documents = [d for d in read_paths(paths) if isinstance(d, Document)]
    real = extractor.describe_claims

    def run() -> float:
        began = time.perf_counter()
        list(extract_documents(documents, nlp=nlp, registry=registry))
        return time.perf_counter() - began

    run()  # warm up: model caches, dateparser's tables
    timings = {}
    for name, function in (("without", lambda doc, claims, *a, **k: list(claims)), ("with", real)):
        extractor.describe_claims = function  # type: ignore[assignment]
        timings[name] = min(run() for _ in range(args.repeat))
    extractor.describe_claims = real
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} documents, {words} words")
    print(f"extraction without descriptions: {timings['without']:.2f}s")
    print(f"extraction with descriptions:    {timings['with']:.2f}s")
    print(f"descriptions add {100 * (timings['with'] / timings['without'] - 1):.1f}%")


if __name__ == "__main__":
    main()
