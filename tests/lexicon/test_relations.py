"""Tests for extract.relations: each relation code's meaning is declared once, in YAML."""

from __future__ import annotations

import pytest

from extract.errors import LexiconError
from extract.records import RELATIONS
from extract.relations import CODEBOOK, parse_codebook


def test_the_record_codes_are_the_codebook_codes_in_order():
    assert CODEBOOK.codes == RELATIONS
    assert RELATIONS[:2] == ("AGREE", "CONSULT")
    assert RELATIONS[-3:] == ("STATEMENT", "AFFILIATED_WITH", "LEADS")


@pytest.mark.parametrize(
    ("name", "inside", "outside"),
    [
        ("force", {"ASSAULT", "COERCE", "SANCTION"}, {"ACCUSE", "PROTEST"}),
        ("verbal", {"ACCUSE", "STATEMENT", "DENY"}, {"ASSAULT", "CONSULT"}),
        ("symmetric", {"AGREE", "CONSULT", "COOPERATE"}, {"ACCUSE"}),
        ("speech_act", {"ACCUSE", "REQUEST", "THREATEN"}, {"STATEMENT"}),
        ("structural", {"LEADS", "AFFILIATED_WITH"}, {"SUPPORT"}),
    ],
)
def test_classes_hold_their_codes(name, inside, outside):
    codes = CODEBOOK.having(name)
    assert inside <= codes
    assert not outside & codes


def test_plover_codes_are_the_plover_categories():
    assert "ASSAULT" in CODEBOOK.plover
    assert not {"DENY", "CLAIM_RESPONSIBILITY", "STATEMENT", "LEADS"} & CODEBOOK.plover


def test_an_unknown_class_name_fails_loudly():
    with pytest.raises(KeyError, match="no relation class 'forse'"):
        CODEBOOK.having("forse")


def _entry(**fields):
    return {"plover": None, "classes": ["x"], "needs_object": False, **fields}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"A": _entry()}, "'classes' must map"),
        ({"classes": {"x": "an x"}, "A": _entry(classes=["y"])}, "y not declared"),
        ({"classes": {"x": "an x", "z": "a z"}, "A": _entry()}, "z are declared but never used"),
        ({"classes": {"x": "an x"}, "A": {"classes": ["x"]}}, "missing plover, needs_object"),
        ({"classes": {"x": "an x"}, "A": ["verbs"]}, "A: expected a mapping"),
    ],
)
def test_a_malformed_codebook_names_the_entry(data, message):
    with pytest.raises(LexiconError, match=message):
        parse_codebook(data, where="test.yaml")


def test_word_lists_are_not_codes():
    book = parse_codebook({"classes": {"x": "an x"}, "A": _entry(), "stand_ins": ["members"]})
    assert book.codes == ("A",)
