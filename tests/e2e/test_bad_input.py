"""The bad-input suite: each bad file beside one good article, ingested into a fresh store.

Every case runs `kg ingest` in a child process with a time and a memory limit, so a hang
(a named pipe), an unbounded read (a link to /dev/zero) or a crash fails the case rather
than the test run. The expected outcome of each case is: no traceback, the bad file
named with its reason on one line (or a warning, where the file is read), the exit code
said in the README ("Bad input"), and the good article's claims in the store.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.bounded import KG, run_bounded, unprivileged_prefix

pytestmark = pytest.mark.model

GOOD_ARTICLE = """Water board denies closing the dam without notice
Valley Courier, 4 May 2025

The Valley Council accused the Northern Water Board of closing the dam without warning.
The Northern Water Board denied the accusation on Monday.
"We followed every rule," said the board's chair, Lena Osei.
"""

#: The claims the good article gives on its own (checked in `test_the_good_article_alone`).
GOOD_RELATIONS = {"ACCUSE", "DENY"}


def _write(name: str | bytes, data: bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        target = os.fsencode(folder) + b"/" + (os.fsencode(name) if isinstance(name, str) else name)
        with open(target, "wb") as stream:
            stream.write(data)

    return make


def _jsonl(*lines: str) -> Callable[[Path], None]:
    return _write("feed.jsonl", "".join(line + "\n" for line in lines).encode("utf-8"))


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _locked_folder(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(GOOD_ARTICLE.replace("Monday", "Friday"), "utf-8")
    locked.chmod(0)


def _word_soup(size: int) -> bytes:
    """One line of made-up capitalised words, no punctuation: no sentence anywhere."""
    rng = random.Random(5)
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    words = []
    while sum(len(w) + 1 for w in words) < size:
        words.append("".join(rng.choices(syllables, k=rng.randint(2, 3))).capitalize())
    return (" ".join(words) + "\n").encode()


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, and what `kg ingest` must say and do."""

    name: str
    make: Callable[[Path], None]
    says: str  # on stderr, on the line that names the file
    source: str  # the file (or line) named, inside the folder
    exit_code: int = 1  # 1: a document failed; 0: read with a warning
    options: tuple[str, ...] = ()
    needs_permissions: bool = False


CASES = [
    Case(
        "deeply nested JSON",
        _jsonl('{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}"),
        "invalid JSON (nested too deeply to read)",
        "feed.jsonl#L1",
    ),
    Case(
        "lone surrogate in a JSONL text",
        _jsonl('{"id": "half", "text": "The Valley Council met \\ud800 on Tuesday."}'),
        "1 lone surrogate escape (\\ud800-\\udfff) replaced with U+FFFD",
        "feed.jsonl#L1",
        exit_code=0,
    ),
    Case(
        "file name with undecodable bytes",
        _write(b"caf\xe9.txt", GOOD_ARTICLE.replace("Monday", "Sunday").encode()),
        "file name is not valid UTF-8; rename the file",
        "caf\\xe9.txt",
    ),
    Case(
        ".txt link to /dev/zero",
        _link("zero.txt", "/dev/zero"),
        "links to /dev/zero, a character device, not a regular file; skipped",
        "zero.txt",
    ),
    Case(
        ".txt link to /dev/urandom",
        _link("random.txt", "/dev/urandom"),
        "links to /dev/urandom, a character device, not a regular file; skipped",
        "random.txt",
    ),
    Case(
        ".jsonl link to /dev/zero",
        _link("zero.jsonl", "/dev/zero"),
        "a character device, not a regular file; skipped",
        "zero.jsonl",
    ),
    Case("FIFO named .txt", _fifo, "a named pipe (FIFO), not a regular file; skipped", "pipe.txt"),
    Case(
        "unreadable sub-folder",
        _locked_folder,
        "cannot read folder (Permission denied); its files skipped",
        "locked",
        needs_permissions=True,
    ),
    Case(
        "binary file",
        _write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 64),
        "binary file, not text",
        "photo.txt",
    ),
    Case(
        "huge file",
        _write("huge.txt", GOOD_ARTICLE.encode() * 400),  # 114 kB
        "file of 114.0 kB is over the size limit of 100.0 kB; skipped"
        " (raise the limit with `kg ingest --max-size MB`, 0 for none)",
        "huge.txt",
        options=("--max-size", "0.1"),
    ),
    Case(
        "huge JSONL line",
        _jsonl(json.dumps({"id": "big", "text": GOOD_ARTICLE * 400})),
        "line is over the size limit of 100.0 kB; skipped",
        "feed.jsonl#L1",
        options=("--max-size", "0.1"),
    ),
    Case(
        "broken link",
        _link("moved.txt", "/nowhere/moved.txt"),
        "broken link to /nowhere/moved.txt",
        "moved.txt",
    ),
    Case(
        "word soup (not prose)",
        _write("soup.txt", _word_soup(60_000)),
        "not prose: ",
        "soup.txt",
        exit_code=0,
    ),
]


