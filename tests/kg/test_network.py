"""The claim network: building, filtering, paths, centrality, communities, layout, Gephi files.

Claim and entity records are hand-built dicts in DESIGN.md's JSONL shape; no spaCy
model is needed, and only `query_graph` (the store's graph) reads a small store.
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from kg.analysis import NoPath, centrality, communities, find_path
from kg.errors import ActorNotFound, AmbiguousActor, FilterError, FormatError
from kg.network import (
    MAX_EVIDENCE,
    GraphFilters,
    build_graph,
    find_actor,
    flat_graph,
    query_graph,
    relation_codes,
    triples_from_result,
    write_gexf,
    write_graphml,
)
from kg.store import open_store
from kg.viz import force_layout, layout
from kg.vocab import ACTOR, CG
from tests.kg.samples import article_a, article_b, registry_actors

ACTORS = {
    "kh": ("Kataib Hezbollah", "ArmedGroup"),
    "pmf": ("Popular Mobilization Forces", "ArmedGroup"),
    "krg": ("Kurdistan Regional Government", "Government"),
    "us": ("US government", "Government"),
    "iraq": ("Iraqi government", "Government"),
    "masrour": ("Masrour Barzani", "Person"),
    "nechirvan": ("Nechirvan Barzani", "Person"),
}


def ref(actor_id: str) -> dict[str, str]:
    label, type_ = ACTORS[actor_id]
    return {"id": actor_id, "label": label, "type": type_}


def claim(
    subject: str,
    relation: str,
    obj: str | None,
    *,
    date: str | None = "2024-01-05",
    confidence: float = 0.8,
    n: int = 0,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "id": f"{subject}-{relation}-{obj}-{n}",
        "doc": "https://w3id.org/claimgraph/id/doc/a",
        "source": "articles/a.txt",
        "date": date,
        "relation": relation,
        "subject": ref(subject),
        "object": ref(obj) if obj else None,
        "speaker": ref(subject),
        "cue": "said",
        "quote": None,
        "text": f"{subject} {relation} {obj} ({n}).",
        "start": 0,
        "end": 10,
        "polarity": "affirmed",
        "modality": "asserted",
        "confidence": confidence,
    } | extra


#: A small conflict: KRG and the US accuse KH, KH denies, KH is part of the PMF,
#: the US asks Baghdad to act, Masrour Barzani speaks for the KRG.
CLAIMS = [
    claim("krg", "ACCUSE", "kh", n=1, confidence=0.9),
    claim("krg", "ACCUSE", "kh", n=2, confidence=0.6, date="2024-01-20"),
    claim("us", "ACCUSE", "kh", n=3, date="2024-02-02"),
    claim("kh", "DENY", "krg", n=4, confidence=0.5),
    claim("kh", "AFFILIATED_WITH", "pmf", n=5, confidence=0.6, date=None),
    claim("us", "REQUEST", "iraq", n=6, date="2024-02-11"),
    claim("masrour", "LEADS", "krg", n=7),
    claim("pmf", "CLAIM_RESPONSIBILITY", None, n=8, polarity="negated"),
]

ENTITIES = [
    {
        "id": "kh",
        "label": "Kataib Hezbollah",
        "type": "ArmedGroup",
        "aliases": ["Kata'ib Hezbollah", "KH"],
        "wikidata": "Q1139220",
        "roles": [],
    },
    {
        "id": "masrour",
        "label": "Masrour Barzani",
        "type": "Person",
        "aliases": ["Barzani"],
        "roles": [{"title": "Prime Minister", "organisation": "krg", "start": "2019-07-10"}],
    },
    {"id": "nechirvan", "label": "Nechirvan Barzani", "type": "Person", "aliases": ["Barzani"]},
]


def edges(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(s, key, o) for s, o, key in graph.edges(keys=True)}


def test_one_edge_per_subject_relation_object_with_counts() -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    assert edges(graph) == {
        ("krg", "ACCUSE", "kh"),
        ("us", "ACCUSE", "kh"),
        ("kh", "DENY", "krg"),
        ("kh", "AFFILIATED_WITH", "pmf"),
        ("us", "REQUEST", "iraq"),
        ("masrour", "LEADS", "krg"),
    }
    accuse = graph.edges["krg", "kh", "ACCUSE"]
    assert (accuse["count"], accuse["relation"], accuse["confidence"]) == (2, "ACCUSE", 0.9)
    assert [e["claim"] for e in accuse["evidence"]] == ["krg-ACCUSE-kh-1", "krg-ACCUSE-kh-2"]
    # The object-less claim makes the PMF take part in two claims but draws no edge.
    assert graph.nodes["pmf"]["claims"] == 2
    assert graph.nodes["kh"]["claims"] == 5
    assert graph.graph["claims"] == len(CLAIMS)


def test_node_attributes_come_from_entity_records_then_claims() -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    kh = graph.nodes["kh"]
    assert (kh["label"], kh["type"], kh["wikidata"]) == (
        "Kataib Hezbollah",
        "ArmedGroup",
        "Q1139220",
    )
    assert kh["aliases"] == ("Kata'ib Hezbollah", "KH")
    assert graph.nodes["masrour"]["roles"] == ("Prime Minister (krg, 2019-07-10)",)
    # No entity record: label and type from the claim's actor reference.
    assert (graph.nodes["us"]["label"], graph.nodes["us"]["type"]) == (
        "US government",
        "Government",
    )
    assert graph.nodes["us"]["aliases"] == () and graph.nodes["us"]["wikidata"] is None
    # Actors in no claim are not drawn.
    assert "nechirvan" not in graph


def test_negated_claims_are_counted_on_their_edge() -> None:
    graph = build_graph(
        [claim("kh", "DENY", "us", n=1), claim("kh", "DENY", "us", n=2, polarity="negated")]
    )
    data = graph.edges["kh", "us", "DENY"]
    assert (data["count"], data["negated"]) == (2, 1)
    assert {e["polarity"] for e in data["evidence"]} == {"affirmed", "negated"}


def test_evidence_is_capped_and_most_confident_first() -> None:
    many = [claim("us", "ACCUSE", "kh", n=i, confidence=i / 100) for i in range(MAX_EVIDENCE + 5)]
    data = build_graph(many).edges["us", "kh", "ACCUSE"]
    assert data["count"] == MAX_EVIDENCE + 5
    scores = [e["confidence"] for e in data["evidence"]]
    assert len(scores) == MAX_EVIDENCE and scores == sorted(scores, reverse=True)
    assert scores[0] == (MAX_EVIDENCE + 4) / 100


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            GraphFilters(relations=frozenset({"ACCUSE"})),
            {("krg", "ACCUSE", "kh"), ("us", "ACCUSE", "kh")},
        ),
        # Dates compare as ISO text; undated claims drop out once a window is set.
        (GraphFilters(since="2024-02-01"), {("us", "ACCUSE", "kh"), ("us", "REQUEST", "iraq")}),
        # "until 2024-01" covers all of January (2024-01-20 included).
        (
            GraphFilters(until="2024-01"),
            {("krg", "ACCUSE", "kh"), ("kh", "DENY", "krg"), ("masrour", "LEADS", "krg")},
        ),
        (
            GraphFilters(since="2024-01-10", until="2024-02-05"),
            {("krg", "ACCUSE", "kh"), ("us", "ACCUSE", "kh")},
        ),
        (
            GraphFilters(min_confidence=0.85),
            {("krg", "ACCUSE", "kh")},
        ),
        # Actors in fewer than 2 kept claims go, with their edges (iraq, masrour).
        (
            GraphFilters(min_claims=2),
            {
                ("krg", "ACCUSE", "kh"),
                ("us", "ACCUSE", "kh"),
                ("kh", "DENY", "krg"),
                ("kh", "AFFILIATED_WITH", "pmf"),
            },
        ),
        # Ego network, direction ignored: KH's neighbours, by alias.
        (
            GraphFilters(focus="kata'ib hezbollah", depth=1),
            {
                ("krg", "ACCUSE", "kh"),
                ("us", "ACCUSE", "kh"),
                ("kh", "DENY", "krg"),
                ("kh", "AFFILIATED_WITH", "pmf"),
            },
        ),
        # Depth 0 keeps the actor alone.
        (GraphFilters(focus="us", depth=0), set()),
        (
            GraphFilters(focus="Iraqi government", depth=2),
            {("us", "REQUEST", "iraq"), ("us", "ACCUSE", "kh")},
        ),
        # A query answer: only its triples, and only the actors they touch.
        (
            GraphFilters(triples=frozenset({("us", "REQUEST", "iraq"), ("kh", "DENY", "krg")})),
            {("us", "REQUEST", "iraq"), ("kh", "DENY", "krg")},
        ),
    ],
)
def test_filters(filters: GraphFilters, expected: set[tuple[str, str, str]]) -> None:
    graph = build_graph(CLAIMS, ENTITIES, filters=filters)
    assert edges(graph) == expected
    assert graph.graph["filters"] == filters.describe() != ()
    # The totals describe the graph before the cut, so the header can say what was cut.
    assert (graph.graph["total_nodes"], graph.graph["total_edges"]) >= (
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )


def test_query_triples_no_claim_makes_are_drawn_bare() -> None:
    answer = frozenset({("us", "REQUEST", "iraq"), ("kh", "AFFILIATED_WITH", "iraq-gov")})
    graph = build_graph(CLAIMS, ENTITIES, filters=GraphFilters(triples=answer))
    assert edges(graph) == {("us", "REQUEST", "iraq"), ("kh", "AFFILIATED_WITH", "iraq-gov")}
    bare = graph.edges["kh", "iraq-gov", "AFFILIATED_WITH"]
    assert (bare["count"], bare["evidence"]) == (0, [])
    assert graph.nodes["kh"]["label"] == "Kataib Hezbollah"  # known actor: its record
    assert graph.nodes["iraq-gov"]["label"] == "iraq-gov"  # unknown: its id
    # An answer's edge whose claims a filter dropped stays out: it is not "no claim".
    dated = GraphFilters(triples=answer, since="2024-03-01")
    assert edges(build_graph(CLAIMS, filters=dated)) == {("kh", "AFFILIATED_WITH", "iraq-gov")}
    # The relation filter applies to bare edges too.
    only = GraphFilters(triples=answer, relations=frozenset({"REQUEST"}))
    assert edges(build_graph(CLAIMS, filters=only)) == {("us", "REQUEST", "iraq")}


def test_focus_depth_zero_keeps_the_actor() -> None:
    graph = build_graph(CLAIMS, filters=GraphFilters(focus="US government", depth=0))
    assert list(graph) == ["us"]
    assert graph.graph["focus"] == "us"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kh", "kh"),  # an id
        ("kataib hezbollah", "kh"),  # a label, any case
        ("KATA'IB-HEZBOLLAH", "kh"),  # an alias, apostrophe and hyphen folded
        ("Masrour Barzani", "masrour"),
    ],
)
def test_find_actor(name: str, expected: str) -> None:
    assert find_actor(build_graph(CLAIMS, ENTITIES), name) == expected


def test_find_actor_errors() -> None:
    two_barzanis = ENTITIES + [{"id": "krg", "label": "KRG", "aliases": ["Barzani"]}]
    graph = build_graph(CLAIMS, two_barzanis)
    with pytest.raises(AmbiguousActor, match="Masrour Barzani"):
        find_actor(graph, "Barzani")
    with pytest.raises(ActorNotFound) as error:
        find_actor(graph, "Kataib Hezbolah")
    assert error.value.suggestions == ("Kataib Hezbollah",)


def test_path_walks_claims_either_way_with_evidence() -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    steps = find_path(graph, "Masrour Barzani", "Popular Mobilization Forces")
    assert [(s.source, s.relation, s.target, s.forward) for s in steps] == [
        ("masrour", "LEADS", "krg", True),
        # KRG-KH has ACCUSE (2 claims) one way and DENY (1) the other: the busier wins.
        ("krg", "ACCUSE", "kh", True),
        ("kh", "AFFILIATED_WITH", "pmf", True),
    ]
    assert steps[1].count == 2 and len(steps[1].evidence) == 2
    backwards = find_path(graph, "pmf", "us")
    assert [(s.source, s.target, s.forward) for s in backwards] == [
        ("kh", "pmf", False),
        ("us", "kh", False),
    ]
    assert find_path(graph, "kh", "kh") == []


def test_no_path() -> None:
    graph = build_graph(CLAIMS + [claim("masrour", "CONSULT", "nechirvan")])
    graph.remove_edge("masrour", "krg", "LEADS")
    with pytest.raises(NoPath, match="Masrour Barzani"):
        find_path(graph, "masrour", "us")


def test_centrality_ranks_the_hub_and_counts_claims() -> None:
    rows = centrality(build_graph(CLAIMS, ENTITIES))
    by_id = {row.id: row for row in rows}
    assert rows[0].id == "kh"  # accused three times, by two actors
    assert (by_id["kh"].in_claims, by_id["kh"].out_claims) == (3, 2)
    assert (by_id["us"].in_claims, by_id["us"].out_claims) == (0, 2)
    # KH bridges the PMF to everyone else; the PMF bridges nothing.
    assert by_id["kh"].betweenness > by_id["krg"].betweenness > by_id["pmf"].betweenness == 0
    assert by_id["kh"].degree == pytest.approx(3 / 5)  # KRG, US, PMF of 5 others
    assert [row.id for row in centrality(build_graph(CLAIMS), top=2)] == [r.id for r in rows[:2]]
    assert centrality(build_graph([])) == []


def test_centrality_per_relation() -> None:
    graph = build_graph(CLAIMS, filters=GraphFilters(relations=relation_codes(["request"])))
    assert {row.id for row in centrality(graph)} == {"us", "iraq"}


def _two_cliques() -> list[dict[str, Any]]:
    left, right = ["kh", "pmf", "iraq"], ["krg", "masrour", "nechirvan"]
    out = []
    for group in (left, right):
        for a in group:
            out += [claim(a, "COOPERATE", b, n=i) for i, b in enumerate(group) if a != b]
    return out + [claim("iraq", "REQUEST", "krg")]


def test_communities_split_two_cliques_deterministically() -> None:
    graph = build_graph(_two_cliques())
    parts = communities(graph)
    assert {frozenset(i for i, _ in p.members) for p in parts} == {
        frozenset({"kh", "pmf", "iraq"}),
        frozenset({"krg", "masrour", "nechirvan"}),
    }
    assert [p.claims for p in parts] == [6, 6]
    assert [p.index for p in parts] == [1, 2]
    assert communities(graph) == parts


def test_layout_places_every_actor_apart_and_is_stable() -> None:
    graph = build_graph(_two_cliques() + CLAIMS)
    positions = layout(graph)
    assert set(positions) == set(graph)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert len(set(positions.values())) == len(positions)
    assert layout(graph) == positions
    assert layout(nx.MultiDiGraph()) == {}


@pytest.mark.parametrize("dense_max", [2500, 3])  # numpy arrays; networkx's sparse fallback
def test_force_layout_keeps_linked_actors_close(
    monkeypatch: pytest.MonkeyPatch, dense_max: int
) -> None:
    monkeypatch.setattr("kg.layout.DENSE_LAYOUT_MAX", dense_max)
    left, right = nx.complete_graph(range(8)), nx.complete_graph(range(8, 16))
    graph = nx.union(left, right)
    graph.add_edge(0, 8)
    positions = force_layout(graph)
    assert all(-1 <= v <= 1 for xy in positions.values() for v in xy)

    def mean_distance(pairs: list[tuple[int, int]]) -> float:
        return sum(math.dist(positions[a], positions[b]) for a, b in pairs) / len(pairs)

    inside = [(a, b) for a in range(8) for b in range(a + 1, 8)]
    across = [(a, b) for a in range(8) for b in range(8, 16)]
    assert mean_distance(inside) * 2 < mean_distance(across)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["accuse"], {"ACCUSE"}),
        (["claim-responsibility", "DENY"], {"CLAIM_RESPONSIBILITY", "DENY"}),
        ([], set()),
    ],
)
def test_relation_codes(values: list[str], expected: set[str]) -> None:
    assert relation_codes(values) == expected


def test_unknown_relation_code_lists_close_ones() -> None:
    with pytest.raises(FilterError, match="did you mean ACCUSE"):
        relation_codes(["acuse"])


def _rdf() -> Graph:
    rdf = Graph()
    rdf.add((URIRef(ACTOR + "us"), CG.requests, URIRef(ACTOR + "iraq")))
    rdf.add((URIRef(ACTOR + "krg"), CG.accuses, URIRef(ACTOR + "kh")))
    rdf.add((URIRef(ACTOR + "kh"), CG.relation, Literal("DENY")))  # not an edge
    return rdf


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        (
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            {("us", "REQUEST", "iraq"), ("krg", "ACCUSE", "kh")},
        ),
        (
            "PREFIX cg: <https://w3id.org/claimgraph/ontology#> "
            "SELECT ?subject ?relation ?object WHERE { ?subject cg:accuses ?object "
            "BIND(cg:accuses AS ?relation) }",
            {("krg", "ACCUSE", "kh")},
        ),
        # ?relation may be a relation code, as claims store it.
        (
            "SELECT ?subject ?relation ?object "
            'WHERE { ?subject ?p ?object BIND("REQUEST" AS ?relation) }',
            {("us", "REQUEST", "iraq"), ("krg", "REQUEST", "kh")},
        ),
    ],
)
def test_triples_from_result(sparql: str, expected: set[tuple[str, str, str]]) -> None:
    # The (kh, cg:relation, "DENY") triple has a literal object: no actor, no edge.
    assert triples_from_result(_rdf().query(sparql)) == expected


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELECT ?s ?p WHERE { ?s ?p ?o }", r"missing \?subject, \?relation, \?object"),
        ("ASK { ?s ?p ?o }", "ASK"),
    ],
)
def test_triples_from_result_refuses_other_shapes(sparql: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        triples_from_result(_rdf().query(sparql))


@pytest.mark.parametrize(
    ("writer", "reader"), [(write_graphml, nx.read_graphml), (write_gexf, nx.read_gexf)]
)
def test_gephi_files_round_trip(writer: Any, reader: Any) -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    buffer = io.BytesIO()
    writer(graph, buffer)
    buffer.seek(0)
    back = reader(buffer)
    assert set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["kh"]["label"] == "Kataib Hezbollah"
    assert back.nodes["kh"]["aliases"] == "Kata'ib Hezbollah; KH"
    counts = sorted(int(d["count"]) for _, _, d in back.edges(data=True))
    assert counts == sorted(d["count"] for _, _, d in graph.edges(data=True))


def test_flat_graph_keeps_the_best_evidence() -> None:
    flat = flat_graph(build_graph(CLAIMS, ENTITIES))
    data = flat.edges["krg", "kh", "ACCUSE"]
    assert data["evidence"] == "krg ACCUSE kh (1)."  # the 0.9 claim, not the 0.6 one
    assert data["source"] == "articles/a.txt"
    assert flat.nodes["us"]["wikidata"] == ""


def test_path_to_an_actor_outside_the_graph_says_why() -> None:
    graph = build_graph(CLAIMS, ENTITIES)
    with pytest.raises(ActorNotFound, match="Nobody") as error:
        find_path(graph, "kh", "Nobody")
    # The filtered graph holds only actors in kept claims; the message says so.
    assert str(error.value).endswith(
        "(only actors in claims that pass the filters can be on a path)"
    )
    assert error.value.name == "Nobody" and error.value.note


def test_query_graph_keeps_the_edges_a_query_names(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        store.replace_document(article_a())
        store.replace_document(article_b())
        store.replace_registry(registry_actors())
        every = query_graph(store)
        asked = query_graph(
            store, sparql="CONSTRUCT { ?s cg:requests ?o } WHERE { ?s cg:requests ?o }"
        )
        accusations = query_graph(store, filters=GraphFilters(relations=frozenset({"ACCUSE"})))
    assert every.number_of_edges() == 3
    assert [key for _, _, key in asked.edges(keys=True)] == ["REQUEST"]
    assert asked.graph["total_nodes"] > asked.number_of_nodes()
    assert [key for _, _, key in accusations.edges(keys=True)] == ["ACCUSE"]
