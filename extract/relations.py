"""The relation codes of a claim, and what each one is: declared once, in relations.yaml.

Every code (PLOVER's categories plus claimgraph's own DENY, CLAIM_RESPONSIBILITY,
STATEMENT, AFFILIATED_WITH and LEADS) is an entry of `extract/lexicon/relations.yaml`
with its PLOVER id, whether a claim of it needs an object actor, and the classes it
belongs to ("verbal": said rather than done; "force": an act of force; "symmetric":
holds between coordinated subjects ...). The meaning of each class is written once at
the end of that file. Rules ask the codebook, never a set of their own:

    >>> "ASSAULT" in CODEBOOK.having("force")
    True

The word cues in the same file (verbs, nouns, phrases) are read by
`extract.lexicon.cues`; this module reads only the codebook fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from extract.errors import LexiconError
from extract.lexicon import LEXICON_DIR, read_yaml

RELATIONS_FILE = LEXICON_DIR / "relations.yaml"


@dataclass(frozen=True)
class Relation:
    """One relation code and what it is.

    Attributes:
        code: the code ("ACCUSE").
        plover: the PLOVER category it is, or None for claimgraph's own codes.
        needs_object: a claim of it means nothing without a target actor.
        classes: the classes it belongs to (names declared under `classes:`).
    """

    code: str
    plover: str | None
    needs_object: bool
    classes: frozenset[str]


@dataclass(frozen=True)
class Codebook:
    """Every relation code, in the order the README lists them, and the class meanings."""

    relations: tuple[Relation, ...]
    classes: Mapping[str, str]

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes, in order."""
        return tuple(relation.code for relation in self.relations)

    def having(self, name: str) -> frozenset[str]:
        """The codes in class `name`.

        Raises:
            KeyError: `name` is no declared class (a typo in a rule fails at import).
        """
        if name not in self.classes:
            raise KeyError(f"no relation class {name!r}; classes are: {', '.join(self.classes)}")
        return frozenset(r.code for r in self.relations if name in r.classes)

    @property
    def needing_object(self) -> frozenset[str]:
        """The codes whose claims need an object actor."""
        return frozenset(r.code for r in self.relations if r.needs_object)

    @property
    def plover(self) -> frozenset[str]:
        """The codes that are PLOVER categories."""
        return frozenset(r.code for r in self.relations if r.plover is not None)


def is_code_key(key: object) -> bool:
    """Whether a top-level key of relations.yaml is a relation code (upper case) rather
    than a word list or table (lower case)."""
    return isinstance(key, str) and key.isupper()


def parse_codebook(data: Mapping[str, Any], *, where: str = "relations.yaml") -> Codebook:
    """Build the codebook from the parsed contents of relations.yaml.

    Raises:
        LexiconError: an entry lacks `plover`, `classes` or `needs_object`, or names a
            class that is not declared (or a declared class is never used).
    """
    declared = data.get("classes")
    if not isinstance(declared, dict) or not all(isinstance(v, str) for v in declared.values()):
        raise LexiconError(f"{where}: 'classes' must map each class name to its meaning")
    relations = []
    for code, entry in data.items():
        if not is_code_key(code):
            continue  # a word list or the class table
        at = f"{where}: {code}"
        if not isinstance(entry, dict):
            raise LexiconError(f"{at}: expected a mapping")
        missing = [key for key in ("plover", "classes", "needs_object") if key not in entry]
        if missing:
            raise LexiconError(f"{at}: missing {', '.join(missing)}")
        classes = entry["classes"] or []
        if not isinstance(classes, list) or not all(isinstance(c, str) for c in classes):
            raise LexiconError(f"{at}.classes: expected a list of class names")
        unknown = sorted(set(classes) - set(declared))
        if unknown:
            raise LexiconError(f"{at}.classes: {', '.join(unknown)} not declared under 'classes'")
        plover = entry["plover"]
        if plover is not None and not isinstance(plover, str):
            raise LexiconError(f"{at}.plover: expected a PLOVER category or null")
        relations.append(
            Relation(
                code=code,
                plover=plover,
                needs_object=bool(entry["needs_object"]),
                classes=frozenset(classes),
            )
        )
    unused = sorted(set(declared) - {c for r in relations for c in r.classes})
    if unused:
        raise LexiconError(f"{where}: classes {', '.join(unused)} are declared but never used")
    return Codebook(relations=tuple(relations), classes=MappingProxyType(dict(declared)))


def load_codebook(path: Path = RELATIONS_FILE) -> Codebook:
    """Read the codebook from `path`.

    Raises:
        LexiconError: the file is unreadable or malformed (its name and the entry said).
    """
    return parse_codebook(read_yaml(path), where=str(path))


#: The codebook shipped with claimgraph: the relation codes are part of the data model
#: (the RDF vocabulary has one term per code), so they are read once, at import.
CODEBOOK: Codebook = load_codebook()
