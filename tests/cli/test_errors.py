"""The command line's one error translator: each error family, its message and exit code.

`KgError` and `ExtractError` become one line on stderr and exit 2; an `OSError` while
writing `-o FILE` says which file; a closed stdout pipe ends the command quietly;
any other exception is a bug and is not hidden.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from extract.errors import ClutterRulesError, EvaluationError, LexiconError
from kg.store import open_store
from tests.kg.samples import article_a, article_b, registry_actors

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("errors") / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        store.replace_registry(registry_actors())
    return path


def kg(store: Path, *args: str):
    return CliRunner().invoke(app, ["--store", str(store), *args])


def test_every_command_goes_through_the_translator() -> None:
    callbacks = [command.callback for command in app.registered_commands]
    assert len(callbacks) == 16  # ingest query claims entities show export stats serve ...
    assert all(hasattr(callback, "__wrapped__") for callback in callbacks)


def test_kg_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = kg(tmp_path / "nothing", "claims")
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: no store at {tmp_path / 'nothing'}: run `kg ingest` first, "
        "or point --store (env KG_STORE) at an existing store\n"
    )
    assert result.stdout == ""


def test_query_file_error(store_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no.rq"
    for args in (
        ("query", f"@{missing}"),
        ("viz", "-o", str(tmp_path / "g.html"), "--query", str(missing)),
    ):
        result = kg(store_path, *args)
        assert result.exit_code == 2
        assert (
            result.stderr == f"error: cannot read query file {missing}: No such file or directory\n"
        )


def test_path_names_the_filters(store_path: Path) -> None:
    result = kg(store_path, "path", "KRG", "Nobody Here")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: no actor named 'Nobody Here'; list actors with `kg entities` "
        "(only actors in claims that pass the filters can be on a path)\n"
    )


def test_registry_error_on_ingest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors: {not: a list}\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["--store", str(tmp_path / "s"), "--registry", str(bad), "ingest", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}: 'actors' must be a list of actor entries\n"


@pytest.mark.parametrize(
    "error",
    [
        LexiconError("cues.yaml: 'said' is listed twice; remove one"),
        ClutterRulesError("clutter.yaml: bad regular expression '(('"),
    ],
)
def test_extract_errors_on_ingest(tmp_path: Path, monkeypatch, error: Exception) -> None:
    import extract.nlp.pipeline

    def fail(model=None, registry=None):
        raise error

    monkeypatch.setattr(extract.nlp.pipeline, "load_nlp", fail)
    (tmp_path / "a.txt").write_text("The KRG accused Kataib Hezbollah.", encoding="utf-8")
    result = kg(tmp_path / "s", "ingest", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"error: {error}\n"


def test_missing_model_on_ingest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The KRG accused Kataib Hezbollah.", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["--store", str(tmp_path / "s"), "--model", "no_such_pipeline", "ingest", str(tmp_path)],
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "no_such_pipeline" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output


def test_evaluation_error_keeps_eval_s_own_wording(tmp_path: Path, monkeypatch) -> None:
    import extract.actors.registry
    import extract.evaluation.run
    import extract.nlp.pipeline

    def fail(gold, *, nlp, registry, corpus=None, details=False):
        raise EvaluationError(f"{gold}: line 3: 'claims' must be a list")

    monkeypatch.setattr(extract.actors.registry, "load_registry", lambda extra=(): None)
    monkeypatch.setattr(extract.nlp.pipeline, "load_nlp", lambda model=None, registry=None: None)
    monkeypatch.setattr(extract.evaluation.run, "evaluate", fail)
    gold = tmp_path / "gold.yaml"
    gold.write_text("documents: []\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2
    assert result.stderr == f"{gold}: line 3: 'claims' must be a list\n"  # no "error: "


@pytest.mark.parametrize(
    "args", [("export", "-f", "turtle", "-o"), ("viz", "-o")], ids=["export", "viz"]
)
def test_os_error_names_the_file_written(store_path: Path, tmp_path: Path, args) -> None:
    target = tmp_path / "no" / "such" / ("x.ttl" if args[0] == "export" else "x.html")
    result = kg(store_path, *args, str(target))
    assert result.exit_code == 2
    assert result.stderr == f"error: cannot write {target}: No such file or directory\n"


def test_other_os_errors_are_not_hidden(store_path: Path, monkeypatch) -> None:
    def fail(store):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kg.readback.stats", fail)
    result = kg(store_path, "stats")
    assert isinstance(result.exception, PermissionError)  # a bug, not a user error


def test_closed_stdout_pipe_is_not_an_error(store_path: Path) -> None:
    command = [sys.executable, "-m", "cli", "--store", str(store_path), "export", "-f", "nquads"]
    done = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert done.stdout is not None and done.stderr is not None
    done.stdout.close()  # the reader is gone before the first write (`| head -0`)
    stderr = done.stderr.read()
    assert done.wait(timeout=120) == 0
    assert stderr == b""


@pytest.mark.parametrize("option", [["--workers", "2"], ["--dask", "tcp://127.0.0.1:8786"]])
def test_a_cluster_without_distributed_installed_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str]
) -> None:
    import importlib.util

    find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "distributed" else find_spec(name)
    )
    (tmp_path / "a.txt").write_text("Iran condemned the strike.\n", encoding="utf-8")
    result = kg(tmp_path / "store", "ingest", *option, str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"error: {option[0]} needs Dask's `distributed` package: pip install 'claimgraph[dask]'"
    )
