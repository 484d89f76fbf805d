"""How fast hostile queries are refused, and what the query worker costs.

    python benchmarks/bench_query_limits.py [STORE]

Prints, for each hostile text of issue 13, the time `kg.query.check_query` takes to
refuse it (before any engine parses it), then the time of one small query run in
this process (`kg.worker.answer`) and in a worker process (`kg.worker.run_job`). STORE
defaults to a temporary store holding the hand-built test articles.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.errors import KgError  # noqa: E402
from kg.query import check_query  # noqa: E402
from kg.querycheck import network_targets  # noqa: E402
from kg.worker import QueryJob, answer, run_job  # noqa: E402

HOSTILE = {
    "10,000 nested parentheses": "SELECT * { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }",
    "10,000 nested braces": "SELECT * " + "{ " * 10_000 + "} " * 10_000,
    "1,000 nested collections": "SELECT * { ?s ?p " + "(" * 1_000 + "1" + ")" * 1_000 + " }",
    "a 1,000-item collection": "SELECT * { ?s ?p (" + " ".join(map(str, range(1_000))) + ") }",
    "SERVICE": "SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }",
    "LOAD (as an update)": "LOAD <http://127.0.0.1:9/a.nt>",
}


def _store() -> Path:
    from kg.store import open_store
    from tests.kg.samples import article_a, article_b, registry_actors

    path = Path(tempfile.mkdtemp()) / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        store.replace_registry(registry_actors())
    return path


def _store_in_a_child() -> Path:
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_store)


def main() -> None:
    check_query("ASK {}")  # imports
    network_targets("ASK { SERVICE <http://127.0.0.1:9/x> {} }", update=False)  # rdflib's parser
    for name, text in HOSTILE.items():
        started = time.perf_counter()
        try:
            check_query(text, update=True)
            outcome = "accepted"
        except KgError as error:
            outcome = type(error).__name__
        print(f"{name:<28} {outcome:<16} {1000 * (time.perf_counter() - started):8.1f} ms")
    # open no store here before run_job: a process with threads spawns its worker
    store = Path(sys.argv[1]) if len(sys.argv) > 1 else _store_in_a_child()
    job = QueryJob(sparql="SELECT ?c WHERE { ?c a cg:Claim }", store=store)
    for label, run in (("in a worker process", run_job), ("in this process", answer)):
        run(job)  # warm up (imports)
        started = time.perf_counter()
        for _ in range(5):
            run(job)
        print(f"small query {label:<20} {1000 * (time.perf_counter() - started) / 5:8.1f} ms")


if __name__ == "__main__":
    main()
