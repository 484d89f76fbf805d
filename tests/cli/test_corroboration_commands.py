"""kg ingest's claim clusters, kg claims --min-sources, kg show and kg forget end to end:
three articles written for these tests (a wire story, its copy in another outlet, a
third outlet's own report), ingested with the real model through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

CLAIM = (
    "The Kurdistan Regional Government accused Kataib Hezbollah of the drone attack on "
    "Erbil airport."
)
WIRE = (
    f"{CLAIM} Officials said the drone came down near the cargo terminal before dawn on "
    "Monday, damaging a hangar and two parked aircraft, and that flights resumed by noon "
    "after the runway was checked by engineers."
)
RECORDS = [
    {"id": "wire", "publisher": "Northern Wire Service", "date": "2025-12-01",
     "title": "Erbil blames militia for airport drone", "text": WIRE},
    {"id": "copy", "publisher": "Valley Evening News", "date": "2025-12-01",
     "title": "Militia blamed for drone at Erbil airport",
     "text": WIRE + "\n\nThis report was supplied by Northern Wire Service."},
    {"id": "own", "publisher": "Erbil Morning Monitor", "date": "2025-12-03",
     "title": "Airport reopens after strike",
     "text": "Travellers queued at Erbil airport on Wednesday as the terminal reopened. "
             f"{CLAIM} The group has not commented, and the airport authority said "
             "repairs to the hangar would take a month."},
]  # fmt: skip


def kg(store: Path, *args: str):
    return CliRunner().invoke(app, ["--store", str(store), *args])


def line(record: dict) -> str:
    """Which line of the feed a claim record comes from: L1 wire, L2 copy, L3 own report."""
    return record["source"].rsplit("#", 1)[-1]


def claims(store: Path, *args: str) -> list[dict]:
    result = kg(store, "claims", "--relation", "ACCUSE", "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in RECORDS))
    store = tmp_path / "store"
    result = kg(store, "ingest", str(feed))
    assert result.exit_code == 0, result.output
    return store


@pytest.mark.model
def test_three_outlets_one_of_them_a_copy_are_two_sources(store: Path) -> None:
    found = claims(store, "--min-sources", "2")
    assert sorted(line(r) for r in found) == ["L1", "L2", "L3"]
    assert {r["sources"] for r in found} == {2} and len({r["cluster"] for r in found}) == 1
    assert claims(store, "--min-sources", "3") == []
    assert "[2 sources]" in kg(store, "show", "Kataib Hezbollah").output
    table = kg(store, "claims", "--relation", "ACCUSE").output
    assert table.splitlines()[0].split()[6] == "sources"


@pytest.mark.model
def test_forgetting_documents_updates_the_count(store: Path) -> None:
    source = {line(r): r["source"] for r in claims(store)}
    assert kg(store, "forget", source["L1"]).exit_code == 0
    # the copy and the own report remain: two publishers, two texts
    assert {r["sources"] for r in claims(store)} == {2}
    assert kg(store, "forget", source["L3"]).exit_code == 0
    (alone,) = claims(store)
    assert (alone["sources"], alone["cluster"]) == (1, None)


def test_min_sources_below_one_is_refused(tmp_path: Path) -> None:
    result = kg(tmp_path / "store", "claims", "--min-sources", "0")
    assert result.exit_code == 2 and "--min-sources" in result.output
