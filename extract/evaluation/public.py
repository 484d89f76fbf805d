"""Scorers for the public labelled sets in `shared/eval/` (see its README).

- PLOVER gold-standard sentences: is the gold event type among the relation codes
  extracted from the sentence, how precise are those codes, and do the extracted
  subject and object cover the gold `actorText`?
- UniversalPetrarch validation: CAMEO codes mapped to our codes with
  `CAMEO2PLOVER-2021.txt`; event-type precision and recall per sentence.
- textacy's direct-quotation cases: quote found, speaker, cue.

Each scorer takes the records and the `Extraction`s of their sentences (in the
same order) and returns an `extract.evaluation.annotated.Report`. Nothing is tuned to these
sets: they only measure.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.errors import EvaluationError
from extract.evaluation.gold import quote_key
from extract.evaluation.scores import PRONOUNS, Report, Score
from extract.records import (
    ActorRef,
    Claim,
    Document,
    Extraction,
    Failure,
    content_hash,
    normalise_name,
)
from extract.relations import CODEBOOK

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.actors.registry import Registry

#: The PLOVER categories among our relation codes (the rest are claimgraph's own).
PLOVER_CODES: frozenset[str] = CODEBOOK.plover

#: Codes of the PLOVER 0.5 draft used by the gold sentences, as the eval README maps them.
PLOVER_DRAFT: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: CAMEO roots CAMEO2PLOVER-2021.txt leaves out: 01 "make public statement" is our
#: STATEMENT; 02 "appeal" is a softer request.
CAMEO_EXTRA: Mapping[str, str] = {"01": "STATEMENT", "02": "REQUEST"}

#: Where the public sets live, relative to the repository root.
DEFAULT_EVAL_DIR = Path("..") / "shared" / "eval"


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL file into dicts.

    Raises:
        EvaluationError: naming the file and line that cannot be read.
    """
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EvaluationError(f"Cannot read {path}: {error}") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}, line {number}: not JSON ({error.msg}).") from error
    return records


def load_cameo_map(path: Path) -> dict[str, str]:
    """Read CAMEO2PLOVER-2021.txt into {CAMEO code: our relation code}.

    Lines look like ``0311: AGREE,  ,   economic # ...``; two-digit headers with two
    categories (``08``) are left to their three- and four-digit codes.
    """
    table: dict[str, str] = {}
    ambiguous: set[str] = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if not match:
            continue
        code, category = match.groups()
        if len(code) == 2 and code in table and table[code] != category:
            ambiguous.add(code)
        table.setdefault(code, category)
    for code in ambiguous:
        del table[code]
    return table


def cameo_to_relation(code: str, table: Mapping[str, str]) -> str | None:
    """Our relation code for a CAMEO event code: the longest prefix the table knows."""
    for length in range(len(code), 1, -1):
        category = table.get(code[:length])
        if category:
            return category
    return CAMEO_EXTRA.get(code[:2])


def _covers(gold_texts: Sequence[str], ref: ActorRef | None, extraction: Extraction) -> bool:
    """Whether an extracted actor covers one of the gold actor texts.

    Covered when a gold text and the actor's label, an alias or one of its mention
    texts in the sentence contain one another (after `normalise_name`).
    """
    if ref is None:
        return False
    names = {normalise_name(ref.label)}
    for actor in extraction.actors:
        if actor.id == ref.id:
            names.update(normalise_name(alias) for alias in actor.aliases)
    names.update(normalise_name(m.text) for m in extraction.mentions if m.actor_id == ref.id)
    names.discard("")
    for text in gold_texts:
        folded = normalise_name(text)
        if folded and any(folded in name or name in folded for name in names):
            return True
    return False


def _sentence_documents(records: Sequence[dict[str, Any]], name: str) -> list[Document]:
    return [
        Document(
            id=content_hash(name, record.get("id"), number),
            text=record.get("sentence") or record.get("text") or "",
            source=f"{name}#L{number}",
        )
        for number, record in enumerate(records, start=1)
    ]


def _pairs(
    records: Sequence[dict[str, Any]], results: Iterable[Extraction | Failure]
) -> tuple[list[tuple[dict[str, Any], Extraction]], int]:
    pairs, failures = [], 0
    for record, result in zip(records, results, strict=False):
        if isinstance(result, Failure):
            failures += 1
            result = Extraction(document=Document(id="failed", text="", source=result.source))
        pairs.append((record, result))
    return pairs, failures


