"""Positions of a claim graph too large for in-browser physics, computed in Python.

`layout` splits the graph into Louvain communities, lays each out with a vectorised
Fruchterman-Reingold (`force_layout`), and places the communities as discs; the page
(`kg.viz`) uses the positions as they are above `kg.LAYOUT_THRESHOLD` actors, and as
the starting point of the browser's physics below it.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from kg.network import SEED


def layout(graph: nx.Graph, *, scale: float = 1000.0) -> dict[Any, tuple[float, float]]:
    """Return fixed (x, y) positions for a graph too large for in-browser physics.

    Spring layout on the whole of a large graph is quadratic (minutes at 5,000 actors),
    so: Louvain communities are laid out one by one with a bounded spring layout,
    then placed as discs (radius ~ sqrt(size)) by a spring layout of the graph of
    communities. Deterministic (fixed seed).
    """
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    if undirected.number_of_nodes() == 0:
        return {}
    parts = sorted(
        nx.community.louvain_communities(undirected, seed=SEED), key=lambda p: (-len(p), min(p))
    )
    home = {n: i for i, part in enumerate(parts) for n in part}
    quotient = nx.Graph()
    quotient.add_nodes_from(range(len(parts)))
    for u, v in undirected.edges():
        if home[u] != home[v]:
            quotient.add_edge(home[u], home[v])
    radius = [math.sqrt(len(part)) for part in parts]
    centres = _spread(quotient, radius)
    positions: dict[Any, tuple[float, float]] = {}
    for i, part in enumerate(parts):
        inner = force_layout(undirected.subgraph(part), iterations=30 if len(part) > 300 else 50)
        cx, cy = centres[i]
        for n, (x, y) in inner.items():
            positions[n] = (cx + 2 * float(x) * radius[i], cy + 2 * float(y) * radius[i])
    # Scale to pixels so that the average community disc is readable.
    span = max(max(abs(x), abs(y)) for x, y in positions.values()) or 1.0
    size = scale * math.sqrt(len(positions)) / 10
    return {n: (x / span * size, y / span * size) for n, (x, y) in positions.items()}


#: Largest community laid out with dense n x n arrays (about 50 MB each at this size).
DENSE_LAYOUT_MAX = 2500


def force_layout(graph: nx.Graph, *, iterations: int = 50) -> dict[Any, tuple[float, float]]:
    """Return Fruchterman-Reingold positions in [-1, 1], computed on dense numpy arrays.

    networkx's spring_layout switches to a per-node Python loop above 500 nodes (about
    1.5 s for 900 nodes and 30 iterations, measured); the dense form stays vectorised
    and is fast up to a few thousand nodes (memory grows with the square).
    """
    import numpy as np

    nodes = list(graph)
    n = len(nodes)
    if n <= 1:
        return dict.fromkeys(nodes, (0.0, 0.0))
    if n > DENSE_LAYOUT_MAX:  # n^2 arrays would take gigabytes: networkx's sparse form
        raw = nx.spring_layout(graph, iterations=min(iterations, 20), seed=SEED)
        return {node: (float(x), float(y)) for node, (x, y) in raw.items()}
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = np.zeros((n, n))
    for u, v in graph.edges():
        if u != v:
            adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = 1.0
    pos = np.random.default_rng(SEED).random((n, 2))
    k = math.sqrt(1.0 / n)  # ideal edge length for a unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance2 = np.maximum(dx * dx + dy * dy, 1e-4)
        # Every pair repels (k^2/d); linked pairs also attract (d^2/k); both along (dx, dy)/d.
        strength = k * k / distance2 - adjacency * np.sqrt(distance2) / k
        move_x = (dx * strength).sum(axis=1)
        move_y = (dy * strength).sum(axis=1)
        length = np.maximum(np.hypot(move_x, move_y), 0.01)
        step = np.minimum(length, temperature) / length
        x += move_x * step
        y += move_y * step
        temperature -= cooling
    pos = np.column_stack((x, y))
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() or 1.0
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _spread(quotient: nx.Graph, radius: list[float]) -> dict[int, tuple[float, float]]:
    """Place community centres far enough apart for their discs (spring, then a grid scale)."""
    if len(radius) == 1:
        return {0: (0.0, 0.0)}
    if quotient.number_of_nodes() <= 2000:
        raw = nx.spring_layout(quotient, iterations=50, seed=SEED)
    else:  # thousands of tiny components: a spiral is fine and linear
        raw = {
            i: (math.sqrt(i) * math.cos(i * 2.4), math.sqrt(i) * math.sin(i * 2.4))
            for i in range(len(radius))
        }
    # Scale so the two closest centres' discs do not overlap much: a cheap bound using
    # the total area of the discs over the area of the layout.
    area = sum(r * r for r in radius) * math.pi
    factor = math.sqrt(area) * 1.5
    return {i: (float(x) * factor, float(y) * factor) for i, (x, y) in raw.items()}
