"""Reading input files into `Document` records: plain text, Markdown, HTML and JSON Lines.

`read_paths` walks the files and folders a user names and yields one `Document` per
article, or a `Failure` saying which file could not be read and why; bad input never
raises. Text is kept exactly as decoded (only CRLF becomes LF), because claim offsets
index it. Document ids say *where* a document came from (its resolved path, or a JSON
line's own `id`/`url`), so re-reading changed text replaces the same document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from extract.records import Document, Failure, content_hash
from extract.text.dates import dated_by_file_name
from extract.text.files import (
    MAX_BYTES,
    Refused,
    lines,
    name_problem,
    open_regular,
    over_limit,
    read_bytes,
    shown,
    walk,
)

#: File extensions `read_paths` understands.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".jsonl")

_SNIFF_BYTES = 8192
#: Title lines longer than this (in words or characters) are taken for prose.
_TITLE_MAX_WORDS = 25
_TITLE_MAX_CHARS = 200
#: How many non-blank lines at the top of a text file may hold its dateline or byline.
_DATE_SCAN_LINES = 20
_DATE_LINE_MAX_WORDS = 12


# ---- dates --------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# (?<!\d) rather than \b so that a date glued to a word ("Net25-07-2025") still counts.
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ymd",
        re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    ),
    ("dmy", re.compile(r"(?<!\d)(?P<day>\d{1,2})[-.](?P<month>\d{1,2})[-.](?P<year>\d{4})(?!\d)")),
    # Slashes are read month first (US style) unless the first number cannot be a month.
    ("mdy", re.compile(r"(?<!\d)(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?!\d)")),
    ("named", re.compile(rf"(?<![A-Za-z]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE)),
    ("named", re.compile(rf"(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE)),
)


def _to_iso(year: str, month: str, day: str, *, swappable: bool = False) -> str | None:
    number = int(month) if month.isdigit() else _MONTHS[month.lower()]
    candidates = [(int(year), number, int(day))]
    if swappable:  # 07/25/2025 read as month/day fails; 25/07 as day/month works
        candidates.append((int(year), int(day), number))
    for y, m, d in candidates:
        try:
            return date(y, m, d).isoformat()
        except ValueError:
            continue
    return None


def find_date(text: str) -> str | None:
    """Return the first calendar date written in `text`, as ISO ``YYYY-MM-DD``.

    Understands ISO dates (``2021-02-23``, also with a time after it), numeric
    day-month-year (``25-07-2025``, ``25.07.2025``), slashed month/day/year
    (``07/25/2025``, or day/month when the first number is over 12) and dates with a
    month name (``Sep. 08, 2025``, ``May 11, 2020``, ``8th September 2025``).

    Args:
        text: any text; only a full date (day, month and four-digit year) counts.

    Returns:
        The ISO date of the earliest match in `text`, or None.
    """
    found = find_date_span(text)
    return found[2] if found else None


def find_date_span(text: str) -> tuple[int, int, str] | None:
    """Like `find_date`, with where the date is written: ``(start, end, iso)`` or None."""
    best: tuple[int, int, str] | None = None
    for kind, pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(
                match["year"], match["month"], match["day"], swappable=kind in ("dmy", "mdy")
            )
            if iso is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), match.end(), iso)
                break
    return best


# ---- bytes to text ------------------------------------------------------------------------


class _NotText(Exception):
    """Raised inside this module when a file's bytes are not text."""


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    if not head:
        return False
    # Control bytes other than tab, newline, form feed and carriage return.
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(head) > 0.1


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes as UTF-8 (with or without BOM), else cp1252; replace what is left."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM (Windows "Unicode")
        text = data.decode("utf-16", errors="replace")
        if "\x00" in text:
            raise _NotText("binary file, not text")
        return text.replace("\r\n", "\n"), ()
    if _looks_binary(data):
        raise _NotText("binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text, warnings = _decode_text(data)
    return text.replace("\r\n", "\n"), warnings


def _decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8, else (no valid multi-byte sequence at all) cp1252; undecodable bytes replaced."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    if not bad:
        return text, ()
    valid_multibyte = any(ord(ch) > 127 and not "\udc80" <= ch <= "\udcff" for ch in text)
    if not valid_multibyte:
        # No valid UTF-8 sequence at all beside the bad bytes: a legacy single-byte file.
        text = data.decode("cp1252", errors="replace")
        undefined = text.count("\ufffd")
        warnings = ["not valid UTF-8; decoded as cp1252"]
        if undefined > 0:
            warnings.append(f"{undefined} undecodable bytes replaced")
        return text, tuple(warnings)
    text = re.sub("[\udc80-\udcff]", "\ufffd", text)
    return text, (f"{bad} undecodable bytes replaced",)


# ---- plain text and Markdown --------------------------------------------------------------


def _title_of(text: str, *, markdown: bool) -> str | None:
    """The first line that reads as a title: short, no final period, more text after.

    Up to two one-word lines before it ("logo", "News": page chrome) are passed over.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines[:3]):
        if markdown:
            line = line.lstrip("#").strip()
        words = line.split()
        if len(words) < 2:
            continue
        if index == len(lines) - 1 or len(words) > _TITLE_MAX_WORDS:
            return None
        if len(line) > _TITLE_MAX_CHARS or line.endswith((".", ",", ";", ":")):
            return None
        return line if re.search(r"[^\W\d_]", line) else None
    return None


def _dateline_date(text: str) -> str | None:
    """A date from a short dateline or byline among the first lines of a text.

    A date right under a one-word label ("Joined", "Updated", "Registered") belongs to
    that label (forum chrome, page furniture), not to the article, and is passed over.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for index, line in enumerate(lines[:_DATE_SCAN_LINES]):
        if len(line.split()) > _DATE_LINE_MAX_WORDS:
            continue
        if index and len(lines[index - 1].split()) == 1 and lines[index - 1][-1] not in ".!?":
            continue
        if found := find_date(line):
            return found
    return None


def _read_text_file(text: str, *, doc_id: str, source: str, markdown: bool) -> Document:
    return Document(
        id=doc_id,
        text=text,
        source=source,
        title=_title_of(text, markdown=markdown),
        date=_dateline_date(text),
    )


# ---- HTML ---------------------------------------------------------------------------------


class _TagStripper(HTMLParser):
    """Fallback HTML-to-text: drops scripts, styles and navigation, breaks at blocks."""

    _SKIP = frozenset({"script", "style", "noscript", "nav", "header", "footer", "aside", "form"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skipping:
            self.parts.append(data)


def _strip_tags(html: str) -> tuple[str, str | None]:
    parser = _TagStripper()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    title = " ".join("".join(parser.title_parts).split()) or None
    return "\n".join(line for line in lines if line), title


def _trafilatura(data: bytes) -> dict[str, Any]:
    """Main text and metadata through trafilatura (1.x returns a dict, 2.x a Document)."""
    import trafilatura
    from lxml.etree import LxmlError

    try:
        result = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True
        )
    # Broken markup can make trafilatura or lxml give up; that just means "use the
    # tag-stripping fallback".
    except (ValueError, TypeError, LookupError, RecursionError, LxmlError):
        return {}
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    as_dict = getattr(result, "as_dict", None)
    return dict(as_dict()) if callable(as_dict) else {}


def _read_html(data: bytes, text: str, *, doc_id: str, source: str) -> Document | Failure:
    found = _trafilatura(data)
    body = str(found.get("text") or "").strip()
    title = _clean_str(found.get("title"))
    warnings: tuple[str, ...] = ()
    if not body:
        body, fallback_title = _strip_tags(text)
        title = title or fallback_title
        warnings = ("main-text extraction found nothing; used plain tag stripping",)
    if not body.strip():
        return Failure(source, f"{source}: no text found in the HTML page")
    return Document(
        id=doc_id,
        text=body.replace("\r\n", "\n"),
        source=source,
        title=title,
        date=find_date(str(found.get("date") or "")) or _dateline_date(body),
        publisher=_clean_str(found.get("sitename")),
        url=_clean_str(found.get("url")),
        warnings=warnings,
    )


def _clean_str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


# ---- JSON Lines ---------------------------------------------------------------------------


#: A JSONL line as read: (line number, text or None when over the size limit, warnings).
_Line = tuple[int, str | None, tuple[str, ...]]


def _read_jsonl(
    numbered: Iterable[_Line], *, resolved: str, source: str, max_bytes: int
) -> Iterator[Document | Failure]:
    first_line_of: dict[str, int] = {}
    for number, line, warnings in numbered:
        if line is not None and not line.strip():
            continue
        where = f"{source}#L{number}"
        if line is None:
            yield Failure(where, f"{where}: {over_limit(None, max_bytes, what='line')}")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield Failure(where, f"{where}: invalid JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            yield Failure(where, f"{where}: invalid JSON (nested too deeply to read)")
            continue
        except ValueError as err:  # e.g. an integer of more than 4,300 digits
            yield Failure(where, f"{where}: invalid JSON ({err})")
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            yield Failure(where, f"{where}: expected a JSON object, found {kind}")
            continue
        record, replaced = _without_lone_surrogates(record)
        if replaced:
            escapes = "escape" if replaced == 1 else "escapes"
            warnings += (
                f"{replaced} lone surrogate {escapes} (\\ud800-\\udfff) replaced with U+FFFD",
            )
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            problem = "no 'text' field" if body is None else "'text' is empty or not a string"
            yield Failure(where, f"{where}: {problem}")
            continue
        key = _record_key(record)
        if key is not None:
            if key in first_line_of:
                yield Failure(
                    where,
                    f"{where}: duplicate id or url {key!r} (first on line {first_line_of[key]});"
                    " give each article its own id",
                )
                continue
            first_line_of[key] = number
        document = _jsonl_document(record, body, key=key, where=where, resolved=resolved)
        yield _with_warnings(document, warnings) if warnings else document


#: The fields of a JSONL record that are read.
_JSONL_FIELDS = ("id", "text", "title", "date", "url", "publisher", "source")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_lone_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The record with lone surrogates in its read fields replaced by U+FFFD, and how many.

    JSON may escape half of a surrogate pair (``"\\ud800"``, a cut emoji); Python decodes
    it to a character no UTF-8 text can hold. One replacement character for each keeps
    every offset into the text valid.
    """
    replaced = 0
    clean = dict(record)
    for name in _JSONL_FIELDS:
        value = record.get(name)
        if isinstance(value, str):
            clean[name], count = _LONE_SURROGATE.subn("\ufffd", value)
            replaced += count
    return clean, replaced


def _record_key(record: dict[str, Any]) -> str | None:
    """The line's own identity: its `id` (a string or a whole number), else its `url`."""
    record_id = record.get("id")
    if isinstance(record_id, int) and not isinstance(record_id, bool):
        return str(record_id)
    return _clean_str(record_id) or _clean_str(record.get("url"))


def record_document_id(key: str) -> str:
    """The `Document.id` of the JSONL record whose own identity (`id`, else `url`) is
    `key`: it depends on the key alone, so gold can name a record by its id."""
    return content_hash(key)


def keyless_record_id(resolved: str, text_hash: str) -> str:
    """The `Document.id` of a JSONL record with neither `id` nor `url`: its file (resolved
    path) and its content (`Document.text_hash`), not its line number, so that deleting
    or adding a line elsewhere in the file does not shift it onto another record."""
    return content_hash(resolved, text_hash)


def _jsonl_document(
    record: dict[str, Any], body: str, *, key: str | None, where: str, resolved: str
) -> Document:
    warnings: list[str] = []
    raw_date = record.get("date")
    iso = find_date(str(raw_date)) if raw_date not in (None, "") else None
    if raw_date not in (None, "") and iso is None:
        warnings.append(f"date {raw_date!r} not understood; left out")
    document = Document(
        id="",
        text=body.replace("\r\n", "\n"),
        source=where,
        title=_clean_str(record.get("title")),
        date=iso,
        publisher=_clean_str(record.get("publisher")) or _clean_str(record.get("source")),
        url=_clean_str(record.get("url")),
        warnings=tuple(warnings),
    )
    doc_id = record_document_id(key) if key else keyless_record_id(resolved, document.text_hash)
    return replace(document, id=doc_id)


# ---- files and folders --------------------------------------------------------------------


def read_file(
    path: Path, *, source: str | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Document | Failure]:
    """Read one file into documents (several for JSON Lines).

    Args:
        path: the file; its extension picks the reader.
        source: how to name the file in records and messages (default: `path` as given).
        max_bytes: the largest file read (for JSON Lines: the largest line), 0 for no
            limit; see `extract.text.files.MAX_BYTES`.

    Yields:
        A `Document` per article, or a `Failure` naming the file (or JSONL line) and
        the problem: not a regular file, over the size limit, not text, a name that is
        not UTF-8, ... Nothing is raised for bad input.
    """
    name = shown(source if source is not None else str(path))
    if problem := name_problem(str(path)):
        yield Failure(name, f"{name}: {problem}")
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Failure(
            name,
            f"{name}: unsupported file type {suffix or '(none)'!r};"
            f" use one of {', '.join(SUPPORTED_SUFFIXES)}",
        )
        return
    resolved = str(path.resolve())
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl_file(path, resolved=resolved, name=name, max_bytes=max_bytes)
            return
        data = read_bytes(path, max_bytes=max_bytes)
    except Refused as err:
        yield Failure(name, f"{name}: {err}")
        return
    if not data.strip():
        yield Failure(name, f"{name}: empty file")
        return
    try:
        text, warnings = _decode(data)
    except _NotText as err:
        yield Failure(name, f"{name}: {err}")
        return
    if not text.strip():
        yield Failure(name, f"{name}: empty file")
        return
    doc_id = content_hash(resolved)
    item: Document | Failure
    if suffix in (".html", ".htm"):
        item = _read_html(data, text, doc_id=doc_id, source=name)
    else:
        item = _read_text_file(text, doc_id=doc_id, source=name, markdown=suffix == ".md")
    if isinstance(item, Document) and warnings:
        item = _with_warnings(item, warnings)
    if isinstance(item, Document):
        item = dated_by_file_name(item, path)
    yield item


def _read_jsonl_file(
    path: Path, *, resolved: str, name: str, max_bytes: int
) -> Iterator[Document | Failure]:
    """A JSON Lines file, read a line at a time: the size limit holds for each line.

    Raises:
        Refused: the file is not a regular file or cannot be read.
    """
    with open_regular(path) as stream:
        head = stream.read(_SNIFF_BYTES)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: decoded as a whole
            stream.close()
            try:
                text, _ = _decode(read_bytes(path, max_bytes=max_bytes))
            except _NotText as err:
                yield Failure(name, f"{name}: {err}")
                return
            numbered: Iterable[_Line] = (
                (number, line, ()) for number, line in enumerate(text.split("\n"), start=1)
            )
        elif _looks_binary(head):
            yield Failure(name, f"{name}: binary file, not text")
            return
        else:
            stream.seek(0)
            numbered = _decoded_lines(lines(stream, max_bytes=max_bytes))
        read_any = False
        for item in _read_jsonl(numbered, resolved=resolved, source=name, max_bytes=max_bytes):
            read_any = True
            yield dated_by_file_name(item, path) if isinstance(item, Document) else item
    if not read_any:
        yield Failure(name, f"{name}: empty file")


def _decoded_lines(numbered: Iterable[tuple[int, bytes | None]]) -> Iterator[_Line]:
    for number, data in numbered:
        if data is None:
            yield number, None, ()
            continue
        if number == 1 and data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        text, warnings = _decode_text(data)
        yield number, text, warnings


def _with_warnings(document: Document, warnings: tuple[str, ...]) -> Document:
    return replace(document, warnings=warnings + document.warnings)


def read_paths(
    paths: Sequence[str | Path], *, max_bytes: int = MAX_BYTES
) -> Iterator[Document | Failure]:
    """Read files and folders into documents, one item per article, in a stable order.

    Folders are walked recursively in sorted order, skipping hidden files and folders
    and (silently) files of unsupported types; a file named explicitly with an
    unsupported type is a `Failure`, and so is a sub-folder that cannot be listed. See
    `SUPPORTED_SUFFIXES`.

    Args:
        paths: files and folders, as the user gave them.
        max_bytes: the largest file (JSONL: line) read, 0 for no limit (`read_file`).

    Yields:
        `Document` records (``source`` is the path as given, plus ``#L<n>`` for a JSON
        line) and `Failure` records for whatever could not be read. Never raises for
        bad input.
    """
    for given in paths:
        path = Path(given)
        name = shown(str(given))
        try:
            is_dir, exists = path.is_dir(), path.exists() or path.is_symlink()
        except (OSError, ValueError) as err:  # a NUL byte in the name, a name too long
            yield Failure(name, f"{name}: not a usable path ({err})")
            continue
        if is_dir:
            yield from _read_folder(path, max_bytes=max_bytes)
        elif exists:
            yield from read_file(path, source=str(given), max_bytes=max_bytes)
        else:
            yield Failure(name, f"{name}: no such file or directory")


def _read_folder(folder: Path, *, max_bytes: int) -> Iterator[Document | Failure]:
    files, refused = walk(folder, SUPPORTED_SUFFIXES)
    for where, reason in refused:
        shown_where = shown(str(where))
        yield Failure(shown_where, f"{shown_where}: {reason}")
    if not files and not refused:
        name = shown(str(folder))
        yield Failure(
            name, f"{name}: folder has no readable files ({' '.join(SUPPORTED_SUFFIXES)})"
        )
    for file in files:
        yield from read_file(
            file, source=str(folder / file.relative_to(folder)), max_bytes=max_bytes
        )
