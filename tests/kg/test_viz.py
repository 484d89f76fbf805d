"""The picture: what the page reads, the graph handed to pyvis, the page, the commands.

Unit tests look at what `gather` reads from a store (disputes, event dates and source
counts inserted by hand), the networkx graph and pyvis network (nodes, edges,
attributes), the relation palette, and the page's data script; the page itself is
only checked for what it loads (nothing from outside) and for its script hashes. The
browser tests (tests/e2e/test_browser.py) run the page and its controls.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from kg.network import GraphFilters, build_graph
from kg.palette import FAMILY_COLOURS, RELATION_FAMILY, shades
from kg.readback import claim_records
from kg.store import open_store
from kg.visnetwork import CONTESTED_SHADOW, page_claims
from kg.viz import (
    RELATION_COLOURS,
    TOOLTIP_EVIDENCE,
    TYPE_COLOURS,
    PageData,
    edge_tooltip,
    gather,
    header_lines,
    render_html,
    to_network,
    vis_graph,
    write_html,
)
from kg.vocab import CLUSTER, CLUSTERS_GRAPH, claim_iri, doc_iri
from tests.kg.samples import article_a, article_b, registry_actors
from tests.kg.test_network import CLAIMS, ENTITIES, claim

HOSTILE = '<img src=x onerror="alert(1)"></script><script>alert(2)</script>'


def test_nodes_carry_colour_size_label_and_tooltip() -> None:
    vis = vis_graph(build_graph(CLAIMS, ENTITIES))
    kh = vis.nodes["kh"]
    assert (kh["label"], kh["color"], kh["value"]) == (
        "Kataib Hezbollah",
        TYPE_COLOURS["ArmedGroup"],
        5,
    )
    for text in ("Type: ArmedGroup", "Aliases: Kata'ib Hezbollah, KH", "Wikidata: Q1139220"):
        assert text in kh["title"]
    assert "Roles: Prime Minister (krg, 2019-07-10)" in vis.nodes["masrour"]["title"]
    assert vis.nodes["us"]["color"] == TYPE_COLOURS["Government"]
    assert all(isinstance(data["x"], float) for _, data in vis.nodes(data=True))


def test_edges_carry_relation_colour_count_and_evidence() -> None:
    quoted = claim("us", "ACCUSE", "kh", n=9, quote="They did it", date="2024-02-03")
    vis = vis_graph(build_graph([*CLAIMS, quoted], ENTITIES))
    assert vis.number_of_edges() == 6
    edge = vis.edges["us", "kh", "ACCUSE"]
    assert (edge["color"], edge["value"], edge["arrows"], edge["dashes"]) == (
        RELATION_COLOURS["ACCUSE"],
        2,
        "to",
        False,
    )
    title = edge["title"]
    assert title.startswith("US government —ACCUSE→ Kataib Hezbollah: 2 claims")
    # A quote is shown rather than its sentence; each line says who, where, when, how sure.
    assert "“They did it” — US government" in title
    assert "articles/a.txt, 2024-02-03; confidence 0.80" in title
    assert "us ACCUSE kh (3)." in title  # no quote: the sentence


def test_tooltip_lists_a_few_claims_and_counts_the_rest() -> None:
    many = [claim("us", "THREATEN", "kh", n=i) for i in range(TOOLTIP_EVIDENCE + 3)]
    title = vis_graph(build_graph(many)).edges["us", "kh", "THREATEN"]["title"]
    assert title.count("confidence 0.80") == TOOLTIP_EVIDENCE
    assert "… and 3 more" in title


@pytest.mark.parametrize(
    ("polarities", "dashed", "note"),
    [
        (["negated", "negated"], True, "(2 negated)"),
        (["negated", "affirmed"], False, "(1 negated)"),
        (["affirmed"], False, None),
    ],
)
def test_negated_edges(polarities: list[str], dashed: bool, note: str | None) -> None:
    claims = [
        claim("kh", "CLAIM_RESPONSIBILITY", "us", n=i, polarity=p) for i, p in enumerate(polarities)
    ]
    edge = vis_graph(build_graph(claims)).edges["kh", "us", "CLAIM_RESPONSIBILITY"]
    assert edge["dashes"] is dashed
    first_line = edge["title"].splitlines()[0]
    assert (note in first_line) if note else "negated" not in first_line


@pytest.mark.parametrize(("threshold", "physics"), [(100, True), (6, True), (5, False)])
def test_large_graphs_are_laid_out_in_python(threshold: int, physics: bool) -> None:
    graph = build_graph(CLAIMS)  # 6 actors
    vis = vis_graph(graph, layout_threshold=threshold)
    assert vis.graph["physics"] is physics
    pinned = {data.get("physics", True) for _, data in vis.nodes(data=True)}
    assert pinned == {physics}
    net = to_network(vis)
    assert net.options["physics"]["enabled"] is physics


def test_pyvis_network_matches_the_graph() -> None:
    vis = vis_graph(build_graph(CLAIMS, ENTITIES))
    net = to_network(vis)
    assert sorted(node["id"] for node in net.nodes) == sorted(vis.nodes)
    assert sorted((e["from"], e["relation"], e["to"]) for e in net.edges) == sorted(
        (s, key, o) for s, o, key in vis.edges(keys=True)
    )
    kh = next(node for node in net.nodes if node["id"] == "kh")
    assert kh["color"] == TYPE_COLOURS["ArmedGroup"] and kh["title"] == vis.nodes["kh"]["title"]


def test_hostile_text_stays_data() -> None:
    hostile = claim("us", "ACCUSE", "kh", quote=HOSTILE)
    vis = vis_graph(build_graph([hostile], [{"id": "kh", "label": HOSTILE}]))
    # The graph handed to pyvis keeps the text as it was: escaping is the page's job.
    assert (
        vis.nodes["kh"]["label"] == HOSTILE and HOSTILE in vis.edges["us", "kh", "ACCUSE"]["title"]
    )


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def test_page_is_self_contained_and_only_runs_its_own_scripts() -> None:
    hostile = claim("us", "ACCUSE", "kh", quote=HOSTILE)
    page = render_html(
        build_graph([hostile, *CLAIMS], [{"id": "kh", "label": HOSTILE}]), source=HOSTILE
    )
    parser = _PageParser()
    parser.feed(page)
    # Nothing loaded from anywhere: no src, no href, no <link>, no <img>.
    assert [
        t for t, a in parser.tags if "src" in a or "href" in a or t in ("link", "img", "iframe")
    ] == []
    # Exactly our three scripts (vis-network, data, start-up), each allowed by its hash.
    assert len(parser.scripts) == 3
    csp = next(
        a["content"] for t, a in parser.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp
    for script in parser.scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    # The data script holds the hostile text as JSON data, recoverable exactly.
    data = parser.scripts[1]
    payload = json.loads(data[data.index("=") + 1 : data.index(";\n")])
    assert {node["label"] for node in payload["nodes"]} >= {HOSTILE}


def test_header_says_what_is_shown_and_what_was_cut() -> None:
    graph = build_graph(CLAIMS, filters=GraphFilters(relations=frozenset({"ACCUSE"}), min_claims=2))
    lines = header_lines(vis_graph(graph), source="kg-store")
    assert lines[0] == "2 actors, 1 edge (2 claims between actors; 3 claims kept in all)"
    assert "Store: kg-store" in lines
    assert "Filters: relations ACCUSE; actors with >= 2 claims" in lines
    assert "Cut by filters: showing 2 of 3 actors and 1 of 2 edges" in lines
    plain = header_lines(vis_graph(build_graph(CLAIMS)))
    assert "Filters: none" in plain and not any(line.startswith("Cut") for line in plain)


def test_write_html_summary(tmp_path: Path) -> None:
    summary = write_html(build_graph(CLAIMS), tmp_path / "g.html", layout_threshold=3)
    assert (summary.nodes, summary.edges, summary.claims) == (6, 6, 7)
    assert summary.bytes == (tmp_path / "g.html").stat().st_size > 100_000  # vis-network inlined
    assert summary.physics is False and summary.cut is False


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "A —AID→ B: 1 claim"),
        (0, "A —AID→ B: 0 claims (from the query answer; no claim in the store makes this edge)"),
    ],
)
def test_edge_tooltip_without_evidence(count: int, expected: str) -> None:
    assert edge_tooltip("A", "B", {"relation": "AID", "count": count, "evidence": []}) == expected


# ---- commands --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        store.replace_registry(registry_actors())
    return path


def kg(store: Path, *args: str) -> Any:
    return CliRunner().invoke(app, ["--store", str(store), *args])


@pytest.mark.parametrize("command", ["viz", "path", "central", "communities"])
def test_commands_have_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout


@pytest.mark.parametrize(
    ("args", "nodes", "edges"),
    [
        # KRG->KH ACCUSE, US->Iraq REQUEST, KH->PMF AFFILIATED_WITH, and Masrour Barzani,
        # whose quote has no object.
        ((), 6, 3),
        (("--relation", "accuse"), 2, 1),
        (("--focus", "Hashd al-Shaabi", "--depth", "1"), 2, 1),
        (("--focus", "KRG", "--depth", "2"), 3, 2),
        (("--since", "2024-02-01"), 4, 2),  # article B only: US, Iraq, KH, PMF
        (("--min-confidence", "0.85"), 2, 1),
    ],
)
def test_viz_graphml(
    store_path: Path, tmp_path: Path, args: tuple[str, ...], nodes: int, edges: int
) -> None:
    import networkx as nx

    out = tmp_path / "g.graphml"
    result = kg(store_path, "viz", "-o", str(out), *args)
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, edges)
    assert f"{nodes} actors, {edges} edges" in result.stdout


def test_viz_html_and_query(store_path: Path, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?s cg:requests ?o } WHERE { ?s cg:requests ?o }")
    out = tmp_path / "g.html"
    result = kg(store_path, "viz", "-o", str(out), "--query", str(query))
    assert result.exit_code == 0, result.output
    assert "2 actors, 1 edges (1 claims)" in result.stdout
    assert "cut by filters" in result.stdout
    assert "<script src" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("viz", "-o", "out.txt"), "cannot tell the format"),
        (("viz", "-o", "g.html", "--relation", "acuse"), "did you mean ACCUSE"),
        (("viz", "-o", "g.html", "--focus", "Nobody At All"), "no actor named 'Nobody At All'"),
        (("path", "KRG", "US government"), "no chain of claims links"),
        (("central", "--format", "xml"), "unknown --format"),
    ],
)
def test_errors_are_one_line(
    store_path: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    args = tuple(str(tmp_path / a) if a.endswith((".txt", ".html")) else a for a in args)
    result = kg(store_path, *args)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_path_command(store_path: Path) -> None:
    result = kg(store_path, "path", "KRG", "PMF")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "1. Kurdistan Region Government -ACCUSE-> Kataib Hezbollah (1 claim)"
    )
    assert "The KRG accused the group of the attack." in lines[1]
    assert any(line.startswith("2. Kataib Hezbollah -AFFILIATED_WITH-> Popular") for line in lines)
    steps = json.loads(kg(store_path, "path", "KRG", "PMF", "--format", "json").stdout)
    assert [s["relation"] for s in steps] == ["ACCUSE", "AFFILIATED_WITH"]
    assert steps[0]["evidence"][0]["source"] == "articles/a.txt"


def test_central_and_communities_commands(store_path: Path) -> None:
    rows = json.loads(kg(store_path, "central", "--format", "json").stdout)
    by_id = {r["id"]: r for r in rows}
    # KRG -> KH -> PMF: rank flows down the chain; KH is the only actor with two partners.
    assert (
        by_id["pmf"]["pagerank"] > by_id["kataib-hezbollah"]["pagerank"] > by_id["krg"]["pagerank"]
    )
    assert max(rows, key=lambda r: r["degree"])["id"] == "kataib-hezbollah"
    assert {r["id"] for r in rows} == {
        "masrour-barzani",
        "krg",
        "kataib-hezbollah",
        "pmf",
        "us-government",
        "iraqi-government",
    }
    table = kg(store_path, "central", "--top", "2").stdout
    assert "pagerank" in table and "(2 of 6 actors)" in table
    parts = json.loads(kg(store_path, "communities", "--format", "json").stdout)
    assert sorted(len(p["members"]) for p in parts) == [1, 2, 3]  # Masrour alone
    assert "(3 communities)" in kg(store_path, "communities").stdout


@pytest.mark.parametrize(("fmt", "marker"), [("graphml", b"<graphml"), ("gexf", b"<gexf")])
def test_export_gephi_formats(store_path: Path, tmp_path: Path, fmt: str, marker: bytes) -> None:
    out = tmp_path / f"all.{fmt}"
    result = kg(store_path, "export", "-f", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert marker in data and b"Kataib Hezbollah" in data


# ---- the palette: families from the codebook, colours that can be told apart -----------

# PLOVER's quad classes (its codebook's summary rows); ACCUSE stands for PLOVER's
# DISAPPROVE and REQUEST for its DEMAND. claimgraph's own codes: DENY is a stance
# against a charge, STATEMENT and CLAIM_RESPONSIBILITY are statements.
QUAD_CLASSES = {
    "verbal cooperation": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "material cooperation": {"COOPERATE", "AID", "RETREAT"},
    "verbal conflict": {"REQUEST", "ACCUSE", "REJECT", "THREATEN", "DENY"},
    "material conflict": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
    "statement": {"STATEMENT", "CLAIM_RESPONSIBILITY"},
    "structure": {"AFFILIATED_WITH", "LEADS"},
}

# Machado, Oliveira & Fernandes (2009) simulation matrices (severity 1) on linear RGB.
DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                (-0.011820, 0.042940, 0.968881))  # fmt: skip
PROTANOPIA = ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
              (-0.003882, -0.048116, 1.051998))  # fmt: skip


def _lab(colour: str, vision: Any = None) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of "#rrggbb", as seen with a simulated colour vision deficiency."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    if vision is not None:
        rgb = [
            min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb, strict=True)))) for row in vision
        ]
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: str, b: str, vision: Any = None) -> float:
    return math.dist(_lab(a, vision), _lab(b, vision))


def test_families_are_plovers_quad_classes_read_from_the_codebook() -> None:
    families: dict[str, set[str]] = {}
    for code, family in RELATION_FAMILY.items():
        families.setdefault(family, set()).add(code)
    assert families == QUAD_CLASSES


@pytest.mark.parametrize("vision", [None, DEUTERANOPIA, PROTANOPIA])
def test_the_four_reds_of_old_can_be_told_apart(vision: Any) -> None:
    # ACCUSE, COERCE, ASSAULT and THREATEN were four similar reds; a CIE76 difference
    # of 10 is clearly visible side by side, also to a reader without red or green cones.
    codes = ("ACCUSE", "COERCE", "ASSAULT", "THREATEN")
    for a, b in itertools.combinations(codes, 2):
        assert _delta_e(RELATION_COLOURS[a], RELATION_COLOURS[b], vision) > 10, (a, b)


def test_every_relation_colour_differs_and_family_hues_survive_colour_blindness() -> None:
    for a, b in itertools.combinations(RELATION_COLOURS, 2):
        assert _delta_e(RELATION_COLOURS[a], RELATION_COLOURS[b]) > 10, (a, b)
    for vision in (DEUTERANOPIA, PROTANOPIA):
        for a, b in itertools.combinations(FAMILY_COLOURS.values(), 2):
            assert _delta_e(a, b, vision) > 10, (a, b)


@pytest.mark.parametrize(
    ("hue", "n", "expected"),
    [
        ("#808080", 1, ["#808080"]),
        ("#808080", 3, ["#c0c0c0", "#808080", "#404040"]),  # half white ... half black
    ],
)
def test_shades_run_from_light_to_dark(hue: str, n: int, expected: list[str]) -> None:
    assert shades(hue, n, light=0.5, dark=0.5) == expected


# ---- what the page reads: disputes, event dates, source counts --------------------------


def _payload(page: str) -> dict[str, Any]:
    """The page's KG_DATA, parsed from its data script."""
    parser = _PageParser()
    parser.feed(page)
    data = parser.scripts[1]
    return json.loads(data[data.index("=") + 1 : data.index(";\n")])


