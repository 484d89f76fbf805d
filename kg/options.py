"""The command line's options and arguments: each `Annotated` alias declared once.

`cli.py` declares its commands with these aliases, so a command's signature reads as
one line per parameter, and an option that several commands take (the claim-graph
filters, the output formats, an actor's name) has the same flag, help text and bounds
in every `--help`. Defaults stay in the command's signature. `Settings` holds the
global options' values and opens the store they name. Only Typer is imported here:
`kg --help` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from kg.store import Store


@dataclass(frozen=True, kw_only=True)
class Settings:
    """The global options, shared by every command through the Typer context."""

    store: Path
    endpoint: str | None
    registry: tuple[Path, ...]
    model: str | None
    verbose: int

    @property
    def source(self) -> str:
        """What the commands read: the endpoint's URL, else the store's directory."""
        return self.endpoint or str(self.store)

    def open_store(self, *, read_only: bool = True) -> Store:
        """Open the embedded store at `store`, or the SPARQL endpoint `endpoint` if given.

        Raises:
            StoreError: see `kg.store.open_store`.
        """
        from kg.store import open_store

        return open_store(self.store, endpoint=self.endpoint, read_only=read_only)


# ---- global options (the `kg` callback) ------------------------------------------------

StorePath = Annotated[
    Path, typer.Option(envvar="KG_STORE", help="Directory of the embedded store (env KG_STORE).")
]
Endpoint = Annotated[
    str | None,
    typer.Option(envvar="KG_ENDPOINT", help="SPARQL 1.1 endpoint URL to use instead of the store."),
]
Registries = Annotated[
    list[Path] | None,
    typer.Option(help="Extra actor registry YAML (repeatable); adds to the shipped one."),
]
Model = Annotated[
    str | None, typer.Option(envvar="KG_MODEL", help="spaCy pipeline to load (env KG_MODEL).")
]
Verbose = Annotated[int, typer.Option("-v", "--verbose", count=True, help="More output.")]

# ---- shared by several commands ----------------------------------------------------------

Actor = Annotated[str, typer.Argument(help="Actor id, label or alias.", show_default=False)]
ListingFormat = Annotated[str, typer.Option("--format", help="table, jsonl or csv.")]
TextOrJson = Annotated[str, typer.Option("--format", help="text or json.")]
TableOrJson = Annotated[str, typer.Option("--format", help="table or json.")]

# The claim filters of claims, viz, path, central and communities.
MinConfidence = Annotated[
    float, typer.Option(min=0.0, max=1.0, help="Keep claims with at least this confidence.")
]
MinSources = Annotated[
    int,
    typer.Option(
        min=1,
        help="Keep claims made by at least this many independent sources (distinct "
        "publishers, near-duplicate texts counted once).",
    ),
]
Relations = Annotated[
    list[str] | None,
    typer.Option("--relation", help="Keep this relation code (repeatable), e.g. ACCUSE."),
]
Since = Annotated[
    str | None, typer.Option(help="Keep claims from articles dated on or after (ISO date).")
]
Until = Annotated[
    str | None, typer.Option(help="Keep claims from articles dated on or before (ISO date).")
]

# ---- kg ingest ---------------------------------------------------------------------------

Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders: .txt .md .html .jsonl.", show_default=False)
]
BatchSize = Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")]
Processes = Annotated[
    int,
    typer.Option(
        min=1, help="Extract in this many local worker processes (each loads the model once)."
    ),
]
Workers = Annotated[
    int | None,
    typer.Option(
        min=1,
        help="Extract on a local Dask cluster of this many worker processes"
        " (needs Dask's distributed package).",
        show_default=False,
    ),
]
Dask = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        envvar="KG_DASK",
        help="Extract on the Dask cluster whose scheduler is at ADDRESS, e.g."
        " tcp://HOST:8786 (env KG_DASK; needs Dask's distributed package).",
        show_default=False,
    ),
]
MaxSize = Annotated[
    float,
    typer.Option(
        min=0.0,
        metavar="MB",
        help="Largest file (for JSONL: line) read, in MB; bigger ones are skipped. 0: no limit.",
    ),
]
Prune = Annotated[
    bool,
    typer.Option(
        "--prune",
        help="Also remove stored documents whose source file (or JSONL record) under the"
        " given paths is gone.",
    ),
]

# ---- kg forget ---------------------------------------------------------------------------

Documents = Annotated[
    list[str],
    typer.Argument(
        help="Documents to remove: the source as read (path or URL), the id, or the IRI.",
        show_default=False,
    ),
]

# ---- kg query ----------------------------------------------------------------------------

Sparql = Annotated[
    str, typer.Argument(help="SPARQL text, @file.rq, or - for stdin.", show_default=False)
]
QueryFormat = Annotated[
    str, typer.Option("--format", help="table, csv, tsv, json, or turtle (CONSTRUCT/DESCRIBE).")
]
Update = Annotated[
    bool,
    typer.Option(
        "--update",
        help="Allow a SPARQL UPDATE to change the store (match in GRAPH ?g { ... }: "
        "updates see each document's graph, not their union).",
    ),
]

AllowNetwork = Annotated[
    bool,
    typer.Option(
        "--allow-network",
        help="Allow SERVICE and LOAD, which fetch data from other servers (refused otherwise).",
    ),
]
Timeout = Annotated[
    float,
    typer.Option(min=0.0, help="Stop the query after this many seconds (0: no limit)."),
]
MaxMemory = Annotated[
    int | None,
    typer.Option(
        min=0,
        help="Stop the query when it uses more than this many MB of memory "
        "(default: half the machine's memory; 0: no limit).",
        show_default=False,
    ),
]

# ---- kg serve ----------------------------------------------------------------------------

Host = Annotated[
    str,
    typer.Option(
        help="Address to listen on; 127.0.0.1 serves this machine only, 0.0.0.0 every network "
        "(a warning is printed)."
    ),
]
Port = Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on (0: any free one).")]
ServeMaxMemory = Annotated[
    int | None,
    typer.Option(
        min=0,
        help="Stop a query when it uses more than this many MB of memory (default: half the "
        "machine's memory shared by the 4 queries that may run at once; 0: no limit).",
        show_default=False,
    ),
]

# ---- table outputs -----------------------------------------------------------------------

Wide = Annotated[
    bool, typer.Option("--wide", help="Print table cells whole (no cut at the column width).")
]

# ---- kg claims, kg entities --------------------------------------------------------------

ClaimActor = Annotated[
    str | None, typer.Option(help="Claims whose subject, object or speaker is this actor.")
]
ClaimRelation = Annotated[str | None, typer.Option(help="Relation code, e.g. ACCUSE.")]
Speaker = Annotated[str | None, typer.Option(help="Claims this actor is quoted in.")]
DocFilter = Annotated[
    str | None, typer.Option("--doc", help="Claims of one document: its id, source or file name.")
]
Polarity = Annotated[str | None, typer.Option(help="affirmed or negated.")]
ActorType = Annotated[
    str | None, typer.Option("--type", help="Person, Government, ArmedGroup, ...")
]

# ---- kg disputes, kg timeline -------------------------------------------------------------

DisputeActor = Annotated[
    str | None, typer.Option("--actor", help="Disputes this actor made, denied or was accused in.")
]
TimelineActor = Annotated[
    str | None,
    typer.Argument(help="Actor id, label or alias (default: every claim).", show_default=False),
]
RunDate = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Date (YYYY-MM-DD) for documents that give none in metadata, dateline or name.",
    ),
]

# ---- kg export ---------------------------------------------------------------------------

ExportFormat = Annotated[
    str,
    typer.Option(
        "-f", "--format", help="turtle, nt, nquads, trig, jsonld, csv (claims), graphml ..."
    ),
]
ExportOutput = Annotated[
    Path | None,
    typer.Option("-o", "--output", help="File to write (default: stdout); a folder with --split."),
]
Split = Annotated[
    int | None,
    typer.Option(
        "--split",
        min=1,
        metavar="N",
        help="nquads only: write the folder --output as files of N documents each "
        "(claimgraph-00000.nq holds the registry, actors and disputes graphs), for bulk loaders.",
        show_default=False,
    ),
]

# ---- kg viz, kg central, kg communities --------------------------------------------------

DrawingOutput = Annotated[
    Path,
    typer.Option(
        "-o", "--output", help="File to write: .html (interactive page), .graphml or .gexf."
    ),
]
Focus = Annotated[str | None, typer.Option(help="Draw only this actor's neighbourhood.")]
Depth = Annotated[int, typer.Option(min=0, help="Claims away from --focus to keep.")]
MinClaims = Annotated[
    int, typer.Option(min=1, help="Keep actors taking part in at least this many claims.")
]
QueryFile = Annotated[
    Path | None,
    typer.Option(
        "--query",
        help="Draw the answer of a SPARQL file: a CONSTRUCT of cg: relation edges, "
        "or a SELECT with ?subject ?relation ?object columns.",
    ),
]
LayoutThreshold = Annotated[
    int, typer.Option(min=1, help="Above this many actors, lay out in advance, physics off.")
]
Top = Annotated[int, typer.Option(min=1, help="Show this many actors.")]
Resolution = Annotated[
    float, typer.Option(min=0.0, help="Louvain resolution: above 1, smaller communities.")
]

# ---- kg eval -----------------------------------------------------------------------------

Gold = Annotated[
    Path,
    typer.Argument(help="Seed gold YAML (gold/seeds.yaml) or a public JSONL set of shared/eval/."),
]
EvalFormat = Annotated[
    str, typer.Option("--format", "-f", help="Output: table (Markdown) or json.")
]
Corpus = Annotated[
    Path | None,
    typer.Option(help="Folder of the seed articles (default: ../shared/corpus/seeds)."),
]
Details = Annotated[
    bool, typer.Option(help="Seed gold: also list missed claims, unmatched predictions, ...")
]
