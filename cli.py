"""claimgraph's command line: parse arguments, call one library function, format the result.

This is the only module that prints or exits. Heavy imports (spaCy, rdflib) happen
inside the commands that need them, so `kg --help` and `kg query` start fast.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from kg import LAYOUT_THRESHOLD

app = typer.Typer(
    name="kg",
    help="claimgraph: news articles in, a SPARQL-queryable graph of actors and claims out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@dataclass
class Settings:
    """Global options, shared by every command through the Typer context."""

    store: Path
    endpoint: str | None
    registry: tuple[Path, ...]
    model: str | None
    verbose: int


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` on stderr and return the Exit to raise."""
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code)


@app.callback()
def main_options(
    ctx: typer.Context,
    store: Annotated[
        Path,
        typer.Option(envvar="KG_STORE", help="Directory of the embedded store (env KG_STORE)."),
    ] = Path("kg-store"),
    endpoint: Annotated[
        str | None,
        typer.Option(
            envvar="KG_ENDPOINT", help="SPARQL 1.1 endpoint URL to use instead of the store."
        ),
    ] = None,
    registry: Annotated[
        list[Path] | None,
        typer.Option(help="Extra actor registry YAML (repeatable); adds to the shipped one."),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(envvar="KG_MODEL", help="spaCy pipeline to load (env KG_MODEL)."),
    ] = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More output.")] = 0,
) -> None:
    """claimgraph: news articles in, a SPARQL-queryable graph of actors and claims out."""
    ctx.obj = Settings(
        store=store,
        endpoint=endpoint,
        registry=tuple(registry or ()),
        model=model,
        verbose=verbose,
    )


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    assert isinstance(obj, Settings)
    return obj


