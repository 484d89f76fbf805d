"""kg ingest's dates, kg disputes and kg timeline end to end: articles written for these
tests, ingested with the real model through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

ACCUSATION = (
    "Erbil accuses militia over airport strike\n\n"
    "The Kurdistan Regional Government accused Kataib Hezbollah of the drone attack on Erbil "
    "airport on Monday.\n"
)
DENIAL = (
    "Militia rejects blame\n\n"
    "Kataib Hezbollah on Wednesday denied any role in the drone attack on the airport.\n"
)
UNDATED = "Talks go on\n\nOfficials of both sides met again in the capital.\n"


def kg(store: Path, *args: str):
    return CliRunner().invoke(app, ["--store", str(store), *args])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "wire-2025-12-29.txt").write_text(ACCUSATION)
    (folder / "wire-2026-01-02.txt").write_text(DENIAL)
    (folder / "talks.txt").write_text(UNDATED)
    store = folder.parent / "store"
    result = kg(store, "ingest", str(folder))
    assert result.exit_code == 0, result.output
    return store, result.output


@pytest.mark.model
def test_ingest_says_how_many_documents_have_no_date(ingested) -> None:
    _, output = ingested
    assert "1 document with no date" in output


@pytest.mark.model
def test_a_run_date_dates_the_rest(tmp_path: Path) -> None:
    (tmp_path / "talks.txt").write_text(UNDATED)
    result = kg(tmp_path / "store", "ingest", "--date", "2025-11-30", str(tmp_path / "talks.txt"))
    assert result.exit_code == 0, result.output
    assert "no date" not in result.output
    assert kg(tmp_path / "store", "ingest", "--date", "30/11/2025", "x").exit_code == 2


@pytest.mark.model
def test_disputes_links_the_denial_of_the_next_article(ingested) -> None:
    store, _ = ingested
    result = kg(store, "disputes", "--format", "json")
    assert result.exit_code == 0, result.output
    (dispute,) = json.loads(result.output)
    accusation = dispute["accusation"]
    assert accusation["subject"]["id"] == "krg"
    assert accusation["object"]["id"] == "kataib-hezbollah"
    assert (accusation["event_date"], accusation["event_date_granularity"]) == (
        "2025-12-29",
        "day",
    )
    (response,) = dispute["responses"]
    assert response["rule"] == "dispute.cross_article"
    # "on Wednesday" in an article of Friday 2 January 2026: back over the year end
    assert response["claim"]["event_date"] == "2025-12-31"
    text = kg(store, "disputes", "--actor", "Kataib Hezbollah").output
    assert "Kataib Hezbollah denied" in text and "(1 dispute)" in text
    assert "(0 disputes)" in kg(store, "disputes", "--actor", "Iran").output


@pytest.mark.model
def test_timeline_threads_the_denial(ingested) -> None:
    store, _ = ingested
    result = kg(store, "timeline", "Kataib Hezbollah")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    accused = next(i for i, line in enumerate(lines) if "ACCUSE" in line)
    assert "↳" in lines[accused + 2] and "DENY" in lines[accused + 2]


@pytest.mark.model
def test_claims_date_and_polarity_filters(ingested) -> None:
    store, _ = ingested
    records = [
        json.loads(line)
        for line in kg(
            store, "claims", "--since", "2026-01-01", "--format", "jsonl"
        ).output.splitlines()
    ]
    assert records and {r["date"] for r in records} == {"2026-01-02"}
    result = kg(store, "claims", "--since", "January")
    assert result.exit_code == 2 and "not an ISO date" in result.output
    assert "no document" in kg(store, "claims", "--doc", "nowhere.txt").output
