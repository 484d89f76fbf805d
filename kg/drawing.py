"""The files `kg viz` writes, told by the name's suffix: an HTML page, GraphML or GEXF.

`kg.viz` draws the self-contained page; `kg.network` writes GraphML and GEXF for
Gephi. This module picks between them, so a caller names only the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg import LAYOUT_THRESHOLD
from kg.errors import FormatError

if TYPE_CHECKING:
    import networkx as nx

    from kg.visnetwork import PageData

#: The format of each file suffix `write_drawing` knows.
DRAWING_FORMATS = {".html": "html", ".htm": "html", ".graphml": "graphml", ".gexf": "gexf"}


def drawing_format(path: Path) -> str:
    """Return the format `write_drawing` writes to `path`: html, graphml or gexf.

    Raises:
        FormatError: the suffix of `path` is none of `DRAWING_FORMATS`.
    """
    kind = DRAWING_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise FormatError(
            f"cannot tell the format of {path}; "
            f"end the name with {', '.join(sorted(DRAWING_FORMATS))}"
        )
    return kind


def write_drawing(
    page: PageData | nx.MultiDiGraph,
    path: Path,
    *,
    source: str | None = None,
    layout_threshold: int = LAYOUT_THRESHOLD,
) -> bool:
    """Write `page` to `path` as the page (`kg.viz.write_html`), or its graph as GraphML or GEXF.

    Args:
        page: what the page draws (`kg.viz.gather`), or a bare claim graph
            (`kg.network.query_graph`); GraphML and GEXF take the graph.
        path: the file to write; its suffix names the format (`drawing_format`).
        source: the store or endpoint drawn, named in the page's header.
        layout_threshold: above this many actors the page is laid out in advance.

    Returns:
        Whether the layout was computed in advance (a page of more than
        `layout_threshold` actors, physics off).

    Raises:
        FormatError: the suffix names no format.
        OSError: `path` cannot be written.
    """
    from kg.network import write_gexf, write_graphml
    from kg.visnetwork import PageData
    from kg.viz import write_html

    kind = drawing_format(path)
    if not isinstance(page, PageData):
        page = PageData.of_graph(page)
    if kind == "html":
        summary = write_html(page, path, source=source, layout_threshold=layout_threshold)
        return not summary.physics
    with path.open("wb") as out:
        (write_graphml if kind == "graphml" else write_gexf)(page.graph, out)
    return False