def _ingest(folder: Path, store: Path, *options: str, prefix: list[str] | None = None):
    return run_bounded(
        [KG, "--store", str(store), "ingest", *options, str(folder)],
        timeout=300,
        memory_gb=4,
        prefix=prefix or (),
    )


def _claims(store: Path) -> list[dict]:
    done = run_bounded([KG, "--store", str(store), "claims", "--format", "jsonl"], timeout=120)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return folder


def test_the_good_article_alone(tmp_path: Path) -> None:
    folder, store = _folder(tmp_path), tmp_path / "store"
    done = _ingest(folder, store)
    assert done.returncode == 0, done.stderr
    assert {claim["relation"] for claim in _claims(store)} >= GOOD_RELATIONS


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_named_and_the_good_article_goes_in(tmp_path: Path, case: Case) -> None:
    prefix: list[str] | None = []
    if case.needs_permissions:
        prefix = unprivileged_prefix()
        if prefix is None:
            pytest.skip("running as root without setpriv: every folder is readable")
    folder, store = _folder(tmp_path), tmp_path / "store"
    case.make(folder)
    try:
        done = _ingest(folder, store, *case.options, prefix=prefix)
    finally:
        for path in folder.iterdir():
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == case.exit_code, done.stdout + done.stderr
    named = [line for line in done.stderr.splitlines() if f"{folder}/{case.source}" in line]
    assert len(named) == 1, done.stderr
    assert case.says in named[0]
    assert named[0].startswith("failed: " if case.exit_code else "warning: ")
    claims = _claims(store)
    good = [claim for claim in claims if claim["source"] == str(folder / "good.txt")]
    assert {claim["relation"] for claim in good} >= GOOD_RELATIONS


def test_raising_the_size_limit_reads_the_huge_file(tmp_path: Path) -> None:
    folder, store = _folder(tmp_path), tmp_path / "store"
    (folder / "huge.txt").write_text(GOOD_ARTICLE * 40, encoding="utf-8")  # 14 kB
    refused = _ingest(folder, store, "--max-size", "0.01")
    assert refused.returncode == 1 and "huge.txt" in refused.stderr
    done = _ingest(folder, store, "--max-size", "0.1")
    assert done.returncode == 0, done.stderr
    assert "1 added" in done.stdout and "1 unchanged" in done.stdout


def test_word_soup_is_flagged_and_gives_no_actor_flood(tmp_path: Path) -> None:
    folder, store = _folder(tmp_path), tmp_path / "store"
    (folder / "soup.txt").write_bytes(_word_soup(300_000))
    done = _ingest(folder, store)
    assert done.returncode == 0, done.stderr
    assert "1 not prose" in done.stdout
    assert "not prose: " in done.stderr and "soup.txt" in done.stderr
    listed = run_bounded(
        [KG, "--store", str(store), "entities", "--format", "jsonl"], timeout=120
    ).stdout
    seen = [json.loads(line) for line in listed.splitlines() if line.strip()]
    # The good article's few actors, not thousands of made-up names.
    assert 0 < len([actor for actor in seen if actor["documents"]]) < 10


def test_a_full_disk_stops_the_run_with_one_message(tmp_path: Path) -> None:
    """A real full disk: a 2 MB tmpfs, mounted in a private mount namespace (`unshare`),
    so that the mount vanishes with the child whatever happens to the test."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("needs root and unshare to mount a small tmpfs")
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(40):
        text = GOOD_ARTICLE.replace("Monday", f"day {n}") * 30
        (folder / f"a{n:02}.txt").write_text(text, encoding="utf-8")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (
        f"mount -t tmpfs -o size=2m tmpfs {disk} || exit 99\n"
        f"{KG} --store {disk}/store ingest {folder}\n"
        "echo exit=$?\n"
        f"mount -o remount,size=64m {disk}\n"  # space freed: the same command resumes
        f"{KG} --store {disk}/store ingest {folder}\n"
        "echo exit=$?\n"
    )
    done = run_bounded([unshare, "--mount", "sh", "-c", script], timeout=600, memory_gb=4)
    if done.returncode == 99:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    assert "Traceback" not in done.stderr, done.stderr
    first, second = done.stdout.split("exit=", 1)
    assert second.startswith("2\n"), done.stdout
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], done.stderr
    written = int(first.split(" added")[0].rsplit(" ", 1)[1])
    assert 0 < written < 40
    assert f"documents read: {40 - written} added, 0 updated, {written} unchanged" in second
    assert second.rstrip().endswith("exit=0")
