"""claimgraph's command line: parse arguments, call one library function, format the result.

This is the only module that prints or exits. Heavy imports (spaCy, rdflib) happen
inside the commands that need them, so `kg --help` and `kg query` start fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from extract.errors import ExtractError
from kg import LAYOUT_THRESHOLD
from kg.errors import KgError

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


_Command = TypeVar("_Command", bound=Callable[..., Any])


def _reports_errors(*, prefix: str = "error: ", writes: str | None = None):
    """The one error translator: wrap a command so its expected errors end it in one line.

    - `KgError`, `ExtractError`: `prefix` and the message on stderr, exit 2.
    - `BrokenPipeError`: the reader of stdout stopped early (`kg export ... | head`);
      not an error: stdout is pointed at /dev/null (so the interpreter's own flush at
      exit stays quiet) and the command ends, exit 0.
    - any other `OSError`, in a command whose parameter `writes` names the file it
      writes: "error: cannot write FILE: reason", exit 2. Elsewhere it is a bug and
      propagates.
    """

    def decorate(command: _Command) -> _Command:
        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return command(*args, **kwargs)
            except (KgError, ExtractError) as error:
                raise _fail(f"{prefix}{error}") from None
            except BrokenPipeError:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return None
            except OSError as error:
                if writes is None:
                    raise
                target = kwargs[writes]
                raise _fail(f"error: cannot write {target}: {error.strerror}") from None

        return run  # type: ignore[return-value]

    return decorate


def _command(name: str | None = None, **translate: Any) -> Callable[[_Command], _Command]:
    """Register a command of `app`, wrapped in the error translator (`_reports_errors`)."""

    def register(command: _Command) -> _Command:
        return app.command(name)(_reports_errors(**translate)(command))

    return register


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


@_command()
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

    from extract.actors.registry import load_registry
    from extract.nlp.pipeline import load_nlp
    from kg.ingest import ingest as run_ingest
    from kg.listing import ingest_summary
    from kg.store import open_store

    settings = _settings(ctx)
    registry = load_registry(settings.registry)
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
    typer.echo(ingest_summary(report), nl=False)
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

_LISTING_FORMATS = ("table", "jsonl", "csv")


def _open_for(ctx: typer.Context, *, read_only: bool = True):  # -> kg.store.Store
    """Open the store named by the global options (embedded or --endpoint)."""
    from kg.store import open_store

    settings = _settings(ctx)
    return open_store(settings.store, endpoint=settings.endpoint, read_only=read_only)


def _check_format(fmt: str, choices: tuple[str, ...]) -> None:
    if fmt not in choices:
        raise _fail(f"error: unknown --format {fmt!r}; choose one of {', '.join(choices)}")


@_command()
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
    from kg.query import FORMATS, format_result, read_query, run_query

    _check_format(fmt, FORMATS)
    text = read_query(sparql)
    with _open_for(ctx, read_only=not update) as store:
        result = run_query(store, text, update=update)
        output = "OK: update applied.\n" if result is None else format_result(result, fmt)
    typer.echo(output, nl=False)


@_command()
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
    from kg.export import claims_csv
    from kg.listing import claims_table, jsonl
    from kg.records import claim_records

    _check_format(fmt, _LISTING_FORMATS)
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
    render = {"jsonl": jsonl, "csv": claims_csv, "table": claims_table}[fmt]
    typer.echo(render(records), nl=False)


@_command()
def entities(
    ctx: typer.Context,
    type_: Annotated[
        str | None, typer.Option("--type", help="Person, Government, ArmedGroup, ...")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """List actors, most mentioned first, with aliases and counts."""
    from kg.listing import entities_csv, entities_table, jsonl
    from kg.records import entity_records

    _check_format(fmt, _LISTING_FORMATS)
    with _open_for(ctx) as store:
        records = list(entity_records(store, type=type_))
    render = {"jsonl": jsonl, "csv": entities_csv, "table": entities_table}[fmt]
    typer.echo(render(records), nl=False)


@_command()
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Actor id, label or alias.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Show one actor: aliases, type, roles, claims made and received, quotes."""
    import json

    from kg.listing import profile_text
    from kg.records import actor_profile

    _check_format(fmt, ("text", "json"))
    with _open_for(ctx) as store:
        profile = actor_profile(store, name)
    if fmt == "json":
        typer.echo(json.dumps(profile, ensure_ascii=False, indent=2))
    else:
        typer.echo(profile_text(profile), nl=False)


