"""Pictures of the claim graph: a self-contained, offline, interactive HTML page.

`vis_graph` dresses a claim graph (`kg.network.build_graph`) for vis-network:
colours by actor type and relation, sizes by claim counts, plain-text tooltips with
the evidence, and positions from `layout` (Louvain communities, each laid out by a
vectorised force layout), final with physics off above `LAYOUT_THRESHOLD` actors.
`render_html` hands it to pyvis and renders our own template (pyvis's links Bootstrap
and vis-network from CDNs): vis-network's script and style, shipped inside the pyvis
package, are inlined, so the page works from one file with the network off. Text that
came from articles reaches the page only as JSON data and tooltip `textContent`,
never as HTML, and a Content-Security-Policy allows no script but the page's own.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg import LAYOUT_THRESHOLD
from kg.network import SEED

#: Evidence lines shown in one edge tooltip (the edge still counts every claim).
TOOLTIP_EVIDENCE = 5

#: Longest sentence or quote shown in a tooltip, in characters.
TOOLTIP_TEXT = 300

TEMPLATE = Path(__file__).with_name("templates") / "graph.html"

#: Node colour of each actor type (records.ACTOR_TYPES).
TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Government": "#f28e2b",
    "ArmedGroup": "#e15759",
    "PoliticalParty": "#76b7b2",
    "Organization": "#59a14f",
    "Company": "#edc948",
    "Media": "#b07aa1",
    "Country": "#ff9da7",
    "Place": "#9c755f",
    "Group": "#bab0ac",
}
OTHER_COLOUR = "#cccccc"

#: Edge colour of each relation code: cooperation in greens and blues, conflict in
#: reds and oranges, talk in greys, structure in browns.
RELATION_COLOURS: dict[str, str] = {
    "AGREE": "#1b9e77",
    "CONSULT": "#66c2a5",
    "SUPPORT": "#2ca02c",
    "CONCEDE": "#a6d854",
    "COOPERATE": "#17becf",
    "AID": "#1f77b4",
    "RETREAT": "#9ecae1",
    "REQUEST": "#6a51a3",
    "ACCUSE": "#d62728",
    "REJECT": "#ff7f0e",
    "THREATEN": "#e7298a",
    "PROTEST": "#fdae61",
    "SANCTION": "#b15928",
    "MOBILIZE": "#fb9a99",
    "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
    "DENY": "#9467bd",
    "CLAIM_RESPONSIBILITY": "#000000",
    "STATEMENT": "#7f7f7f",
    "AFFILIATED_WITH": "#8c564b",
    "LEADS": "#c49c94",
}


@dataclass(frozen=True)
class VizSummary:
    """What `write_html` drew."""

    path: Path
    nodes: int
    edges: int
    claims: int
    bytes: int
    physics: bool
    cut: bool


# ---- tooltips (plain text; the page puts them in the DOM as textContent) ---------------


def _clip(text: str, limit: int = TOOLTIP_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_tooltip(data: dict[str, Any]) -> str:
    """Return the plain-text tooltip of an actor node: type, aliases, roles, Wikidata id."""
    lines = [str(data.get("label", "")), f"Type: {data.get('type', '')}"]
    if data.get("aliases"):
        lines.append("Aliases: " + ", ".join(data["aliases"]))
    if data.get("roles"):
        lines.append("Roles: " + "; ".join(data["roles"]))
    if data.get("wikidata"):
        lines.append(f"Wikidata: {data['wikidata']}")
    lines.append(f"Claims: {data.get('claims', 0)}")
    return "\n".join(lines)


def evidence_line(evidence: dict[str, Any]) -> str:
    """Return one claim's evidence as a line: quote or sentence, speaker, source, date, score."""
    quote = evidence.get("quote")
    said = f"“{_clip(quote)}”" if quote else _clip(str(evidence.get("text") or ""))
    who = evidence.get("speaker")
    flags = [
        str(flag)
        for flag in (evidence.get("polarity"), evidence.get("modality"))
        if flag not in (None, "affirmed", "asserted")
    ]
    where = ", ".join(str(x) for x in (evidence.get("source"), evidence.get("date")) if x)
    parts = [said]
    if who:
        parts.append(f"— {who}")
    if flags:
        parts.append(f"[{', '.join(flags)}]")
    tail = [where] if where else []
    if evidence.get("confidence") is not None:
        tail.append(f"confidence {float(evidence['confidence']):.2f}")
    return " ".join(parts) + ("\n    " + "; ".join(tail) if tail else "")


