"""The command line's listings: claim, entity, profile, stats and analysis records as text.

Each function takes the records a `kg/` function returned (claim and entity dicts,
an actor profile, path steps, centrality rows, communities) and returns the text a
command prints, ending in a newline: ingest summaries, aligned tables through `kg.query.text_table`,
JSON Lines, CSV, or short indented summaries. `*_listing(records, fmt)` picks the
rendering a command's `--format` names, after `check_format` has accepted it. Nothing
here reads the store or prints.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kg.errors import FormatError
from kg.query import printable, text_table

if TYPE_CHECKING:
    from pathlib import Path

    import networkx as nx

    from kg.analysis import Centrality, Community, PathStep
    from kg.ingest import IngestReport

#: The formats of `kg claims` and `kg entities`.
LISTING_FORMATS = ("table", "jsonl", "csv")

#: Columns of `kg entities` as a table or CSV, in order.
ENTITY_COLUMNS = ("id", "label", "type", "aliases", "mentions", "documents", "wikidata", "roles")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _label(ref: Mapping[str, Any] | None) -> str:
    return ref["label"] if ref else ""


def check_format(fmt: str, choices: Sequence[str]) -> None:
    """Accept a `--format` value that is one of `choices`.

    Raises:
        FormatError: `fmt` is not one of `choices` (the message lists them).
    """
    if fmt not in choices:
        raise FormatError(f"unknown --format {fmt!r}; choose one of {', '.join(choices)}")


def jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    """Return records as JSON Lines: one compact object per line, non-ASCII kept as is."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def json_list(records: Sequence[Any]) -> str:
    """Return dataclass records (path steps, centrality rows, ...) as one indented JSON list."""
    items = [dataclasses.asdict(record) for record in records]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def ingest_summary(report: IngestReport) -> str:
    """Return what an ingest did, in two lines: documents by outcome, then volume and speed."""
    rate = report.documents / report.seconds if report.seconds else 0.0
    return (
        f"{report.documents} documents read: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged; "
        f"{len(report.failures)} failed.\n"
        f"{report.claims} claims and {report.actors} actors "
        "(an actor counts once in each document naming it), "
        f"{report.words} words in {report.seconds:.1f}s ({rate:.1f} documents/s).\n"
    ) + (
        f"{_plural(len(report.undated), 'document')} with no date "
        "(none in metadata, dateline or file name; give one with --date).\n"
        if report.undated
        else ""
    )


def claims_table(records: Sequence[Mapping[str, Any]], *, wide: bool = False) -> str:
    """Return claim records as a table (date, relation, actors, cue, independent sources,
    evidence) and a count.

    A negated claim's cue reads "not <cue>"; the evidence is the quote in curly
    quotation marks, or the sentence when the claim has no quote. Cells are cut at 60
    characters unless `wide`.
    """
    rows = [
        [
            record["date"] or "",
            record["relation"],
            _label(record["subject"]),
            _label(record["object"]),
            _label(record["speaker"]),
            ("not " if record["polarity"] == "negated" else "") + record["cue"],
            str(record.get("sources", 1)),
            f"“{record['quote']}”" if record["quote"] else record["text"],
        ]
        for record in records
    ]
    headers = (
        "date", "relation", "subject", "object", "speaker", "cue", "sources", "quote or sentence"
    )  # fmt: skip
    table = text_table(headers, rows, width=None if wide else 60)
    return table + f"({_plural(len(records), 'claim')})\n"


def entity_rows(records: Iterable[Mapping[str, Any]]) -> list[list[str]]:
    """Return entity records as rows of strings under `ENTITY_COLUMNS` (lists joined by "; ")."""
    return [
        [
            "; ".join(r[c]) if isinstance(r[c], list) else ("" if r[c] is None else str(r[c]))
            for c in ENTITY_COLUMNS
        ]
        for r in records
    ]