@_command(writes="output")
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
    from kg.export import export as run_export

    with _open_for(ctx) as store:
        if output is None:
            run_export(store, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with output.open("wb") as stream:
                run_export(store, fmt, stream)
    if output is not None:
        typer.echo(f"wrote {output} ({output.stat().st_size} bytes)", err=True)


@_command()
def stats(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Count documents, actors and claims (by relation) and the store's size."""
    import json

    from kg.listing import stats_text
    from kg.records import stats as store_stats

    _check_format(fmt, ("text", "json"))
    with _open_for(ctx) as store:
        counts = store_stats(store)
    if fmt == "json":
        typer.echo(json.dumps(counts, indent=2))
    else:
        typer.echo(stats_text(counts), nl=False)


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


def _claim_graph(
    ctx: typer.Context, query_file: Path | None = None, *, relations: list[str] | None, **filters
):  # -> networkx.MultiDiGraph
    """Open the store and read its claims into a graph cut by the filter options."""
    from kg.network import GraphFilters, query_graph, relation_codes
    from kg.query import read_query

    sparql = None if query_file is None else read_query(f"@{query_file}")
    kept = GraphFilters(relations=relation_codes(relations or ()), **filters)
    with _open_for(ctx) as store:
        return query_graph(store, filters=kept, sparql=sparql)


@_command("viz", writes="output")
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
    from kg.listing import drawing_summary
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
    if kind == "html":
        settings = _settings(ctx)
        source = settings.endpoint or str(settings.store)
        summary = write_html(graph, output, source=source, layout_threshold=layout_threshold)
    else:
        with output.open("wb") as out:
            (write_graphml if kind == "graphml" else write_gexf)(graph, out)
    laid_out = kind == "html" and not summary.physics
    size = output.stat().st_size
    typer.echo(
        drawing_summary(graph, output, size=size, laid_out=laid_out, threshold=layout_threshold),
        nl=False,
    )


@_command("path")
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
    from kg.listing import json_list, path_text

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    steps = find_path(graph, start, end)
    typer.echo((json_list if fmt == "json" else path_text)(steps), nl=False)


@_command("central")
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
    from kg.listing import centrality_table, json_list

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    rows = centrality(graph, top=top)
    if fmt == "json":
        typer.echo(json_list(rows), nl=False)
    else:
        typer.echo(centrality_table(rows, total=graph.number_of_nodes()), nl=False)


@_command("communities")
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
    from kg.listing import communities_table, json_list

    _check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    parts = communities(graph, resolution=resolution)
    typer.echo((json_list if fmt == "json" else communities_table)(parts), nl=False)


# ---- commands: eval ---------------------------------------------------------------------


@_command("eval", prefix="")
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

    from extract.actors.registry import load_registry
    from extract.evaluation.run import evaluate
    from extract.evaluation.scores import render_table
    from extract.nlp.pipeline import load_nlp

    if output_format not in ("table", "json"):
        raise _fail(f"Unknown --format {output_format!r}; use table or json.")
    if not (gold.is_file() or gold.is_dir()):
        raise _fail(f"Gold file or folder {gold} not found.")
    settings = _settings(ctx)
    registry = load_registry(settings.registry)
    nlp = load_nlp(settings.model, registry=registry)
    report = evaluate(gold, nlp=nlp, registry=registry, corpus=corpus, details=details)
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
