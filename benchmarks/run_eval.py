"""Run every evaluation and print a Markdown report for the README.

Run on demand (not part of the tests):

    .venv/bin/python benchmarks/run_eval.py [--shared DIR] [--model NAME] [--json FILE]
        [--only SET ...] [--studied]

It loads the pipeline once, scores the seed gold (`gold/seeds.yaml`), the team's own
sets in `tests/data/` (held-out, development, blind: texts written and annotated by the
team, see their READMEs), the PLOVER gold sentences, the UniversalPetrarch validation set
and textacy's quote cases from `shared/eval/`, and prints the date, the git commit, a
summary against the targets of issue 3, and every report's tables. Sets whose files are
missing are reported as skipped. `--studied` leaves out the blind sets, which are scored
only at the start and end of a round.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

#: The team's own annotated sets, in the seed gold's format, each with its docs/ folder.
TEAM_SETS = ("heldout", "dev", "blind")
#: The real-news gold (`gold/realnews/`): records of `shared/corpus/realnews`, split by
#: record id into a development part (studied) and a blind part (measured only).
REALNEWS_SETS = ("realnews-dev", "realnews-blind")
#: Sets whose tables are not printed: the blind sets are measured, never studied.
WITHHELD = ("blind", "realnews-blind")
#: Every annotated set, for the per-set summary.
ANNOTATED = ("seeds", *TEAM_SETS, *REALNEWS_SETS)

PUBLIC_SETS = (
    ("plover", "plover_gsr_cameo_manual.jsonl"),
    ("petrarch", "universalpetrarch_PETR2_GSR_validation.jsonl"),
    ("textacy", "textacy_direct_quotations_tests.jsonl"),
)


def git_commit() -> str:
    """The short commit of the checkout, with "+changes" when the tree is not clean."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{commit}{' +uncommitted changes' if dirty else ''}" or "unknown"


def figure(report, field: str, attribute: str) -> float | None:
    score = report.fields.get(field) if report else None
    return getattr(score, attribute) if score else None


def summary(reports: dict) -> list[str]:
    """One row per target of issue 3: what was reached and whether it meets the target."""
    seeds, plover = reports.get("seeds"), reports.get("plover")
    rows = []

    def row(name, value, target, ok):
        shown = "-" if value is None else (f"{value:.3f}" if isinstance(value, float) else value)
        rows.append(f"| {name} | {shown} | {target} | {'yes' if ok else 'no'} |")

    speakers = figure(seeds, "quote_speakers", "precision")
    row("quote speaker accuracy (seeds)", speakers, ">= 0.90", (speakers or 0) >= 0.9)
    recall = figure(seeds, "claims", "recall")
    precision = figure(seeds, "claims", "precision")
    row("claims recall (seeds)", recall, ">= 0.70", (recall or 0) >= 0.7)
    row("claims precision (seeds)", precision, ">= 0.80", (precision or 0) >= 0.8)
    actors = figure(seeds, "actors", "f1")
    row("actor alias clustering F1 (seeds)", actors, ">= 0.90", (actors or 0) >= 0.9)
    merges = seeds.figures.get("person_merges") if seeds else None
    row("merges of different people (seeds)", merges, "0", merges == 0)
    bad = seeds.figures.get("pronoun_or_clutter_actors") if seeds else None
    row("pronoun or clutter actors (seeds)", bad, "0", bad == 0)
    typed = figure(plover, "sentences_typed", "recall")
    row("PLOVER sentences with event type found", typed, ">= 0.50", (typed or 0) >= 0.5)
    type_p = figure(plover, "event_type", "precision")
    row("PLOVER event type precision", type_p, ">= 0.70", (type_p or 0) >= 0.7)
    return ["| target | reached | wanted | met |", "|---|---|---|---|", *rows]