def entities_csv(records: Iterable[Mapping[str, Any]]) -> str:
    """Return entity records as CSV with a header row (columns: `ENTITY_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(ENTITY_COLUMNS)
    writer.writerows(entity_rows(records))
    return buffer.getvalue()


def entities_table(records: Sequence[Mapping[str, Any]], *, wide: bool = False) -> str:
    """Return entity records as a table (cells cut at 40 characters unless `wide`), a count."""
    table = text_table(ENTITY_COLUMNS, entity_rows(records), width=None if wide else 40)
    return table + f"({_plural(len(records), 'actor')})\n"


def claim_line(record: Mapping[str, Any], *, other: str) -> str:
    """Return one claim of an actor's profile as an indented line.

    A claim that more than one independent source makes says how many ("[3 sources]").

    Args:
        record: a claim record.
        other: "object" for a claim the actor made (shown "-> object"), "subject"
            for one it received (shown "<- subject").
    """
    ref = record[other]
    target = f" -> {ref['label']}" if ref and other == "object" else ""
    source = f" <- {ref['label']}" if ref and other == "subject" else ""
    negated = "not " if record["polarity"] == "negated" else ""
    evidence = f"“{record['quote']}”" if record["quote"] else record["text"]
    date = record["date"] or "undated"
    sources = record.get("sources", 1)
    count = f" [{sources} sources]" if sources > 1 else ""
    return (
        f"  {date}  {record['relation']}{target}{source} ({negated}{record['cue']}){count}: "
        f"{evidence}"
    )


def profile_text(profile: Mapping[str, Any]) -> str:
    """Return an actor profile (`kg.readback.actor_profile`) as text: facts, claims, quotes."""
    parent = profile["parent"] or {}
    lines = [f"{profile['label']}  ({profile['type']}, id {profile['id']})"]
    for key, value in (
        ("aliases", ", ".join(profile["aliases"])),
        ("wikidata", profile["wikidata"]),
        ("sector", profile["sector"]),
        ("part of", parent.get("label") or parent.get("id")),
        ("country", (profile["country"] or {}).get("label")),
        ("roles", "; ".join(profile["roles"])),
    ):
        if value:
            lines.append(f"{key}: {value}")
    lines.append(f"mentions: {profile['mentions']} in {profile['documents']} documents")
    lines.append(f"claims made ({len(profile['claims_made'])}):")
    lines += [claim_line(r, other="object") for r in profile["claims_made"]]
    lines.append(f"claims received ({len(profile['claims_received'])}):")
    lines += [claim_line(r, other="subject") for r in profile["claims_received"]]
    lines.append(f"quotes ({len(profile['quotes'])}):")
    lines += [f"  {q['date'] or 'undated'}  “{q['quote']}” ({q['cue']})" for q in profile["quotes"]]
    return printable("\n".join(lines)) + "\n"


def stats_text(counts: Mapping[str, Any]) -> str:
    """Return store counts (`kg.readback.stats`) as text, claims broken down by relation."""
    size = counts["size_bytes"]
    lines = [
        f"store: {counts['store']}" + (f" ({size / 1e6:.1f} MB)" if size is not None else ""),
        f"documents: {counts['documents']}",
        f"actors: {counts['actors']} (each counted once, registry actors included)",
        f"claims: {counts['claims']}",
    ]
    lines += [f"  {rel:<22}{n}" for rel, n in counts["claims_by_relation"].items()]
    lines.append(f"quads: {counts['quads']}")
    return "\n".join(lines) + "\n"


def drawing_summary(
    graph: nx.MultiDiGraph, output: Path, *, size: int, laid_out: bool, threshold: int
) -> str:
    """Return what `kg viz` drew: actors, edges, claims and file size, and how it was cut.

    Args:
        graph: the claim graph drawn (`kg.network.query_graph`).
        output: the file written; `size` its size in bytes.
        laid_out: the page's layout was computed in advance (more than `threshold`
            actors), not left to the browser's physics.
        threshold: the layout threshold the page was drawn with.
    """
    claims = sum(count for _, _, count in graph.edges(data="count"))
    lines = [
        f"wrote {output}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} edges "
        f"({claims} claims), {size / 1024:.0f} KiB"
    ]
    if laid_out:
        lines.append(f"layout computed in advance (more than {threshold} actors)")
    if graph.graph.get("total_nodes", 0) > graph.number_of_nodes():
        lines.append(f"cut by filters from {graph.graph['total_nodes']} actors")
    return "\n".join(lines) + "\n"


def path_text(steps: Sequence[PathStep], *, evidence: int = 3) -> str:
    """Return a chain of claims as numbered hops, each with up to `evidence` evidence lines."""
    from kg.viz import evidence_line

    lines = []
    for number, step in enumerate(steps, start=1):
        lines.append(
            f"{number}. {step.source_label} -{step.relation}-> {step.target_label} "
            f"({_plural(step.count, 'claim')})"
        )
        lines += ["   " + evidence_line(e).replace("\n", "\n   ") for e in step.evidence[:evidence]]
    if not steps:
        lines.append("(the same actor)")
    return printable("\n".join(lines)) + "\n"


def centrality_table(rows: Sequence[Centrality], *, total: int, wide: bool = False) -> str:
    """Return centrality rows as a ranked table, and how many of `total` actors it shows."""
    headers = ("rank", "actor", "type", "pagerank", "made", "received", "degree", "betweenness")
    cells = [
        [str(i), r.label, r.type, f"{r.pagerank:.4f}", str(r.out_claims), str(r.in_claims),
         f"{r.degree:.3f}", f"{r.betweenness:.3f}"]
        for i, r in enumerate(rows, start=1)
    ]  # fmt: skip
    table = text_table(headers, cells, width=None if wide else 40)
    return table + f"({len(rows)} of {total} actors)\n"


def communities_table(parts: Sequence[Community], *, wide: bool = False) -> str:
    """Return communities as a table (size, claims, member labels) and their number."""
    cells = [
        [str(p.index), str(len(p.members)), str(p.claims), ", ".join(lbl for _, lbl in p.members)]
        for p in parts
    ]
    headers = ("#", "actors", "claims", "members")
    table = text_table(headers, cells, width=None if wide else 100)
    return table + f"({len(parts)} communities)\n"


# ---- a listing in the format --format names ---------------------------------------------


def claims_listing(records: Sequence[dict[str, Any]], fmt: str, *, wide: bool = False) -> str:
    """Return claim records as `kg claims` prints them: table (cut unless `wide`), jsonl, csv."""
    from kg.export import claims_csv

    if fmt == "jsonl":
        return jsonl(records)
    return claims_csv(records) if fmt == "csv" else claims_table(records, wide=wide)


def entities_listing(records: Sequence[Mapping[str, Any]], fmt: str, *, wide: bool = False) -> str:
    """Return entity records as `kg entities` prints them: table (cut unless `wide`), jsonl, csv."""
    if fmt == "jsonl":
        return jsonl(records)
    return entities_csv(records) if fmt == "csv" else entities_table(records, wide=wide)


def profile_listing(profile: Mapping[str, Any], fmt: str) -> str:
    """Return an actor profile as `kg show` prints it: text, or indented JSON."""
    if fmt == "json":
        return json.dumps(profile, ensure_ascii=False, indent=2) + "\n"
    return profile_text(profile)


def stats_listing(counts: Mapping[str, Any], fmt: str) -> str:
    """Return the store's counts as `kg stats` prints them: text, or indented JSON."""
    return json.dumps(counts, indent=2) + "\n" if fmt == "json" else stats_text(counts)


