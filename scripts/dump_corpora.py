"""Dump the claims and entities JSONL of every corpus, to check a change preserves behaviour.

    python scripts/dump_corpora.py OUT_DIR [--only NAME ...]

Each corpus is ingested into a fresh embedded store through the `kg` command (so the
dump does not depend on how the package is laid out inside), then `kg claims --format
jsonl` and `kg entities --format jsonl` are written to OUT_DIR/NAME.claims.jsonl and
OUT_DIR/NAME.entities.jsonl. Compare two dumps with `diff -r`. The corpora are the
shared ones read in place (`../shared/corpus/...`), the shipped examples and the team
sets under `tests/data/`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = {
    "seeds": SHARED / "seeds",
    "statements": SHARED / "statements",
    "realnews": SHARED / "realnews" / "articles.jsonl",
    "examples": ROOT / "examples",
    "heldout": ROOT / "tests" / "data" / "heldout" / "docs",
    "dev": ROOT / "tests" / "data" / "dev" / "docs",
    "blind": ROOT / "tests" / "data" / "blind" / "docs",
}


def kg(store: Path, *args: str) -> str:
    """Run one `kg` command on `store` and return its standard output."""
    command = [str(Path(sys.executable).parent / "kg"), "--store", str(store), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # ingest exits 1 when a document failed
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return done.stdout


def dump(name: str, source: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        summary = kg(store, "ingest", str(source))
        (out / f"{name}.claims.jsonl").write_text(kg(store, "claims", "--format", "jsonl"))
        (out / f"{name}.entities.jsonl").write_text(kg(store, "entities", "--format", "jsonl"))
    print(f"{name}: {summary.strip().splitlines()[0] if summary.strip() else '(no summary)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(CORPORA))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, source in CORPORA.items():
        if args.only and name not in args.only:
            continue
        if not source.exists():
            print(f"{name}: skipped, {source} not found")
            continue
        dump(name, source, args.out)


if __name__ == "__main__":
    main()