# ---- commands: ingest -------------------------------------------------------------------


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files or folders: .txt .md .html .jsonl.", show_default=False),
    ],
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")] = 16,
    processes: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
) -> None:
    """Read articles, extract actors and claims, and write them to the store.

    Exits 1 if any document failed (the others still go in), 0 otherwise.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from extract.actors.registry import RegistryError, load_registry
    from extract.nlp.pipeline import ModelNotFoundError, load_nlp
    from kg.ingest import ingest as run_ingest
    from kg.store import StoreError, open_store

    settings = _settings(ctx)
    try:
        registry = load_registry(settings.registry)
    except RegistryError as error:
        raise _fail(f"error: {error}") from None

    console = Console(stderr=True)
    bar = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task("", total=None)

    def progress(done: int, total: int, source: str) -> None:
        bar.update(task, completed=done, total=total, description=Path(source).name[:40])

    try:
        with open_store(settings.store, endpoint=settings.endpoint) as store, bar:
            report = run_ingest(
                paths,
                store=store,
                load_nlp=lambda: load_nlp(settings.model, registry=registry),
                registry=registry,
                batch_size=batch_size,
                n_process=processes,
                progress=progress,
            )
    except (ModelNotFoundError, StoreError) as error:
        raise _fail(f"error: {error}") from None

    rate = report.documents / report.seconds if report.seconds else 0.0
    typer.echo(
        f"{report.documents} documents read: {len(report.added)} added, "
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged; "
        f"{len(report.failures)} failed."
    )
    typer.echo(
        f"{report.claims} claims and {report.actors} actors (counted per document), "
        f"{report.words} words in {report.seconds:.1f}s ({rate:.1f} documents/s)."
    )
    for source, warning in report.warnings:
        typer.secho(f"warning: {source}: {warning}", err=True, fg=typer.colors.YELLOW)
    for failure in report.failures:
        typer.secho(f"failed: {failure.reason}", err=True, fg=typer.colors.RED)
    if report.failures:
        raise typer.Exit(1)


_ConfidenceOption = Annotated[
    float, typer.Option(min=0.0, max=1.0, help="Keep claims with at least this confidence.")
]


# ---- commands: query, claims, entities, show, export, stats ----------------------------

_CLAIM_FORMATS = ("table", "jsonl", "csv")


def _open_for(ctx: typer.Context, *, read_only: bool = True):  # -> kg.store.Store
    """Open the store named by the global options (embedded or --endpoint)."""
    from kg.store import open_store

    settings = _settings(ctx)
    return open_store(settings.store, endpoint=settings.endpoint, read_only=read_only)


def _echo_json_records(records: Sequence[Any]) -> None:
    """Print dataclass records as one indented JSON list."""
    import dataclasses
    import json

    items = [dataclasses.asdict(record) for record in records]
    typer.echo(json.dumps(items, ensure_ascii=False, indent=2))


def _label(ref: dict | None) -> str:
    return ref["label"] if ref else ""


def _check_format(fmt: str, choices: tuple[str, ...]) -> None:
    if fmt not in choices:
        raise _fail(f"error: unknown --format {fmt!r}; choose one of {', '.join(choices)}")


def _read_sparql(text: str) -> str:
    """The query text itself, `@file.rq` (read the file) or `-` (read stdin)."""
    import sys

    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise _fail(f"error: cannot read query file {path}: {error.strerror}") from None
    return text


@app.command()
def query(
    ctx: typer.Context,
    sparql: Annotated[
        str, typer.Argument(help="SPARQL text, @file.rq, or - for stdin.", show_default=False)
    ],
    fmt: Annotated[
        str, typer.Option("--format", help="table, csv, tsv, json, or turtle (CONSTRUCT/DESCRIBE).")
    ] = "table",
    update: Annotated[
        bool,
        typer.Option(
            "--update",
            help="Allow a SPARQL UPDATE to change the store (match in GRAPH ?g { ... }: "
            "updates see each document's graph, not their union).",
        ),
    ] = False,
) -> None:
    """Run a SPARQL query over all documents (the union of their graphs).

    Declared prefixes: cg rdf rdfs skos schema prov dcterms owl xsd actor claim doc wd.

    Actor facts repeat once per document graph: use DISTINCT or COUNT(DISTINCT ...).
    """
    from kg.errors import KgError
    from kg.query import FORMATS, format_result, run_query

    _check_format(fmt, FORMATS)
    text = _read_sparql(sparql)
    try:
        with _open_for(ctx, read_only=not update) as store:
            result = run_query(store, text, update=update)
            output = "OK: update applied.\n" if result is None else format_result(result, fmt)
    except KgError as error:
        raise _fail(f"error: {error}") from None
    typer.echo(output, nl=False)


@app.command()
def claims(
    ctx: typer.Context,
    actor: Annotated[
        str | None, typer.Option(help="Claims whose subject, object or speaker is this actor.")
    ] = None,
    relation: Annotated[str | None, typer.Option(help="Relation code, e.g. ACCUSE.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Claims this actor is quoted in.")] = None,
    min_confidence: _ConfidenceOption = 0.0,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """List claims: who said, accused, requested, denied ... whom, with the evidence."""
    import json

    from kg.errors import KgError
    from kg.export import claims_csv
    from kg.query import text_table
    from kg.records import claim_records

    _check_format(fmt, _CLAIM_FORMATS)
    try:
        with _open_for(ctx) as store:
            records = list(
                claim_records(
                    store,
                    actor=actor,
                    relation=relation,
                    speaker=speaker,
                    min_confidence=min_confidence,
                )
            )
    except KgError as error:
        raise _fail(f"error: {error}") from None
    if fmt == "jsonl":
        typer.echo("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), nl=False)
    elif fmt == "csv":
        typer.echo(claims_csv(records), nl=False)
    else:
        rows = [
            [
                r["date"] or "",
                r["relation"],
                _label(r["subject"]),
                _label(r["object"]),
                _label(r["speaker"]),
                ("not " if r["polarity"] == "negated" else "") + r["cue"],
                f"“{r['quote']}”" if r["quote"] else r["text"],
            ]
            for r in records
        ]
        headers = ("date", "relation", "subject", "object", "speaker", "cue", "quote or sentence")
        typer.echo(text_table(headers, rows), nl=False)
        typer.echo(f"({len(records)} claim{'' if len(records) == 1 else 's'})")


@app.command()
def entities(
    ctx: typer.Context,
    type_: Annotated[
        str | None, typer.Option("--type", help="Person, Government, ArmedGroup, ...")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """List actors, most mentioned first, with aliases and counts."""
    import csv
    import io
    import json

    from kg.errors import KgError
    from kg.query import text_table
    from kg.records import entity_records

    _check_format(fmt, _CLAIM_FORMATS)
    try:
        with _open_for(ctx) as store:
            records = list(entity_records(store, type=type_))
    except KgError as error:
        raise _fail(f"error: {error}") from None
    if fmt == "jsonl":
        typer.echo("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), nl=False)
        return
    columns = ("id", "label", "type", "aliases", "mentions", "documents", "wikidata", "roles")
    rows = [
        [
            "; ".join(r[c]) if isinstance(r[c], list) else ("" if r[c] is None else str(r[c]))
            for c in columns
        ]
        for r in records
    ]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        typer.echo(buffer.getvalue(), nl=False)
    else:
        typer.echo(text_table(columns, rows, width=40), nl=False)
        typer.echo(f"({len(records)} actor{'' if len(records) == 1 else 's'})")


def _claim_line(record: dict, *, other: str) -> str:
    ref = record[other]
    target = f" -> {ref['label']}" if ref and other == "object" else ""
    source = f" <- {ref['label']}" if ref and other == "subject" else ""
    negated = "not " if record["polarity"] == "negated" else ""
    evidence = f"“{record['quote']}”" if record["quote"] else record["text"]
    date = record["date"] or "undated"
    return f"  {date}  {record['relation']}{target}{source} ({negated}{record['cue']}): {evidence}"


@app.command()
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Actor id, label or alias.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Show one actor: aliases, type, roles, claims made and received, quotes."""
    import json

    from kg.errors import KgError
    from kg.records import actor_profile

    _check_format(fmt, ("text", "json"))
    try:
        with _open_for(ctx) as store:
            profile = actor_profile(store, name)
    except KgError as error:
        raise _fail(f"error: {error}") from None
    if fmt == "json":
        typer.echo(json.dumps(profile, ensure_ascii=False, indent=2))
        return
    lines = [f"{profile['label']}  ({profile['type']}, id {profile['id']})"]
    for key, value in (
        ("aliases", ", ".join(profile["aliases"])),
        ("wikidata", profile["wikidata"]),
        ("sector", profile["sector"]),
        ("part of", (profile["parent"] or {}).get("label") or (profile["parent"] or {}).get("id")),
        ("country", (profile["country"] or {}).get("label")),
        ("roles", "; ".join(profile["roles"])),
    ):
        if value:
            lines.append(f"{key}: {value}")
    lines.append(f"mentions: {profile['mentions']} in {profile['documents']} documents")
    lines.append(f"claims made ({len(profile['claims_made'])}):")
    lines += [_claim_line(r, other="object") for r in profile["claims_made"]]
    lines.append(f"claims received ({len(profile['claims_received'])}):")
    lines += [_claim_line(r, other="subject") for r in profile["claims_received"]]
    lines.append(f"quotes ({len(profile['quotes'])}):")
    lines += [f"  {q['date'] or 'undated'}  “{q['quote']}” ({q['cue']})" for q in profile["quotes"]]
    typer.echo("\n".join(lines))


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "-f", "--format", help="turtle, nt, nquads, trig, jsonld, csv (claims), graphml ..."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")
    ] = None,
) -> None:
    """Export the whole store (all documents' graphs and the registry)."""
    import sys

    from kg.errors import KgError
    from kg.export import export as run_export

    try:
        with _open_for(ctx) as store:
            if output is None:
                run_export(store, fmt, sys.stdout.buffer)
                sys.stdout.buffer.flush()
            else:
                with output.open("wb") as stream:
                    run_export(store, fmt, stream)
    except KgError as error:
        raise _fail(f"error: {error}") from None
    except BrokenPipeError:
        # the reader stopped early (`kg export ... | head`): not an error; silence the
        # interpreter's own flush of stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    except OSError as error:
        raise _fail(f"error: cannot write {output}: {error.strerror}") from None
    if output is not None:
        typer.echo(f"wrote {output} ({output.stat().st_size} bytes)", err=True)