def edge_tooltip(source: str, target: str, data: dict[str, Any]) -> str:
    """Return the plain-text tooltip of an edge: the relation, its count and the evidence."""
    count = data.get("count", 0)
    head = f"{source} —{data.get('relation')}→ {target}: {count} claim{'s' * (count != 1)}"
    if not count:
        head += " (from the query answer; no claim in the store makes this edge)"
    if data.get("negated"):
        head += f" ({data['negated']} negated)"
    evidence = data.get("evidence") or ()
    lines = [head] + [evidence_line(e) for e in evidence[:TOOLTIP_EVIDENCE]]
    if count > TOOLTIP_EVIDENCE and evidence:
        lines.append(f"… and {count - TOOLTIP_EVIDENCE} more (kg claims lists them all)")
    return "\n".join(lines)


# ---- positions -----------------------------------------------------------------------


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


# ---- the graph handed to pyvis ---------------------------------------------------------


def vis_graph(
    graph: nx.MultiDiGraph, *, layout_threshold: int = LAYOUT_THRESHOLD
) -> nx.MultiDiGraph:
    """Return a copy of a claim graph with vis-network attributes on nodes and edges.

    Nodes get `label, title, color, value` (claims), `type` and positions `x, y`
    from `layout`: a starting point that the browser's physics refines, or,
    above `layout_threshold` actors, the final layout (`physics` False). Edges get `title,
    color, value` (claims), `arrows`, `dashes` (all claims negated) and `relation`.
    `graph.graph["physics"]` says whether the browser lays the graph out.
    """
    physics = graph.number_of_nodes() <= layout_threshold
    positions = layout(graph)
    vis = nx.MultiDiGraph()
    vis.graph.update(graph.graph, physics=physics)
    for n, data in graph.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": str(data.get("label", n)),
            "title": node_tooltip(data),
            "color": TYPE_COLOURS.get(str(data.get("type")), OTHER_COLOUR),
            "value": int(data.get("claims", 0)),
            "type": str(data.get("type", "")),  # for the legend; vis-network ignores it
        }
        x, y = positions[n]
        attrs.update(x=round(x, 1), y=round(y, 1))
        if not physics:
            attrs["physics"] = False
        vis.add_node(n, **attrs)
    for s, o, key, data in graph.edges(keys=True, data=True):
        vis.add_edge(
            s,
            o,
            key=key,
            relation=str(key),
            title=edge_tooltip(graph.nodes[s]["label"], graph.nodes[o]["label"], data),
            color=RELATION_COLOURS.get(str(key), OTHER_COLOUR),
            value=int(data.get("count", 1)),
            arrows="to",
            dashes=bool(data.get("count")) and data.get("negated") == data.get("count"),
        )
    return vis


