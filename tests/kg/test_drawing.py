"""The files `kg viz` writes (kg/drawing.py): the format told by the suffix, then the writer."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.drawing import drawing_format, write_drawing
from kg.errors import FormatError
from kg.network import build_graph
from tests.kg.test_network import CLAIMS, ENTITIES


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("graph.html", "html"),
        ("graph.htm", "html"),
        ("GRAPH.HTML", "html"),  # the suffix is read case-blind
        ("graph.graphml", "graphml"),
        ("graph.gexf", "gexf"),
        ("graph.tar.gexf", "gexf"),  # only the last suffix counts
    ],
)
def test_drawing_format(name: str, expected: str) -> None:
    assert drawing_format(Path(name)) == expected


@pytest.mark.parametrize("name", ["graph.png", "graph", "graph.html.bak"])
def test_unknown_suffix_names_the_ones_known(name: str) -> None:
    message = f"cannot tell the format of {name}; end the name with .gexf, .graphml, .htm, .html"
    with pytest.raises(FormatError) as caught:
        drawing_format(Path(name))
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("suffix", "reader"), [(".graphml", nx.read_graphml), (".gexf", nx.read_gexf)]
)
def test_gephi_files_are_never_laid_out(tmp_path: Path, suffix: str, reader) -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    path = tmp_path / f"g{suffix}"
    assert write_drawing(graph, path, layout_threshold=1) is False
    assert set(reader(path).nodes) == set(graph.nodes)


@pytest.mark.parametrize(("threshold", "laid_out"), [(1, True), (10_000, False)])
def test_page_is_laid_out_above_the_threshold(tmp_path: Path, threshold: int, laid_out: bool):
    path = tmp_path / "g.html"
    graph = build_graph(CLAIMS, ENTITIES)
    assert write_drawing(graph, path, source="kg-store", layout_threshold=threshold) is laid_out
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Store: kg-store" in page  # the source, named in the page's header


def test_unknown_suffix_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FormatError):
        write_drawing(build_graph(CLAIMS, ENTITIES), tmp_path / "g.png")
    assert not (tmp_path / "g.png").exists()