@app.command()
def stats(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Count documents, actors and claims (by relation) and the store's size."""
    import json

    from kg.errors import KgError
    from kg.records import stats as store_stats

    _check_format(fmt, ("text", "json"))
    try:
        with _open_for(ctx) as store:
            counts = store_stats(store)
    except KgError as error:
        raise _fail(f"error: {error}") from None
    if fmt == "json":
        typer.echo(json.dumps(counts, indent=2))
        return
    size = counts["size_bytes"]
    lines = [
        f"store: {counts['store']}" + (f" ({size / 1e6:.1f} MB)" if size is not None else ""),
        f"documents: {counts['documents']}",
        f"actors: {counts['actors']}",
        f"claims: {counts['claims']}",
    ]
    lines += [f"  {rel:<22}{n}" for rel, n in counts["claims_by_relation"].items()]
    lines.append(f"quads: {counts['quads']}")
    typer.echo("\n".join(lines))


# ---- commands: viz, path, central, communities -----------------------------------------

_RelationOption = Annotated[
    list[str] | None,
    typer.Option("--relation", help="Keep this relation code (repeatable), e.g. ACCUSE."),
]
_SinceOption = Annotated[
    str | None, typer.Option(help="Keep claims from articles dated on or after (ISO date).")
]
_UntilOption = Annotated[
    str | None, typer.Option(help="Keep claims from articles dated on or before (ISO date).")
]
_GRAPH_FILES = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf"}


def _claim_graph(ctx: typer.Context, query_file: Path | None = None, **filters):  # -> MultiDiGraph
    """Open the store, read the claims and fold them into a filtered graph."""
    from kg.errors import KgError
    from kg.network import GraphFilters, relation_codes, store_graph, triples_from_result
    from kg.query import run_query

    sparql = None
    if query_file is not None:
        sparql = _read_sparql(f"@{query_file}")
    try:
        filters["relations"] = relation_codes(filters.get("relations") or ())
        with _open_for(ctx) as store:
            if sparql is not None:
                result = run_query(store, sparql)
                assert result is not None  # run_query refuses updates without update=True
                filters["triples"] = triples_from_result(result)
            return store_graph(store, filters=GraphFilters(**filters))
    except KgError as error:
        raise _fail(f"error: {error}") from None


@app.command("viz")
def viz_command(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", help="File to write: .html (interactive page), .graphml or .gexf."
        ),
    ],
    focus: Annotated[str | None, typer.Option(help="Draw only this actor's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(min=0, help="Claims away from --focus to keep.")] = 1,
    relation: _RelationOption = None,
    since: _SinceOption = None,
    until: _UntilOption = None,
    min_confidence: _ConfidenceOption = 0.0,
    min_claims: Annotated[
        int, typer.Option(min=1, help="Keep actors taking part in at least this many claims.")
    ] = 1,
    query_file: Annotated[
        Path | None,
        typer.Option(
            "--query",
            help="Draw the answer of a SPARQL file: a CONSTRUCT of cg: relation edges, "
            "or a SELECT with ?subject ?relation ?object columns.",
        ),
    ] = None,
    layout_threshold: Annotated[
        int, typer.Option(min=1, help="Above this many actors, lay out in advance, physics off.")
    ] = LAYOUT_THRESHOLD,
) -> None:
    """Draw the claim graph: one self-contained HTML page (works offline), or GraphML/GEXF."""
    from kg.network import write_gexf, write_graphml
    from kg.viz import write_html

    kind = _GRAPH_FILES.get(output.suffix.lower())
    if kind is None:
        raise _fail(
            f"error: cannot tell the format of {output}; "
            f"end the name with {', '.join(sorted(_GRAPH_FILES))}"
        )
    graph = _claim_graph(
        ctx,
        query_file,
        focus=focus,
        depth=depth,
        relations=relation,
        since=since,
        until=until,
        min_confidence=min_confidence,
        min_claims=min_claims,
    )
    if graph.number_of_nodes() == 0:
        typer.secho("warning: no claims match; the graph is empty", err=True, fg="yellow")
    try:
        if kind == "html":
            settings = _settings(ctx)
            summary = write_html(
                graph,
                output,
                source=settings.endpoint or str(settings.store),
                layout_threshold=layout_threshold,
            )
        else:
            with output.open("wb") as out:
                (write_graphml if kind == "graphml" else write_gexf)(graph, out)
    except OSError as error:
        raise _fail(f"error: cannot write {output}: {error.strerror}") from None
    claims = sum(count for _, _, count in graph.edges(data="count"))
    typer.echo(
        f"wrote {output}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} edges "
        f"({claims} claims), {output.stat().st_size / 1024:.0f} KiB"
    )
    if kind == "html" and not summary.physics:
        typer.echo(f"layout computed in advance (more than {layout_threshold} actors)")
    if graph.graph.get("total_nodes", 0) > graph.number_of_nodes():
        typer.echo(f"cut by filters from {graph.graph['total_nodes']} actors")


@app.command("path")
def path_command(
    ctx: typer.Context,
    start: Annotated[str, typer.Argument(help="Actor id, label or alias.", show_default=False)],
    end: Annotated[str, typer.Argument(help="Actor id, label or alias.", show_default=False)],
    relation: _RelationOption = None,
    since: _SinceOption = None,
    until: _UntilOption = None,
    min_confidence: _ConfidenceOption = 0.0,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Show the shortest chain of claims linking two actors, with the evidence of each."""
    from kg.analysis import find_path
    from kg.errors import ActorNotFound, KgError
    from kg.viz import evidence_line

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    try:
        steps = find_path(graph, start, end)
    except ActorNotFound as error:
        # The graph holds only actors that take part in a kept claim.
        raise _fail(
            f"error: {error} (only actors in claims that pass the filters can be on a path)"
        ) from None
    except KgError as error:
        raise _fail(f"error: {error}") from None
    if fmt == "json":
        _echo_json_records(steps)
        return
    for number, step in enumerate(steps, start=1):
        claims = f"{step.count} claim{'s' * (step.count != 1)}"
        typer.echo(
            f"{number}. {step.source_label} -{step.relation}-> {step.target_label} ({claims})"
        )
        for evidence in step.evidence[:3]:
            typer.echo("   " + evidence_line(evidence).replace("\n", "\n   "))
    if not steps:
        typer.echo("(the same actor)")


@app.command("central")
def central_command(
    ctx: typer.Context,
    relation: _RelationOption = None,
    since: _SinceOption = None,
    until: _UntilOption = None,
    min_confidence: _ConfidenceOption = 0.0,
    top: Annotated[int, typer.Option(min=1, help="Show this many actors.")] = 20,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Rank actors by PageRank over claims, with claims made/received, degree, betweenness."""
    from kg.analysis import centrality
    from kg.query import text_table

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    rows = centrality(graph, top=top)
    if fmt == "json":
        _echo_json_records(rows)
        return
    headers = ("rank", "actor", "type", "pagerank", "made", "received", "degree", "betweenness")
    cells = [
        [str(i), r.label, r.type, f"{r.pagerank:.4f}", str(r.out_claims), str(r.in_claims),
         f"{r.degree:.3f}", f"{r.betweenness:.3f}"]
        for i, r in enumerate(rows, start=1)
    ]  # fmt: skip
    typer.echo(text_table(headers, cells, width=40), nl=False)
    typer.echo(f"({len(rows)} of {graph.number_of_nodes()} actors)")


@app.command("communities")
def communities_command(
    ctx: typer.Context,
    relation: _RelationOption = None,
    since: _SinceOption = None,
    until: _UntilOption = None,
    min_confidence: _ConfidenceOption = 0.0,
    resolution: Annotated[
        float, typer.Option(min=0.0, help="Louvain resolution: above 1, smaller communities.")
    ] = 1.0,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Split actors into communities (Louvain, fixed seed) by the claims linking them."""
    from kg.analysis import communities
    from kg.query import text_table

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    parts = communities(graph, resolution=resolution)
    if fmt == "json":
        _echo_json_records(parts)
        return
    cells = [
        [str(p.index), str(len(p.members)), str(p.claims), ", ".join(lbl for _, lbl in p.members)]
        for p in parts
    ]
    typer.echo(text_table(("#", "actors", "claims", "members"), cells, width=100), nl=False)
    typer.echo(f"({len(parts)} communities)")


# ---- commands: eval ---------------------------------------------------------------------


@app.command("eval")
def eval_command(
    ctx: typer.Context,
    gold: Annotated[
        Path,
        typer.Argument(
            help="Seed gold YAML (gold/seeds.yaml) or a public JSONL set of shared/eval/."
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output: table (Markdown) or json.")
    ] = "table",
    corpus: Annotated[
        Path | None,
        typer.Option(help="Folder of the seed articles (default: ../shared/corpus/seeds)."),
    ] = None,
    details: Annotated[
        bool,
        typer.Option(help="Seed gold: also list missed claims, unmatched predictions, ..."),
    ] = False,
) -> None:
    """Run the extractor on a gold set and print precision, recall and F1 per field."""
    import json

    from extract.actors.registry import RegistryError, load_registry
    from extract.evaluate import EvaluationError, evaluate
    from extract.nlp.pipeline import ModelNotFoundError, load_nlp
    from extract.scores import render_table

    if output_format not in ("table", "json"):
        raise _fail(f"Unknown --format {output_format!r}; use table or json.")
    if not gold.is_file():
        raise _fail(f"Gold file {gold} not found.")
    settings = _settings(ctx)
    try:
        registry = load_registry(settings.registry)
        nlp = load_nlp(settings.model, registry=registry)
        report = evaluate(gold, nlp=nlp, registry=registry, corpus=corpus, details=details)
    except (EvaluationError, ModelNotFoundError, RegistryError) as error:
        raise _fail(str(error)) from error
    if output_format == "json":
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        typer.echo(render_table(report))


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