def vis_options(*, physics: bool, nodes: int = 0) -> dict[str, Any]:
    """Return vis-network options: browser physics for small graphs, none for large ones.

    With physics, the page stabilises before it shows (blocking) for a number of
    iterations that shrinks as the graph grows, so that it costs about a second
    (measured in headless Chromium: ~50 ms per iteration at 700 actors); physics then
    goes on refining in animation frames.
    """
    options: dict[str, Any] = {
        "nodes": {"shape": "dot", "scaling": {"min": 8, "max": 40}, "font": {"size": 14}},
        "edges": {
            "scaling": {"min": 1, "max": 8},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": {"enabled": True, "type": "dynamic"} if physics else False,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }
    if physics:
        # Positions come laid out from Python, so a short stabilisation is enough.
        iterations = max(25, min(200, 20_000 // max(nodes, 1)))
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "stabilization": {"enabled": True, "iterations": iterations, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
        options["interaction"].update(hideEdgesOnDrag=True, hideEdgesOnZoom=True)
    options["layout"] = {"improvedLayout": False}  # positions come from Python
    return options


def to_network(vis: nx.MultiDiGraph) -> Any:
    """Return the pyvis Network of a `vis_graph` (nodes, edges and options)."""
    from pyvis.network import Network

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    for n, data in vis.nodes(data=True):
        net.add_node(n, **data)
    known = set(vis)
    for s, o, data in vis.edges(data=True):
        # pyvis's add_edge checks both ends against a list (quadratic on large graphs);
        # the ends are known nodes, so append the edge pyvis would have built.
        assert s in known and o in known
        net.edges.append({"from": s, "to": o, **data})
    net.options = vis_options(
        physics=bool(vis.graph.get("physics", True)), nodes=vis.number_of_nodes()
    )
    return net


# ---- the page --------------------------------------------------------------------------


def _vis_assets() -> tuple[str, str]:
    """Return vis-network's script and style as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no "</script>", "<!--" or "&" can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _legend(vis: nx.MultiDiGraph) -> tuple[list[tuple[str, str, int]], list[tuple[str, str, int]]]:
    types = Counter(str(data.get("type", "")) for _, data in vis.nodes(data=True))
    relations = Counter(str(key) for _, _, key in vis.edges(keys=True))
    return (
        [(t, TYPE_COLOURS.get(t, OTHER_COLOUR), n) for t, n in types.most_common()],
        [(r, RELATION_COLOURS.get(r, OTHER_COLOUR), n) for r, n in relations.most_common()],
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def header_lines(vis: nx.MultiDiGraph, *, source: str | None = None) -> list[str]:
    """Return the page header: what the graph shows, from where, with which filters and cuts."""
    meta = vis.graph
    claims = sum(int(d.get("value", 0)) for _, _, d in vis.edges(data=True))
    lines = [
        f"{_count(vis.number_of_nodes(), 'actor')}, {_count(vis.number_of_edges(), 'edge')} "
        f"({_count(claims, 'claim')} between actors; "
        f"{_count(meta.get('claims', claims), 'claim')} kept in all)"
    ]
    if source:
        lines.append(f"Store: {source}")
    filters = meta.get("filters") or ()
    lines.append("Filters: " + ("; ".join(filters) if filters else "none"))
    total_nodes = meta.get("total_nodes", vis.number_of_nodes())
    total_edges = meta.get("total_edges", vis.number_of_edges())
    if (total_nodes, total_edges) != (vis.number_of_nodes(), vis.number_of_edges()):
        lines.append(
            f"Cut by filters: showing {vis.number_of_nodes()} of {total_nodes} actors and "
            f"{vis.number_of_edges()} of {total_edges} edges"
        )
    if not meta.get("physics", True):
        lines.append("Large graph: layout computed in advance, physics off")
    return lines


def render_html(
    graph: nx.MultiDiGraph,
    *,
    source: str | None = None,
    title: str = "claimgraph",
    layout_threshold: int = LAYOUT_THRESHOLD,
) -> str:
    """Return a self-contained HTML page drawing a claim graph.

    Args:
        graph: a claim graph from `kg.network.build_graph`.
        source: where the graph came from (store path or endpoint), for the header.
        title: the page title.
        layout_threshold: above this many actors, lay out in Python and turn physics off.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    vis = vis_graph(graph, layout_threshold=layout_threshold)
    net = to_network(vis)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    data = (
        f"window.KG_DATA = {_script_json({'nodes': nodes, 'edges': edges})};\n"
        f"window.KG_OPTIONS = {_script_json(json.loads(options))};\n"
    )
    init = (TEMPLATE.parent / "graph.js").read_text(encoding="utf-8")
    scripts = [vis_js, data, init]
    types, relations = _legend(vis)
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE.parent)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return env.get_template(TEMPLATE.name).render(
        title=title,
        header=header_lines(vis, source=source),
        types=types,
        relations=relations,
        vis_css=Markup(vis_css),
        scripts=[Markup(script) for script in scripts],
        csp_scripts=" ".join(_csp_hash(script) for script in scripts),
    )


def write_html(
    graph: nx.MultiDiGraph,
    path: Path,
    *,
    source: str | None = None,
    title: str = "claimgraph",
    layout_threshold: int = LAYOUT_THRESHOLD,
) -> VizSummary:
    """Write `render_html(graph)` to `path` (UTF-8) and say what was drawn."""
    page = render_html(graph, source=source, title=title, layout_threshold=layout_threshold)
    path.write_text(page, encoding="utf-8")
    meta = graph.graph
    return VizSummary(
        path=path,
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        claims=sum(count for _, _, count in graph.edges(data="count")),
        bytes=path.stat().st_size,
        physics=graph.number_of_nodes() <= layout_threshold,
        cut=(meta.get("total_nodes"), meta.get("total_edges"))
        != (graph.number_of_nodes(), graph.number_of_edges()),
    )
