"""End to end: files in, store out, through the `kg` command line (real spaCy model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

pytestmark = pytest.mark.model

runner = CliRunner()

GOOD_ARTICLE = """Militia denies role in attack on pipeline
Sample Wire, 3 March 2025

The Kurdistan Regional Government accused Kataib Hezbollah of attacking a pipeline on Sunday.
Kataib Hezbollah denied the accusation in a statement.
"We had nothing to do with this attack," the group said.
"""


def kg(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args], catch_exceptions=False)


def nquads(store: Path, tmp_path: Path, name: str) -> set[str]:
    out = tmp_path / name
    result = kg(store, "export", "-f", "nquads", "-o", str(out))
    assert result.exit_code == 0, result.output
    return {line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()}


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG\x00" * 50)
    (folder / "lines.jsonl").write_text(
        json.dumps({"text": "Iran condemned the US strike in Baghdad.", "date": "2024-02-08"})
        + "\n{not json\n"
        + json.dumps({"title": "no text here"})
        + "\n",
        encoding="utf-8",
    )
    return folder


def test_mixed_folder_ingests_the_good_and_names_the_bad(tmp_path: Path, mixed_folder: Path):
    store = tmp_path / "store"
    result = kg(store, "ingest", str(mixed_folder))
    assert result.exit_code == 1
    assert "empty.txt" in result.output
    assert "binary.txt" in result.output
    assert "lines.jsonl#L2" in result.output
    assert "lines.jsonl#L3" in result.output
    assert "2 added" in result.output  # good.txt and the first JSONL line

    claims = kg(store, "claims", "--format", "jsonl")
    assert claims.exit_code == 0
    records = [json.loads(line) for line in claims.output.splitlines() if line.strip()]
    assert records, "the good documents gave no claims"
    sources = {r["source"] for r in records}
    assert any(s.endswith("good.txt") for s in sources)


def test_second_ingest_changes_no_quad_and_changed_text_replaces(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text(GOOD_ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    before = nquads(store, tmp_path, "1.nq")
    again = kg(store, "ingest", str(folder))
    assert again.exit_code == 0
    assert "1 unchanged" in again.output
    assert nquads(store, tmp_path, "2.nq") == before

    article.write_text(GOOD_ARTICLE.replace("Kataib Hezbollah denied", "Iran denied"), "utf-8")
    changed = kg(store, "ingest", str(folder))
    assert "1 updated" in changed.output
    after = nquads(store, tmp_path, "3.nq")
    assert after != before
    # The old sentence is gone from the store, the new one is there.
    assert not any("Kataib Hezbollah denied the accusation" in q for q in after)
    assert any("Iran denied the accusation" in q for q in after)


CLAIM_FIELDS = {
    "id", "doc", "source", "date", "relation", "subject", "object", "speaker", "cue",
    "quote", "text", "start", "end", "polarity", "modality", "confidence",
    "about", "event_date", "event_date_granularity", "responds", "sources", "cluster",
}  # fmt: skip


def test_shared_corpus_claims_counts_and_round_trip(tmp_path: Path, shared: Path):
    store = tmp_path / "store"
    seeds = shared / "corpus" / "seeds"
    statements = shared / "corpus" / "statements"
    result = kg(store, "ingest", str(seeds), str(statements))
    assert result.exit_code == 0, result.output

    records = [
        json.loads(line)
        for line in kg(store, "claims", "--format", "jsonl").output.splitlines()
        if line.strip()
    ]
    assert all(set(r) == CLAIM_FIELDS for r in records)
    documents_with_claims = {r["doc"] for r in records}
    assert len(documents_with_claims) >= 0.8 * 31  # 5 seeds + 26 statements

    # Every claim's evidence is the document text sliced at its offsets.
    texts = {}
    for path in seeds.iterdir():
        texts[str(path)] = path.read_text(encoding="utf-8")
    for record in records:
        if record["source"] in texts:
            text = texts[record["source"]]
            assert text[record["start"] : record["end"]] == record["text"]

    counted = kg(
        store,
        "query",
        "--format",
        "csv",
        "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a cg:Claim }",
    )
    assert counted.exit_code == 0, counted.output
    assert int(counted.output.split()[-1]) == len(records)

    # TriG export parses back to the same quads (no blank nodes: compare as sets).
    import rdflib

    def quads(path: Path, fmt: str) -> set[tuple[object, ...]]:
        dataset = rdflib.Dataset()
        dataset.parse(path, format=fmt)
        return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}

    out_trig, out_nq = tmp_path / "all.trig", tmp_path / "all.nq"
    assert kg(store, "export", "-f", "trig", "-o", str(out_trig)).exit_code == 0
    assert kg(store, "export", "-f", "nquads", "-o", str(out_nq)).exit_code == 0
    from_trig, from_nquads = quads(out_trig, "trig"), quads(out_nq, "nquads")
    assert len(from_nquads) > 1000
    assert from_trig == from_nquads
    in_store = kg(
        store, "query", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert int(in_store.output.split()[-1]) == len(from_trig)


def test_huge_file_is_split_for_spacy_and_offsets_hold(tmp_path: Path, monkeypatch):
    import extract.nlp.pipeline

    # Pieces of 2,000 characters stand in for spaCy's max_length on a huge file.
    monkeypatch.setattr(extract.nlp.pipeline, "PIECE_CHARS", 2000)
    paragraph = (
        "The Kurdistan Regional Government accused Kataib Hezbollah of attacking a pipeline.\n\n"
        "Kataib Hezbollah denied the accusation in a statement on {day}.\n\n"
    )
    text = "".join(paragraph.format(day=f"day {n}") for n in range(60))  # ~9,000 characters
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    records = [
        json.loads(line)
        for line in kg(store, "claims", "--format", "jsonl").output.splitlines()
        if line.strip()
    ]
    # Every day's denial is its own claim, also in the last piece, with offsets into the file.
    denials = [r for r in records if r["relation"] == "DENY"]
    assert len(denials) == 60
    assert max(r["start"] for r in denials) > 8000
    # The accusation paragraph, repeated word for word, is one claim.
    assert len([r for r in records if r["relation"] == "ACCUSE"]) == 1
    for record in records:
        assert text[record["start"] : record["end"]] == record["text"]


def test_worker_processes_give_the_same_claims(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(GOOD_ARTICLE.replace("Sunday", f"day {n}"), "utf-8")

    def claim_ids(store: Path, *options: str) -> set[str]:
        assert kg(store, "ingest", *options, str(folder)).exit_code == 0
        lines = kg(store, "claims", "--format", "jsonl").output.splitlines()
        return {json.loads(line)["id"] for line in lines if line.strip()}

    single = claim_ids(tmp_path / "one")
    assert single
    assert claim_ids(tmp_path / "two", "--processes", "2") == single


# ---- the store matches the files ---------------------------------------------------------


def _stored_sources(store: Path) -> list[str]:
    result = kg(
        store,
        "query",
        "--format",
        "csv",
        "SELECT ?s WHERE { GRAPH ?g { ?g a schema:NewsArticle ; dcterms:source ?s } } ORDER BY ?s",
    )
    assert result.exit_code == 0, result.output
    return result.output.splitlines()[1:]


OTHER_ARTICLE = GOOD_ARTICLE.replace("Kataib Hezbollah denied", "Iran denied")


def test_same_text_under_two_names_is_stored_once_and_reported(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "copy.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    result = kg(store, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert f"duplicate: {folder / 'copy.txt'} (same text as {folder / 'a.txt'})" in result.output
    assert _stored_sources(store) == [str(folder / "a.txt")]
    # Named on its own later, the copy is recognised against the store.
    again = kg(store, "ingest", str(folder / "copy.txt"))
    assert again.exit_code == 0
    assert f"duplicate: {folder / 'copy.txt'} (same text as {folder / 'a.txt'})" in again.output
    assert _stored_sources(store) == [str(folder / "a.txt")]


def test_a_copy_whose_original_changed_is_not_a_duplicate(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    (folder / "a.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD_ARTICLE, encoding="utf-8")  # a's old text
    result = kg(store, "ingest", str(folder))
    assert "1 added, 1 updated" in result.output and "duplicate" not in result.output
    assert _stored_sources(store) == [str(folder / "a.txt"), str(folder / "b.txt")]


def test_a_renamed_file_is_not_stored_twice(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    (folder / "old.txt").rename(folder / "new.txt")
    result = kg(store, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert f"renamed: {folder / 'old.txt'} -> {folder / 'new.txt'}" in result.output
    assert _stored_sources(store) == [str(folder / "new.txt"), str(folder / "other.txt")]
    claims = [
        json.loads(line) for line in kg(store, "claims", "--format", "jsonl").output.splitlines()
    ]
    assert {claim["source"] for claim in claims} == {
        str(folder / n) for n in ("new.txt", "other.txt")
    }


def test_prune_removes_documents_whose_file_is_gone_under_the_paths_given(tmp_path: Path):
    kept, cleaned = tmp_path / "kept", tmp_path / "cleaned"
    for folder in (kept, cleaned):
        folder.mkdir()
    (kept / "k.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (cleaned / "stays.txt").write_text(OTHER_ARTICLE, encoding="utf-8")
    (cleaned / "goes.txt").write_text(GOOD_ARTICLE.replace("Sunday", "Friday"), "utf-8")
    store = tmp_path / "store"
    assert kg(store, "ingest", str(kept), str(cleaned)).exit_code == 0
    (cleaned / "goes.txt").unlink()
    (kept / "k.txt").unlink()  # gone too, but not under the path given below

    without = kg(store, "ingest", str(cleaned))
    assert "pruned" not in without.output
    assert len(_stored_sources(store)) == 3  # nothing is removed without --prune

    pruned = kg(store, "ingest", "--prune", str(cleaned))
    assert pruned.exit_code == 0, pruned.output
    assert f"pruned: {cleaned / 'goes.txt'}" in pruned.output
    assert _stored_sources(store) == [str(cleaned / "stays.txt"), str(kept / "k.txt")]
    before = nquads(store, tmp_path, "1.nq")
    assert "pruned" not in kg(store, "ingest", "--prune", str(cleaned)).output  # idempotent
    assert nquads(store, tmp_path, "2.nq") == before


def test_prune_of_a_jsonl_file_removes_the_deleted_lines_only(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    texts = [
        "The Kurdistan Regional Government accused Kataib Hezbollah of attacking a pipeline.",
        "Iran condemned the US strike in Baghdad on Tuesday.",
        "Kataib Hezbollah denied the accusation in a statement on Wednesday.",
    ]

    def write(lines: list[str]) -> None:
        feed.write_text("".join(json.dumps({"text": t}) + "\n" for t in lines), "utf-8")

    write(texts)
    store = tmp_path / "store"
    assert "3 added" in kg(store, "ingest", str(feed)).output
    assert len(_stored_sources(store)) == 3

    write(texts[1:])  # the first line deleted: the others keep their ids
    again = kg(store, "ingest", str(feed))
    assert "0 added, 0 updated, 2 unchanged" in again.output
    assert len(_stored_sources(store)) == 3  # the deleted line stays until --prune
    pruned = kg(store, "ingest", "--prune", str(feed))
    assert "2 unchanged" in pruned.output and f"pruned: {feed}#L1" in pruned.output
    claims = [
        json.loads(line) for line in kg(store, "claims", "--format", "jsonl").output.splitlines()
    ]
    assert not any("pipeline" in claim["text"] for claim in claims)
    assert len(_stored_sources(store)) == 2


def test_each_document_is_written_as_soon_as_it_is_extracted(tmp_path: Path, monkeypatch):
    import extract.extractor

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(GOOD_ARTICLE.replace("Sunday", f"day {n}"), "utf-8")
    real = extract.extractor.extract_doc
    calls = []

    def crash_on_the_third(doc, document, registry, *, offset=0):
        calls.append(document.source)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the run is killed while extracting the third
        return real(doc, document, registry, offset=offset)

    monkeypatch.setattr(extract.extractor, "extract_doc", crash_on_the_third)
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code != 0  # "Aborted!"
    assert len(calls) == 3
    monkeypatch.setattr(extract.extractor, "extract_doc", real)
    assert _stored_sources(store) == [str(folder / "a0.txt"), str(folder / "a1.txt")]


def test_a_full_disk_ends_in_one_message_and_the_store_stays_whole(tmp_path: Path, monkeypatch):
    import pyoxigraph

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"a{n}.txt").write_text(GOOD_ARTICLE.replace("Sunday", f"day {n}"), "utf-8")
    real_update, real_extend = pyoxigraph.Store.update, pyoxigraph.Store.extend
    writes = []

    def failing(real):  # a write: a SPARQL update, or a new document's quads (extend)
        def write(self, *args, **kwargs):
            writes.append(1)
            if len(writes) > 2:  # the registry and the first document go in, then the disk is full
                raise OSError("IO error: No space left on device: While appending to 000008.log")
            return real(self, *args, **kwargs)

        return write

    monkeypatch.setattr(pyoxigraph.Store, "update", failing(real_update))
    monkeypatch.setattr(pyoxigraph.Store, "extend", failing(real_extend))
    store = tmp_path / "store"
    result = kg(store, "ingest", str(folder))
    monkeypatch.setattr(pyoxigraph.Store, "update", real_update)
    monkeypatch.setattr(pyoxigraph.Store, "extend", real_extend)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "No space left on device" in errors[0] and "run the same `kg ingest` again" in errors[0]
    assert "Traceback" not in result.output
    assert "2 documents not written" in result.output
    assert _stored_sources(store) == [str(folder / "a0.txt")]
    resumed = kg(store, "ingest", str(folder))
    assert resumed.exit_code == 0 and "2 added, 0 updated, 1 unchanged" in resumed.output


def test_a_file_named_twice_is_no_duplicate(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = kg(tmp_path / "store", "ingest", "in", "./in/a.txt", str(folder / "a.txt"))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "duplicate" not in result.output


def test_identical_lines_of_a_jsonl_file_are_one_document(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    line = json.dumps({"text": "Iran condemned the US strike in Baghdad on Tuesday."})
    feed.write_text(line + "\n" + line + "\n", encoding="utf-8")
    result = kg(tmp_path / "store", "ingest", str(feed))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert f"duplicate: {feed}#L2 (same text as {feed}#L1)" in result.output


def test_a_long_document_among_short_ones_gives_the_same_claims_with_workers(
    tmp_path: Path, monkeypatch
):
    import extract.nlp.pipeline

    monkeypatch.setattr(extract.nlp.pipeline, "PIECE_CHARS", 2000)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_ARTICLE, "utf-8")
    long_text = "".join(
        f"Kataib Hezbollah denied the accusation in a statement on day {n}.\n\n" for n in range(80)
    )
    (folder / "b.txt").write_text(long_text, "utf-8")  # ~5,400 characters: 3 pieces
    (folder / "c.txt").write_text(OTHER_ARTICLE, "utf-8")

    def claim_ids(store: Path, *options: str) -> list[str]:
        result = kg(store, "ingest", *options, str(folder))
        assert result.exit_code == 0, result.output
        lines = kg(store, "claims", "--format", "jsonl").output.splitlines()
        return sorted(json.loads(line)["id"] for line in lines if line.strip())

    single = claim_ids(tmp_path / "one")
    assert len(single) > 80
    assert claim_ids(tmp_path / "two", "--processes", "2") == single
