"""Tests for extract.text.files: only regular files are opened, reads are bounded.

The reads that could hang or run without end (a named pipe, a link to /dev/zero) run in
a child process with a time and memory limit (`tests.e2e.bounded`).
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from extract.text.files import (
    Refused,
    lines,
    name_problem,
    over_limit,
    read_bytes,
    shown,
    size_text,
    walk,
)
from tests.e2e.bounded import python_bounded, unprivileged_prefix

BODY = b"The council met on Monday and agreed to review the budget.\n"


def _read_in_child(path: Path, *, max_bytes: int = 1000, prefix: list[str] | None = None) -> dict:
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from extract.text.files import Refused, read_bytes\n"
        "try:\n"
        f"    data = read_bytes(Path({str(path)!r}), max_bytes={max_bytes})\n"
        "    print(json.dumps({'bytes': len(data)}))\n"
        "except Refused as err:\n"
        "    print(json.dumps({'refused': str(err)}))\n"
    )
    done = python_bounded(code, timeout=60, memory_gb=1, prefix=prefix or ())
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.symlink_to("/dev/zero"), "links to /dev/zero, a character device"),
        (lambda p: p.symlink_to("/dev/urandom"), "links to /dev/urandom, a character device"),
        (lambda p: os.mkfifo(p), "a named pipe (FIFO), not a regular file"),
        (lambda p: p.symlink_to(p.parent / "nowhere.txt"), "broken link to"),
        (lambda p: p.mkdir(), "a folder, not a regular file"),
    ],
)
def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path: Path, make, said) -> None:
    path = tmp_path / "a.txt"
    make(path)
    assert said in _read_in_child(path)["refused"]


def test_a_file_over_the_limit_is_refused_and_says_how_to_raise_it(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(BODY * 100)  # 5,900 bytes
    refused = _read_in_child(path, max_bytes=1000)["refused"]
    assert "file of 5.9 kB is over the size limit of 1.0 kB" in refused
    assert "--max-size" in refused
    assert _read_in_child(path, max_bytes=0) == {"bytes": len(BODY) * 100}  # 0: no limit
    assert _read_in_child(path, max_bytes=len(BODY) * 100) == {"bytes": len(BODY) * 100}


def test_a_file_whose_size_is_unknown_is_still_bounded() -> None:
    # /proc files report size 0 but hold more: the read stops one byte past the limit.
    with pytest.raises(Refused, match="file is over the size limit of 10 bytes"):
        read_bytes(Path("/proc/self/maps"), max_bytes=10)


def test_lines_are_bounded_and_an_over_long_line_is_skipped() -> None:
    stream = io.BufferedReader(io.BytesIO(b"short\r\n" + b"x" * 5000 + b"\nafter\nlast"))
    assert list(lines(stream, max_bytes=100)) == [
        (1, b"short"),
        (2, None),
        (3, b"after"),
        (4, b"last"),
    ]


def test_a_line_of_exactly_the_limit_is_read() -> None:
    stream = io.BufferedReader(io.BytesIO(b"x" * 100 + b"\n" + b"y" * 101))
    assert list(lines(stream, max_bytes=100)) == [(1, b"x" * 100), (2, None)]


def test_names_that_are_not_utf8_are_shown_escaped() -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    assert shown(name) == "caf\\xe9.txt"
    assert name_problem(name) is not None and "not valid UTF-8" in name_problem(name)
    assert name_problem("café.txt") is None


def test_size_text() -> None:
    assert [size_text(n) for n in (12, 5_900, 12_345_678)] == ["12 bytes", "5.9 kB", "12.3 MB"]
    assert "line is over the size limit of 1.0 kB" in str(over_limit(None, 1000, what="line"))


def test_walk_names_a_folder_it_cannot_read(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    if prefix is None:
        pytest.skip("running as root without setpriv: every folder is readable")
    (tmp_path / "a.txt").write_bytes(BODY)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_bytes(BODY)
    locked.chmod(0)
    try:
        code = (
            "import json\n"
            "from pathlib import Path\n"
            "from extract.text.files import walk\n"
            f"files, refused = walk(Path({str(tmp_path)!r}), ('.txt',))\n"
            "print(json.dumps([[str(f) for f in files], [[str(w), r] for w, r in refused]]))\n"
        )
        done = python_bounded(code, timeout=60, memory_gb=1, prefix=prefix)
        assert done.returncode == 0, done.stderr
        files, refused = json.loads(done.stdout)
    finally:
        locked.chmod(0o755)
    assert files == [str(tmp_path / "a.txt")]
    assert refused == [[str(locked), "cannot read folder (Permission denied); its files skipped"]]


def test_walk_skips_hidden_and_does_not_follow_folder_links(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(BODY)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)  # a link loop
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_bytes(BODY)
    files, refused = walk(tmp_path, (".txt",))
    assert files == [tmp_path / "sub" / "a.txt"]
    assert refused == []


def test_an_io_error_in_the_middle_of_a_file_is_a_refusal() -> None:
    class Failing(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            if self.tell() > 0:
                raise OSError(5, "Input/output error")
            return super().readline(size)

    read = lines(Failing(b"first\nsecond\n"), max_bytes=100)  # type: ignore[arg-type]
    assert next(read) == (1, b"first")
    with pytest.raises(Refused, match=r"cannot read past line 1 \(Input/output error\)"):
        next(read)
