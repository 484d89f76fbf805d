"""Benchmark: the store and the read side at scale, against rdflib's in-memory Dataset.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_store.py            # ~3,700 documents (~1M quads before
                                                          # the actors graph), curve to 10k
    .venv/bin/python benchmarks/bench_store.py --quick    # 370 documents, curve to 1k: minutes

The shared corpora (seeds, statements, realnews) are extracted once with spaCy (cached
in `--cache`), then replicated: copy k of a document gets its own id, its date moved by
k * 45 days, and half of its actors renamed ("Hoquq bloc" -> "Hoquq bloc 3", a per-copy
choice; Kataib Hezbollah always keeps its name), so the store holds many distinct actors
and documents that share the common ones, as a long-running store would.

It prints:

1. the write path: documents written through `Store.replace_document` (what `kg ingest`
   does after extraction, without spaCy), CPU seconds per document and the process's
   RSS at each checkpoint (`--curve`), and an unchanged re-write against hashing alone;
2. the analyst query set, run on the product (embedded store opened read-only, a fresh
   child process per query, CPU seconds) and on the same quads in rdflib's in-memory
   `Dataset` (default graph = union), with the ratio and whether the answers agree.
   Each run is stopped after `--timeout` seconds or `--max-rss` GB;
3. start-up: `kg query "ASK {}"` against a bare pyoxigraph script (CPU seconds).
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPORA = [REPO.parent / "shared" / "corpus" / name for name in ("seeds", "statements", "realnews")]
KEEP_NAME = frozenset({"kataib-hezbollah"})
KH = "Kataib Hezbollah"

# ---- the analyst query set (written the obvious way: no DISTINCT) --------------------------

SPARQL_QUERIES: dict[str, str] = {
    "claims by relation": """
        SELECT ?relation (COUNT(?claim) AS ?claims) WHERE {
          ?claim cg:relation ?relation ; cg:subject ?who .
          ?who skos:prefLabel ?label .
        } GROUP BY ?relation ORDER BY DESC(?claims)""",
    "ACCUSE with labels and evidence": """
        SELECT ?date ?who ?whom ?sentence ?source WHERE {
          ?claim cg:relation "ACCUSE" ; cg:subject/skos:prefLabel ?who ;
                 cg:text ?sentence ; prov:wasDerivedFrom ?doc .
          OPTIONAL { ?claim cg:object/skos:prefLabel ?whom }
          OPTIONAL { ?doc dcterms:date ?date }
          OPTIONAL { ?doc dcterms:source ?source }
        } ORDER BY ?date ?who""",
    "two-hop from Kataib Hezbollah": """
        SELECT ?midLabel ?farLabel ?relation ?said WHERE {
          ?first cg:subject actor:kataib-hezbollah ; cg:object ?mid .
          ?second cg:subject ?mid ; cg:object ?far ; cg:relation ?relation ; cg:text ?said .
          ?mid skos:prefLabel ?midLabel . ?far skos:prefLabel ?farLabel .
        }""",
    "claims per actor per month": """
        SELECT ?who ?month (COUNT(?claim) AS ?claims) WHERE {
          ?claim cg:subject ?actor ; prov:wasDerivedFrom ?doc .
          ?actor skos:prefLabel ?who .
          ?doc dcterms:date ?date .
          BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
        } GROUP BY ?who ?month ORDER BY DESC(?claims) ?who ?month""",
    "one targeted query (KH's claims)": """
        SELECT ?claim ?relation ?text ?date WHERE {
          { ?claim cg:subject actor:kataib-hezbollah } UNION
          { ?claim cg:object actor:kataib-hezbollah } UNION
          { ?claim cg:speaker actor:kataib-hezbollah }
          ?claim cg:relation ?relation ; cg:text ?text ; prov:wasDerivedFrom ?doc .
          OPTIONAL { ?doc dcterms:date ?date }
        }""",
}
SHIPPED = sorted((REPO / "examples" / "queries").glob("*.rq"))


def _summary(value: Any) -> Any:
    """A comparable summary of a command's answer (counts, not content)."""
    if isinstance(value, dict):  # actor profile
        return tuple(len(value[k]) for k in ("claims_made", "claims_received", "quotes"))
    if isinstance(value, list):
        return len(value)
    return value