def per_set(reports: dict) -> list[str]:
    """One row per annotated set: claims, quote speakers, actor clustering, merges."""
    rows = [
        "| set | claims P | claims R | quote speakers | actor F1 | people merged |",
        "|---|---|---|---|---|---|",
    ]
    for kind in ANNOTATED:
        report = reports.get(kind)
        if report is None:
            continue
        claims = report.fields["claims"]
        speakers = figure(report, "quote_speakers", "precision")
        actors = figure(report, "actors", "f1")
        rows.append(
            f"| {kind} | {claims.precision or 0:.3f} ({claims.correct_pred}/{claims.n_pred})"
            f" | {claims.recall or 0:.3f} ({claims.correct_gold}/{claims.n_gold})"
            f" | {speakers or 0:.3f} | {actors or 0:.3f}"
            f" | {report.figures.get('person_merges', '-')} |"
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--gold", type=Path, default=REPO / "gold" / "seeds.yaml")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write all reports here")
    parser.add_argument("--only", nargs="*", help="score only these sets (names as printed)")
    parser.add_argument(
        "--studied",
        action="store_true",
        help="leave out the blind sets (for the runs between a round's start and end)",
    )
    args = parser.parse_args()

    from extract.actors.registry import load_registry
    from extract.evaluation.run import evaluate
    from extract.evaluation.scores import render_table
    from extract.nlp.pipeline import load_nlp

    registry = load_registry()
    nlp = load_nlp(args.model, registry=registry)
    jobs = [("seeds", args.gold)]
    jobs += [(kind, REPO / "tests" / "data" / kind / "gold.yaml") for kind in TEAM_SETS]
    jobs += [(kind, REPO / "gold" / "realnews" / kind.split("-")[1]) for kind in REALNEWS_SETS]
    jobs += [(kind, args.shared / "eval" / name) for kind, name in PUBLIC_SETS]
    if args.only:
        jobs = [(kind, path) for kind, path in jobs if kind in args.only]
    if args.studied:
        jobs = [(kind, path) for kind, path in jobs if kind not in WITHHELD]
    realnews = args.shared / "corpus" / "realnews" / "articles.jsonl"
    reports, seconds, skipped = {}, {}, []
    for kind, path in jobs:
        if (
            not path.exists()
            or (kind == "seeds" and not (args.shared / "corpus").is_dir())
            or (kind in REALNEWS_SETS and not realnews.is_file())
        ):
            skipped.append(f"{kind} ({path} not found)")
            continue
        started = time.perf_counter()
        corpus = args.shared / "corpus" / "seeds" if kind == "seeds" else None
        if kind in TEAM_SETS:
            corpus = path.parent / "docs"
        if kind in REALNEWS_SETS:
            corpus = realnews
        report = evaluate(path, nlp=nlp, registry=registry, corpus=corpus)
        if kind in TEAM_SETS:
            report = dataclasses.replace(report, name=f"{kind} set ({path.parent.name}/gold.yaml)")
        if kind in REALNEWS_SETS:
            report = dataclasses.replace(report, name=f"{kind} set (gold/realnews/{path.name}/)")
        reports[kind] = report
        seconds[kind] = time.perf_counter() - started

    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    lines = [
        "## Evaluation",
        "",
        f"Measured {now} on commit {git_commit()} with {model}"
        " (`.venv/bin/python benchmarks/run_eval.py`).",
        "",
        *summary(reports),
        "",
        *per_set(reports),
        "",
    ]
    for kind, report in reports.items():
        if kind in WITHHELD:
            lines += [
                f"### {kind} set: tables withheld (the summary row gives its claims), so rule",
                "writers are not steered by its relation codes; `kg eval` prints them on request.",
                "",
            ]
            continue
        lines += [render_table(report), f"- run time: {seconds[kind]:.1f} s", ""]
    lines += [f"Skipped: {item}" for item in skipped]
    print("\n".join(lines))
    if args.json:
        payload = {kind: report.to_dict() for kind, report in reports.items()}
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
