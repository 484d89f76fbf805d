"""Benchmark: what corroboration adds to ingest (text signatures and claim clusters).

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_corroboration.py [JSONL] [--quick] [--repeat N]

With no JSONL it reads ../shared/corpus/realnews/articles.jsonl (`--quick`: its first
120 records). It ingests the records into fresh embedded stores, alternately as shipped
and with corroboration switched off (no `cg:textSignature` computed, no clusters
refreshed), and prints CPU seconds per document of each (the best of `--repeat` pairs,
the model loaded once beforehand), the share corroboration adds, the cost of one
signature alone, of one full `refresh_clusters`, and of importing datasketch once (in a
fresh interpreter that has imported spaCy).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[1]
REALNEWS = REPO.parent / "shared" / "corpus" / "realnews" / "articles.jsonl"

_IMPORT = (
    "import time, spacy; t = time.process_time(); import datasketch; print(time.process_time() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=REALNEWS)
    parser.add_argument("--quick", action="store_true", help="the first 120 records only")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import load_nlp
    from kg import build, corroboration
    from kg.ingest import ingest
    from kg.signature import signature
    from kg.store import open_store

    lines = args.jsonl.read_text(encoding="utf-8").splitlines()
    if args.quick:
        lines = lines[:120]
    registry = load_registry()
    nlp = load_nlp(registry=registry)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "articles.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")

        def run(*, corroborate: bool, keep: Path | None = None) -> tuple[float, int]:
            store_dir = keep or Path(tempfile.mkdtemp(dir=tmp)) / "store"
            patches = []
            if not corroborate:
                patches = [
                    mock.patch.object(build, "signature_triples", lambda node, text: []),
                    mock.patch.object(corroboration, "refresh_clusters", lambda *a, **k: 0),
                ]
            for patch in patches:
                patch.start()
            try:
                began = time.process_time()
                with open_store(store_dir) as store:
                    report = ingest([corpus], store=store, load_nlp=lambda: nlp, registry=registry)
                return time.process_time() - began, report.documents
            finally:
                for patch in patches:
                    patch.stop()

        signature("warm up: import datasketch and draw the permutations once")
        with_, without = [], []
        for _ in range(args.repeat):
            seconds, documents = run(corroborate=False)
            without.append(seconds)
            seconds, documents = run(corroborate=True)
            with_.append(seconds)
        texts = [line for line in lines if line.strip()]
        began = time.process_time()
        for text in texts:
            signature(text)
        per_signature = (time.process_time() - began) / len(texts)
        kept = Path(tmp) / "kept"
        run(corroborate=True, keep=kept)
        with open_store(kept) as store:
            began = time.process_time()
            clusters = corroboration.refresh_clusters(store)
            refresh = time.process_time() - began
    imported = subprocess.run(
        [sys.executable, "-c", _IMPORT], capture_output=True, text=True, check=True
    ).stdout.strip()

    best_with, best_without = min(with_), min(without)
    print(f"{documents} documents ({args.jsonl.name}{', quick' if args.quick else ''})")
    print(f"ingest without corroboration: {best_without / documents * 1000:.1f} ms CPU/document")
    print(f"ingest with corroboration:    {best_with / documents * 1000:.1f} ms CPU/document")
    print(f"added: {(best_with / best_without - 1) * 100:+.1f}%")
    print(f"one signature: {per_signature * 1000:.2f} ms CPU (a JSONL line of the corpus)")
    print(f"full refresh_clusters: {refresh * 1000:.0f} ms CPU, {clusters} clusters")
    print(f"import datasketch once (after spaCy): {float(imported) * 1000:.0f} ms CPU")


if __name__ == "__main__":
    main()
