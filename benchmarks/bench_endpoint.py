"""Benchmark: documents written and read back through `--endpoint`, against the embedded store.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_endpoint.py            # 300 documents
    .venv/bin/python benchmarks/bench_endpoint.py --quick    # 100 documents

The first documents of the shared corpora are extracted once with spaCy (cached in
`--cache`); then the same records are written with `Store.replace_document` (what
`kg ingest` does after extraction) to each store in turn: the embedded store, an
Oxigraph server started with and without `--union-default-graph`, and Virtuoso Open
Source (each started on 127.0.0.1 by `tests/servers.py`, skipped if absent). For each
it prints documents per second (wall clock, the server's work included), this
process's CPU seconds and the server's, and the seconds to read every claim back
(`kg claims`' `claim_records`). Run it on an idle machine; say the load (`uptime`).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = [REPO.parent / "shared" / "corpus" / name for name in ("seeds", "statements", "realnews")]


def extractions(cache: Path, count: int) -> list[Any]:
    """The first `count` documents of the shared corpora, extracted once (cached)."""
    if cache.exists():
        with cache.open("rb") as stream:
            found = pickle.load(stream)  # noqa: S301 (our own cache file)
        if len(found) >= count:
            return found[:count]
    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import extract_documents, load_nlp
    from extract.records import Extraction, Failure
    from extract.text.read import read_paths

    registry = load_registry()
    documents = [d for d in read_paths(CORPORA) if not isinstance(d, Failure)][:count]
    print(f"extracting {len(documents)} documents once (cached in {cache}) ...", flush=True)
    nlp = load_nlp(registry=registry)
    found = [
        e
        for e in extract_documents(documents, nlp=nlp, registry=registry)
        if isinstance(e, Extraction)
    ]
    with cache.open("wb") as stream:
        pickle.dump(found, stream)
    return found


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(name: str, open_it: Callable[[], Any], records: list[Any], pid: int | None) -> None:
    from kg.disputes import refresh_disputes
    from kg.readback import claim_records

    with open_it() as store:
        server_before = _cpu_seconds(pid) if pid else 0.0
        cpu, wall = time.process_time(), time.perf_counter()
        for record in records:
            store.replace_document(record)
        refresh_disputes(store)
        store.flush()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        server = (_cpu_seconds(pid) - server_before) if pid else 0.0
        read = time.perf_counter()
        claims = len(list(claim_records(store)))
        read = time.perf_counter() - read
    print(
        f"| {name} | {len(records) / wall:.1f} | {wall:.1f} | {cpu:.1f} | "
        f"{server:.1f} | {read:.2f} | {claims} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="100 documents")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "bench-endpoint-extractions.pkl",
    )
    args = parser.parse_args()
    if args.quick:
        args.documents = 100
    sys.path.insert(0, str(REPO))
    import pytest

    from kg.store import open_store
    from tests.servers import Server, start_oxigraph, start_virtuoso

    records = extractions(args.cache, args.documents)
    print(f"load: {os.getloadavg()[0]:.2f} (1-minute average), {len(records)} documents")
    print("| store | documents/s | wall s | client CPU s | server CPU s | read claims s | claims |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        measure("embedded", lambda: open_store(root / "embedded"), records, None)
        starts: list[tuple[str, Callable[[Path], Server]]] = [
            ("Oxigraph server --union-default-graph",
             lambda d: start_oxigraph(d, union_default_graph=True)),
            ("Oxigraph server (union per query)",
             lambda d: start_oxigraph(d, union_default_graph=False)),
            ("Virtuoso 7.2", start_virtuoso),
        ]  # fmt: skip
        for number, (name, start) in enumerate(starts):
            folder = root / f"server-{number}"
            folder.mkdir()
            try:
                server = start(folder)
            except pytest.skip.Exception as skipped:
                print(f"| {name} | skipped: {skipped} | | | | | |")
                continue
            try:
                url = server.url
                measure(
                    name,
                    lambda url=url: open_store(root, endpoint=url),
                    records,
                    server.process.pid,
                )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
