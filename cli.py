"""claimgraph's command line: parse arguments, call one library function, format the result.

This is the only module that prints or exits. Heavy imports (spaCy, rdflib) happen
inside the commands that need them, so `kg --help` and `kg query` start fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from extract.errors import ExtractError
from extract.text.files import MAX_BYTES
from kg import LAYOUT_THRESHOLD
from kg import options as opt
from kg.errors import KgError

if TYPE_CHECKING:
    from extract.nlp.parallel import Pool
    from extract.nlp.workers import PipelineSpec

app = typer.Typer(
    name="kg",
    help="claimgraph: news articles in, a SPARQL-queryable graph of actors and claims out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 2) -> typer.Exit:
    """Print `message` on stderr and return the Exit to raise."""
    typer.secho(message, err=True, fg=typer.colors.RED)
    return typer.Exit(code)


_Command = TypeVar("_Command", bound=Callable[..., Any])


def _command(
    name: str | None = None, *, prefix: str = "error: ", writes: str | None = None
) -> Callable[[_Command], _Command]:
    """Register a command of `app`, wrapped in the one error translator.

    The translator ends a command on its expected errors, in one line:

    - `KgError`, `ExtractError`: `prefix` and the message on stderr, exit 2.
    - `BrokenPipeError`: the reader of stdout stopped early (`kg export ... | head`);
      not an error: stdout is pointed at /dev/null (so the interpreter's own flush at
      exit stays quiet) and the command ends, exit 0.
    - any other `OSError`, in a command whose parameter `writes` names the file it
      writes: "error: cannot write FILE: reason", exit 2. Elsewhere it is a bug and
      propagates.
    """

    def register(command: _Command) -> _Command:
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

        return app.command(name)(run)  # type: ignore[return-value]

    return register


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"claimgraph {version('claimgraph')}")
        except PackageNotFoundError:
            typer.echo("claimgraph (not installed: version unknown)")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    store: opt.StorePath = Path("kg-store"),
    endpoint: opt.Endpoint = None,
    registry: opt.Registries = None,
    model: opt.Model = None,
    verbose: opt.Verbose = 0,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """claimgraph: news articles in, a SPARQL-queryable graph of actors and claims out."""
    ctx.obj = opt.Settings(
        store=store, endpoint=endpoint, registry=tuple(registry or ()), model=model, verbose=verbose
    )


def _settings(ctx: typer.Context) -> opt.Settings:
    """The global options, set by `main_options` on the root context."""
    obj = ctx.find_root().obj
    assert isinstance(obj, opt.Settings)
    return obj


@_command()
def ingest(
    ctx: typer.Context,
    paths: opt.Paths,
    batch_size: opt.BatchSize = 16,
    processes: opt.Processes = 1,
    workers: opt.Workers = None,
    dask: opt.Dask = None,
    run_date: opt.RunDate = None,
    max_size: opt.MaxSize = MAX_BYTES / 1e6,
    prune: opt.Prune = False,
) -> None:
    """Read articles, extract actors and claims, and write them to the store.

    Extraction runs in this process, in --processes N local worker processes, or on a
    Dask cluster (--workers N for a local one, --dask ADDRESS for a running one); this
    process alone writes the store, in the order the documents were read, so every way
    gives the same graph.

    Exits 1 if any document failed (the others still go in), 2 if the store could not
    be written (what was written stays whole), 0 otherwise.
    """
    from contextlib import nullcontext

    from extract.actors.registry import load_registry
    from extract.nlp.workers import PipelineSpec
    from kg.ingest import ingest as run_ingest
    from kg.listing import ingest_notes, ingest_summary
    from kg.progress import progress_bar

    settings = _settings(ctx)
    if run_date is not None:
        import datetime

        try:
            run_date = datetime.date.fromisoformat(run_date).isoformat()
        except ValueError:
            raise _fail(f"error: --date {run_date!r} is not an ISO date (YYYY-MM-DD)") from None
    asked = {"--processes": processes > 1, "--workers": workers is not None, "--dask": bool(dask)}
    ways = [option for option, given in asked.items() if given]
    if len(ways) > 1:
        raise _fail(f"error: {' and '.join(ways)} are alternatives: give one of them")
    registry = load_registry(settings.registry)
    spec = PipelineSpec(settings.model, registry)
    pool = _extraction_pool(spec, processes=processes, workers=workers, dask=dask, batch=batch_size)
    with (
        pool or nullcontext(),  # entering connects to --dask: a wrong address fails here
        settings.open_store(read_only=False) as store,
        progress_bar() as progress,
    ):
        report = run_ingest(
            paths,
            store=store,
            load_nlp=spec.load,
            registry=registry,
            batch_size=batch_size,
            pool=pool,
            progress=progress,
            run_date=run_date,
            max_bytes=int(max_size * 1e6),
            prune=prune,
        )
    typer.echo(ingest_summary(report) + ingest_notes(report), nl=False)
    for source, warning in report.warnings:
        typer.secho(f"warning: {source}: {warning}", err=True, fg=typer.colors.YELLOW)
    for failure in report.failures:
        typer.secho(f"failed: {failure.reason}", err=True, fg=typer.colors.RED)
    if report.stopped is not None:
        raise _fail(
            f"error: {report.stopped}; the documents written before it stay whole: fix the"
            " cause and run the same `kg ingest` again to add the rest"
        )
    if report.failures:
        raise typer.Exit(1)


def _extraction_pool(
    spec: PipelineSpec, *, processes: int, workers: int | None, dask: str | None, batch: int
) -> Pool | None:
    """The pool `kg ingest` extracts on, or None to extract in this process.

    Raises:
        ClusterError: --workers or --dask without the `distributed` package.
    """
    if processes > 1:
        from extract.nlp.parallel import ProcessPool

        return ProcessPool(spec, processes, batch_size=batch)
    if workers is None and not dask:
        return None
    import importlib.util

    from extract.nlp.parallel import ClusterError

    if importlib.util.find_spec("distributed") is None:
        option = "--dask" if dask else "--workers"
        raise ClusterError(
            f"{option} needs Dask's `distributed` package: pip install 'claimgraph[dask]'"
        )
    from extract.nlp.cluster import DaskPool

    return DaskPool(spec, address=dask or None, workers=workers or 2, batch_size=batch)


# ---- commands: query, claims, entities, show, export, stats ----------------------------
@_command()
def query(
    ctx: typer.Context,
    sparql: opt.Sparql,
    fmt: opt.QueryFormat = "table",
    update: opt.Update = False,
    allow_network: opt.AllowNetwork = False,
    timeout: opt.Timeout = 60.0,
    max_memory: opt.MaxMemory = None,
    wide: opt.Wide = False,
) -> None:
    """Run a SPARQL query over all documents (the union of their graphs).

    Declared prefixes: cg rdf rdfs skos schema prov dcterms owl xsd actor claim doc wd.

    The query runs in a worker process: Ctrl-C, --timeout and --max-memory stop it at
    once, and SERVICE and LOAD (which reach other servers) need --allow-network.
    """
    from kg.errors import QueryInterrupted
    from kg.listing import check_format
    from kg.query import FORMATS, read_query
    from kg.worker import QueryJob, default_max_memory, run_job

    check_format(fmt, FORMATS)
    settings = _settings(ctx)
    job = QueryJob(
        sparql=read_query(sparql),
        store=settings.store,
        endpoint=settings.endpoint,
        fmt=fmt,
        update=update,
        allow_network=allow_network,
        max_width=None if wide else 80,
    )
    memory = default_max_memory() if max_memory is None else max_memory * 2**20
    import signal

    # a shell starts a background job with SIGINT ignored, and Python then leaves it so:
    # a SIGINT sent to the query must still stop it, as Ctrl-C does in the foreground
    ignored = signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        output = run_job(job, timeout=timeout or None, max_memory=memory or None)
    except QueryInterrupted as error:
        raise _fail(f"error: {error}", 130) from None
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    typer.echo("OK: update applied." if output is None else output, nl=output is None)


@_command()
def claims(
    ctx: typer.Context,
    actor: opt.ClaimActor = None,
    relation: opt.ClaimRelation = None,
    speaker: opt.Speaker = None,
    min_confidence: opt.MinConfidence = 0.0,
    since: opt.Since = None,
    until: opt.Until = None,
    doc: opt.DocFilter = None,
    polarity: opt.Polarity = None,
    min_sources: opt.MinSources = 1,
    fmt: opt.ListingFormat = "table",
    wide: opt.Wide = False,
) -> None:
    """List claims: who said, accused, requested, denied ... whom, with the evidence and
    the number of independent sources that make the same claim."""
    from kg.listing import LISTING_FORMATS, check_format, claims_listing
    from kg.readback import claim_records

    check_format(fmt, LISTING_FORMATS)
    with _settings(ctx).open_store() as store:
        found = claim_records(
            store,
            actor=actor,
            relation=relation,
            speaker=speaker,
            min_confidence=min_confidence,
            since=since,
            until=until,
            doc=doc,
            polarity=polarity,
            min_sources=min_sources,
        )
        records = list(found)
    typer.echo(claims_listing(records, fmt, wide=wide), nl=False)


@_command()
def entities(
    ctx: typer.Context,
    type_: opt.ActorType = None,
    fmt: opt.ListingFormat = "table",
    wide: opt.Wide = False,
) -> None:
    """List actors, most mentioned first, with aliases and counts."""
    from kg.listing import LISTING_FORMATS, check_format, entities_listing
    from kg.readback import entity_records

    check_format(fmt, LISTING_FORMATS)
    with _settings(ctx).open_store() as store:
        records = list(entity_records(store, type=type_))
    typer.echo(entities_listing(records, fmt, wide=wide), nl=False)


@_command()
def show(ctx: typer.Context, name: opt.Actor, fmt: opt.TextOrJson = "text") -> None:
    """Show one actor: aliases, type, roles, claims made and received, quotes."""
    from kg.listing import check_format, profile_listing
    from kg.readback import actor_profile

    check_format(fmt, ("text", "json"))
    with _settings(ctx).open_store() as store:
        profile = actor_profile(store, name)
    typer.echo(profile_listing(profile, fmt), nl=False)


@_command(writes="output")
def export(
    ctx: typer.Context,
    fmt: opt.ExportFormat,
    output: opt.ExportOutput = None,
    split: opt.Split = None,
) -> None:
    """Export the whole store (all documents' graphs and the registry)."""
    from kg.export import export as run_export
    from kg.export import export_split

    if split is not None:
        if fmt != "nquads":
            raise _fail(f"error: --split writes N-Quads files; use --format nquads, not {fmt}")
        if output is None:
            raise _fail("error: --split needs --output FOLDER (the files go there)")
        with _settings(ctx).open_store() as store:
            files = export_split(store, output, documents=split)
        size = sum(path.stat().st_size for path in files)
        typer.echo(f"wrote {len(files)} files to {output} ({size} bytes)", err=True)
        return
    with _settings(ctx).open_store() as store:
        if output is None:
            run_export(store, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with output.open("wb") as stream:
                run_export(store, fmt, stream)
    if output is not None:
        typer.echo(f"wrote {output} ({output.stat().st_size} bytes)", err=True)


@_command()
def stats(ctx: typer.Context, fmt: opt.TextOrJson = "text") -> None:
    """Count documents, actors and claims (by relation) and the store's size."""
    from kg.listing import check_format, stats_listing
    from kg.readback import stats as store_stats

    check_format(fmt, ("text", "json"))
    with _settings(ctx).open_store() as store:
        counts = store_stats(store)
    typer.echo(stats_listing(counts, fmt), nl=False)


@_command()
def disputes(
    ctx: typer.Context, actor: opt.DisputeActor = None, fmt: opt.TableOrJson = "table"
) -> None:
    """List accusations that were denied: who accused whom of what, who denied it, when,
    and the evidence of both (links within an article and across articles)."""
    from kg.disputes import dispute_records, disputes_listing
    from kg.listing import check_format

    check_format(fmt, ("table", "json"))
    with _settings(ctx).open_store() as store:
        records = dispute_records(store, actor=actor)
    typer.echo(disputes_listing(records, fmt), nl=False)


@_command()
def timeline(
    ctx: typer.Context,
    name: opt.TimelineActor = None,
    since: opt.Since = None,
    until: opt.Until = None,
    fmt: opt.TableOrJson = "table",
) -> None:
    """List claims in date order (event date, else article date), each denial threaded
    under the claim it answers."""
    from kg.listing import check_format
    from kg.timeline import timeline_entries, timeline_listing

    check_format(fmt, ("table", "json"))
    with _settings(ctx).open_store() as store:
        entries = timeline_entries(store, actor=name, since=since, until=until)
    typer.echo(timeline_listing(entries, fmt), nl=False)


@_command()
def forget(ctx: typer.Context, documents: opt.Documents) -> None:
    """Remove documents, and what only they said of actors, from the store.

    Exits 1 if a document named is not in the store (the others are still removed).
    """
    from kg.corroboration import refresh_clusters
    from kg.disputes import refresh_disputes

    with _settings(ctx).open_store(read_only=False) as store:
        forgotten = store.forget(documents)
        if any(iri is not None for iri in forgotten.values()):
            refresh_disputes(store)  # links to what was forgotten go with it
            refresh_clusters(store)  # and its claims leave their clusters
    for name, iri in forgotten.items():
        if iri is None:
            typer.secho(f"not found: {name}: no stored document has that source, id or IRI",
                        err=True, fg=typer.colors.RED)  # fmt: skip
        else:
            typer.echo(f"forgot {name} ({iri})")
    if None in forgotten.values():
        raise typer.Exit(1)


@_command()
def serve(
    ctx: typer.Context,
    host: opt.Host = "127.0.0.1",
    port: opt.Port = 7878,
    timeout: opt.Timeout = 60.0,
    max_memory: opt.ServeMaxMemory = None,
) -> None:
    """Serve the store read-only: a SPARQL 1.1 endpoint at /query, the graph page at /.

    Each query runs as kg query runs it (a worker process per query, --timeout,
    --max-memory, SERVICE and LOAD refused); updates are refused. Ctrl-C stops it.
    """
    from kg.serve import MAX_RUNNING, ServeSettings, make_server, reaches_network, stop_queries
    from kg.worker import default_max_memory

    settings = _settings(ctx)
    if settings.endpoint is not None:
        raise _fail("error: kg serve serves the embedded store (--store); drop --endpoint")
    if max_memory is None:
        memory = (default_max_memory() or 0) // MAX_RUNNING
    else:
        memory = max_memory * 2**20
    served = ServeSettings(
        store=settings.store,
        timeout=timeout or None,
        max_memory=memory or None,
        page=_graph_page(settings),
    )
    server = make_server(served, host=host, port=port)
    address = server.server_address
    bound = address[0].decode() if isinstance(address[0], bytes) else address[0]
    shown = f"[{bound}]" if ":" in bound else bound
    if reaches_network(host):
        typer.secho(
            f"warning: listening on {host}: anyone who can reach this machine can read the "
            "whole store (queries only; updates are refused)",
            err=True,
            fg=typer.colors.YELLOW,
        )
    typer.echo(
        f"serving {settings.store} read-only: SPARQL at http://{shown}:{address[1]}/query, "
        f"the graph at http://{shown}:{address[1]}/ (Ctrl-C stops)"
    )
    import signal

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    # SIGINT too: a shell starts a background job with it ignored
    before = {number: signal.signal(number, stop) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        typer.echo("stopped")
    finally:
        server.server_close()
        stop_queries()
        for number, handler in before.items():
            signal.signal(number, handler)


def _graph_page(settings: opt.Settings) -> bytes:
    """The `kg viz` page of the whole store, drawn now."""
    import tempfile

    from kg.drawing import write_drawing
    from kg.viz import gather

    with settings.open_store() as store:
        page = gather(store)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        write_drawing(page, path, source=settings.source)
        return path.read_bytes()


# ---- commands: viz, path, central, communities -----------------------------------------
def _claim_graph(
    ctx: typer.Context, query_file: Path | None = None, *, relations: list[str] | None, **filters
):  # -> networkx.MultiDiGraph
    """Open the store and read its claims into a graph cut by the filter options."""
    from kg.network import GraphFilters, query_graph, relation_codes
    from kg.query import read_query

    sparql = None if query_file is None else read_query(f"@{query_file}")
    kept = GraphFilters(relations=relation_codes(relations or ()), **filters)
    with _settings(ctx).open_store() as store:
        return query_graph(store, filters=kept, sparql=sparql)


@_command("viz", writes="output")
def viz_command(
    ctx: typer.Context,
    output: opt.DrawingOutput,
    focus: opt.Focus = None,
    depth: opt.Depth = 1,
    relation: opt.Relations = None,
    since: opt.Since = None,
    until: opt.Until = None,
    min_confidence: opt.MinConfidence = 0.0,
    min_claims: opt.MinClaims = 1,
    query_file: opt.QueryFile = None,
    layout_threshold: opt.LayoutThreshold = LAYOUT_THRESHOLD,
) -> None:
    """Draw the claim graph: one self-contained HTML page (works offline), or GraphML/GEXF."""
    from kg.drawing import drawing_format, write_drawing
    from kg.listing import drawing_summary
    from kg.network import GraphFilters, relation_codes
    from kg.query import read_query
    from kg.viz import gather

    drawing_format(output)  # an unknown suffix fails before the store is read
    sparql = None if query_file is None else read_query(f"@{query_file}")
    kept = GraphFilters(
        relations=relation_codes(relation or ()),
        focus=focus,
        depth=depth,
        since=since,
        until=until,
        min_confidence=min_confidence,
        min_claims=min_claims,
    )
    with _settings(ctx).open_store() as store:
        page = gather(store, filters=kept, sparql=sparql)
    graph = page.graph
    if graph.number_of_nodes() == 0:
        typer.secho("warning: no claims match; the graph is empty", err=True, fg="yellow")
    source = _settings(ctx).source
    laid_out = write_drawing(page, output, source=source, layout_threshold=layout_threshold)
    size = output.stat().st_size
    typer.echo(
        drawing_summary(graph, output, size=size, laid_out=laid_out, threshold=layout_threshold),
        nl=False,
    )


@_command("path")
def path_command(
    ctx: typer.Context,
    start: opt.Actor,
    end: opt.Actor,
    relation: opt.Relations = None,
    since: opt.Since = None,
    until: opt.Until = None,
    min_confidence: opt.MinConfidence = 0.0,
    fmt: opt.TableOrJson = "table",
) -> None:
    """Show the shortest chain of claims linking two actors, with the evidence of each."""
    from kg.analysis import find_path
    from kg.listing import check_format, path_listing

    check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    steps = find_path(graph, start, end)
    typer.echo(path_listing(steps, fmt), nl=False)


@_command("central")
def central_command(
    ctx: typer.Context,
    relation: opt.Relations = None,
    since: opt.Since = None,
    until: opt.Until = None,
    min_confidence: opt.MinConfidence = 0.0,
    top: opt.Top = 20,
    fmt: opt.TableOrJson = "table",
    wide: opt.Wide = False,
) -> None:
    """Rank actors by PageRank over claims, with claims made/received, degree, betweenness."""
    from kg.analysis import centrality
    from kg.listing import centrality_listing, check_format

    check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    rows = centrality(graph, top=top)
    typer.echo(centrality_listing(rows, fmt, total=graph.number_of_nodes(), wide=wide), nl=False)


@_command("communities")
def communities_command(
    ctx: typer.Context,
    relation: opt.Relations = None,
    since: opt.Since = None,
    until: opt.Until = None,
    min_confidence: opt.MinConfidence = 0.0,
    resolution: opt.Resolution = 1.0,
    fmt: opt.TableOrJson = "table",
    wide: opt.Wide = False,
) -> None:
    """Split actors into communities (Louvain, fixed seed) by the claims linking them."""
    from kg.analysis import communities
    from kg.listing import check_format, communities_listing

    check_format(fmt, ("table", "json"))
    graph = _claim_graph(
        ctx, relations=relation, since=since, until=until, min_confidence=min_confidence
    )
    parts = communities(graph, resolution=resolution)
    typer.echo(communities_listing(parts, fmt, wide=wide), nl=False)


@_command("eval", prefix="")
def eval_command(
    ctx: typer.Context,
    gold: opt.Gold,
    output_format: opt.EvalFormat = "table",
    corpus: opt.Corpus = None,
    details: opt.Details = False,
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