@pytest.fixture(scope="module")
def disputed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Articles A and B, plus what the disputes and corroboration work would add:
    Kataib Hezbollah's denial answers the KRG's accusation, the accusation's event
    happened two days before the article, and three sources made the request."""
    path = tmp_path_factory.mktemp("disputed") / "store"
    with open_store(path) as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        ids = {c["relation"]: c["id"] for c in claim_records(store)}
        a = doc_iri("doc-a")
        deny, accuse, request = (claim_iri(ids[r]) for r in ("DENY", "ACCUSE", "REQUEST"))
        store.update(
            f"INSERT DATA {{ GRAPH <{a}> {{ <{deny}> cg:responds <{accuse}> . "
            f'<{accuse}> cg:eventDate "2024-01-03"^^xsd:date }} '
            f"GRAPH <{CLUSTERS_GRAPH}> {{ <{CLUSTER}k> a cg:ClaimCluster ; "
            f"cg:member <{request}> ; cg:sourceCount 3 }} }}"
        )
    return path


def test_gather_reads_disputes_event_dates_and_source_counts(disputed_store: Path) -> None:
    with open_store(disputed_store) as store:
        page = gather(store)
    ids = {c["relation"]: c_id for c_id, c in page.claims.items()}
    # The denial has no object (no edge) but is on the page as the answer.
    assert set(ids) == {"DENY", "ACCUSE", "REQUEST", "AFFILIATED_WITH", "STATEMENT",
                        "CLAIM_RESPONSIBILITY"}  # fmt: skip
    assert page.responds == {(ids["DENY"], ids["ACCUSE"])}
    assert page.claims[ids["ACCUSE"]]["event_date"] == "2024-01-03"
    assert page.claims[ids["ACCUSE"]]["title"] == "Drone strike near Erbil"
    assert page.claims[ids["REQUEST"]]["sources"] == 3
    # Claims without an object are listed under their speaker's node.
    assert page.graph.nodes["masrour-barzani"]["own_claims"] == (ids["STATEMENT"],)

    vis = vis_graph(page)
    accusation = vis.edges["krg", "kataib-hezbollah", "ACCUSE"]
    assert accusation["contested"] is True and accusation["shadow"] == CONTESTED_SHADOW
    assert "Contested" in accusation["title"]
    request = vis.edges["us-government", "iraqi-government", "REQUEST"]
    assert (request["sources"], request["value"], request["contested"]) == (3, 3, False)
    assert "shadow" not in request
    claims = page_claims(page)
    assert claims[ids["ACCUSE"]]["answered_by"] == [ids["DENY"]]
    assert claims[ids["DENY"]]["answers"] == [ids["ACCUSE"]]
    # The slider places the accusation at its event date, the rest at the article's.
    assert (claims[ids["ACCUSE"]]["from"], claims[ids["ACCUSE"]]["date"]) == (
        "2024-01-03",
        "2024-01-05",
    )
    assert claims[ids["REQUEST"]]["from"] == "2024-02-11"


def test_a_store_without_disputes_draws_nothing_contested(store_path: Path) -> None:
    with open_store(store_path) as store:
        page = gather(store)
    vis = vis_graph(page)
    assert page.responds == frozenset()
    assert {d["contested"] for _, _, d in vis.edges(data=True)} == {False}
    # No claim cluster: every claim is its own document's, one source, one width.
    assert {d["sources"] for _, _, d in vis.edges(data=True)} == {1}
    assert {d["value"] for _, _, d in vis.edges(data=True)} == {1}


def test_gather_keeps_the_filters(disputed_store: Path) -> None:
    with open_store(disputed_store) as store:
        page = gather(store, filters=GraphFilters(relations=frozenset({"REQUEST"})))
    assert sorted(page.graph.edges(keys=True)) == [("us-government", "iraqi-government", "REQUEST")]
    assert {c["relation"] for c in page.claims.values()} == {"REQUEST"}


def test_viz_command_draws_the_disputes(disputed_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = kg(disputed_store, "viz", "-o", str(out))
    assert result.exit_code == 0, result.output
    payload = _payload(out.read_text(encoding="utf-8"))
    contested = [
        (e["from"], e["relation"], e["to"]) for e in payload["edges"] if e.get("contested")
    ]
    assert contested == [("krg", "ACCUSE", "kataib-hezbollah")]
    assert payload["days"][0] == "2024-01-03" and payload["days"][-1] == "2024-02-11"
    titles = {c["document"] for c in payload["claims"].values()}
    assert titles == {"Drone strike near Erbil", "articles/b.txt"}  # B has no title


@pytest.mark.parametrize(
    ("date", "period"),
    [
        ("2024-02-03", ("2024-02-03", "2024-02-03")),
        ("2024-02-03T10:00:00", ("2024-02-03", "2024-02-03")),
        ("2024-02", ("2024-02-01", "2024-02-31")),  # a month: compared as text
        ("2024", ("2024-01-01", "2024-12-31")),
        (None, None),
        ("yesterday", None),
    ],
)
def test_claim_periods(date: str | None, period: tuple[str, str] | None) -> None:
    page = PageData.of_graph(build_graph([claim("us", "AID", "kh", date=date)]))
    (only,) = page_claims(page).values()
    assert (only["from"], only["to"]) == (period or (None, None))


def test_large_pages_show_the_most_central_actors_first() -> None:
    # Everyone accuses kh, and us aids iraq: kh is the most central of seven actors.
    others = ("pmf", "krg", "us", "iraq", "masrour", "nechirvan")
    claims = [claim(a, "ACCUSE", "kh", n=i) for i, a in enumerate(others)]
    claims.append(claim("us", "AID", "iraq"))
    vis = vis_graph(build_graph(claims), layout_threshold=3, view=3)
    shown = {n for n, hidden in vis.nodes(data="hidden") if not hidden}
    assert len(shown) == 3 and "kh" in shown
    assert vis.graph["shown"] == 3
    assert any("Showing the 3 most central actors" in line for line in header_lines(vis))
    assert "Show all 7 actors" in render_html(build_graph(claims), layout_threshold=3, view=3)
    # Below the threshold the browser lays out everything, all shown.
    small = vis_graph(build_graph(claims), view=3)
    assert not any(hidden for _, hidden in small.nodes(data="hidden"))
    assert "Show all" not in render_html(build_graph(claims), view=3)


def test_parallel_edges_curve_apart() -> None:
    claims = [claim("us", "ACCUSE", "kh"), claim("us", "THREATEN", "kh"), claim("kh", "DENY", "us")]
    vis = vis_graph(build_graph(claims))
    curves = sorted(
        (d["smooth"] or {"roundness": 0})["roundness"] for _, _, d in vis.edges(data=True)
    )
    assert curves == [0, 0.18, 0.36]
    assert len({d["id"] for _, _, d in vis.edges(data=True)}) == 3


def test_hostile_text_in_the_panel_data_stays_data() -> None:
    hostile = claim("us", "ACCUSE", "kh", quote=HOSTILE, text=HOSTILE, source=HOSTILE)
    page = render_html(
        build_graph([hostile], [{"id": "kh", "label": HOSTILE, "aliases": [HOSTILE]}])
    )
    payload = _payload(page)
    (record,) = payload["claims"].values()
    assert record["quote"] == record["text"] == record["document"] == HOSTILE
    kh = next(n for n in payload["nodes"] if n["id"] == "kh")
    assert kh["label"] == HOSTILE and kh["aliases"] == [HOSTILE]
    # Nowhere in the page as markup: only inside the data script, escaped.
    assert page.count("<img") == 0 and page.count("</script><script>alert") == 0


def test_page_json_leaves_out_defaults_but_keeps_what_differs() -> None:
    plain = claim("us", "ACCUSE", "kh")
    negated = claim("kh", "DENY", "us", polarity="negated", modality="alleged")
    payload = _payload(render_html(build_graph([plain, negated]), layout_threshold=1))
    claims = payload["claims"]
    assert set(claims[plain["id"]]) == {
        "relation", "subject", "object", "cue", "text", "document", "date", "from",
        "confidence",
    }  # fmt: skip
    assert (claims[negated["id"]]["polarity"], claims[negated["id"]]["modality"]) == (
        "negated",
        "alleged",
    )
    edge = payload["edges"][0]
    assert "arrows" not in edge and "contested" not in edge and edge["claims"]
    # Laid out in Python: every node keeps physics off.
    assert {node["physics"] for node in payload["nodes"]} == {False}
