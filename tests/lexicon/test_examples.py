"""Every lexicon entry's `examples:` rows, run through the real extractor.

A row is a sentence written for the lexicon (never taken from a corpus) and the claims
the extractor must find in it, in a compact notation: ``"RELATION"``, or ``"SUBJECT
RELATION OBJECT"`` with the actors' labels (``-`` for none; a side left out is not
checked), optionally followed by ``"; negated"``, ``"; hypothetical"`` ... matched
against the claim's polarity or modality. ``absent:`` lists relations the sentence must
not give. The rows live in relations.yaml (under each relation code) and cues.yaml
(under each block); the loader drops them (`extract.lexicon.schema`).
"""

from __future__ import annotations

from typing import Any

import pytest

from extract.lexicon import read_yaml
from extract.lexicon.cues import CUES_FILE, CUES_SCHEMA, RELATIONS_FILE
from extract.lexicon.schema import Kind
from extract.records import RELATIONS
from extract.relations import is_code_key


def _rows(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return list(value.get("examples") or [])
    return []


def _relation_rows() -> dict[str, list[dict[str, Any]]]:
    data = read_yaml(RELATIONS_FILE)
    found: dict[str, list[dict[str, Any]]] = {}
    for code, entry in data.items():
        if is_code_key(code):
            rows = _rows(entry)
            for phrase in entry.get("phrases") or ():
                rows += _rows(phrase)
            found[code] = rows
        elif isinstance(entry, dict):  # a word list with rows: {words: [...], examples: ...}
            found[code] = _rows(entry)
    return found


def _cue_rows() -> dict[str, list[dict[str, Any]]]:
    data = read_yaml(CUES_FILE)
    return {key: _rows(value) for key, value in data.items() if key != "according_to"}


def _all_rows() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{where}:{name}", row)
        for where, table in (("relations", _relation_rows()), ("cues", _cue_rows()))
        for name, rows in table.items()
        for row in rows
    ]


def test_every_relation_code_has_an_example():
    missing = [code for code, rows in _relation_rows().items() if is_code_key(code) and not rows]
    assert not missing, f"relations.yaml entries with no examples: rows: {missing}"


def test_every_cue_block_has_an_example():
    # "according_to" is a single code, not a block: its row is under `speech`
    blocks = [key for key, kind in CUES_SCHEMA.keys.items() if kind is not Kind.CODE]
    rows = _cue_rows()
    missing = [key for key in blocks if not rows.get(key)]
    assert not missing, f"cues.yaml blocks with no examples: rows: {missing}"


def _parse_expected(text: str) -> tuple[str | None, str, str | None, str | None]:
    """(subject label, relation, object label, polarity or modality); None: unchecked."""
    claim, _, qualifier = text.partition(";")
    words = claim.split()
    at = next(i for i, word in enumerate(words) if word in RELATIONS)
    subject = " ".join(words[:at]) or None
    obj = " ".join(words[at + 1 :]) or None
    return subject, words[at], obj, qualifier.strip() or None


def _label(ref: Any) -> str:
    return ref.label if ref is not None else "-"


def _matches(claim: Any, expected: tuple[str | None, str, str | None, str | None]) -> bool:
    subject, relation, obj, qualifier = expected
    return (
        claim.relation == relation
        and (subject is None or _label(claim.subject) == subject)
        and (obj is None or _label(claim.object) == obj)
        and (qualifier is None or qualifier in (claim.polarity, claim.modality))
    )


def _show(claim: Any) -> str:
    return (
        f"{_label(claim.subject)} {claim.relation} {_label(claim.object)}; "
        f"{claim.polarity}, {claim.modality}"
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("entry", "row"), _all_rows(), ids=lambda v: v if isinstance(v, str) else v["text"][:40]
)
def test_example_row(entry, row, nlp, registry):
    from extract.extractor import extract_doc
    from extract.records import Document

    text = row["text"]
    claims = extract_doc(nlp(text), Document(id="t", source="t", text=text), registry).claims
    shown = [_show(claim) for claim in claims]
    for expected in row.get("claims") or ():
        wanted = _parse_expected(expected)
        assert any(_matches(claim, wanted) for claim in claims), (
            f"{entry}: {expected!r} not among {shown}"
        )
    for relation in row.get("absent") or ():
        assert all(claim.relation != relation for claim in claims), (
            f"{entry}: {relation} should not be among {shown}"
        )
