"""Measure extraction against hand-made gold: the seed-article gold and the public sets.

`score_gold` compares `Extraction` records with the seed gold (`gold/seeds.yaml`,
annotated as `gold/GUIDE.md` describes) and returns a `Report`: precision, recall
and F1 per field (actor alias clusters, quotes, quote speakers, claims, polarity),
per relation code, and precision by confidence band. The public sets (PLOVER gold
sentences, UniversalPetrarch validation, textacy quote cases) are scored in
`extract.evaluation.public`; `evaluate` runs the extractor on any of them. Nothing
here prints: the CLI and `benchmarks/run_eval.py` format the `Report`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.actors.variants import link_extractions
from extract.evaluation.gold import (
    EvaluationError,
    GoldClaim,
    GoldDocument,
    GoldQuote,
    SeedGold,
    gold_articles,
    load_gold,
    locate,
    quote_key,
    squash,
)
from extract.evaluation.scores import (
    PRONOUNS,
    Band,
    Report,
    Score,
    Threshold,
    bcubed,
    ratio_score,
)
from extract.records import (
    RELATIONS,
    ActorRef,
    Claim,
    Document,
    Extraction,
    Failure,
    Mention,
    content_hash,
    normalise_name,
)
from extract.text.read import record_document_id

if TYPE_CHECKING:
    pass

#: Confidence bands of the precision table: (label, low inclusive, high exclusive).
CONFIDENCE_BANDS: tuple[tuple[str, float, float], ...] = (
    ("<0.5", 0.0, 0.5),
    ("0.5-0.7", 0.5, 0.7),
    ("0.7-0.9", 0.7, 0.9),
    (">=0.9", 0.9, 1.01),
)

#: Minimum confidences at which claim precision and recall are also reported: the
#: operating points an analyst gets with `--min-confidence`.
CONFIDENCE_THRESHOLDS: tuple[float, ...] = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7)

#: Where the seed articles live, relative to the repository root (CI has `shared/`
#: beside the checkout).
DEFAULT_SEED_CORPUS = Path("..") / "shared" / "corpus" / "seeds"


# ---- scoring a document -------------------------------------------------------------------


class _DocumentMatcher:
    """Maps one extraction's actors and claims onto one gold document."""

    def __init__(self, gold: GoldDocument, extraction: Extraction) -> None:
        self.gold = gold
        self.extraction = extraction
        text = extraction.document.text
        cut = locate(gold.scope_end, text) if gold.scope_end else []
        self.scope_end = cut[0][0] if cut else len(text)
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self.names: dict[str, set[str]] = defaultdict(set)  # predicted id -> folded names
        for actor in extraction.actors:
            self.names[actor.id].update(normalise_name(n) for n in (actor.label, *actor.aliases))
        for mention in self.mentions():
            self.names[mention.actor_id].add(normalise_name(mention.text))

    def mentions(self) -> list[Mention]:
        """Mentions before the end of the scored scope."""
        return [m for m in self.extraction.mentions if m.start < self.scope_end]

    def in_scope(self) -> list[Claim]:
        """Claims starting before the end of the scored scope, as extracted."""
        return [claim for claim in self.extraction.claims if claim.start < self.scope_end]

    def claims(self) -> list[Claim]:
        """Claims in scope, one per (relation, subject, object, polarity, sentence).

        A claim is what its fields say, not how many quote fragments carry it: five
        partial quotes of one speaker in one sentence are one STATEMENT.
        """
        seen: dict[tuple[object, ...], Claim] = {}
        for claim in self.in_scope():
            key = (
                claim.relation,
                _ref_id(claim.subject),
                _ref_id(claim.object),
                claim.polarity,
                squash(claim.text),
            )
            if key not in seen or claim.confidence > seen[key].confidence:
                seen[key] = claim
        return list(seen.values())

    def evidence(self, snippet: str) -> list[tuple[int, int]]:
        """Where a gold evidence snippet occurs in the document (cached)."""
        if snippet not in self._spans:
            self._spans[snippet] = locate(snippet, self.extraction.document.text)
        return self._spans[snippet]

    def gold_ids(self, ref: ActorRef | None) -> set[str]:
        """The gold actors a predicted actor reference stands for (empty if none)."""
        if ref is None:
            return set()
        names = {normalise_name(ref.label)} | self.names.get(ref.id, set())
        return {
            actor.id
            for actor in self.gold.actors
            if names & {normalise_name(n) for n in (actor.label, *actor.names, *actor.also)}
        }

    def predicted_id(self, name: str) -> str | None:
        """The predicted actor a gold name resolved to, by its mentions, else by label."""
        folded = normalise_name(name)
        votes = Counter(m.actor_id for m in self.mentions() if normalise_name(m.text) == folded)
        if votes:
            return votes.most_common(1)[0][0]
        for actor in self.extraction.actors:
            if folded in {normalise_name(n) for n in (actor.label, *actor.aliases)}:
                return actor.id
        return None


