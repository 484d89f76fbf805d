"""Scores and reports of an evaluation: counts, precision/recall/F1, and their rendering.

`Score` holds the counts behind one precision/recall/F1 row, `Report` the rows of
one evaluation (per field, per relation code, per confidence band) plus plain
figures; `render_table` turns a report into the Markdown table the CLI prints and
the README carries. `bcubed` scores clusterings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Words that must never be actors on their own.
PRONOUNS: frozenset[str] = frozenset(
    ("i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "his")
    + ("its", "their", "our", "this", "that", "who")
)


@dataclass(frozen=True)
class Score:
    """Counts behind one precision/recall/F1 row."""

    correct_pred: int  # predictions that matched gold
    n_pred: int
    correct_gold: int  # gold items that were found
    n_gold: int

    @property
    def precision(self) -> float | None:
        return self.correct_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.correct_gold / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and the three ratios (None where undefined)."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "correct_pred": self.correct_pred,
            "n_pred": self.n_pred,
            "correct_gold": self.correct_gold,
            "n_gold": self.n_gold,
        }


def ratio_score(precision: float, recall: float, *, n_pred: int, n_gold: int) -> Score:
    """A `Score` from ratios that are not plain counts (B-cubed); counts are rounded."""
    return Score(round(precision * n_pred), n_pred, round(recall * n_gold), n_gold)


@dataclass(frozen=True)
class Band:
    """Precision of the predicted claims whose confidence falls in one band."""

    label: str
    n: int
    correct: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass(frozen=True)
class Threshold:
    """Claims kept at a minimum confidence: how many, how many right, out of the gold."""

    min_confidence: float
    n: int
    correct: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.n_gold if self.n_gold else None


@dataclass(frozen=True)
class Report:
    """The outcome of one evaluation: what a CLI or a README table shows."""

    name: str
    kind: str  # "seeds", "plover", "petrarch", "textacy"
    fields: Mapping[str, Score]
    relations: Mapping[str, Score] = field(default_factory=dict)
    bands: tuple[Band, ...] = ()
    thresholds: tuple[Threshold, ...] = ()
    figures: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready view."""
        return {
            "name": self.name,
            "kind": self.kind,
            "fields": {key: score.to_dict() for key, score in self.fields.items()},
            "relations": {key: score.to_dict() for key, score in self.relations.items()},
            "confidence_bands": [
                {"band": b.label, "n": b.n, "correct": b.correct, "precision": b.precision}
                for b in self.bands
            ],
            "thresholds": [
                {
                    "min_confidence": t.min_confidence,
                    "n": t.n,
                    "correct": t.correct,
                    "precision": t.precision,
                    "recall": t.recall,
                }
                for t in self.thresholds
            ],
            "figures": dict(self.figures),
            "notes": list(self.notes),
        }


def bcubed(items: Sequence[tuple[str, str]]) -> tuple[float, float]:
    """B-cubed precision and recall of (gold cluster, predicted cluster) items.

    Precision averages, over items, the share of an item's predicted cluster that
    is in its gold cluster; recall the share of its gold cluster in its predicted
    cluster (Bagga and Baldwin 1998).
    """
    if not items:
        return 0.0, 0.0
    gold_of: dict[str, Counter[str]] = defaultdict(Counter)
    pred_of: dict[str, Counter[str]] = defaultdict(Counter)
    both: Counter[tuple[str, str]] = Counter(items)
    for g, p in items:
        gold_of[g][p] += 1
        pred_of[p][g] += 1
    precision = sum(both[(g, p)] / sum(pred_of[p].values()) for g, p in items) / len(items)
    recall = sum(both[(g, p)] / sum(gold_of[g].values()) for g, p in items) / len(items)
    return precision, recall


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_table(report: Report) -> str:
    """Markdown tables of a report: fields, relation codes, confidence bands and
    thresholds, figures."""
    lines = [
        f"### {report.name}",
        "",
        "| field | P | R | F1 | matched / predicted | found / gold |",
    ]
    lines.append("|---|---|---|---|---|---|")
    for key, score in report.fields.items():
        lines.append(
            f"| {key} | {_fmt(score.precision)} | {_fmt(score.recall)} | {_fmt(score.f1)} "
            f"| {score.correct_pred} / {score.n_pred} | {score.correct_gold} / {score.n_gold} |"
        )
    if report.relations:
        lines += ["", "| relation | P | R | F1 | predicted | gold |", "|---|---|---|---|---|---|"]
        for code, score in report.relations.items():
            lines.append(
                f"| {code} | {_fmt(score.precision)} | {_fmt(score.recall)} | {_fmt(score.f1)} "
                f"| {score.n_pred} | {score.n_gold} |"
            )
    if report.bands:
        lines += ["", "| confidence | claims | correct | precision |", "|---|---|---|---|"]
        for band in report.bands:
            lines.append(f"| {band.label} | {band.n} | {band.correct} | {_fmt(band.precision)} |")
    if report.thresholds:
        lines += [
            "",
            "| min confidence | claims kept | correct | P | R |",
            "|---|---|---|---|---|",
        ]
        for t in report.thresholds:
            lines.append(
                f"| {t.min_confidence:.2f} | {t.n} | {t.correct} | {_fmt(t.precision)} "
                f"| {_fmt(t.recall)} |"
            )
    if report.figures:
        lines.append("")
        for key, value in report.figures.items():
            if isinstance(value, list) and len(value) > 2:
                lines.append(f"- {key}:")
                lines += [f"  - {item}" for item in value]
            elif isinstance(value, list):
                lines.append(f"- {key}: {'; '.join(str(v) for v in value) or 'none'}")
            else:
                lines.append(f"- {key}: {value}")
    lines += [f"- note: {note}" for note in report.notes]
    return "\n".join(lines)