def _commands() -> dict[str, Callable[[Any], Any]]:
    from kg.analysis import centrality
    from kg.network import query_graph
    from kg.readback import actor_profile, claim_records

    def central(store: Any) -> Any:
        graph = query_graph(store)
        began = time.process_time()
        rows = centrality(graph, top=20)
        _ANALYSIS.append(time.process_time() - began)
        return [row.id for row in rows]

    def viz(store: Any) -> Any:
        graph = query_graph(store)
        return (graph.number_of_nodes(), graph.number_of_edges())

    return {
        "kg show 'Kataib Hezbollah'": lambda store: _summary(actor_profile(store, KH)),
        "kg claims --actor 'Kataib Hezbollah'": lambda store: len(
            list(claim_records(store, actor=KH))
        ),
        "kg central (top 20)": central,
        "kg viz data (whole store)": viz,
    }


_ANALYSIS: list[float] = []  # CPU seconds of centrality() alone, set in the child


def _rows_digest(result: Any) -> tuple[int, str]:
    rows = sorted(tuple("" if v is None else str(v) for v in row) for row in result)
    digest = hashlib.sha256(repr(rows).encode()).hexdigest()[:10]
    return len(rows), digest


# ---- extractions, replicated ---------------------------------------------------------------


def base_extractions(cache: Path, *, fresh: bool) -> list[Any]:
    """Extract the shared corpora once (spaCy), or read the cached records."""
    if cache.exists() and not fresh:
        with cache.open("rb") as stream:
            return pickle.load(stream)  # noqa: S301 (our own cache file)
    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import extract_documents, load_nlp
    from extract.records import Extraction, Failure
    from extract.text.read import read_paths

    registry = load_registry()
    documents = [d for d in read_paths(CORPORA) if not isinstance(d, Failure)]
    print(f"extracting {len(documents)} documents once (cached in {cache}) ...", flush=True)
    nlp = load_nlp(registry=registry)
    found = [
        e
        for e in extract_documents(documents, nlp=nlp, registry=registry)
        if isinstance(e, Extraction)
    ]
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("wb") as stream:
        pickle.dump(found, stream)
    return found


def _renamed(actor_id: str, copy: int) -> bool:
    if copy == 0 or actor_id in KEEP_NAME:
        return False
    return hashlib.sha256(f"{actor_id}/{copy}".encode()).digest()[0] % 2 == 0


def _shift(text: str | None, days: int) -> str | None:
    if not text or days == 0:
        return text
    try:
        day = date.fromisoformat(text[:10])
    except ValueError:
        return text
    return (day + timedelta(days=days)).isoformat() + text[10:]


