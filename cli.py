"""claimgraph's command line: parse arguments, call one library function, format the result.

This is the only module that prints or exits. Heavy imports (spaCy, rdflib) happen
inside the commands that need them, so `kg --help` and `kg query` start fast.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

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
        typer.Option(
            envvar="KG_STORE", help="Directory of the embedded store (env KG_STORE)."
        ),
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
        list[Path], typer.Argument(help="Files or folders: .txt .md .html .jsonl.", show_default=False)
    ],
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")] = 16,
    processes: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
) -> None:
    """Read articles, extract actors and claims, and write them to the store.

    Exits 1 if any document failed (the others still go in), 0 otherwise.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from extract.pipeline import ModelNotFoundError, load_nlp
    from extract.registry import RegistryError, load_registry
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
        f"{report.claims} claims, {report.actors} actor mentions resolved, "
        f"{report.words} words in {report.seconds:.1f}s ({rate:.1f} documents/s)."
    )
    for source, warning in report.warnings:
        typer.secho(f"warning: {source}: {warning}", err=True, fg=typer.colors.YELLOW)
    for failure in report.failures:
        typer.secho(f"failed: {failure.source}: {failure.reason}", err=True, fg=typer.colors.RED)
    if report.failures:
        raise typer.Exit(1)


# ---- commands: query, claims, entities, show, export, stats ----------------------------

# ---- commands: viz, path, central, communities -----------------------------------------

# ---- commands: eval ---------------------------------------------------------------------


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