def _ref_id(ref: ActorRef | None) -> str | None:
    return ref.id if ref else None


def _role_matches(gold_id: str | None, ref: ActorRef | None, matcher: _DocumentMatcher) -> bool:
    if gold_id is None:
        return ref is None
    return gold_id in matcher.gold_ids(ref)


def _claim_matches(
    gold: GoldClaim, claim: Claim, matcher: _DocumentMatcher, *, strict: bool = True
) -> bool:
    """Same sentence, same relation, subject and object resolving to the gold actors.

    The object of a STATEMENT is its audience ("told Rudaw"), which the gold does not
    annotate, so it is not compared; `strict=False` compares relation and subject only.
    """
    if claim.relation != gold.relation:
        return False
    if not any(s < claim.end and claim.start < e for s, e in matcher.evidence(gold.evidence)):
        return False
    if not _role_matches(gold.subject, claim.subject, matcher):
        return False
    if not strict or gold.relation == "STATEMENT":
        return True
    return _role_matches(gold.object, claim.object, matcher)


def _match(gold_items: Sequence[Any], predicted: Sequence[Any], fits: Any) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of gold items to predictions (Kuhn's algorithm).

    Returns (gold index, prediction index) pairs; sizes here are a few hundred.
    """
    options = [[p for p, pred in enumerate(predicted) if fits(gold, pred)] for gold in gold_items]
    owner: dict[int, int] = {}  # prediction -> gold

    def assign(g: int, seen: set[int]) -> bool:
        for p in options[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold_items)):
        assign(g, set())
    return sorted((g, p) for p, g in owner.items())


@dataclass
class _Tally:
    """Running counts over all documents of a gold file."""

    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 4))
    relations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0] * 4))
    bands: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in CONFIDENCE_BANDS])
    kept: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in CONFIDENCE_THRESHOLDS])
    figures: dict[str, Any] = field(default_factory=lambda: defaultdict(int))
    items: list[tuple[str, str]] = field(default_factory=list)  # (gold cluster, predicted id)
    resolved: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    person: dict[str, bool] = field(default_factory=dict)  # gold actor id -> is a person
    bad_actors: list[str] = field(default_factory=list)
    details: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, name: str, correct_pred: int, n_pred: int, correct_gold: int, n_gold: int):
        row = self.counts[name]
        for i, value in enumerate((correct_pred, n_pred, correct_gold, n_gold)):
            row[i] += value


def _score_document(gold: GoldDocument, extraction: Extraction, tally: _Tally) -> None:
    matcher = _DocumentMatcher(gold, extraction)
    claims = matcher.claims()

    # Actor alias clusters: every gold name is an item, its cluster the gold actor
    # (ids are shared across documents), its prediction the actor its mentions
    # resolved to (a fresh singleton if none).
    found_actors = 0
    for actor in gold.actors:
        tally.person[actor.id] = actor.type == "Person"
        hit = False
        for name in dict.fromkeys(actor.names):
            predicted = matcher.predicted_id(name)
            hit = hit or predicted is not None
            tally.items.append((actor.id, predicted or f"?{content_hash(gold.file, name)}"))
            if predicted is not None:
                tally.resolved[predicted].add(actor.id)
        found_actors += hit
    tally.add("actors_found", 0, 0, found_actors, len(gold.actors))
    clutter = {normalise_name(c) for c in gold.clutter}
    for predicted_actor in extraction.actors:
        folded = normalise_name(predicted_actor.label)
        if folded in PRONOUNS or folded in clutter or not folded:
            tally.bad_actors.append(f"{gold.file}: {predicted_actor.label!r}")

    # Quotes: found when a predicted quote and the gold snippet contain one another.
    # Quoted fragments of one word ("crucial") are not annotated, so not scored.
    quoted = [c for c in matcher.in_scope() if c.quote and len(quote_key(c.quote).split()) > 1]

    def quote_fits(g: GoldQuote, c: Claim) -> bool:
        gk, ck = quote_key(g.quote), quote_key(c.quote or "")
        return bool(gk and ck) and (gk in ck or ck in gk)

    # A gold quote is found when any predicted quote fits it (a long quote may come
    # back in pieces); its speaker is that of the most confident fitting prediction.
    found = right_speaker = 0
    for gold_quote in gold.quotes:
        fitting = [c for c in quoted if quote_fits(gold_quote, c)]
        if fitting:
            found += 1
            best = max(fitting, key=lambda c: c.confidence)
            if _role_matches(gold_quote.speaker, best.speaker, matcher):
                right_speaker += 1
            else:
                said = best.speaker.label if best.speaker else None
                tally.details["wrong_quote_speakers"].append(
                    f"{gold.file[:3]}: {gold_quote.speaker} (got {said}) | {gold_quote.quote[:60]}"
                )
        else:
            tally.details["missed_quotes"].append(f"{gold.file[:3]}: {gold_quote.quote[:60]}")
    quote_hits = sum(any(quote_fits(g, c) for g in gold.quotes) for c in quoted)
    tally.add("quotes", quote_hits, len(quoted), found, len(gold.quotes))
    tally.add("quote_speakers", right_speaker, found, right_speaker, len(gold.quotes))

    # Claims, strict (relation, subject, object) and relaxed (relation, subject).
    for name, strict in (("claims", True), ("claims_relation_subject", False)):
        pairs = _match(
            gold.claims, claims, lambda g, c, s=strict: _claim_matches(g, c, matcher, strict=s)
        )
        tally.add(name, len(pairs), len(claims), len(pairs), len(gold.claims))
        if not strict:
            continue
        matched = {p: g for g, p in pairs}
        found_gold = {g for g, _ in pairs}
        tally.details["missed_claims"] += [
            f"{gold.file[:3]}: {c.subject} {c.relation} {c.object} | {c.evidence[:60]}"
            for g, c in enumerate(gold.claims)
            if g not in found_gold
        ]
        tally.details["unmatched_predictions"] += [
            f"{gold.file[:3]}: {c.subject and c.subject.label} {c.relation} "
            f"{c.object and c.object.label} ({c.confidence:.2f}) | {squash(c.text)[:60]}"
            for p, c in enumerate(claims)
            if p not in matched
        ]
        polar = sum(claims[p].polarity == gold.claims[g].polarity for g, p in pairs)
        tally.add("polarity", polar, len(pairs), polar, len(pairs))
        for code in RELATIONS:
            n_gold = sum(g.relation == code for g in gold.claims)
            n_pred = sum(c.relation == code for c in claims)
            hits = sum(gold.claims[g].relation == code for g, _ in pairs)
            if n_gold or n_pred:
                row = tally.relations[code]
                for i, value in enumerate((hits, n_pred, hits, n_gold)):
                    row[i] += value
        for p, claim in enumerate(claims):
            for b, (_, low, high) in enumerate(CONFIDENCE_BANDS):
                if low <= claim.confidence < high:
                    tally.bands[b][0] += 1
                    tally.bands[b][1] += p in matched
        for t, low in enumerate(CONFIDENCE_THRESHOLDS):
            kept = [c for c in claims if c.confidence >= low]
            tally.kept[t][0] += len(kept)
            tally.kept[t][1] += len(
                _match(gold.claims, kept, lambda g, c: _claim_matches(g, c, matcher))
            )
        speakers = [(g, p) for g, p in pairs if gold.claims[g].speaker]
        good = sum(
            _role_matches(gold.claims[g].speaker, claims[p].speaker, matcher) for g, p in speakers
        )
        tally.add("claim_speakers", good, len(speakers), good, len(speakers))
    # Predicted claims in sentences the gold has no claim for: where precision goes.
    spans = [span for g in gold.claims for span in matcher.evidence(g.evidence)]
    tally.figures["claims_in_unannotated_sentences"] += sum(
        not any(s < c.end and c.start < e for s, e in spans) for c in claims
    )


def score_gold(
    gold: Path | SeedGold,
    extractions: Iterable[Extraction | Failure],
    *,
    name: str = "seeds",
    details: bool = False,
    registry_ids: Iterable[str] = (),
) -> Report:
    """Score extractions of the seed articles against the seed gold.

    Extractions are paired with gold documents by file name (`Document.source`
    ends with the gold's `file`); gold documents with no extraction count as
    extracted with nothing found. Their actors are first linked across documents,
    in order, as `kg ingest` links them (`extract.actors.variants.link_extractions`),
    so the scores measure what a store holds.

    Args:
        gold: the gold file or its loaded form.
        extractions: one per seed article (failures are counted, not scored).
        name: the report's name.
        details: also list, in `figures`, the gold claims and quotes missed, the
            unmatched predictions and the wrong quote speakers (for error analysis).
        registry_ids: ids of the registry's actors, which linking never relinks.

    Returns:
        A `Report` with fields actors (B-cubed over gold names), actors_found,
        quotes, quote_speakers, claims (relation, subject, object in the gold
        sentence), claims_relation_subject, polarity, claim_speakers; per
        relation code; confidence bands; figures with wrong merges of people.
    """
    seed_gold = gold if isinstance(gold, SeedGold) else load_gold(gold)
    by_file: dict[str, Extraction] = {}
    failures = 0
    for result in link_extractions(extractions, registry_ids=registry_ids):
        if isinstance(result, Failure):
            failures += 1
            continue
        by_file[Path(result.document.source.split("#")[0]).name] = result
        by_file[result.document.id] = result  # a JSONL record, found by its id below
    tally = _Tally()
    for doc in seed_gold.documents:
        found = by_file.get(doc.file) or by_file.get(record_document_id(doc.file))
        extraction = found or Extraction(document=Document(id=doc.file, text="", source=doc.file))
        _score_document(doc, extraction, tally)
    precision, recall = bcubed(tally.items)
    merges = [
        f"{predicted} <- {', '.join(sorted(people))}"
        for predicted, gold_ids in tally.resolved.items()
        if len(people := [i for i in gold_ids if tally.person.get(i)]) > 1
    ]
    tally.figures["wrong_merges_any"] = sum(len(ids) - 1 for ids in tally.resolved.values())
    tally.figures["wrong_merge_list"] = [
        f"{predicted} <- {', '.join(sorted(ids))}"
        for predicted, ids in tally.resolved.items()
        if len(ids) > 1
    ]
    fields = {
        "actors": ratio_score(precision, recall, n_pred=len(tally.items), n_gold=len(tally.items))
    }
    fields.update({key: Score(*row) for key, row in tally.counts.items()})
    figures: dict[str, Any] = dict(tally.figures)
    figures.update(
        documents=len(seed_gold.documents),
        failures=failures,
        person_merges=len(merges),
        person_merge_list=merges,
        pronoun_or_clutter_actors=len(tally.bad_actors),
        pronoun_or_clutter_list=tally.bad_actors,
        gold_claims=sum(len(d.claims) for d in seed_gold.documents),
        gold_quotes=sum(len(d.quotes) for d in seed_gold.documents),
    )
    if details:
        figures.update(tally.details)
    return Report(
        name=name,
        kind="seeds",
        fields=fields,
        relations={c: Score(*tally.relations[c]) for c in RELATIONS if c in tally.relations},
        bands=tuple(
            Band(label, n, correct)
            for (label, _, _), (n, correct) in zip(CONFIDENCE_BANDS, tally.bands, strict=True)
        ),
        thresholds=tuple(
            Threshold(low, n, correct, figures["gold_claims"])
            for low, (n, correct) in zip(CONFIDENCE_THRESHOLDS, tally.kept, strict=True)
        ),
        figures=figures,
    )


# ---- running the extractor ----------------------------------------------------------------


def seed_documents(gold: SeedGold, corpus: Path) -> list[Document]:
    """The articles the gold names, read from `corpus` (a folder or a JSONL file).

    Raises:
        EvaluationError: when an article is missing.
    """
    articles = gold_articles(gold, corpus)
    for doc in gold.documents:
        if doc.file not in articles:
            raise EvaluationError(
                f"Article {doc.file} not found in {corpus}; give its folder or JSONL file"
                " with --corpus."
            )
    return [articles[doc.file] for doc in gold.documents]


def find_corpus(gold_path: Path, gold: SeedGold, corpus: Path | None = None) -> Path:
    """Return the folder (or JSONL file) of the gold's articles.

    `corpus` if given, else the gold file's `corpus` entry, else `DEFAULT_SEED_CORPUS`.
    An entry is relative to the gold file's grandparent folder (`tests/data/` for
    `tests/data/dev/gold.yaml`) when it exists there, else to the repository: the nearest
    folder above the gold holding a `pyproject.toml`.
    """
    if corpus is not None:
        return corpus
    entry = gold.corpus or DEFAULT_SEED_CORPUS
    here = Path(gold_path).resolve()
    beside = here.parent.parent / entry
    if beside.exists():
        return beside
    root = next((up for up in here.parents if (up / "pyproject.toml").is_file()), None)
    return root / entry if root is not None else beside
