"""The picture: the graph handed to pyvis, the self-contained page, and the CLI commands.

Unit tests look at the networkx graph and pyvis network (nodes, edges, attributes);
the page itself is only checked for what it loads (nothing from outside) and for
its script hashes. The browser test (tests/e2e/test_browser.py) runs the page.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from kg.network import GraphFilters, build_graph
from kg.store import open_store
from kg.viz import (
    RELATION_COLOURS,
    TOOLTIP_EVIDENCE,
    TYPE_COLOURS,
    edge_tooltip,
    header_lines,
    render_html,
    to_network,
    vis_graph,
    write_html,
)
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
