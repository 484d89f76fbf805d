"""The ingest progress bar: rich's bar on stderr, drawn only when stderr is a terminal.

`progress_bar()` yields the `kg.ingest.Progress` callback that `kg.ingest.ingest`
calls after each document; the bar is transient, so a finished run leaves only the
command's summary behind, and a run piped to a file or a log shows nothing extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.ingest import Progress


@contextmanager
def progress_bar(label: str = "ingest") -> Iterator[Progress]:
    """Show a progress bar on stderr while the block runs; yield its update callback.

    Args:
        label: the word in bold at the bar's left.

    Yields:
        A callback taking (documents done, documents in all, source) that moves the
        bar and shows the source's file name (cut to 40 characters).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    bar = Progress(
        TextColumn(f"[bold]{label}"),
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

    with bar:
        yield progress
