"""A gold folder's YAML files are read together, and a gold file may name a JSONL corpus
whose records it gives by id (extract.evaluation.gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.errors import EvaluationError
from extract.evaluation.gold import check_gold, gold_articles, load_gold

RECORDS = [
    {"id": "r1", "title": "Talks", "text": "Oman hosted the talks. Iran sent a delegation."},
    {"id": "r2", "title": "Strike", "text": "A drone struck the depot on Monday."},
]


def _gold(path: Path, record: str, evidence: str, corpus: str = "corpus.jsonl") -> None:
    path.write_text(
        f"corpus: {corpus}\n"
        "documents:\n"
        f"  - file: {record}\n"
        "    actors:\n"
        "      - {id: oman, label: Oman, type: Country, names: [Oman]}\n"
        "    claims:\n"
        f'      - {{subject: oman, relation: CONSULT, object: null, evidence: "{evidence}"}}\n',
        encoding="utf-8",
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_a_folder_reads_its_files_together_against_jsonl_records(tmp_path, corpus):
    folder = tmp_path / "gold"
    folder.mkdir()
    _gold(folder / "a.yaml", "r1", "Oman hosted the talks")
    _gold(folder / "b.yaml", "r2", "A drone struck the depot")
    gold = load_gold(folder)
    assert [doc.file for doc in gold.documents] == ["r1", "r2"]
    assert check_gold(gold, corpus) == [
        "r2: name 'Oman' of oman not in the article",
    ]
    articles = gold_articles(gold, corpus)
    assert articles["r1"].text.startswith("Oman hosted")


def test_a_missing_record_and_a_missing_snippet_are_named(tmp_path, corpus):
    path = tmp_path / "gold.yaml"
    _gold(path, "r9", "Oman hosted the talks")
    assert check_gold(load_gold(path), corpus) == ["r9: article not found in " + str(corpus)]


def test_files_of_one_folder_must_name_one_corpus(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    _gold(folder / "a.yaml", "r1", "Oman hosted the talks", corpus="one.jsonl")
    _gold(folder / "b.yaml", "r2", "A drone struck", corpus="two.jsonl")
    with pytest.raises(EvaluationError, match="different corpora"):
        load_gold(folder)


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(EvaluationError, match="holds no .yaml file"):
        load_gold(tmp_path)


def test_an_issuer_named_only_in_the_heading_may_be_declared(tmp_path):
    """An official text's issuer that only the record's title names ("Statement by
    President ...") may be declared, with the name as the title writes it; a name in
    neither the text nor the title is still a problem."""
    corpus = tmp_path / "corpus.jsonl"
    record = {
        "id": "s1",
        "title": "Statement by President Jane Roe on the Truce",
        "text": "I welcome the truce. We call on both sides to keep it.",
    }
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = tmp_path / "gold.yaml"
    path.write_text(
        f"corpus: {corpus.name}\n"
        "documents:\n"
        "  - file: s1\n"
        "    actors:\n"
        "      - {id: jane-roe, label: Jane Roe, type: Person, names: [Jane Roe]}\n"
        "      - {id: john-doe, label: John Doe, type: Person, names: [John Doe]}\n"
        "    claims:\n"
        "      - {subject: jane-roe, relation: SUPPORT, object: null, speaker: jane-roe,\n"
        '         evidence: "I welcome the truce"}\n',
        encoding="utf-8",
    )
    assert check_gold(load_gold(path), corpus) == [
        "s1: name 'John Doe' of john-doe not in the article"
    ]
