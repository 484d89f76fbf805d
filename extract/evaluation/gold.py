"""The seed gold: hand-annotated actors, quotes and claims of the seed articles.

`gold/seeds.yaml` (format and annotation rules in `gold/GUIDE.md`) is read into
frozen records here, and `check_gold` verifies it against the articles: every
snippet occurs in its article, every relation code is known, every actor a claim
names is declared. Scoring lives in `extract.evaluation.annotated`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import EvaluationError
from extract.records import ACTOR_TYPES, RELATIONS, Document, content_hash

QUOTES_DOUBLE = '"“”„‟″'
QUOTES_SINGLE = "'‘’‚‛′`"


@dataclass(frozen=True)
class GoldActor:
    """An actor of one gold document and every proper name it appears under."""

    id: str
    label: str
    type: str
    names: tuple[str, ...]
    # names accepted for this actor in claims but not scored as its aliases: capitals
    # as agents ("Erbil"), descriptions ("an Iran-aligned party")
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldQuote:
    """A direct quote: a snippet copied from inside the quote marks, and its speaker."""

    speaker: str | None
    quote: str


@dataclass(frozen=True)
class GoldClaim:
    """A claim an analyst wants, located by a snippet of its sentence."""

    subject: str | None
    relation: str
    object: str | None
    evidence: str
    speaker: str | None = None
    polarity: str = "affirmed"


@dataclass(frozen=True)
class GoldDocument:
    """The gold of one seed article."""

    file: str
    actors: tuple[GoldActor, ...]
    quotes: tuple[GoldQuote, ...]
    claims: tuple[GoldClaim, ...]
    scope_end: str | None = None  # text after the first occurrence of this is not scored
    clutter: tuple[str, ...] = ()

    def actor(self, actor_id: str) -> GoldActor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


@dataclass(frozen=True)
class SeedGold:
    """The whole seed gold file."""

    documents: tuple[GoldDocument, ...]
    corpus: Path | None = None


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(item) for item in value)


def load_gold(path: Path) -> SeedGold:
    """Read a gold YAML file (format in `gold/GUIDE.md`), or a folder of them.

    A folder's `*.yaml` files are read in name order and their documents joined (each
    annotator's batch is one file); they must all name the same `corpus`.

    Raises:
        EvaluationError: naming the file and the entry at fault.
    """
    path = Path(path)
    if path.is_dir():
        parts = [_load_gold_file(part) for part in sorted(path.glob("*.yaml"))]
        if not parts:
            raise EvaluationError(f"{path}: a gold folder holds no .yaml file.")
        corpora = {part.corpus for part in parts}
        if len(corpora) > 1:
            raise EvaluationError(
                f"{path}: its files name different corpora {sorted(map(str, corpora))}."
            )
        documents = tuple(doc for part in parts for doc in part.documents)
        return SeedGold(documents=documents, corpus=parts[0].corpus)
    return _load_gold_file(path)


def _load_gold_file(path: Path) -> SeedGold:
    import yaml

    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise EvaluationError(f"Cannot read gold file {path}: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise EvaluationError(f"{path}: expected a mapping with a 'documents' list.")
    documents = []
    for number, entry in enumerate(data["documents"], start=1):
        where = f"{path}, document {number}"
        try:
            actors = tuple(
                GoldActor(
                    id=str(a["id"]),
                    label=str(a["label"]),
                    type=str(a["type"]),
                    names=_tuple(a.get("names")) or (str(a["label"]),),
                    also=_tuple(a.get("also")),
                )
                for a in entry.get("actors") or ()
            )
            quotes = tuple(
                GoldQuote(speaker=q.get("speaker"), quote=str(q["quote"]))
                for q in entry.get("quotes") or ()
            )
            claims = tuple(
                GoldClaim(
                    subject=c.get("subject"),
                    relation=str(c["relation"]),
                    object=c.get("object"),
                    evidence=str(c["evidence"]),
                    speaker=c.get("speaker"),
                    polarity=str(c.get("polarity", "affirmed")),
                )
                for c in entry.get("claims") or ()
            )
            documents.append(
                GoldDocument(
                    file=str(entry["file"]),
                    actors=actors,
                    quotes=quotes,
                    claims=claims,
                    scope_end=entry.get("scope_end"),
                    clutter=_tuple(entry.get("clutter")),
                )
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise EvaluationError(f"{where}: missing or malformed field {error}.") from error
    corpus = data.get("corpus")
    return SeedGold(documents=tuple(documents), corpus=Path(corpus) if corpus else None)


def check_gold(gold: SeedGold, corpus: Path) -> list[str]:
    """Return every problem in `gold` against the articles in `corpus` (empty when valid).

    Checks that each article exists, each evidence and quote snippet occurs in its
    article, each relation code is known, and each actor a claim or quote names is
    declared in its document. An actor's names occur in the article's text or, for the
    issuer of an official text that only its heading names ("Statement by President
    Biden on ..."), in the record's title.
    """
    problems: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    for doc in gold.documents:
        for actor in doc.actors:
            first = seen.setdefault(actor.id, (actor.label, actor.type))
            if first != (actor.label, actor.type):
                problems.append(f"{doc.file}: actor {actor.id} differs from its earlier entry")
            if actor.type not in ACTOR_TYPES:
                problems.append(f"{doc.file}: actor {actor.id} has unknown type {actor.type!r}")
    articles = gold_articles(gold, corpus)
    for doc in gold.documents:
        if doc.file not in articles:
            problems.append(f"{doc.file}: article not found in {corpus}")
            continue
        text = articles[doc.file].text
        heading = articles[doc.file].title or ""
        declared = {actor.id for actor in doc.actors}
        if len(declared) != len(doc.actors):
            problems.append(f"{doc.file}: an actor id is declared twice")
        for actor in doc.actors:
            for name in actor.names + actor.also:
                if not locate(name, text) and not locate(name, heading):
                    problems.append(f"{doc.file}: name {name!r} of {actor.id} not in the article")
        if doc.scope_end and not locate(doc.scope_end, text):
            problems.append(f"{doc.file}: scope_end {doc.scope_end!r} not in the article")
        for quote in doc.quotes:
            if not locate(quote.quote, text):
                problems.append(f"{doc.file}: quote {quote.quote[:40]!r} not in the article")
            if quote.speaker is not None and quote.speaker not in declared:
                problems.append(f"{doc.file}: quote speaker {quote.speaker!r} not declared")
        for claim in doc.claims:
            label = f"{doc.file}: claim {claim.evidence[:40]!r}"
            if not locate(claim.evidence, text):
                problems.append(f"{label}: evidence not in the article")
            if claim.relation not in RELATIONS:
                problems.append(f"{label}: unknown relation {claim.relation!r}")
            if claim.polarity not in ("affirmed", "negated"):
                problems.append(f"{label}: unknown polarity {claim.polarity!r}")
            for role in (claim.subject, claim.object, claim.speaker):
                if role is not None and role not in declared:
                    problems.append(f"{label}: actor {role!r} not declared")
    return problems


def gold_articles(gold: SeedGold, corpus: Path) -> dict[str, Document]:
    """The articles `gold` names, by their gold `file` entry; missing ones are left out.

    `corpus` is a folder (a `file` is a file name in it) or a JSONL file read as
    `kg ingest` reads it (a `file` is a record's `id`, else its `url`).
    """
    from extract.text.read import read_file, record_document_id

    wanted = {doc.file for doc in gold.documents}
    found: dict[str, Document] = {}
    if corpus.is_file() and corpus.suffix == ".jsonl":
        by_id = {record_document_id(name): name for name in wanted}
        for item in read_file(corpus):
            if isinstance(item, Document) and item.id in by_id:
                found[by_id[item.id]] = item
        return found
    for name in sorted(wanted):
        path = corpus / name
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found[name] = Document(id=content_hash(str(path)), text=text, source=str(path))
    return found


def locate(snippet: str, text: str) -> list[tuple[int, int]]:
    """Every (start, end) where `snippet` occurs in `text`, quote marks and spacing aside."""
    parts = []
    for char in snippet.strip():
        if char in QUOTES_DOUBLE:
            parts.append(f"[{QUOTES_DOUBLE}]")
        elif char in QUOTES_SINGLE:
            parts.append(f"[{QUOTES_SINGLE}]")
        elif char.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    pattern = re.sub(r"(\\s\+)+", r"\\s+", "".join(parts))
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)] if parts else []


def quote_key(text: str) -> str:
    """A quote folded for containment tests: no marks, no punctuation, no case."""
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def squash(text: str) -> str:
    """Fold quote marks and whitespace so snippets match the article as written."""
    text = re.sub(r"[“”„‟″\"]", '"', text)
    text = re.sub(r"[‘’‚‛′`]", "'", text)
    return re.sub(r"\s+", " ", text).strip()
