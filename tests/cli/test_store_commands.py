"""The query, claims, entities, show, export and stats commands, through Typer's CliRunner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from cli import app
from kg.store import open_store
from tests.kg.samples import article_a, article_b, registry_actors

REPO = Path(__file__).resolve().parents[2]
CLAIM_FIELDS = {
    "id", "doc", "source", "date", "relation", "subject", "object", "speaker", "cue",
    "quote", "text", "start", "end", "polarity", "modality", "confidence",
    "about", "event_date", "event_date_granularity", "responds", "sources", "cluster",
}  # fmt: skip


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        store.replace_registry(registry_actors())
    return path


def kg(store: Path, *args: str, stdin: str | None = None):
    return CliRunner().invoke(app, ["--store", str(store), *args], input=stdin)


@pytest.mark.parametrize("command", ["query", "claims", "entities", "show", "export", "stats"])
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.stdout and len(result.stdout.splitlines()) > 3


def test_query_table(store_path: Path) -> None:
    result = kg(store_path, "query", "SELECT ?who WHERE { ?who cg:accuses ?whom }")
    assert result.exit_code == 0, result.output
    assert "actor:krg" in result.stdout and "(1 row)" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_query_formats(store_path: Path, fmt: str) -> None:
    result = kg(store_path, "query", "SELECT ?c WHERE { ?c a cg:Claim }", "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert len(json.loads(result.stdout)["results"]["bindings"]) == 6
    else:
        assert len(result.stdout.strip().splitlines()) == 7  # header + 6 claims


def test_query_from_file_and_stdin(store_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "who.rq"
    query.write_text("# who denies?\nSELECT ?s WHERE { ?s cg:relation 'DENY' }\n")
    from_file = kg(store_path, "query", f"@{query}", "--format", "csv")
    from_stdin = kg(store_path, "query", "-", "--format", "csv", stdin=query.read_text())
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout == from_stdin.stdout and from_file.stdout.count("\n") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("query", "SELECT * WHERE { ?s ?p }"), "line 1, column"),
        (("query", "DELETE WHERE { ?s ?p ?o }"), "--update"),
        (("query", "@/no/such/file.rq"), "cannot read query file"),
        (("query", "SELECT * {}", "--format", "xml"), "table, csv"),
        (("query", "SELECT * WHERE { ?s ?p ?o }", "--format", "turtle"), "CONSTRUCT"),
        (("claims", "--relation", "ACUSE"), "ACCUSE"),
        (("claims", "--actor", "Hezbolla"), "Kataib Hezbollah"),
        (("entities", "--type", "Militia"), "ArmedGroup"),
        (("show", "Barzani"), "several actors"),
        (("export", "-f", "rdfxml"), "trig"),
    ],
)
def test_errors_are_one_line_on_stderr(
    store_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = kg(store_path, *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output and result.stdout == ""


def test_update_with_permission(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
    # updates see each document's graph, not the union: name the graph
    deleted = kg(path, "query", "--update", "DELETE WHERE { GRAPH ?g { ?c cg:relation 'DENY' } }")
    assert deleted.exit_code == 0, deleted.output
    remaining = kg(path, "claims", "--format", "jsonl")
    assert "DENY" not in {json.loads(line)["relation"] for line in remaining.stdout.splitlines()}


def test_missing_store(tmp_path: Path) -> None:
    result = kg(tmp_path / "nothing", "stats")
    assert result.exit_code != 0 and "kg ingest" in result.stderr
    assert not (tmp_path / "nothing").exists()  # reading never creates a store


def test_claims_jsonl(store_path: Path) -> None:
    result = kg(store_path, "claims", "--format", "jsonl", "--actor", "Hashd al-Shaabi")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(set(r) == CLAIM_FIELDS for r in records)
    assert sorted(r["relation"] for r in records) == ["AFFILIATED_WITH", "CLAIM_RESPONSIBILITY"]


def test_claims_table_and_csv(store_path: Path) -> None:
    table = kg(store_path, "claims", "--speaker", "Masrour Barzani")
    assert table.exit_code == 0, table.output
    assert "We will not let this pass" in table.stdout and "(1 claim)" in table.stdout
    as_csv = kg(store_path, "claims", "--relation", "REQUEST", "--format", "csv")
    header, row = as_csv.stdout.splitlines()
    assert header.startswith("id,doc,source,date,relation,subject_id")
    assert "us-government" in row and "iraqi-government" in row


def test_claims_min_confidence(store_path: Path) -> None:
    every = kg(store_path, "claims", "--format", "jsonl")
    confidences = sorted(json.loads(line)["confidence"] for line in every.stdout.splitlines())
    assert len(set(confidences)) > 1  # the sample claims differ in confidence
    cut = confidences[len(confidences) // 2]
    kept = kg(store_path, "claims", "--format", "jsonl", "--min-confidence", str(cut))
    assert kept.exit_code == 0, kept.output
    records = [json.loads(line) for line in kept.stdout.splitlines()]
    assert records and all(r["confidence"] >= cut for r in records)
    assert len(records) == sum(c >= cut for c in confidences) < len(confidences)
    bad = kg(store_path, "claims", "--min-confidence", "1.5")
    assert bad.exit_code == 2 and "--min-confidence" in bad.output


def test_entities(store_path: Path) -> None:
    result = kg(store_path, "entities", "--type", "Person", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    labels = {json.loads(line)["label"] for line in result.stdout.splitlines()}
    assert labels == {"Masrour Barzani", "Nechirvan Barzani"}
    table = kg(store_path, "entities")
    assert "Kataib Hezbollah" in table.stdout and "(7 actors)" in table.stdout
    as_csv = kg(store_path, "entities", "--format", "csv")
    assert (
        as_csv.stdout.splitlines()[0] == "id,label,type,aliases,mentions,documents,wikidata,roles"
    )


def test_show(store_path: Path) -> None:
    result = kg(store_path, "show", "kata'ib hezbollah")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Kataib Hezbollah  (ArmedGroup")
    assert "ACCUSE <- Kurdistan Region Government" in result.stdout
    as_json = json.loads(kg(store_path, "show", "KRG", "--format", "json").stdout)
    assert [c["relation"] for c in as_json["claims_made"]] == ["ACCUSE"]


def test_export_to_file_and_stdout(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "all.trig"
    result = kg(store_path, "export", "-f", "trig", "-o", str(target))
    assert result.exit_code == 0, result.output
    dataset = Dataset()
    dataset.parse(target, format="trig")
    assert len(list(dataset.graphs())) >= 3  # two documents and the registry
    stdout = kg(store_path, "export", "-f", "nquads")
    assert stdout.exit_code == 0, stdout.output
    from_stdout = Dataset()
    from_stdout.parse(data=stdout.stdout, format="nquads")
    assert len(from_stdout) == len(dataset) > 0


def test_stats(store_path: Path) -> None:
    counts = json.loads(kg(store_path, "stats", "--format", "json").stdout)
    assert (counts["documents"], counts["claims"], counts["actors"]) == (2, 6, 7)
    text = kg(store_path, "stats").stdout
    assert "claims: 6" in text and "ACCUSE" in text


def test_query_and_help_do_not_import_spacy(store_path: Path) -> None:
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from cli import app\n"
        "runner = CliRunner()\n"
        "assert runner.invoke(app, ['--help']).exit_code == 0\n"
        "assert 'rdflib' not in sys.modules, 'kg --help imported rdflib'\n"
        f"result = runner.invoke(app, ['--store', {str(store_path)!r}, 'query', 'ASK {{}}'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'spacy' not in sys.modules, 'kg query imported spaCy'\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_forget_removes_documents_and_names_the_unknown_ones(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
    result = kg(path, "forget", "articles/a.txt", "articles/nope.txt")
    assert result.exit_code == 1
    assert "forgot articles/a.txt" in result.stdout
    assert "not found: articles/nope.txt" in result.stderr
    claims = kg(path, "claims", "--format", "jsonl").stdout.splitlines()
    assert {json.loads(line)["source"] for line in claims} == {"articles/b.txt"}
    entities = {
        json.loads(line)["id"]
        for line in kg(path, "entities", "--format", "jsonl").stdout.splitlines()
    }
    assert "masrour-barzani" not in entities and "kataib-hezbollah" in entities


def test_plain_group_by_counts_each_claim_once(store_path: Path) -> None:
    result = kg(
        store_path, "query", "--format", "csv",
        "SELECT ?relation (COUNT(?c) AS ?n) WHERE { ?c cg:relation ?relation ; "
        "cg:subject/skos:prefLabel ?who } GROUP BY ?relation ORDER BY ?relation",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = dict(line.split(",") for line in result.stdout.strip().splitlines()[1:])
    assert rows == {"ACCUSE": "1", "AFFILIATED_WITH": "1", "CLAIM_RESPONSIBILITY": "1",
                    "DENY": "1", "REQUEST": "1", "STATEMENT": "1"}  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ("query", "ASK {}"),
        ("query", "SELECT ?c WHERE { ?c a cg:Claim }"),
        ("claims", "--actor", "Kataib Hezbollah"),
        ("show", "Kataib Hezbollah"),
        ("stats",),
    ],
)
def test_read_commands_load_neither_spacy_nor_rdflibs_sparql_engine(
    store_path: Path, args: tuple[str, ...]
) -> None:
    script = (
        "import sys\n"
        "from cli import app\n"
        f"try:\n    app({['--store', str(store_path), *args]!r})\n"
        "except SystemExit as done:\n    assert not done.code, done.code\n"
        "loaded = [m for m in ('spacy', 'rdflib.plugins.sparql', 'oxrdflib') if m in sys.modules]\n"
        "print('LOADED', loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "LOADED []" in done.stdout
