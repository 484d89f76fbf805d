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

# ---- commands: query, claims, entities, show, export, stats ----------------------------

# ---- commands: viz, path, central, communities -----------------------------------------

# ---- commands: eval ---------------------------------------------------------------------


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    main()