def score_plover(
    records: Sequence[dict[str, Any]], results: Iterable[Extraction | Failure]
) -> Report:
    """Score extractions of the PLOVER gold sentences (one event per record).

    Fields: `event_type` (codes per sentence: precision over the distinct PLOVER
    codes extracted, recall over gold codes), `sentences_typed` (share of
    sentences whose gold code was extracted), `subject_cover` and `object_cover`
    (for sentences whose code was found, whether a claim of that code has a
    subject/object covering the gold source/target `actorText`).
    """
    pairs, failures = _pairs(records, results)
    correct_pred = n_pred = correct_gold = n_gold = typed_sentences = 0
    subject = [0, 0]
    object_ = [0, 0]
    for record, extraction in pairs:
        gold_codes = {PLOVER_DRAFT.get(e["code"], e["code"]) for e in record["events"]}
        predicted = {c.relation for c in extraction.claims if c.relation in PLOVER_CODES}
        n_pred += len(predicted)
        correct_pred += len(predicted & gold_codes)
        n_gold += len(gold_codes)
        correct_gold += len(predicted & gold_codes)
        typed_sentences += bool(predicted & gold_codes)
        for event in record["events"]:
            code = PLOVER_DRAFT.get(event["code"], event["code"])
            claims = [c for c in extraction.claims if c.relation == code]
            if not claims:
                continue
            for side, tally, role in (
                ("source", subject, "subject"),
                ("target", object_, "object"),
            ):
                texts = [actor["actorText"] for actor in event.get(side) or ()]
                if texts:
                    tally[1] += 1
                    tally[0] += any(_covers(texts, getattr(c, role), extraction) for c in claims)
    typed = Score(typed_sentences, len(pairs), typed_sentences, len(pairs))
    return Report(
        name="PLOVER gold sentences",
        kind="plover",
        fields={
            "event_type": Score(correct_pred, n_pred, correct_gold, n_gold),
            "sentences_typed": typed,
            "subject_cover": Score(subject[0], subject[1], subject[0], subject[1]),
            "object_cover": Score(object_[0], object_[1], object_[0], object_[1]),
        },
        figures={"sentences": len(pairs), "failures": failures},
        notes=(
            "draft codes mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
            "only PLOVER codes count as predictions (STATEMENT, DENY, "
            "CLAIM_RESPONSIBILITY, AFFILIATED_WITH, LEADS are ignored)",
            "cover = recall among sentences whose gold code was found",
        ),
    )


def score_petrarch(
    records: Sequence[dict[str, Any]],
    results: Iterable[Extraction | Failure],
    *,
    cameo: Mapping[str, str],
) -> Report:
    """Score extractions of the UniversalPetrarch validation sentences.

    Gold CAMEO codes become our codes through `cameo` (`load_cameo_map`); per
    sentence, the distinct extracted codes are compared with the distinct gold
    codes. `event_type` counts every code the mapping can produce (STATEMENT
    included, from CAMEO 01); `event_type_plover` leaves STATEMENT out on both
    sides. Sentences marked `evaluate: false` are skipped.
    """
    kept = [r for r in records if str(r.get("evaluate", "true")).lower() == "true"]
    pairs, failures = _pairs(kept, results)
    scorable = PLOVER_CODES | {"STATEMENT"}
    rows = {"event_type": [0, 0, 0, 0], "event_type_plover": [0, 0, 0, 0]}
    unmapped = 0
    for record, extraction in pairs:
        gold_codes: set[str] = set()
        for event in record.get("events") or ():
            relation = cameo_to_relation(str(event["code"]), cameo)
            if relation is None:
                unmapped += 1
            else:
                gold_codes.add(relation)
        predicted = {c.relation for c in extraction.claims if c.relation in scorable}
        for key, drop in (("event_type", set()), ("event_type_plover", {"STATEMENT"})):
            p, g = predicted - drop, gold_codes - drop
            row = rows[key]
            row[0] += len(p & g)
            row[1] += len(p)
            row[2] += len(p & g)
            row[3] += len(g)
    return Report(
        name="UniversalPetrarch validation",
        kind="petrarch",
        fields={key: Score(*row) for key, row in rows.items()},
        figures={
            "sentences": len(pairs),
            "no_event_sentences": sum(1 for r, _ in pairs if not r.get("events")),
            "unmapped_gold_events": unmapped,
            "failures": failures,
        },
        notes=(
            "CAMEO mapped with CAMEO2PLOVER-2021.txt (longest prefix); 01->STATEMENT, "
            "02->REQUEST added",
            "actor codes (USA, IRQMIL, ...) are not compared",
        ),
    )


