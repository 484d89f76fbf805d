"""The claim graph dressed for vis-network: tooltips, attributes, positions and options.

`vis_graph` gives each actor and edge what the page draws (colours by actor type and
relation family from `kg.palette`, sizes by claims, plain-text tooltips, contested
edges, positions from `kg.layout`) and what its script reads (aliases for the search
box, claim ids for the details panel); `page_claims` gives the claims themselves;
`vis_options` sets physics, labels by zoom and edges hidden while dragging.
`PageData` is what `kg.viz.gather` reads from the store for them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg import LAYOUT_THRESHOLD
from kg.layout import layout
from kg.palette import OTHER_COLOUR, RELATION_COLOURS, RELATION_FAMILY, TYPE_COLOURS

#: Evidence lines shown in one edge tooltip (a click lists them all in the details panel).
TOOLTIP_EVIDENCE = 2

#: Longest sentence or quote shown in a tooltip, in characters.
TOOLTIP_TEXT = 300

#: Actors shown at first on a page laid out in Python (the most central by PageRank);
#: the page's "Show all" button shows the rest.
DEFAULT_VIEW = 300

#: Claims of one edge carried to the page for its details panel (the edge's dates and
#: counts still cover every claim).
PANEL_CLAIMS = 100

#: Above this many actors, edges are not drawn while the view is dragged or zoomed.
HIDE_EDGES_ABOVE = 200

#: Style of a contested edge (a claim of it is answered by a denial): a dark halo.
CONTESTED_SHADOW = {"enabled": True, "color": "rgba(0,0,0,0.85)", "size": 9, "x": 0, "y": 0}


@dataclass(frozen=True)
class PageData:
    """What the page draws: the claim graph and what the store says of its claims.

    Attributes:
        graph: a claim graph (`kg.network.build_graph`); its edges' `evidence` name
            their claims.
        claims: claim records by id (DESIGN.md's JSONL shape) plus, where the store has
            them, `event_date` and `sources` (independent sources) and `title` (the
            document's); claims the graph does not hold may be here as the answer or
            the answered of a dispute.
        responds: (answering claim id, answered claim id) pairs: a denial or rejection
            and the claim it answers.
    """

    graph: nx.MultiDiGraph
    claims: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    responds: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of_graph(cls, graph: nx.MultiDiGraph) -> PageData:
        """Return the page data of a bare claim graph: its claims from the evidence."""
        claims: dict[str, dict[str, Any]] = {}
        for s, o, key, data in graph.edges(keys=True, data=True):
            for n, evidence in enumerate(data.get("evidence") or ()):
                claim_id = str(evidence.get("claim") or f"{s}-{key}-{o}-{n}")
                claims[claim_id] = {
                    **evidence,
                    "id": claim_id,
                    "relation": key,
                    "subject": {"id": s, "label": graph.nodes[s].get("label", s)},
                    "object": {"id": o, "label": graph.nodes[o].get("label", o)},
                    "speaker": {"label": evidence.get("speaker")}
                    if evidence.get("speaker")
                    else None,
                }
        return cls(graph=graph, claims=claims)


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


# ---- the graph handed to pyvis ---------------------------------------------------------


def _period(date: str | None) -> tuple[str, str] | None:
    """Return the first and last day a date covers ("2024-02" -> 2024-02-01..2024-02-31).

    The last day of a month is written as the 31st: the bounds are compared as text.
    """
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    day = date[:10]
    if len(day) == 10:
        return day, day
    if len(day) == 7:
        return day + "-01", day + "-31"
    return day[:4] + "-01-01", day[:4] + "-12-31"


def claim_date(record: Mapping[str, Any]) -> str | None:
    """Return the date a claim is placed at: its event date, else its document's date."""
    return record.get("event_date") or record.get("date")


def _answers(
    responds: Iterable[tuple[str, str]],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    answered_by: dict[str, list[str]] = defaultdict(list)
    answering: dict[str, list[str]] = defaultdict(list)
    for a, b in sorted(responds):
        answered_by[b].append(a)
        answering[a].append(b)
    return answered_by, answering


def page_claims(page: PageData) -> dict[str, dict[str, Any]]:
    """Return the claims of the page's details panel as plain JSON-ready dicts.

    Each has the relation, the labels of subject, object and speaker, cue, quote,
    sentence (`text`), document (`document`: its title, else its source), `date` (the
    article's), `event_date`, `from`/`to` (the days `claim_date` covers, for the time
    slider), polarity, modality, confidence, `sources`, and the ids of the claims that
    answer it (`answered_by`) and that it answers (`answers`).
    """
    answered_by, answering = _answers(page.responds)

    def label(ref: Any) -> str | None:
        return None if not ref else str(ref.get("label") or ref.get("id") or "")

    out: dict[str, dict[str, Any]] = {}
    for claim_id, c in page.claims.items():
        period = _period(claim_date(c))
        out[claim_id] = {
            "relation": c.get("relation"),
            "subject": label(c.get("subject")),
            "object": label(c.get("object")),
            "speaker": label(c.get("speaker")),
            "cue": c.get("cue"),
            "quote": c.get("quote"),
            "text": c.get("text"),
            "document": c.get("title") or c.get("source") or c.get("doc"),
            "date": c.get("date"),
            "event_date": c.get("event_date"),
            "from": period[0] if period else None,
            "to": period[1] if period else None,
            "polarity": c.get("polarity"),
            "modality": c.get("modality"),
            "confidence": c.get("confidence"),
            "sources": c.get("sources"),
            "answered_by": answered_by.get(claim_id, []),
            "answers": answering.get(claim_id, []),
        }
    return out


def default_view(graph: nx.MultiDiGraph, size: int) -> set[str]:
    """Return the `size` most central actors: PageRank over claims, as `kg central` ranks.

    Only the PageRank of `kg.analysis.centrality` (its sampled betweenness takes
    minutes at 5,000 actors); ties go to the actor with more partners, then by label.
    """
    from kg.analysis import weighted_digraph

    if graph.number_of_nodes() <= size:
        return set(graph)
    simple = weighted_digraph(graph)
    rank = nx.pagerank(simple, weight="weight")
    order = sorted(
        simple,
        key=lambda n: (-rank[n], -len(set(simple.successors(n)) | set(simple.predecessors(n))),
                       str(simple.nodes[n].get("label", n))),
    )  # fmt: skip
    return {str(n) for n in order[:size]}


def vis_graph(
    page: PageData | nx.MultiDiGraph,
    *,
    layout_threshold: int = LAYOUT_THRESHOLD,
    view: int = DEFAULT_VIEW,
) -> nx.MultiDiGraph:
    """Return a copy of a claim graph with vis-network attributes on nodes and edges.

    Nodes get `label, title, color, value` (claims), `type, aliases, roles, wikidata`
    (for the search box and the details panel), `own_claims` (ids of claims with no
    object) and positions `x, y` from `kg.layout.layout`: a starting point that the
    browser's physics refines, or, above `layout_threshold` actors, the final layout
    (`physics` False), where only the `view` most central actors show at first (the
    others `hidden`). Edges get an `id`, `title, color, value` (claims, or independent
    sources where the store counts them), `arrows`, `dashes` (all claims negated),
    `relation, family`, `claims` (ids, at most PANEL_CLAIMS), `count`, `documents`,
    `sources` (None where unknown), `contested` (a claim of it is answered by another,
    drawn with CONTESTED_SHADOW) and `smooth` (parallel edges curve apart).
    `graph.graph["physics"]` says whether the browser lays the graph out.
    """
    if isinstance(page, nx.MultiDiGraph):
        page = PageData.of_graph(page)
    graph = page.graph
    physics = graph.number_of_nodes() <= layout_threshold
    positions = layout(graph)
    shown = set(graph) if physics else default_view(graph, view)
    answered = {b for _, b in page.responds}
    vis = nx.MultiDiGraph()
    vis.graph.update(graph.graph, physics=physics, shown=len(shown))
    for n, data in graph.nodes(data=True):
        attrs: dict[str, Any] = {
            "label": str(data.get("label", n)),
            "title": node_tooltip(data),
            "color": TYPE_COLOURS.get(str(data.get("type")), OTHER_COLOUR),
            "value": int(data.get("claims", 0)),
            "type": str(data.get("type", "")),  # for the legend; vis-network ignores it
            "aliases": [str(a) for a in data.get("aliases") or ()],
            "roles": [str(r) for r in data.get("roles") or ()],
            "wikidata": data.get("wikidata"),
            "own_claims": list(data.get("own_claims") or ()),
        }
        x, y = positions[n]
        attrs.update(x=round(x, 1), y=round(y, 1))
        if not physics:
            attrs["physics"] = False
        if n not in shown:
            attrs["hidden"] = True
        vis.add_node(n, **attrs)
    pairs: Counter[frozenset[str]] = Counter()
    for i, (s, o, key, data) in enumerate(graph.edges(keys=True, data=True)):
        ids = [str(e["claim"]) for e in data.get("evidence") or () if e.get("claim")]
        known = [page.claims[c] for c in ids if c in page.claims]
        counts = [int(c["sources"]) for c in known if c.get("sources")]
        sources = max(counts) if counts else None
        contested = any(c in answered for c in ids)
        title = edge_tooltip(graph.nodes[s]["label"], graph.nodes[o]["label"], data)
        if contested:
            title += "\nContested: a claim of this edge is answered (click for the dispute)"
        pair = frozenset((s, o))
        curve = pairs[pair]
        pairs[pair] += 1
        attrs = {
            "id": f"e{i}",
            "relation": str(key),
            "family": RELATION_FAMILY.get(str(key), "other"),
            "title": title,
            "color": RELATION_COLOURS.get(str(key), OTHER_COLOUR),
            "value": sources or int(data.get("count", 1)),
            "arrows": "to",
            "dashes": bool(data.get("count")) and data.get("negated") == data.get("count"),
            "claims": ids[:PANEL_CLAIMS],
            "count": int(data.get("count", 0)),
            "documents": len({str(c.get("doc") or c.get("source")) for c in known}),
            "sources": sources,
            "contested": contested,
            "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.18 * curve}
            if curve
            else False,
        }
        if contested:
            attrs["shadow"] = CONTESTED_SHADOW
        vis.add_edge(s, o, key=key, **attrs)
    return vis


def vis_options(*, physics: bool, nodes: int = 0) -> dict[str, Any]:
    """Return vis-network options: browser physics for small graphs, none for large ones.

    With physics, the page stabilises for a number of iterations that shrinks as the
    graph grows (so that it costs about a second: ~50 ms per iteration at 700 actors in
    headless Chromium), and the page script turns physics off once the layout is stable
    (vis-network's `stabilized` event) or a few seconds after the stabilisation, so the
    page stops computing. Labels are drawn only when they would be at least
    `drawThreshold` pixels high, so a zoomed-out view draws the busiest actors' names
    only (label size grows with claims). Above HIDE_EDGES_ABOVE actors, edges are not
    drawn while the view is dragged or zoomed.
    """
    options: dict[str, Any] = {
        "nodes": {
            "shape": "dot",
            "scaling": {
                "min": 8,
                "max": 40,
                "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 8},
            },
            "font": {"size": 14},
        },
        "edges": {
            "scaling": {"min": 1, "max": 8},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "smooth": False,  # parallel edges carry their own curve (vis_graph)
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }
    if physics:
        # Positions come laid out from Python, so a short stabilisation is enough.
        iterations = max(25, min(200, 20_000 // max(nodes, 1)))
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "fit": True},
        }
    else:
        options["physics"] = {"enabled": False}
    if nodes > HIDE_EDGES_ABOVE or not physics:
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
