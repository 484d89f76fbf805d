"""Benchmark: `kg ingest` in one process against worker pools, with a same-quads check.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_parallel.py [PATH ...] [--repeat 2] [--quick]

With no PATH it reads ../shared/corpus/realnews. Each way of extracting (`--processes 1`,
`--processes 2`, `--workers 2` on a local Dask cluster, or those given with `--ways`) runs
the real command, `kg ingest` in a child process, into a fresh store; the runs of the
ways alternate, `--repeat` rounds, so that a change in the machine's load falls on all of
them. For each run it prints the wall-clock seconds (start-up and model loading
included), the documents and words per second, the CPU seconds of the command itself
(the one writer) and of its workers, the largest process's peak RSS, the load average
(`os.getloadavg`) before and after, and the store's size on disk per document; then each
way's best run against the first way's, and whether every store holds exactly the same
quads (sorted N-Quads). With `--warm N`, only extraction of N documents on a started pool
of 1 worker against one of 2 (start-up paid, no store): the pool's own parallelism.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

WAYS = ("--processes 1", "--processes 2", "--workers 2")


def kg(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the `kg` command of this checkout with `store`."""
    command = [sys.executable, "-c", "import cli; cli.main()", "--store", str(store), *args]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO, check=False)


def timed_kg(store: Path, *args: str) -> tuple[int, str, float, float, float, float]:
    """Run `kg` like `kg()`; return its exit code, stdout, wall-clock seconds, CPU seconds
    of the command itself (reading, writing the store, and in one process extracting),
    CPU seconds of its worker processes, and peak RSS in MB (its largest process)."""
    command = [sys.executable, "-c", "import cli; cli.main()", "--store", str(store), *args]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    tick = os.sysconf("SC_CLK_TCK")
    with tempfile.TemporaryFile("w+") as out:
        began = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=REPO)
        # Ended but not reaped: /proc still has its own CPU times, apart from its children's.
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
        wall = time.perf_counter() - began
        fields = Path(f"/proc/{child.pid}/stat").read_text().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    cpu = usage.ru_utime + usage.ru_stime
    return child.returncode, text, wall, own, cpu - own, usage.ru_maxrss / 1024


def warm_pools(paths: list[Path], documents: int, rounds: int) -> None:
    """Extraction alone on a started pool of 1 worker, then of 2 (model loaded, no store):
    what the pool's parallelism gives once its start-up is paid."""
    import itertools

    sys.path.insert(0, str(REPO))
    from extract.actors.registry import load_registry
    from extract.nlp.parallel import ProcessPool, extract_in_parallel
    from extract.nlp.workers import PipelineSpec
    from extract.records import Failure
    from extract.text.read import read_paths

    read = (item for item in read_paths(paths) if not isinstance(item, Failure))
    texts = list(itertools.islice(read, documents + 16))
    warm, measured = texts[:16], texts[16:]
    spec = PipelineSpec(None, load_registry())
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(rounds):
        for workers in (1, 2):
            with ProcessPool(spec, workers) as pool:
                list(extract_in_parallel(warm, pool))  # every worker started, model loaded
                load = os.getloadavg()[0]
                began = time.perf_counter()
                list(extract_in_parallel(measured, pool))
                times[workers].append(time.perf_counter() - began)
                print(f"warm pool of {workers}: {times[workers][-1]:.1f} s (load {load:.2f})")
    for one, two in zip(times[1], times[2], strict=True):
        print(f"2 workers against 1, warm: {one / two:.2f}x")


def disk_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=2, help="rounds of every way")
    parser.add_argument("--ways", default=",".join(WAYS), help="comma-separated ingest options")
    parser.add_argument("--quick", action="store_true", help="the first 60 JSONL lines only")
    parser.add_argument(
        "--warm", type=int, default=0, metavar="N", help="only time N documents on warm pools"
    )
    args = parser.parse_args()
    paths = args.paths or [REPO.parent / "shared" / "corpus" / "realnews"]
    if args.warm:
        warm_pools(paths, args.warm, args.repeat)
        return
    ways = [way.strip() for way in args.ways.split(",") if way.strip()]

    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as scratch:
        work = Path(scratch)
        if args.quick:
            lines: list[str] = []
            for path in paths:
                for file in sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]:
                    lines += file.read_text(encoding="utf-8").splitlines()
            (work / "quick.jsonl").write_text("\n".join(lines[:60]) + "\n", encoding="utf-8")
            paths = [work / "quick.jsonl"]

        paths_ = [str(path) for path in paths]
        print(f"corpus: {', '.join(paths_)}; {os.cpu_count()} cores")
        print(
            "| way | round | wall s | documents/s | words/s | CPU s: command + workers"
            " | peak RSS MB | load before/after | disk KB/document |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        best: dict[str, float] = {}
        quads: dict[str, list[str]] = {}
        for round_ in range(1, args.repeat + 1):
            for way in ways:
                store = work / f"store-{ways.index(way)}-{round_}"
                load_before = os.getloadavg()[0]
                run = timed_kg(store, "ingest", *way.split(), *paths_)
                code, stdout, wall, own, workers, peak = run
                load_after = os.getloadavg()[0]
                if code not in (0, 1):
                    sys.exit(f"{way}: kg ingest exited {code}")
                summary = stdout.splitlines()
                documents = int(summary[0].split()[0])
                words = int(summary[1].split(" words in ")[0].rsplit(" ", 1)[1])
                size = disk_bytes(store) / max(documents, 1) / 1024
                print(
                    f"| `{way}` | {round_} | {wall:.1f} | {documents / wall:.2f} |"
                    f" {words / wall:,.0f} | {own:.1f} + {workers:.1f} | {peak:,.0f} |"
                    f" {load_before:.2f} / {load_after:.2f} | {size:,.1f} |",
                    flush=True,
                )
                best[way] = min(best.get(way, wall), wall)
                exported = kg(store, "export", "-f", "nquads")
                quads[f"{way} #{round_}"] = sorted(exported.stdout.splitlines())

        base = best.get(ways[0])
        for way in ways[1:]:
            if base:
                print(f"{way}: {base / best[way]:.2f}x `{ways[0]}` (best runs)")
        first = next(iter(quads.values()))
        same = all(lines == first for lines in quads.values())
        print(f"same quads in every store: {same} ({len(first):,} quads)")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
