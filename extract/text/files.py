"""Opening input files safely: regular files only, a bounded size, names that are text.

`extract.text.read` reads articles through these helpers, so that what a folder may hold
besides articles (a named pipe, a link to ``/dev/zero``, a device, a file far too big, a
sub-folder it may not enter, a name that is not UTF-8) becomes a `Refused` with a reason,
never a hang, an unbounded read or a traceback. Nothing here knows about formats.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: The largest document read by default, in bytes: a file, or one line of a JSONL file.
#: News articles are a few kilobytes; 10 MB is a book. `kg ingest --max-size` changes it.
MAX_BYTES = 10_000_000

#: Bytes read at a time when skipping the rest of an over-long JSONL line.
_SKIP_CHUNK = 1 << 20


class Refused(Exception):
    """An input that is not read, and why (the message does not repeat the name)."""


def shown(name: str) -> str:
    """`name` as it can be printed and stored: undecodable bytes written as ``\\xNN``.

    File names are bytes; Python decodes the ones that are not UTF-8 with lone surrogates,
    which no terminal, UTF-8 file or RDF literal accepts.
    """
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a document (None when it can): bytes that are not UTF-8."""
    if shown(name) == name:
        return None
    return "file name is not valid UTF-8; rename the file (e.g. with `convmv`)"


def size_text(size: int) -> str:
    """A byte count for people: ``12.3 MB``, ``512 bytes``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


def over_limit(size: int | None, limit: int, *, what: str = "file") -> Refused:
    """The refusal of a document bigger than `limit` bytes (`size` when known)."""
    said = f" of {size_text(size)}" if size is not None else ""
    return Refused(
        f"{what}{said} is over the size limit of {size_text(limit)}; skipped"
        " (raise the limit with `kg ingest --max-size MB`, 0 for none)"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading if it is (or links to) a regular file.

    The type is checked before opening, so that a device is never opened (opening one
    can have effects of its own), and again on the open file, so that a file swapped for
    a named pipe in between cannot block the read.

    Raises:
        Refused: `path` is a pipe, a device, a socket or a folder, or cannot be opened.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        if os.path.islink(path):
            raise Refused(f"broken link to {shown(os.readlink(path))}") from err
        raise Refused(f"cannot read ({err.strerror or err})") from err
    if not stat.S_ISREG(mode):
        target = f"links to {shown(os.readlink(path))}, " if os.path.islink(path) else ""
        raise Refused(f"{target}{_kind(mode)}, not a regular file; skipped")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise Refused(f"cannot read ({err.strerror or err})") from err
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise Refused(f"{_kind(mode)}, not a regular file; skipped")
    return os.fdopen(fd, "rb")


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file `path`, at most `max_bytes` of them (0: no limit).

    Raises:
        Refused: not a regular file, unreadable, or bigger than `max_bytes`.
    """
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if max_bytes and size > max_bytes:
            raise over_limit(size, max_bytes)
        try:
            # One byte past the limit tells a file that grew since `fstat` (or a file
            # whose size the system does not know, as in /proc) from one that fits.
            data = stream.read(max_bytes + 1) if max_bytes else stream.read()
        except OSError as err:
            raise Refused(f"cannot read ({err.strerror or err})") from err
    if max_bytes and len(data) > max_bytes:
        raise over_limit(None, max_bytes)
    return data


def lines(stream: BinaryIO, *, max_bytes: int = MAX_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """The lines of `stream` as (number from 1, bytes without the line break).

    A line longer than `max_bytes` (0: no limit) comes as ``(number, None)``, and is
    skipped a chunk at a time, so that memory stays bounded by the limit whatever the
    file holds.

    Raises:
        Refused: the file cannot be read on (an I/O error).
    """
    number = 0
    while True:
        line = _readline(stream, max_bytes, number)
        if not line:
            return
        number += 1
        if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := _readline(stream, _SKIP_CHUNK, number)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line.rstrip(b"\n").removesuffix(b"\r")


def _readline(stream: BinaryIO, limit: int, number: int) -> bytes:
    try:
        return stream.readline(limit + 1 if limit else -1)
    except OSError as err:
        raise Refused(f"cannot read past line {number} ({err.strerror or err})") from err


def walk(folder: Path, suffixes: tuple[str, ...]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files under `folder` with one of `suffixes`, recursively, and the folders refused.

    Hidden files and folders (a leading dot) are passed over; links to folders are not
    followed (a link loop cannot trap the walk).

    Returns:
        The files, sorted by their path inside `folder`, and (folder, reason) for each
        sub-folder that could not be listed.
    """
    found: list[Path] = []
    refused: list[tuple[Path, str]] = []

    def note(err: OSError) -> None:
        where = Path(err.filename) if err.filename else folder
        refused.append((where, f"cannot read folder ({err.strerror or err}); its files skipped"))

    for root, dirs, files in os.walk(folder, onerror=note):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                found.append(Path(root) / name)
    found.sort(key=lambda path: path.relative_to(folder).parts)
    refused.sort(key=lambda pair: pair[0].parts)
    return found, refused
