"""The package's shape: data flows down through the stages, with no import loop.

Every import in `extract/` and `kg/` counts, also those inside functions and under
TYPE_CHECKING: a loop there is still two modules that cannot be read apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]


def _import_graph() -> nx.DiGraph:
    modules = {}
    for package in ("extract", "kg"):
        for path in (REPO / package).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            modules[name.removesuffix(".__init__")] = path
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            graph.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return graph


def test_no_import_loop_in_extract_or_kg():
    loops = [sorted(c) for c in nx.strongly_connected_components(_import_graph()) if len(c) > 1]
    assert loops == []


def test_extract_never_imports_kg_and_kg_takes_only_records_but_in_ingest():
    edges = _import_graph().edges
    assert not [(a, b) for a, b in edges if a.startswith("extract") and b.startswith("kg")]
    wider = [
        (a, b)
        for a, b in edges
        if a.startswith("kg") and b.startswith("extract") and b != "extract.records"
    ]
    assert all(a == "kg.ingest" for a, _ in wider), wider
