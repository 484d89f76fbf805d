"""Benchmark: time and peak memory of `kg ingest` on one big document.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/bench_big.py [--sizes 1 5] [--soup] [--max-gb 8]

For each size (in MB) it writes one article of that length (news-style paragraphs made
from a few templates, with names and numbers varied so that spaCy sees new strings),
ingests it into a fresh embedded store with `kg ingest` in a child process, and prints
the wall time, the child's peak RSS and the ingest summary. `--soup` also ingests a
single line of word soup of the largest size (no sentence structure at all). The child
runs under an address-space limit of `--max-gb` so a run that would take the machine
down ends with "over the limit" instead.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_NAMES = ("Hadi Karim", "Lena Osei", "Tomas Varga", "Ines Duarte", "Omar Faraj", "Mira Solberg")
_GROUPS = ("the Northern Union", "the River Front", "the Coastal Council", "the Hill Alliance")
_PLACES = ("Amara", "Belvin", "Corrat", "Dunmore", "Esker", "Falloway")
_TEMPLATES = (
    "{name}, a spokesperson for {group}, said on Tuesday that talks in {place} would resume.",
    '"We will not accept these terms," {name} told reporters in {place} after meeting {n} envoys.',
    "{group} accused {other} of shelling a depot near {place}, which {other} denied.",
    "Officials in {place} said {n} people had been moved from the district since the spring.",
    "{name} called on {group} to release the {n} detainees held outside {place}.",
)


def article(megabytes: float, *, seed: int = 7) -> str:
    """News-like paragraphs of about `megabytes` MB, ending with a blank line each."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    paragraphs: list[str] = ["Talks resume as district counts the displaced", ""]
    size = 0
    while size < target:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            group, other = rng.sample(_GROUPS, 2)
            sentences.append(
                rng.choice(_TEMPLATES).format(
                    name=rng.choice(_NAMES),
                    group=group,
                    other=other,
                    place=rng.choice(_PLACES),
                    n=rng.randint(2, 9999),
                )
            )
        paragraph = " ".join(sentences)
        paragraphs.extend((paragraph, ""))
        size += len(paragraph) + 2
    return "\n".join(paragraphs)


def word_soup(megabytes: float, *, seed: int = 11) -> str:
    """One line of capitalised made-up words and no punctuation: no sentences at all."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    words: list[str] = []
    size = 0
    letters = "bcdfghklmnprstvz"
    vowels = "aeiou"
    while size < target:
        word = "".join(rng.choice(letters) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        word = word.capitalize() if rng.random() < 0.4 else word
        words.append(word)
        size += len(word) + 1
    return " ".join(words) + "\n"


def run(label: str, text: str, *, max_gb: float, extra: tuple[str, ...] = ()) -> None:
    """Ingest `text` as one file into a fresh store and print time, peak RSS, summary."""
    limit = int(max_gb * 1024**3)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "big.txt").write_text(text, encoding="utf-8")
        command = [
            str(Path(sys.executable).parent / "kg"),
            "--store",
            str(Path(tmp) / "store"),
            "ingest",
            *extra,
            str(folder),
        ]
        out, err = Path(tmp) / "out", Path(tmp) / "err"
        began = time.perf_counter()
        with out.open("w") as stdout, err.open("w") as stderr:
            child = subprocess.Popen(command, stdout=stdout, stderr=stderr, preexec_fn=limit_memory)
            _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - began
        returncode = os.waitstatus_to_exitcode(status)
        stdout_text, stderr_text = out.read_text(), err.read_text()
    summary = " | ".join(line for line in stdout_text.splitlines() if line.strip())
    errors = [line for line in stderr_text.splitlines() if line.strip()]
    if returncode not in (0, 1):
        summary = f"exit {returncode} (over the {max_gb:g} GB limit?): " + (
            errors[-1] if errors else ""
        )
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    print(f"{label}: {len(text) / 1e6:.1f} MB text, {seconds:.1f} s, peak RSS {peak_mb:,.0f} MB")
    print(f"    {summary}")
    for line in errors[:3]:
        print(f"    stderr: {line[:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=float, default=[1.0, 5.0])
    parser.add_argument("--soup", action="store_true", help="also a line of word soup")
    parser.add_argument("--max-gb", type=float, default=8.0)
    parser.add_argument(
        "--option", action="append", default=[], help="extra `kg ingest` option (repeatable)"
    )
    args = parser.parse_args()
    extra = tuple(args.option)
    for size in args.sizes:
        run(f"article {size:g} MB", article(size), max_gb=args.max_gb, extra=extra)
    if args.soup:
        size = max(args.sizes)
        run(f"word soup {size:g} MB", word_soup(size), max_gb=args.max_gb, extra=extra)


if __name__ == "__main__":
    main()
