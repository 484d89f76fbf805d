"""What a new user sees: version, tables (escaped, --wide), counts, tied paths, endpoint URLs.

Reproductions of issue 13's "smaller, seen by a new user" items, each run through a
`kg` subprocess bounded in time and memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.cli.conftest import REPO, one_line_error, run_kg

HOSTILE_ARTICLE = (
    "Harbour Minister Lena Okafor accused the Delta Shipping Company of dumping waste "
    "\x1b[2J\x1b]0;owned\x07near the port of Varna on Tuesday.\n"
    '"We will not allow this \x1b[31mto continue," Okafor said.\n'
)


def test_version() -> None:
    done = run_kg(Path("unused"), "--version")
    assert (done.returncode, done.stdout) == (0, f"claimgraph {version('claimgraph')}\n")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store of one article with terminal escape sequences in its text; the ingest output."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "escapes.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    done = run_kg(folder / "store", "ingest", str(folder / "escapes.txt"), timeout=600)
    assert done.returncode == 0, done.stderr
    return folder / "store", done.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("claims",),
        ("claims", "--wide"),
        ("show", "Lena Okafor"),
        ("query", "SELECT ?t { ?c cg:text ?t }"),
    ],
)
def test_terminal_escapes_are_shown_not_obeyed(hostile_store, args: tuple[str, ...]) -> None:
    store, _ = hostile_store
    done = run_kg(store, *args)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "\\x1b[31m" in done.stdout  # still visible, as an escape


def test_jsonl_keeps_the_text_as_stored(hostile_store) -> None:
    store, _ = hostile_store
    done = run_kg(store, "claims", "--format", "jsonl")
    texts = [json.loads(line)["text"] for line in done.stdout.splitlines()]
    assert any("\x1b[2J" in text for text in texts)  # data formats are not rewritten


def test_wide_prints_whole_sentences(article_store: Path) -> None:
    sentence = (
        "Harbour Minister Lena Okafor accused the Delta Shipping Company of dumping waste "
        "near the port of Varna on Tuesday."
    )
    cut = run_kg(article_store, "claims")
    wide = run_kg(article_store, "claims", "--wide")
    assert sentence not in cut.stdout and "…" in cut.stdout
    assert sentence in wide.stdout
    query = "SELECT ?t WHERE { ?c cg:relation 'ACCUSE' ; cg:text ?t }"
    assert sentence in run_kg(article_store, "query", "--wide", query).stdout
    assert sentence not in run_kg(article_store, "query", query).stdout


def test_actor_counts_say_how_they_count(article_store: Path, hostile_store) -> None:
    _, ingest_output = hostile_store
    assert "actors (an actor counts once in each document naming it)" in ingest_output
    stats = run_kg(article_store, "stats").stdout
    line = next(line for line in stats.splitlines() if line.startswith("actors:"))
    assert line.endswith("(each counted once, registry actors included)")
    counted = int(line.split()[1])
    registry = len(run_kg(article_store, "entities", "--format", "jsonl").stdout.splitlines())
    assert counted == registry > 3  # the registry's actors are in it, not just the article's


def test_endpoint_base_url_is_explained(http_server) -> None:
    host, port = http_server.server_address[:2]
    base = f"http://{host}:{port}/"
    for args in (("stats",), ("query", "SELECT * { ?s ?p ?o } LIMIT 1"), ("claims",)):
        message = one_line_error(run_kg(Path("unused"), *args, endpoint=base))
        assert message == (
            f"error: {base} answered with a web page, not SPARQL results: give --endpoint "
            f"the server's query URL (for Oxigraph server http://{host}:{port}/query)"
        )


TIED_PATHS = """
from kg.analysis import find_path
from kg.network import build_graph

def actor(name):
    return {"id": name, "label": name.title(), "type": "Person"}

claims = [
    {"id": s + o, "relation": "ACCUSE", "subject": actor(s), "object": actor(o),
     "speaker": None, "cue": "accused", "quote": None, "text": "t", "start": 0, "end": 1,
     "polarity": "affirmed", "modality": "asserted", "confidence": 0.5, "date": None,
     "doc": "d", "source": "s"}
    for middle in ("m5", "m2", "m9", "m1", "m7", "m3")
    for s, o in (("start", middle), (middle, "end"))
]
steps = find_path(build_graph(claims), "Start", "End")
print(" -> ".join(["Start"] + [step.target_label for step in steps]))
"""


def test_tied_paths_give_the_same_chain_on_every_run() -> None:
    chains = set()
    for seed in ("1", "2", "3", "4", "5"):
        done = subprocess.run(
            [sys.executable, "-c", TIED_PATHS],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, done.stderr
        chains.add(done.stdout.strip())
    assert chains == {"Start -> M1 -> End"}  # of six tied chains, the first by label


def test_endpoint_update_url_is_explained(http_server) -> None:
    host, port = http_server.server_address[:2]
    url = f"http://{host}:{port}/update"
    for args in (("stats",), ("query", "ASK { ?s ?p ?o }")):
        message = one_line_error(run_kg(Path("unused"), *args, endpoint=url))
        assert message == (
            f"error: {url} answered with an RDF graph, not SPARQL results: give --endpoint "
            "the server's query URL (an update URL answers with its service description)"
        )