def vary(extraction: Any, copy: int) -> Any:
    """Copy `copy` of an extraction: new document id, shifted date, half its actors renamed."""
    if copy == 0:
        return extraction
    from extract.records import ActorRef, content_hash

    def aid(actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        return f"{actor_id}-v{copy}" if _renamed(actor_id, copy) else actor_id

    def name(actor_id: str, text: str) -> str:
        return f"{text} {copy}" if _renamed(actor_id, copy) else text

    def ref(r: ActorRef | None) -> ActorRef | None:
        return None if r is None else ActorRef(aid(r.id), name(r.id, r.label), r.type)  # type: ignore[arg-type]

    document = extraction.document
    doc = replace(
        document,
        id=f"{document.id}-c{copy}",
        source=f"{document.source}#copy{copy}",
        date=_shift(document.date, 45 * copy),
    )
    actors = tuple(
        replace(
            a,
            id=aid(a.id),
            label=name(a.id, a.label),
            aliases=tuple(name(a.id, alias) for alias in a.aliases),
            country=aid(a.country),
            parent=aid(a.parent),
            roles=tuple(replace(r, organisation=aid(r.organisation)) for r in a.roles),
        )
        for a in extraction.actors
    )
    mentions = tuple(replace(m, actor_id=aid(m.actor_id)) for m in extraction.mentions)
    claims = tuple(
        replace(
            c,
            id=content_hash(c.id, copy, length=20),
            doc_id=doc.id,
            subject=ref(c.subject),
            object=ref(c.object),
            speaker=ref(c.speaker),
        )
        for c in extraction.claims
    )
    return replace(extraction, document=doc, actors=actors, mentions=mentions, claims=claims)


def replicated(base: Sequence[Any], count: int) -> Iterator[Any]:
    """The first `count` documents of copies 0, 1, 2, ... of `base`."""
    made = 0
    copy = 0
    while made < count:
        for extraction in base:
            if made >= count:
                return
            yield vary(extraction, copy)
            made += 1
        copy += 1


# ---- child processes with limits -----------------------------------------------------------


def _rss_mb(pid: int | None = None) -> float:
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def limited(
    fn: Callable[..., Any], *args: Any, timeout: float, max_rss_gb: float
) -> tuple[str, Any]:
    """Run `fn(*args)` in a forked child; ("ok", value) or ("killed", why)."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)

    def child() -> None:
        try:
            writer.send(("ok", fn(*args)))
        except BaseException as error:  # noqa: BLE001 (reported to the parent)
            writer.send(("error", f"{type(error).__name__}: {error}"))

    process = context.Process(target=child)
    began = time.perf_counter()
    process.start()
    peak = 0.0
    start_rss: float | None = None
    outcome: tuple[str, Any] | None = None
    while outcome is None:
        if reader.poll(0.05):
            outcome = reader.recv()
            break
        if not process.is_alive():
            outcome = ("killed", f"died (exit {process.exitcode})")
            break
        try:
            rss = _rss_mb(process.pid)
        except (FileNotFoundError, ProcessLookupError):
            continue
        start_rss = rss if start_rss is None else start_rss
        peak = max(peak, rss - start_rss)  # growth: a forked child starts with its parent's pages
        if peak > max_rss_gb * 1024:
            outcome = ("killed", f"stopped at +{peak / 1024:.1f} GB RSS")
        elif time.perf_counter() - began > timeout:
            outcome = ("killed", f"stopped after {timeout:.0f} s")
    if process.is_alive():
        process.kill()
    process.join()
    return outcome


# ---- the write path ------------------------------------------------------------------------


def write_curve(
    base: Sequence[Any], path: Path, count: int, checkpoints: Sequence[int]
) -> list[tuple[int, float, float, str]]:
    """Write `count` replicated documents to a fresh store: (docs, s/doc, RSS MB, outcomes)."""
    from extract.actors.registry import load_registry
    from kg.store import open_store

    shutil.rmtree(path, ignore_errors=True)
    points = []
    registry = load_registry()
    rss0 = _rss_mb()
    with open_store(path) as store:
        store.replace_registry(registry.actors())
        points.append((0, 0.0, rss0, "start"))
        last_n, last_t = 0, time.process_time()
        outcomes: dict[str, int] = {}
        for n, extraction in enumerate(replicated(base, count), start=1):
            status = store.replace_document(extraction)
            outcomes[status] = outcomes.get(status, 0) + 1
            if n in checkpoints or n == count:
                now = time.process_time()
                per_doc = (now - last_t) / (n - last_n)
                points.append((n, per_doc, _rss_mb(), ",".join(sorted(outcomes))))
                last_n, last_t = n, now
    return points


def rewrite_unchanged(base: Sequence[Any], path: Path, count: int) -> tuple[float, float]:
    """CPU seconds to find `count` stored documents unchanged, and to hash them alone.

    As `kg ingest` does it: the stored ids and hashes read once (`Store.stored_documents`),
    then each document's hash looked up (before 2026-12-02 this timed one
    `Store.stored_hash` lookup per document, which ingest does not use)."""
    from kg.store import open_store

    extractions = list(replicated(base, count))
    began = time.process_time()
    hashes = [e.document.text_hash for e in extractions]
    hashing = time.process_time() - began
    with open_store(path) as store:
        began = time.process_time()
        stored = store.stored_documents()
        unchanged = sum(
            stored.get(e.document.id, ("", ""))[1] == h
            for e, h in zip(extractions, hashes, strict=True)
        )
        checking = time.process_time() - began
    assert unchanged == count, f"{unchanged} of {count} documents found unchanged"
    return hashing + checking, hashing


def export_nquads(path: Path, out: Path) -> int:
    from kg.export import export
    from kg.store import open_store

    with open_store(path, read_only=True) as store, out.open("wb") as stream:
        export(store, "nquads", stream)
    with out.open("rb") as stream:
        return sum(1 for _ in stream)


# ---- the queries ---------------------------------------------------------------------------


def product_run(path: Path, kind: str, key: str) -> tuple[float, Any, float]:
    from kg.store import open_store

    with open_store(path, read_only=True) as store:
        return _timed(store, kind, key)


def rdflib_run(dataset: Any, kind: str, key: str) -> tuple[float, Any, float]:
    from kg.store import Store

    store = Store(dataset, path=None, endpoint=None, read_only=True)
    return _timed(store, kind, key)


def _timed(store: Any, kind: str, key: str) -> tuple[float, Any, float]:
    from kg.query import run_query

    began = time.process_time()
    if kind == "sparql":
        text = SPARQL_QUERIES.get(key) or Path(key).read_text(encoding="utf-8")
        answer: Any = _rows_digest(run_query(store, text))
    else:
        answer = _commands()[key](store)
    seconds = time.process_time() - began
    return seconds, answer, _ANALYSIS[-1] if _ANALYSIS else 0.0


def load_rdflib(nquads: Path) -> Any:
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(nquads, format="nquads")
    return dataset


# ---- start-up ------------------------------------------------------------------------------


def startup(path: Path, repeat: int = 5) -> tuple[float, float]:
    """Best CPU seconds of `kg query "ASK {}"` and of a bare pyoxigraph script."""
    kg = Path(sys.executable).parent / "kg"
    bare = (
        "import sys, pyoxigraph; s = pyoxigraph.Store.read_only(sys.argv[1]); "
        "print(s.query('ASK {}'))"
    )
    commands = {
        "kg": [str(kg), "--store", str(path), "query", "ASK {}"],
        "bare": [sys.executable, "-c", bare, str(path)],
    }
    best = {}
    for name, command in commands.items():
        times = []
        for _ in range(repeat):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        best[name] = min(times)
    return best["kg"], best["bare"]


# ---- main ----------------------------------------------------------------------------------


def _cell(outcome: tuple[str, Any]) -> str:
    status, value = outcome
    return f"{value[0]:.3f}" if status == "ok" else status


def _answer(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 24 else hashlib.sha256(text.encode()).hexdigest()[:10]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3728, help="documents in the query store")
    parser.add_argument("--curve", default="1000,3000,10000", help="write-path checkpoints")
    parser.add_argument("--quick", action="store_true", help="370 documents, curve to 1,000")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per query run")
    parser.add_argument("--max-rss", type=float, default=6.0, help="GB per query run")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib comparison")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "bench-store")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench-store-extractions.pkl"
    )
    parser.add_argument("--fresh", action="store_true", help="extract again, ignore the cache")
    args = parser.parse_args()
    if args.quick:
        args.documents, args.curve, args.timeout = 370, "100,300,1000", 60.0
    checkpoints = [int(n) for n in args.curve.split(",") if n]
    sys.path.insert(0, str(REPO))
    args.work.mkdir(parents=True, exist_ok=True)
    limits = {"timeout": max(args.timeout, 1800.0), "max_rss_gb": args.max_rss}

    status, base = limited(  # spaCy in a child, so later children do not inherit it
        lambda: base_extractions(args.cache, fresh=args.fresh), **limits
    )
    assert status == "ok", base
    if not base:  # replicating nothing would loop for ever
        raise SystemExit(
            f"no documents under {', '.join(map(str, CORPORA))} (shared/ beside the checkout)"
        )
    claims = sum(len(e.claims) for e in base)
    print(f"base: {len(base)} documents, {claims} claims (extracted once)")

    if checkpoints:
        print(f"\n== write path: Store.replace_document, {max(checkpoints)} documents (no spaCy)")
        status, points = limited(
            write_curve, base, args.work / "curve", max(checkpoints), checkpoints, **limits
        )
        if status != "ok":
            print(f"write curve: {points}")
        else:
            rss0 = points[0][2]
            print(f"{'documents':>10}{'CPU s/doc':>11}{'RSS MB':>9}{'growth MB':>11}")
            for n, per_doc, rss, _ in points:
                print(f"{n:>10}{per_doc:>11.4f}{rss:>9.0f}{rss - rss0:>11.0f}")
        shutil.rmtree(args.work / "curve", ignore_errors=True)

    store_path = args.work / "store"
    status, points = limited(write_curve, base, store_path, args.documents, (), **limits)
    assert status == "ok", points
    _, outcome = limited(rewrite_unchanged, base, store_path, args.documents, **limits)
    nquads = args.work / "store.nq"
    _, quads = limited(export_nquads, store_path, nquads, **limits)
    size = sum(f.stat().st_size for f in store_path.rglob("*") if f.is_file())
    print(
        f"\nquery store: {args.documents} documents, {quads} quads, {size / 1e6:.0f} MB; "
        f"write {points[-1][1] * 1000:.1f} ms CPU/doc"
    )
    if isinstance(outcome, tuple):
        total, hashing = outcome
        print(
            f"unchanged check of {args.documents} documents (hash + stored hash): "
            f"{total * 1e6 / args.documents:.0f} us/doc CPU, of which hashing "
            f"{hashing * 1e6 / args.documents:.0f} us/doc ({total / max(hashing, 1e-9):.1f}x)"
        )

    dataset = None
    if not args.no_rdflib:
        began = time.process_time()
        dataset = load_rdflib(nquads)
        print(f"rdflib Dataset loaded in {time.process_time() - began:.0f} s CPU")

    rows = [("sparql", key, key) for key in SPARQL_QUERIES]
    rows += [("sparql", str(p), f"examples/queries/{p.name}") for p in SHIPPED]
    rows += [("command", key, key) for key in _commands()]
    print(f"\n== queries (CPU s; each stopped after {args.timeout:.0f} s or {args.max_rss:g} GB)")
    print(f"{'query':<40}{'product':>10}{'rdflib':>10}{'ratio':>8}  answers")
    limits = {"timeout": args.timeout, "max_rss_gb": args.max_rss}
    for kind, key, label in rows:
        ours = limited(product_run, store_path, kind, key, **limits)
        theirs = ("skipped", None)
        if dataset is not None:
            theirs = limited(rdflib_run, dataset, kind, key, **limits)
        ratio = ""
        if ours[0] == "ok" and theirs[0] == "ok":
            ratio = f"{theirs[1][0] / max(ours[1][0], 1e-4):.1f}x"
        agree = _answer(ours[1][1]) if ours[0] == "ok" else f"product {ours[1]}"
        if theirs[0] == "ok":
            same = ours[0] == "ok" and ours[1][1] == theirs[1][1]
            agree += " (same)" if same else f" vs rdflib {_answer(theirs[1][1])}"
        elif theirs[0] != "skipped":
            agree += f"; rdflib {theirs[1]}"
        print(f"{label:<40}{_cell(ours):>10}{_cell(theirs):>10}{ratio:>8}  {agree}")
        if key == "kg central (top 20)" and ours[0] == "ok":
            print(f"{'  of which centrality() itself':<40}{ours[1][2]:>10.3f}")

    kg_s, bare_s = startup(store_path)
    print(
        f"\n== start-up (best of 5, CPU s): kg query 'ASK {{}}' {kg_s:.3f}, bare pyoxigraph "
        f"{bare_s:.3f}: {kg_s / bare_s:.1f}x"
    )
    nquads.unlink(missing_ok=True)
    if os.environ.get("BENCH_KEEP") != "1":
        shutil.rmtree(store_path, ignore_errors=True)


if __name__ == "__main__":
    main()
