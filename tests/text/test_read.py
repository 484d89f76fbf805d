"""Tests for extract.text.read: files and folders in, Documents or Failures out, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from extract.records import Document, Failure, content_hash
from extract.text import read as read_module
from extract.text.read import find_date, keyless_record_id, read_paths
from tests.e2e.bounded import python_bounded

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

BODY = "The council met on Monday and agreed to review the budget.\n"


def _read(*paths: str | Path) -> list[Document | Failure]:
    return list(read_paths(list(paths)))


def _one(path: str | Path) -> Document | Failure:
    items = _read(path)
    assert len(items) == 1
    return items[0]


def _doc(path: str | Path) -> Document:
    item = _one(path)
    assert isinstance(item, Document), item
    return item


def _failure(path: str | Path) -> Failure:
    item = _one(path)
    assert isinstance(item, Failure), item
    return item


# ---- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-23", "2021-02-23"),
        ("2021-02-23T10:15:00Z", "2021-02-23"),
        ("2021/2/3", "2021-02-03"),
        ("Sep. 08, 2025 • 3 min read", "2025-09-08"),
        ("Published September 8, 2025", "2025-09-08"),
        ("25-07-2025", "2025-07-25"),
        ("Agency Name25-07-2025", "2025-07-25"),  # glued to a word, as pages often are
        ("25.07.2025", "2025-07-25"),
        ("07/25/2025", "2025-07-25"),  # slashes: month first ...
        ("25/07/2025", "2025-07-25"),  # ... unless the first number cannot be a month
        ("May 11, 2020", "2020-05-11"),
        ("11 May 2020", "2020-05-11"),
        ("8th of September 2025", "2025-09-08"),
        ("Dec 1 2019 and Jan 5, 2020", "2019-12-01"),  # the earliest date in the text
        ("31-02-2020", None),  # no such day
        ("May 2020", None),  # no day
        ("in 2020 the talks resumed", None),
        ("", None),
    ],
)
def test_find_date(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


# ---- plain text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "title"),
    [
        ("Council agrees budget review\n" + BODY, "Council agrees budget review"),
        ("logo\nCouncil agrees budget review\n" + BODY, "Council agrees budget review"),
        (BODY + BODY, None),  # the first line is a sentence
        ("Council agrees budget review\n", None),  # nothing follows it
        ("Council agrees budget review:\n" + BODY, None),
        ("Council agrees " + "very " * 30 + "long\n" + BODY, None),  # too long for a title
        ("\n\nCouncil agrees budget review\n\n" + BODY, "Council agrees budget review"),
    ],
)
def test_text_title(tmp_path: Path, content: str, title: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    assert _doc(path).title == title


def test_markdown_title_drops_hashes(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Council agrees budget review\n\n" + BODY, encoding="utf-8")
    document = _doc(path)
    assert document.title == "Council agrees budget review"
    assert document.text.startswith("# Council")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Council agrees budget review\nCity Desk 25-07-2025\n" + BODY, "2025-07-25"),
        ("Council agrees budget review\nSep. 08, 2025\n" + BODY, "2025-09-08"),
        # A date under a one-word label is the label's value, not the article's date.
        ("Forum\nJoined\nNov 17, 2017\nCouncil agrees budget\nMay 11, 2020\n" + BODY, "2020-05-11"),
        # A date inside a long sentence is not a dateline.
        ("On May 11, 2020 the council met for a long session on the budget and more.\n", None),
        (BODY, None),
    ],
)
def test_text_dateline(tmp_path: Path, content: str, expected: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    assert _doc(path).date == expected


def test_text_is_kept_as_read_except_crlf(tmp_path: Path) -> None:
    content = "  Title line here\r\n\r\n\tIndented “quote” text.\r\nLast line without newline"
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode("utf-8"))
    document = _doc(path)
    assert document.text == content.replace("\r\n", "\n")
    assert document.warnings == ()
    assert document.source == str(path)


def test_id_depends_on_where_not_on_text(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BODY, encoding="utf-8")
    second.write_text(BODY, encoding="utf-8")
    before = _doc(first).id
    first.write_text(BODY + "A new paragraph was added later.\n", encoding="utf-8")
    assert _doc(first).id == before
    assert _doc(second).id != before
    assert before == content_hash(str(first.resolve()))


# ---- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\t\n  ", "empty"),
        (b"\xef\xbb\xbf  \n", "empty"),  # a BOM and nothing else
        (b"PK\x03\x04\x00\x00binary zip header", "binary file, not text"),
        (bytes(range(1, 32)) * 40, "binary file, not text"),  # control bytes, no NUL
    ],
)
def test_unreadable_files_are_failures(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    failure = _failure(path)
    assert failure.source == str(path)
    assert problem in failure.reason
    assert str(path) in failure.reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    failure = _failure(missing)
    assert failure.reason == f"{missing}: no such file or directory"


def test_unusable_path_is_a_failure_not_a_crash() -> None:
    failure = _failure("bad\x00name.txt")  # a NUL byte can never name a file
    assert failure.source == "bad\x00name.txt"
    assert failure.reason.startswith("bad\x00name.txt: ")


def test_unsupported_file_named_explicitly_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    failure = _failure(path)
    assert "unsupported file type '.pdf'" in failure.reason
    assert ".txt" in failure.reason  # says what would work


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        ("Café “quoted”".encode() + b"\xff tail", "Café “quoted”\ufffd tail", "1 undecodable"),
        (b"\xef\xbb\xbfHello there, council.", "Hello there, council.", None),  # BOM dropped
        ("Notepad “Unicode” file\r\n".encode("utf-16"), "Notepad “Unicode” file\n", None),
        # No valid UTF-8 at all: a Windows-1252 file.
        (b"Caf\xe9 \x93quoted\x94 text", "Café “quoted” text", "cp1252"),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, text: str, warning: str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    document = _doc(path)
    assert document.text == text
    if warning is None:
        assert document.warnings == ()
    else:
        assert any(warning in message for message in document.warnings)


def test_undecodable_byte_count(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Mixed é text ".encode() + b"\x80\x81\xfe more")
    document = _doc(path)
    assert document.warnings == ("3 undecodable bytes replaced",)
    assert document.text.count("\ufffd") == 3


# ---- folders ------------------------------------------------------------------------------


def test_folder_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/deeper/d.txt", "z.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY, encoding="utf-8")
    for skipped in (".hidden.txt", ".git/e.txt", "notes.docx", "image.png"):
        path = tmp_path / skipped
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(BODY, encoding="utf-8")
    sources = [item.source for item in _read(tmp_path)]
    expected = ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.txt", "z.txt"]
    assert sources == [str(tmp_path / name) for name in expected]
    assert sources == [item.source for item in _read(tmp_path)]  # stable


def test_folder_source_keeps_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(BODY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert [item.source for item in _read("in")] == [str(Path("in") / "a.txt")]


@pytest.mark.parametrize("names", [(), (".hidden.txt",), ("notes.docx", "photo.png")])
def test_folder_without_readable_files_is_a_failure(tmp_path: Path, names: tuple[str, ...]) -> None:
    for name in names:
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    failure = _failure(tmp_path)
    assert "no readable files" in failure.reason
    assert str(tmp_path) in failure.reason


def test_bad_file_in_a_folder_does_not_stop_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(BODY, encoding="utf-8")
    kinds = [type(item).__name__ for item in _read(tmp_path, tmp_path / "missing.txt")]
    assert kinds == ["Document", "Failure", "Document", "Failure"]


# ---- JSON Lines ---------------------------------------------------------------------------


def _jsonl(tmp_path: Path, lines: list[object | str]) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n",
        encoding="utf-8",
    )
    return path


def test_jsonl_fields(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path,
        [
            {
                "id": "a-1",
                "text": BODY,
                "title": "Council meets",
                "date": "May 11, 2020",
                "url": "https://example.org/a",
                "source": "Example Wire",
            },
            {"text": BODY, "publisher": "Daily Example", "source": "ignored when publisher set"},
        ],
    )
    first, second = _read(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.title, first.date, first.url, first.publisher) == (
        "Council meets",
        "2020-05-11",
        "https://example.org/a",
        "Example Wire",
    )
    assert first.source == f"{path}#L1"
    assert second.publisher == "Daily Example"
    assert second.source == f"{path}#L2"
    assert second.id == keyless_record_id(str(path.resolve()), second.text_hash)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object, found list"),
        ('"just a string"', "expected a JSON object, found str"),
        ('{"title": "no text here"}', "no 'text' field"),
        ('{"text": "   "}', "'text' is empty or not a string"),
        ('{"text": 42}', "'text' is empty or not a string"),
    ],
)
def test_jsonl_broken_line_is_a_failure_and_others_still_read(
    tmp_path: Path, line: str, problem: str
) -> None:
    path = _jsonl(tmp_path, [{"text": BODY}, line, "", {"text": BODY + BODY}])
    items = _read(path)
    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Document"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}#L2"
    assert failure.reason.startswith(f"{path}#L2: ")
    assert problem in failure.reason
    assert items[2].source == f"{path}#L4"  # blank lines are skipped but still counted


def test_jsonl_ids_survive_reordering(tmp_path: Path) -> None:
    records = [
        {"id": "one", "text": BODY},
        {"url": "https://example.org/two", "text": BODY},
        {"id": "three", "url": "https://example.org/three", "text": BODY},
    ]
    before = {item.source.rsplit("#", 1)[1]: item.id for item in _read(_jsonl(tmp_path, records))}
    after = {
        item.source.rsplit("#", 1)[1]: item.id for item in _read(_jsonl(tmp_path, records[::-1]))
    }
    assert before["L1"] == after["L3"]
    assert before["L2"] == after["L2"]
    assert before["L3"] == after["L1"]
    assert len(set(before.values())) == 3
    assert before["L1"] == content_hash("one")
    assert before["L2"] == content_hash("https://example.org/two")
    assert before["L3"] == content_hash("three")  # id wins over url


def test_jsonl_numeric_id_is_an_id(tmp_path: Path) -> None:
    document = _one(_jsonl(tmp_path, [{"id": 7, "text": BODY}]))
    assert isinstance(document, Document)
    assert document.id == content_hash("7")


def test_jsonl_duplicate_id_is_a_failure(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [{"id": "x", "text": BODY}, {"id": "x", "text": BODY + BODY}])
    first, second = _read(path)
    assert isinstance(first, Document)
    assert isinstance(second, Failure)
    assert "duplicate id" in second.reason and "line 1" in second.reason


def test_jsonl_unknown_date_is_dropped_with_a_warning(tmp_path: Path) -> None:
    document = _one(_jsonl(tmp_path, [{"text": BODY, "date": "sometime last spring"}]))
    assert isinstance(document, Document)
    assert document.date is None
    assert any("sometime last spring" in warning for warning in document.warnings)


# ---- HTML ---------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    document = _doc(DATA / "article.html")
    assert document.title == "Governor blames armed group for depot blast"
    assert document.date == "2023-06-14"
    assert document.publisher == "Riverside Herald"
    assert document.url == "https://herald.example.org/2023/06/14/depot-blast"
    assert "blamed an armed group for an explosion" in document.text
    assert "denied any link to the depot" in document.text
    for clutter in ("Home", "Sport", "Heatwave closes schools", "Copyright"):
        assert clutter not in document.text


def test_html_falls_back_to_tag_stripping(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read_module, "_trafilatura", lambda data: {})
    document = _doc(DATA / "article.html")
    assert "blamed an armed group for an explosion" in document.text
    assert "Home" not in document.text  # navigation is dropped
    assert document.title == "Governor blames armed group for depot blast | Riverside Herald"
    assert any("tag stripping" in warning for warning in document.warnings)


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>")
    failure = _failure(path)
    assert "no text" in failure.reason


# ---- the shared corpus (read in place) ----------------------------------------------------


def test_seed_corpus_reads_without_failures() -> None:
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared seed corpus not available")
    items = _read(seeds)
    assert items and all(isinstance(item, Document) for item in items)
    for item in items:
        assert isinstance(item, Document)
        assert item.text == (seeds / Path(item.source).name).read_text(encoding="utf-8")


def test_statement_corpus_reads_one_document_per_line() -> None:
    folder = SHARED / "corpus" / "statements"
    if not folder.is_dir():
        pytest.skip("shared statements corpus not available")
    paths = sorted(folder.glob("*.jsonl"))
    lines = sum(
        1 for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line
    )
    items = _read(folder)
    assert len(items) == lines
    documents = [item for item in items if isinstance(item, Document)]
    assert len(documents) == lines
    assert all(document.date and len(document.date) == 10 for document in documents)
    assert len({document.id for document in documents}) == len(documents)


# ---- what a folder may hold besides articles (read in a bounded child process) ----------


def _deep_json(levels: int) -> str:
    return '{"id": "deep", "text": ' + "[" * levels + "]" * levels + "}"


def _jsonl_beside(content: str | bytes):
    def make(folder: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / "feed.jsonl").write_bytes(data)

    return make


def _named(name: bytes, data: bytes = BODY.encode()):
    def make(folder: Path) -> None:
        with open(os.fsencode(folder) + b"/" + name, "wb") as stream:
            stream.write(data)

    return make


def _link(target: str, name: str = "zero.txt"):
    return lambda folder: (folder / name).symlink_to(target)


BAD_INPUTS = [
    # (case, make the bad item in the folder, its source (in the folder), what the reason says)
    ("nested JSON", _jsonl_beside(_deep_json(20_000) + "\n"), "feed.jsonl#L1", "nested too deep"),
    ("huge integer", _jsonl_beside('{"text": "x", "n": ' + "9" * 5000 + "}\n"), "feed.jsonl#L1",
     "invalid JSON"),
    ("undecodable name", _named(b"caf\xe9.txt"), "caf\\xe9.txt", "file name is not valid UTF-8"),
    ("link to /dev/zero", _link("/dev/zero"), "zero.txt", "links to /dev/zero, a character device"),
    ("link to /dev/urandom", _link("/dev/urandom"), "zero.txt", "a character device"),
    ("JSONL link to /dev/zero", _link("/dev/zero", "zero.jsonl"), "zero.jsonl", "character device"),
    ("FIFO", lambda folder: os.mkfifo(folder / "pipe.txt"), "pipe.txt", "named pipe (FIFO)"),
    ("broken link", _link("/nowhere/at/all.txt", "gone.txt"), "gone.txt", "broken link"),
    ("binary", _named(b"image.txt", b"\x89PNG\r\n\x1a\n\x00\x00" * 100), "image.txt", "binary"),
    ("binary JSONL", _named(b"image.jsonl", b"\x00\x01" * 100), "image.jsonl", "binary"),
    ("huge file", _named(b"huge.txt", BODY.encode() * 2000), "huge.txt",
     "file of 118.0 kB is over the size limit of 100.0 kB"),
    ("huge JSONL line", _jsonl_beside(json.dumps({"text": BODY * 2000}) + "\n"), "feed.jsonl#L1",
     "line is over the size limit of 100.0 kB"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("make", "source", "said"),
    [case[1:] for case in BAD_INPUTS],
    ids=[case[0] for case in BAD_INPUTS],
)
def test_bad_input_is_a_named_failure_and_the_good_file_is_read(
    tmp_path: Path, make, source: str, said: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    make(folder)
    code = (
        "import json\n"
        "from extract.records import Failure\n"
        "from extract.text.read import read_paths\n"
        f"for item in read_paths([{str(folder)!r}], max_bytes=100_000):\n"
        "    failed = isinstance(item, Failure)\n"
        "    print(json.dumps([failed, item.source, item.reason if failed else item.text]))\n"
    )
    done = python_bounded(code, timeout=60, memory_gb=1)
    assert done.returncode == 0, done.stderr
    items = [json.loads(line) for line in done.stdout.splitlines()]
    assert [False, str(folder / "good.txt"), BODY] in items
    failures = [item for item in items if item[0]]
    assert len(failures) == 1, items
    _, failed_source, reason = failures[0]
    assert failed_source == f"{folder}/{source}"
    assert reason.startswith(f"{folder}/{source}: ")
    assert said in reason


def test_an_over_long_jsonl_line_costs_only_itself(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, [{"text": BODY}, {"text": BODY * 5000}, {"text": BODY + BODY}])
    items = list(read_paths([path], max_bytes=10_000))
    assert [type(item).__name__ for item in items] == ["Document", "Failure", "Document"]
    assert items[2].source == f"{path}#L3"


def test_lone_surrogate_in_jsonl_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "s1", "title": "Cut \\ud83d",'
        ' "text": "A lone \\ud800 half. A whole \\ud83d\\ude00."}\n',
        encoding="utf-8",
    )
    document = _doc(path)
    assert document.text == "A lone \ufffd half. A whole \U0001f600."  # a real pair is kept
    assert document.title == "Cut \ufffd"
    assert any("2 lone surrogate" in warning for warning in document.warnings)
    assert document.text_hash  # hashable: the store can take it


def test_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(BODY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # as if the folder's mode were 000, which root would ignore
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _read(tmp_path)
    assert [type(item).__name__ for item in items] == ["Failure", "Document"]
    assert items[0].reason == (
        f"{tmp_path / 'locked'}: cannot read folder (Permission denied); its files skipped"
    )


def test_keyless_jsonl_ids_do_not_shift_when_a_line_is_deleted(tmp_path: Path) -> None:
    records = [{"text": f"Statement number {n} was issued on Monday."} for n in range(4)]
    before = {item.text: item.id for item in _read(_jsonl(tmp_path, records))}
    after = {item.text: item.id for item in _read(_jsonl(tmp_path, records[1:]))}
    assert len(set(before.values())) == 4
    assert after == {text: before[text] for text in after}


def test_utf16_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(('{"id": "u", "text": "Notepad “Unicode” line"}\r\n').encode("utf-16"))
    assert _doc(path).text == "Notepad “Unicode” line"
