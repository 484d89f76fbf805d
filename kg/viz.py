"""Pictures of the claim graph: a self-contained, offline, interactive HTML page.

`gather` is the one place the page reads the store: the claim graph
(`kg.network.build_graph`) with every claim, plus what the page shows beyond the
graph when the store has it: event dates (`cg:eventDate`), disputes (`cg:responds`
from a denial to the claim it answers), independent source counts (each claim's claim
cluster, `kg.corroboration`; an edge is as wide as the most sources any of its claims
has) and document titles. `kg.visnetwork` dresses it for vis-network. `render_html`
hands it to pyvis and renders our own template with our page script (search box, details panel, time
slider, "show all"; pyvis's own page links Bootstrap and vis-network from CDNs):
vis-network's script and style, shipped inside the pyvis package, are inlined, so the
page works from one file with the network off. Text that came from articles reaches
the page only as JSON data and DOM `textContent`, never as HTML, and a
Content-Security-Policy allows no script but the page's own.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg import LAYOUT_THRESHOLD
from kg.layout import force_layout, layout
from kg.network import GraphFilters, build_graph
from kg.palette import (
    FAMILY_COLOURS,
    OTHER_COLOUR,
    RELATION_COLOURS,
    RELATION_FAMILY,
    TYPE_COLOURS,
)
from kg.visnetwork import (
    DEFAULT_VIEW,
    TOOLTIP_EVIDENCE,
    PageData,
    edge_tooltip,
    evidence_line,
    page_claims,
    to_network,
    vis_graph,
)

if TYPE_CHECKING:
    from kg.store import Store

__all__ = [
    "LAYOUT_THRESHOLD",
    "RELATION_COLOURS",
    "TOOLTIP_EVIDENCE",
    "TYPE_COLOURS",
    "PageData",
    "edge_tooltip",
    "evidence_line",
    "force_layout",
    "gather",
    "layout",
    "render_html",
    "to_network",
    "vis_graph",
    "write_html",
]

TEMPLATE = Path(__file__).with_name("templates") / "graph.html"

#: Above this many actors on screen, dragging the view moves a picture of the last
#: drawing instead of drawing every frame (a full drawing of 5,000 actors takes ~85 ms
#: in headless Chromium, ~2 ms per frame to move the picture).
SNAPSHOT_ABOVE = 200


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


# ---- reading the store -----------------------------------------------------------------

#: What the page reads beyond the claim records (which carry each claim's independent
#: sources, from its claim cluster). The disputes are written by `kg ingest` as the
#: 2026-12 revision of DESIGN.md describes; a store without them gives empty answers.
_EVENT_DATES = "SELECT ?c ?date WHERE { GRAPH ?g { ?c cg:eventDate ?date } }"
_RESPONDS = "SELECT ?a ?b WHERE { GRAPH ?g { ?a cg:responds ?b } }"
_TITLES = "SELECT ?doc ?title WHERE { GRAPH ?doc { ?doc dcterms:title ?title } }"


def gather(
    store: Store,
    *,
    filters: GraphFilters = GraphFilters(),  # noqa: B008 (frozen, so safe as a default)
    sparql: str | None = None,
) -> PageData:
    """Read what the page draws from `store`: the claim graph cut by `filters`, and more.

    Args:
        store: an open store.
        filters: what to keep (see `kg.network.GraphFilters`).
        sparql: a query whose answer names the edges to keep (see
            `kg.network.query_graph`).

    Raises:
        QuerySyntaxError, QueryError, ReadOnlyError: `sparql` is malformed, fails, or
            is an update.
        ActorNotFound, AmbiguousActor: the focus names no actor, or several.
        StoreError: the store could not be read.
    """
    from dataclasses import replace

    from kg.network import _keep_claim, triples_from_result
    from kg.query import run_query
    from kg.readback import claim_records, entity_records
    from kg.vocab import CLAIM, local_id

    if sparql is not None:
        result = run_query(store, sparql)
        assert result is not None  # run_query refuses updates without update=True
        filters = replace(filters, triples=triples_from_result(result))
    records = {str(c["id"]): dict(c) for c in claim_records(store)}
    graph = build_graph(records.values(), entity_records(store), filters=filters, max_evidence=None)

    def claim_id(node: Any) -> str:
        return local_id(str(node), CLAIM) or str(node)

    titles = {str(doc): str(title) for doc, title in store.select(_TITLES)}
    for record in records.values():
        if record.get("doc") in titles:
            record["title"] = titles[record["doc"]]
    for c, date in store.select(_EVENT_DATES):
        if claim_id(c) in records and date is not None:
            records[claim_id(c)]["event_date"] = str(date)
    kept = {str(e["claim"]) for _, _, ev in graph.edges(data="evidence") for e in ev or ()}
    objectless = defaultdict(list)
    for record in records.values():
        if record.get("object") is None and record.get("subject"):
            subject = str(record["subject"]["id"])
            # The graph's own claim filter: the claims its node counted.
            if subject in graph and _keep_claim(record, filters):
                objectless[subject].append(str(record["id"]))
                kept.add(str(record["id"]))
    for node, ids in objectless.items():
        graph.nodes[node]["own_claims"] = tuple(ids)
    # A dispute shows when one side is on the page, with the other side as its partner.
    responds = frozenset(
        (claim_id(a), claim_id(b))
        for a, b in store.select(_RESPONDS)
        if claim_id(a) in records
        and claim_id(b) in records
        and (claim_id(a) in kept or claim_id(b) in kept)
    )
    wanted = kept | {c for pair in responds for c in pair}
    return PageData(graph=graph, claims={c: records[c] for c in wanted}, responds=responds)


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


@dataclass(frozen=True)
class LegendFamily:
    """One relation family of the legend: its name, hue and (code, colour, edges) rows."""

    name: str
    colour: str
    relations: tuple[tuple[str, str, int], ...]


def _legend(vis: nx.MultiDiGraph) -> tuple[list[tuple[str, str, int]], list[LegendFamily]]:
    types = Counter(str(data.get("type", "")) for _, data in vis.nodes(data=True))
    relations = Counter(str(key) for _, _, key in vis.edges(keys=True))
    families = []
    for family, hue in FAMILY_COLOURS.items():
        rows = tuple(
            (code, RELATION_COLOURS[code], relations[code])
            for code, f in RELATION_FAMILY.items()
            if f == family and relations[code]
        )
        if rows:
            families.append(LegendFamily(family, hue, rows))
    unknown = tuple((r, OTHER_COLOUR, n) for r, n in relations.items() if r not in RELATION_FAMILY)
    if unknown:
        families.append(LegendFamily("other", OTHER_COLOUR, unknown))
    return (
        [(t, TYPE_COLOURS.get(t, OTHER_COLOUR), n) for t, n in types.most_common()],
        families,
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def header_lines(vis: nx.MultiDiGraph, *, source: str | None = None) -> list[str]:
    """Return the page header: what the graph shows, from where, with which filters and cuts."""
    meta = vis.graph
    claims = sum(int(d.get("count", 0)) for _, _, d in vis.edges(data=True))
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
    shown = meta.get("shown", vis.number_of_nodes())
    if shown < vis.number_of_nodes():
        lines.append(
            f"Showing the {shown} most central actors first (PageRank); "
            "Show all, or search, for the others"
        )
    return lines


#: Keys left out of the page's JSON when their value is empty or the default: the
#: page script reads a missing key as that value (a 5,000-actor page is ~40% smaller).
_OPTIONAL = frozenset({"dashes", "contested", "sources", "smooth", "hidden", "wikidata",
                       "own_claims", "aliases", "roles", "quote", "event_date",
                       "answered_by", "answers"})  # fmt: skip
_DEFAULTS = {"polarity": "affirmed", "modality": "asserted", "arrows": "to"}


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """Drop the keys `_OPTIONAL` and `_DEFAULTS` name when they hold nothing new."""
    return {
        k: v
        for k, v in item.items()
        if not (k in _OPTIONAL and v in (None, False, [], "", ()))
        and not (k in _DEFAULTS and v == _DEFAULTS[k])
    }


def _compact_claim(claim: dict[str, Any]) -> dict[str, Any]:
    """`_compact`, and no `to` for a one-day claim, no `speaker` when it is the subject."""
    out = _compact(claim)
    if out.get("to") == out.get("from"):
        out.pop("to", None)
    if out.get("speaker") == out.get("subject"):
        out.pop("speaker", None)
    return out


def page_script_data(vis: nx.MultiDiGraph, page: PageData) -> dict[str, Any]:
    """Return what the page script reads besides the graph: claims, dates and view size."""
    claims = page_claims(page)
    # The slider stops at the days claims start on; a month-long claim counts while
    # any of its days is in the range.
    days = sorted({c["from"] for c in claims.values() if c["from"]})
    return {
        "claims": {claim_id: _compact_claim(c) for claim_id, c in claims.items()},
        "days": days,
        "shown": int(vis.graph.get("shown", vis.number_of_nodes())),
        "snapshotAbove": SNAPSHOT_ABOVE,
        "physics": bool(vis.graph.get("physics", True)),
    }


def render_html(
    page: PageData | nx.MultiDiGraph,
    *,
    source: str | None = None,
    title: str = "claimgraph",
    layout_threshold: int = LAYOUT_THRESHOLD,
    view: int = DEFAULT_VIEW,
) -> str:
    """Return a self-contained HTML page drawing a claim graph.

    Args:
        page: what `gather` read, or a bare claim graph from `kg.network.build_graph`
            (its claims are then those of its edges' evidence, with no disputes).
        source: where the graph came from (store path or endpoint), for the header.
        title: the page title.
        layout_threshold: above this many actors, lay out in Python and turn physics off.
        view: on a page laid out in Python, how many of the most central actors show
            before the reader asks for all.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    if isinstance(page, nx.MultiDiGraph):
        page = PageData.of_graph(page)
    vis = vis_graph(page, layout_threshold=layout_threshold, view=view)
    net = to_network(vis)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    vis_js, vis_css = _vis_assets()
    extra = page_script_data(vis, page)
    data = (
        "window.KG_DATA = "
        + _script_json(
            {
                "nodes": [_compact(n) for n in nodes],
                "edges": [_compact(e) for e in edges],
                **extra,
            }
        )
        + ";\n"
        f"window.KG_OPTIONS = {_script_json(json.loads(options))};\n"
    )
    init = (TEMPLATE.parent / "graph.js").read_text(encoding="utf-8")
    scripts = [vis_js, data, init]
    types, families = _legend(vis)
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATE.parent)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return env.get_template(TEMPLATE.name).render(
        title=title,
        header=header_lines(vis, source=source),
        types=types,
        families=families,
        contested=sum(1 for _, _, c in vis.edges(data="contested") if c),
        total=vis.number_of_nodes(),
        shown=extra["shown"],
        vis_css=Markup(vis_css),
        scripts=[Markup(script) for script in scripts],
        csp_scripts=" ".join(_csp_hash(script) for script in scripts),
    )


def write_html(
    page: PageData | nx.MultiDiGraph,
    path: Path,
    *,
    source: str | None = None,
    title: str = "claimgraph",
    layout_threshold: int = LAYOUT_THRESHOLD,
    view: int = DEFAULT_VIEW,
) -> VizSummary:
    """Write `render_html(page)` to `path` (UTF-8) and say what was drawn."""
    if isinstance(page, nx.MultiDiGraph):
        page = PageData.of_graph(page)
    text = render_html(
        page, source=source, title=title, layout_threshold=layout_threshold, view=view
    )
    path.write_text(text, encoding="utf-8")
    graph = page.graph
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
