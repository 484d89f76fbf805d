"""Romanisation variants across documents, through `kg ingest` into a fresh embedded
store (real spaCy model): one actor node under both spellings, and a re-ingest that
changes nothing.

The articles are written for these tests; the tribal leader they name is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from extract.actors.variants import VariantIndex
from extract.records import Actor
from kg.store import open_store

pytestmark = pytest.mark.model

runner = CliRunner()

ARTICLES = {
    "01-road.txt": (
        "Anbar road to reopen\n\n"
        "Tribal leader Muqtadir al-Hashemi said on Sunday that the road to the border"
        " would reopen next week."
    ),
    "02-council.txt": (
        "Council accused of delays\n\n"
        "Tribal leader Moqtadir Hashimi accused the provincial council of delaying the"
        ' project. "We have waited two years," Moqtadir Hashimi said.'
    ),
}


def kg(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args], catch_exceptions=False)


def entities(store: Path) -> list[dict]:
    result = kg(store, "entities", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def nquads(store: Path, out: Path) -> set[str]:
    result = kg(store, "export", "-f", "nquads", "-o", str(out))
    assert result.exit_code == 0, result.output
    return {line for line in out.read_text(encoding="utf-8").splitlines() if line.strip()}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_spellings_in_two_documents_are_one_actor(tmp_path: Path, folder: Path):
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    leaders = [e for e in entities(store) if "hash" in e["id"]]
    assert len(leaders) == 1, leaders
    (leader,) = leaders
    assert leader["id"] == "muqtadir-al-hashemi"  # the first spelling read keeps the id
    assert leader["label"] == "Muqtadir al-Hashemi"
    assert "Moqtadir Hashimi" in leader["aliases"]  # skos:altLabel
    assert leader["documents"] == 2


def test_reingesting_the_same_text_changes_nothing(tmp_path: Path, folder: Path):
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    before = nquads(store, tmp_path / "before.nq")
    again = kg(store, "ingest", str(folder))
    assert again.exit_code == 0
    assert "2 unchanged" in again.output
    assert nquads(store, tmp_path / "after.nq") == before


def test_the_store_gives_the_index_its_actors(tmp_path: Path, folder: Path, registry):
    store = tmp_path / "store"
    assert kg(store, "ingest", str(folder)).exit_code == 0
    with open_store(store) as opened:
        stored = {actor.id: actor for actor in opened.stored_actors()}
    assert stored["muqtadir-al-hashemi"].type == "Person"
    assert "Moqtadir Hashimi" in stored["muqtadir-al-hashemi"].aliases
    assert stored["muqtada-al-sadr"].label == "Muqtada al-Sadr"  # registry actors too
    index = VariantIndex(stored.values(), registry_ids=registry.entries)
    later = Actor(id="muktadir-hashimi", label="Muktadir Hashimi", type="Person")
    assert index.match(later) == "muqtadir-al-hashemi"


def test_worker_processes_link_as_one_process_does(tmp_path: Path, folder: Path):
    stores = {}
    for name, options in (("one", ()), ("two", ("--processes", "2"))):
        store = tmp_path / name
        assert kg(store, "ingest", *options, str(folder)).exit_code == 0
        stores[name] = sorted(json.dumps(e, sort_keys=True) for e in entities(store))
    assert stores["one"] == stores["two"]
    assert any('"Moqtadir Hashimi"' in line for line in stores["two"])