def _speaker_ok(gold: str, claim: Claim, sentence: str) -> bool:
    """The gold speaker, or for a gold pronoun: no speaker or a name the text holds.

    claimgraph never makes a pronoun an actor: "he said" resolves to the named
    antecedent or leaves the speaker empty, so either is right where textacy
    expects the pronoun itself.
    """
    speaker = claim.speaker
    if normalise_name(gold) in PRONOUNS:
        return speaker is None or (
            normalise_name(speaker.label) not in PRONOUNS
            and normalise_name(speaker.label) in normalise_name(sentence)
        )
    return speaker is not None and normalise_name(speaker.label) == normalise_name(gold)


def score_textacy(
    records: Sequence[dict[str, Any]], results: Iterable[Extraction | Failure]
) -> Report:
    """Score extractions of textacy's direct-quotation cases (English ones only).

    Fields: `quotes` (a predicted quote fits a gold one when either contains the
    other, marks and case aside), `speakers` and `cues` (over gold quotes found).
    """
    english = [r for r in records if r.get("lang", "en") == "en"]
    pairs, failures = _pairs(english, results)
    rows = {"quotes": [0, 0, 0, 0], "speakers": [0, 0, 0, 0], "cues": [0, 0, 0, 0]}
    for record, extraction in pairs:
        quoted = [c for c in extraction.claims if c.quote]

        def fits(gold: dict[str, Any], claim: Claim) -> bool:
            g, c = quote_key(gold["quote"]), quote_key(claim.quote or "")
            return bool(g and c) and (g in c or c in g)

        rows["quotes"][0] += sum(any(fits(g, c) for g in record["quotes"]) for c in quoted)
        rows["quotes"][1] += len(quoted)
        for gold in record["quotes"]:
            rows["quotes"][3] += 1
            rows["speakers"][3] += 1
            rows["cues"][3] += 1
            fitting = [c for c in quoted if fits(gold, c)]
            if not fitting:
                continue
            rows["quotes"][2] += 1
            best = max(fitting, key=lambda c: c.confidence)
            speaker = _speaker_ok(gold["speaker"], best, record["text"])
            cue = normalise_name(best.cue) == normalise_name(gold["cue"])
            for key, good in (("speakers", speaker), ("cues", cue)):
                rows[key][0] += good
                rows[key][1] += 1
                rows[key][2] += good
    return Report(
        name="textacy quote cases",
        kind="textacy",
        fields={key: Score(*row) for key, row in rows.items()},
        figures={
            "cases": len(pairs),
            "skipped_not_english": len(records) - len(english),
            "failures": failures,
        },
        notes=("a gold pronoun speaker is right when ours is empty or a name in the text",),
    )


def public_kind(records: Sequence[dict[str, Any]]) -> str:
    """Which public set the records come from: "plover", "petrarch" or "textacy".

    Raises:
        EvaluationError: when the records fit none of them.
    """
    first = records[0] if records else {}
    if "quotes" in first:
        return "textacy"
    if "noevents" in first:
        return "petrarch"
    if "events" in first and "sentence" in first:
        return "plover"
    raise EvaluationError(
        "Unrecognised gold records: expected the PLOVER, UniversalPetrarch or textacy "
        "JSONL of shared/eval/, or a seed gold .yaml."
    )


def evaluate_public(
    path: Path,
    *,
    nlp: Language,
    registry: Registry,
    cameo_table: Path | None = None,
) -> Report:
    """Run the extractor over one public JSONL set and score it.

    Args:
        path: the JSONL file.
        nlp: the loaded pipeline.
        registry: the actor registry.
        cameo_table: CAMEO2PLOVER-2021.txt; by default the one beside `path`.
    """
    from extract.nlp.pipeline import extract_documents

    records = load_jsonl(path)
    kind = public_kind(records)
    # The scorers drop the same records again, so documents and records stay paired.
    kept = records
    if kind == "textacy":
        kept = [r for r in records if r.get("lang", "en") == "en"]
    if kind == "petrarch":
        kept = [r for r in records if str(r.get("evaluate", "true")).lower() == "true"]
    documents = _sentence_documents(kept, Path(path).name)
    results = list(extract_documents(documents, nlp=nlp, registry=registry))
    if kind == "plover":
        return score_plover(records, results)
    if kind == "textacy":
        return score_textacy(records, results)
    table = cameo_table or Path(path).parent / "CAMEO2PLOVER-2021.txt"
    try:
        cameo = load_cameo_map(table)
    except OSError as error:
        raise EvaluationError(
            f"CAMEO table {table} not found; it ships beside the UniversalPetrarch set."
        ) from error
    return score_petrarch(records, results, cameo=cameo)