def path_listing(steps: Sequence[PathStep], fmt: str) -> str:
    """Return a chain of claims as `kg path` prints it: table, or a JSON list."""
    return json_list(steps) if fmt == "json" else path_text(steps)


def centrality_listing(
    rows: Sequence[Centrality], fmt: str, *, total: int, wide: bool = False
) -> str:
    """Return centrality rows as `kg central` prints them: table (of `total`), or JSON."""
    return json_list(rows) if fmt == "json" else centrality_table(rows, total=total, wide=wide)


def communities_listing(parts: Sequence[Community], fmt: str, *, wide: bool = False) -> str:
    """Return communities as `kg communities` prints them: table, or a JSON list."""
    return json_list(parts) if fmt == "json" else communities_table(parts, wide=wide)


def ingest_notes(report: IngestReport) -> str:
    """Return what an ingest did besides adding and updating, one line per kind of event.

    Duplicates (the same text under a second name: stored once), renames (the old
    document replaced), pruned documents (source gone), documents flagged as not prose,
    and documents left unwritten when the store could not be written. Empty when none.
    """
    lines = []
    for count, first, rest in (
        (len(report.duplicates), "duplicate", ": the same text as another document, stored once"),
        (len(report.renamed), "renamed", ": stored under the new name, the old document removed"),
        (len(report.pruned), "pruned", ": the source is gone, the document removed"),
        (len(report.not_prose), "not prose", ": stretches without a sentence end left out"),
    ):
        if count:
            lines.append(f"{count} {first}{rest}")
    for source, stored_as in report.duplicates:
        lines.append(f"  duplicate: {source} (same text as {stored_as})")
    for old, new in report.renamed:
        lines.append(f"  renamed: {old} -> {new}")
    for source in report.pruned:
        lines.append(f"  pruned: {source}")
    for source in report.not_prose:
        lines.append(f"  not prose: {source}")
    if report.not_written:
        lines.append(f"{report.not_written} documents not written: the run stopped")
    return "".join(line + "\n" for line in lines)
