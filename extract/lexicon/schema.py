"""The one reader of the claim lexicon files: each key declared with its type, checked.

`cues.yaml`, `relations.yaml`, `words.yaml` and `nouns.yaml` are read by `read_lexicon`
against a schema that names every key the file may hold and what its value is (a word
list, a relation code, a word -> code table, a list of verb phrases ...). An unknown key
or a value of the wrong type raises `LexiconError` naming the file and the key, so a typo
in an analyst's edit fails at load time instead of silently leaving a list empty.

Any block may carry `examples:` rows (a sentence and the claims expected from it, run by
`tests/lexicon/test_examples.py`); the reader checks their shape and drops them: they are
for the tests, not for the extractor. A word list carries them by being written as a
mapping, ``{words: [...], examples: [...]}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from extract.errors import LexiconError
from extract.lexicon import read_yaml
from extract.records import RELATIONS
from extract.relations import is_code_key


class Kind(Enum):
    """What a lexicon key holds."""

    WORDS = "a word or a list of words"
    WORD_LIST = "a list of words"
    CODES = "a list of relation codes"
    CODE = "a relation code"
    CODE_MAP = "a mapping of words to relation codes"
    TEXT_MAP = "a mapping of names to descriptions"
    PHRASES = "a list of phrases, each {verb: ..., prep: [...], object: [...]}"
    TEXT = "a string or null"
    NAMES = "a list of names"
    FLAG = "true or false"
    EXAMPLES = "a list of example rows, each {text: ..., claims: [...], absent: [...]}"


@dataclass(frozen=True)
class Schema:
    """The keys a lexicon file may hold.

    Attributes:
        name: the file's name, for messages.
        keys: each top-level key and what it holds.
        entries: for relations.yaml, the keys of a relation code entry (an upper-case
            top-level key); empty when the file holds no such entries.
    """

    name: str
    keys: Mapping[str, Kind]
    entries: Mapping[str, Kind] = field(default_factory=lambda: MappingProxyType({}))


#: The keys of a relation code entry of relations.yaml.
RELATION_ENTRY: Mapping[str, Kind] = MappingProxyType(
    {
        "plover": Kind.TEXT,
        "classes": Kind.NAMES,
        "verbs": Kind.WORDS,
        "nouns": Kind.WORDS,
        "phrases": Kind.PHRASES,
        "needs_object": Kind.FLAG,
        "examples": Kind.EXAMPLES,
    }
)

_EXAMPLE_KEYS = frozenset({"text", "claims", "absent", "note"})
_PHRASE_KEYS = frozenset({"verb", "prep", "object", "examples"})


def read_lexicon(path: Path, schema: Schema) -> dict[str, Any]:
    """Read `path` and check it against `schema` (see `check_lexicon`).

    Raises:
        LexiconError: the file is unreadable, or a key is unknown or of the wrong type.
    """
    return check_lexicon(read_yaml(path), schema)


def check_lexicon(data: Mapping[str, Any], schema: Schema) -> dict[str, Any]:
    """Check parsed lexicon data against `schema` and return it in plain form.

    Word lists come back as tuples of case-folded words (a `{words: ..., examples: ...}`
    block as its words), code tables and phrases without their `examples:`; relation
    code entries (when the schema has `entries`) are checked key by key the same way.

    Args:
        data: the mapping read from the file.
        schema: the keys the file may hold.

    Returns:
        The checked values by key; a key the file does not hold is absent.

    Raises:
        LexiconError: naming the file and the key, when a key is not declared, a relation
            code is unknown, or a value is not of the declared type.
    """
    if not isinstance(data, Mapping):
        raise LexiconError(f"{schema.name}: expected a mapping at the top level")
    checked: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{schema.name}: {key}"
        if schema.entries and is_code_key(key):
            if key not in RELATIONS:
                raise LexiconError(
                    f"{where}: unknown relation code {key!r}; known: {', '.join(RELATIONS)}"
                )
            if not isinstance(value, Mapping):
                raise LexiconError(f"{where}: expected a mapping with verbs/nouns/phrases")
            checked[key] = {
                sub: _check(_declared(schema.entries, sub, where), item, where=f"{where}.{sub}")
                for sub, item in value.items()
            }
        else:
            checked[key] = _check(_declared(schema.keys, key, schema.name), value, where=where)
    return checked


def _declared(keys: Mapping[str, Kind], key: Any, where: str) -> Kind:
    if key not in keys:
        raise LexiconError(
            f"{where}: unknown key {key!r}; known: {', '.join(keys)} (a typo, or a new list "
            "that the lexicon's schema does not declare yet)"
        )
    return keys[key]


def _fail(kind: Kind, value: Any, *, where: str) -> LexiconError:
    return LexiconError(f"{where} must be {kind.value}, got {value!r}")


def _check(kind: Kind, value: Any, *, where: str) -> Any:
    if kind in (Kind.WORDS, Kind.WORD_LIST):
        if isinstance(value, Mapping):
            _only(value, {"words", "examples"}, where=where)
            _check(Kind.EXAMPLES, value.get("examples"), where=f"{where}.examples")
            value = value.get("words")
        if value is None:
            return ()
        if isinstance(value, str) and kind is Kind.WORDS:
            return (value.casefold(),)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(item.casefold() for item in value)
        raise _fail(kind, value, where=where)
    if kind is Kind.CODE:
        return _code(value, where=where)
    if kind is Kind.CODES:
        if not isinstance(value, list):
            raise _fail(kind, value, where=where)
        return tuple(_code(item, where=where) for item in value)
    if kind is Kind.CODE_MAP:
        if not isinstance(value, Mapping):
            raise _fail(kind, value, where=where)
        _check(Kind.EXAMPLES, value.get("examples"), where=f"{where}.examples")
        return {
            " ".join(str(word).casefold().split()): _code(code, where=f"{where}.{word}")
            for word, code in value.items()
            if word != "examples"
        }
    if kind is Kind.TEXT_MAP:
        if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
            raise _fail(kind, value, where=where)
        return dict(value)
    if kind is Kind.PHRASES:
        if value is None:
            return ()
        if not isinstance(value, list):
            raise _fail(kind, value, where=where)
        return tuple(_phrase(item, where=where) for item in value)
    if kind is Kind.TEXT:
        if value is not None and not isinstance(value, str):
            raise _fail(kind, value, where=where)
        return value
    if kind is Kind.NAMES:
        value = value or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise _fail(kind, value, where=where)
        return tuple(value)
    if kind is Kind.FLAG:
        if not isinstance(value, bool):
            raise _fail(kind, value, where=where)
        return value
    if kind is Kind.EXAMPLES:
        value = value or []
        if not isinstance(value, list):
            raise _fail(kind, value, where=where)
        for row in value:
            if not isinstance(row, Mapping) or not isinstance(row.get("text"), str):
                raise _fail(kind, row, where=where)
            _only(row, _EXAMPLE_KEYS, where=where)
            for key in ("claims", "absent"):
                items = row.get(key) or []
                if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                    raise _fail(kind, row, where=f"{where}.{key}")
        return tuple(value)
    raise AssertionError(kind)  # pragma: no cover - every Kind is handled above


def _only(value: Mapping[str, Any], allowed: frozenset[str] | set[str], *, where: str) -> None:
    unknown = sorted(str(key) for key in value if key not in allowed)
    if unknown:
        raise LexiconError(
            f"{where}: unknown key {', '.join(unknown)}; known: {', '.join(sorted(allowed))}"
        )


def _phrase(item: Any, *, where: str) -> dict[str, Any]:
    if not isinstance(item, Mapping) or not isinstance(item.get("verb"), str):
        raise LexiconError(f"{where}: each phrase needs a 'verb', got {item!r}")
    _only(item, _PHRASE_KEYS, where=where)
    _check(Kind.EXAMPLES, item.get("examples"), where=f"{where}.examples")
    return {
        "verb": item["verb"].casefold(),
        "prep": _check(Kind.WORDS, item.get("prep"), where=f"{where}.prep"),
        "object": _check(Kind.WORDS, item.get("object"), where=f"{where}.object"),
    }


def _code(code: Any, *, where: str) -> str:
    if code not in RELATIONS:
        raise LexiconError(
            f"{where}: unknown relation code {code!r}; known: {', '.join(RELATIONS)}"
        )
    return str(code)
