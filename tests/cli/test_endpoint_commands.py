"""`kg --endpoint URL ...` against real SPARQL servers, as a user runs it.

Each server of `tests/servers.py` in turn (Oxigraph with and without
--union-default-graph, Virtuoso) gets the same articles as an embedded store, through
the same commands: ingest, query, show, claims, a changed article ingested again,
forget. After each step the two hold the same quads (compared as sorted N-Quads of
`kg export --format nquads`), so the document graphs and the derived graphs (actors,
disputes) are kept the same way on a server as on disk.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

ARTICLES = {
    "harbour-2025-12-29.txt": (
        "Harbour Minister Lena Okafor accused the Delta Shipping Company of dumping waste "
        "near the port of Varna on Tuesday.\n"
        '"We will not allow this to continue," Okafor said.\n'
    ),
    "denial-2025-12-31.txt": (
        "Delta Shipping Company denies dumping\n\n"
        "The Delta Shipping Company on Wednesday denied dumping waste near the port of Varna "
        "and called on the ministry to publish its evidence.\n"
    ),
    "council.txt": (
        "The Varna city council urged the government to inspect every ship in the port. "
        "Mayor Ivan Petrov said the council would sue the company.\n"
    ),
}
CHANGED = "The Varna city council urged the government to inspect every ship in the port.\n"


@pytest.fixture
def fast_model(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg ingest` uses the session's pipeline instead of loading it again."""
    import extract.nlp.pipeline

    monkeypatch.setattr(extract.nlp.pipeline, "load_nlp", lambda model=None, registry=None: nlp)


@pytest.fixture
def server(sparql_server: str) -> Iterator[str]:
    from tests.servers import clear

    clear(sparql_server)
    yield sparql_server
    clear(sparql_server)


def _kg(where: list[str], *args: str) -> str:
    result = CliRunner().invoke(app, [*where, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _sorted_quads(where: list[str]) -> list[str]:
    return sorted(_kg(where, "export", "--format", "nquads").splitlines())


@pytest.mark.model
def test_a_server_holds_what_the_embedded_store_holds(
    server: str, fast_model: None, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    remote, local = ["--endpoint", server], ["--store", str(tmp_path / "store")]
    for where in (remote, local):
        assert "3 added" in _kg(where, "ingest", str(folder))
    quads = _sorted_quads(remote)
    assert quads == _sorted_quads(local)
    # the literals that could be normalised on the way (dates, doubles) are there
    assert any("XMLSchema#date>" in quad for quad in quads)
    assert any("XMLSchema#double>" in quad for quad in quads)
    CliRunner().invoke(app, [*remote, "export", "--format", "nquads", "--split", "2", "-o",
                             str(tmp_path / "split")])  # fmt: skip
    files = sorted((tmp_path / "split").glob("*.nq"))
    assert [f.name for f in files] == [f"claimgraph-0000{n}.nq" for n in range(3)]
    split = sorted(line for f in files for line in f.read_text(encoding="utf-8").splitlines())
    assert split == _sorted_quads(remote)

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?c a cg:Claim }"
    answers = [_kg(where, "query", count, "--format", "csv") for where in (remote, local)]
    assert answers[0] == answers[1]
    assert int(answers[0].split()[-1]) >= 2
    assert _kg(remote, "show", "Lena Okafor", "--format", "json") == _kg(
        local, "show", "Lena Okafor", "--format", "json"
    )
    claims = [_kg(where, "claims", "--format", "jsonl") for where in (remote, local)]
    assert claims[0] == claims[1]
    assert "Delta Shipping Company" in claims[0]

    (folder / "council.txt").write_text(CHANGED, encoding="utf-8")
    for where in (remote, local):
        assert "1 updated" in _kg(where, "ingest", str(folder))
    quads = _sorted_quads(remote)
    assert quads == _sorted_quads(local)
    assert not any("Petrov" in quad for quad in quads)  # only the old text named him

    for where in (remote, local):
        assert "forgot" in _kg(where, "forget", str(folder / "harbour-2025-12-29.txt"))
    assert _sorted_quads(remote) == _sorted_quads(local)
    left = json.loads(_kg(remote, "stats", "--format", "json"))
    assert left["documents"] == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "turtle", "--split", "2", "-o", "x"], "use --format nquads"),
        (["--format", "nquads", "--split", "2"], "needs --output FOLDER"),
        (["--format", "nquads", "--split", "0", "-o", "x"], "greater than or equal to 1"),
    ],
)
def test_split_export_options_are_checked(tmp_path: Path, args: list[str], message: str) -> None:
    from kg.store import open_store

    open_store(tmp_path / "store").close()
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "export", *args])
    assert result.exit_code == 2
    assert message in result.output
