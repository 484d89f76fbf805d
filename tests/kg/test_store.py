"""kg.store: whole-document replacement, idempotent re-ingest, persistence, endpoints."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal

from kg.build import document_quads
from kg.errors import QuerySyntaxError, StoreError
from kg.readback import claim_records, entity_records
from kg.store import Store, open_store
from kg.vocab import ACTORS_GRAPH, REGISTRY_GRAPH, doc_iri
from tests.kg.samples import KH, KRG, TEXT_A, article_a, article_b, registry_actors

XSD_STRING = rdflib.XSD.string
# claimgraph's graphs only: a server keeps graphs of its own (Virtuoso: virtrdf:, ...)
ALL_QUADS = (
    "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
    'FILTER (STRSTARTS(STR(?g), "https://w3id.org/claimgraph/id/")) }'
)


def _plain(term):
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    return term


def quads(store: Store) -> set[tuple]:
    return {tuple(_plain(term) for term in row) for row in store.query(ALL_QUADS)}


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "store") as opened:
        yield opened


def in_graph(store: Store, graph: rdflib.URIRef) -> set[tuple]:
    return {q for q in quads(store) if q[3] == graph}


def test_replace_document_adds_then_leaves_unchanged(store: Store) -> None:
    assert store.replace_document(article_a()) == "added"
    before = quads(store)
    assert in_graph(store, doc_iri("doc-a")) == set(document_quads(article_a()))
    assert {q[3] for q in before} == {doc_iri("doc-a"), ACTORS_GRAPH}
    assert store.replace_document(article_a()) == "unchanged"
    assert quads(store) == before


def test_a_new_document_is_added_in_one_transaction(store: Store, monkeypatch) -> None:
    # A new document's quads stream into one pyoxigraph `extend`: when the stream
    # breaks off half-way (here a failing conversion), none of them is stored.
    import kg.store

    real = kg.store._ox_term
    converted = []

    def fails_half_way(node):
        converted.append(node)
        if len(converted) > 2 * len(document_quads(article_a())):  # past the first half
            raise OSError("IO error: the disk went away")
        return real(node)

    monkeypatch.setattr(kg.store, "_ox_term", fails_half_way)
    with pytest.raises(StoreError, match="the disk went away"):
        store.replace_document(article_a())
    assert quads(store) == set()
    assert store.stored_hash("doc-a") is None
    monkeypatch.setattr(kg.store, "_ox_term", real)
    assert store.replace_document(article_a()) == "added"
    assert in_graph(store, doc_iri("doc-a")) == set(document_quads(article_a()))


def test_changed_text_replaces_the_whole_graph(store: Store) -> None:
    store.replace_document(article_a())
    store.replace_document(article_b())
    b_quads = {q for q in quads(store) if q[3] == doc_iri("doc-b")}
    shorter = TEXT_A[: TEXT_A.index('"We')].strip()  # drop the quoted sentence
    assert store.replace_document(article_a(shorter)) == "updated"
    relations = sorted(r["relation"] for r in claim_records(store) if r["doc"].endswith("doc-a"))
    assert relations == ["ACCUSE", "DENY"]  # the STATEMENT of the old text is gone
    assert {q for q in quads(store) if q[3] == doc_iri("doc-b")} == b_quads
    assert {q for q in quads(store) if q[3] == doc_iri("doc-a")} == set(
        document_quads(article_a(shorter))
    )
    assert not any(e["id"] == "masrour-barzani" for e in entity_records(store))
    # nothing of Masrour Barzani is left in the actors graph either
    assert not [q for q in in_graph(store, ACTORS_GRAPH) if "masrour-barzani" in str(q[0])]


def test_force_rewrites_an_unchanged_document(store: Store) -> None:
    store.replace_document(article_a())
    before = quads(store)
    assert store.replace_document(article_a(), force=True) == "updated"
    assert quads(store) == before


def test_stored_hash(store: Store) -> None:
    assert store.stored_hash("doc-a") is None
    store.replace_document(article_a())
    assert store.stored_hash("doc-a") == article_a().document.text_hash


def test_a_failing_update_leaves_the_old_graph(store: Store) -> None:
    store.replace_document(article_a())
    before = quads(store)
    graph = doc_iri("doc-a")
    with pytest.raises(QuerySyntaxError):
        store.update(f"DROP GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{ <a> <b> }} }}")
    assert quads(store) == before


@pytest.mark.parametrize(
    "awkward",
    [
        'a "quoted" word',
        "back\\slash and \\n not a newline",
        "two\nlines\r\nand\ttab",
        "control \x01 and delete \x7f",
        "Arabic كتائب حزب الله and emoji 🚁",
        '""" triple quotes """',
    ],
)
def test_awkward_text_round_trips(store: Store, awkward: str) -> None:
    extraction = article_a()
    claim = replace(extraction.claims[0], text=awkward, quote=awkward, cue=awkward)
    store.replace_document(replace(extraction, claims=(claim,)))
    (record,) = claim_records(store)
    assert (record["text"], record["quote"], record["cue"]) == (awkward,) * 3


def test_registry_graph_is_replaced_and_wins_labels(store: Store) -> None:
    store.replace_document(article_a())
    assert store.replace_registry(registry_actors()) > 0
    labels = {e["id"]: e["label"] for e in entity_records(store)}
    assert labels["krg"] == "Kurdistan Region Government"  # the registry's, not the article's
    store.replace_registry(registry_actors()[1:])
    graphs = {q[3] for q in quads(store)}
    assert REGISTRY_GRAPH in graphs
    assert {e["id"]: e["label"] for e in entity_records(store)}["krg"] == (
        "Kurdistan Regional Government"
    )


def test_store_persists_and_reopens_read_only(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_document(article_a())
        expected = quads(store)
    with open_store(tmp_path / "s", read_only=True) as store:
        assert quads(store) == expected
        with pytest.raises(StoreError, match="read-only"):
            store.replace_document(article_b())


@pytest.mark.parametrize(
    ("setup", "read_only", "message"),
    [
        ("missing", True, "kg ingest"),
        ("file", False, "directory"),
        ("locked", False, "another process"),
    ],
)
def test_open_errors_are_store_errors(
    tmp_path: Path, setup: str, read_only: bool, message: str
) -> None:
    path = tmp_path / "s"
    holder = None
    if setup == "file":
        path.write_text("not a store")
    elif setup == "locked":
        holder = open_store(path)
    try:
        with pytest.raises(StoreError, match=message):
            open_store(path, read_only=read_only)
    finally:
        if holder is not None:
            holder.close()


def test_size_on_disk(store: Store) -> None:
    empty = store.size_on_disk()
    store.replace_document(article_a())
    assert empty is not None and store.size_on_disk() is not None


# ---- SPARQL 1.1 servers (tests/servers.py), one store per server for the session ----------


@pytest.fixture
def endpoint(sparql_server: str) -> Iterator[str]:
    """A server's query URL, emptied of claimgraph's graphs before and after the test."""
    from tests.servers import clear

    clear(sparql_server)
    yield sparql_server
    clear(sparql_server)


def _free_port() -> int:
    from tests.servers import free_port

    return free_port()


def test_endpoint_store_behaves_like_the_embedded_one(endpoint: str, tmp_path: Path) -> None:
    with open_store(tmp_path / "local") as local:
        local.replace_document(article_a())
        local.replace_document(article_b())
        expected = list(claim_records(local))
        expected_quads = quads(local)
    with open_store(tmp_path / "unused", endpoint=endpoint) as remote:
        assert remote.replace_document(article_a()) == "added"
        assert remote.replace_document(article_b()) == "added"
        assert remote.replace_document(article_a()) == "unchanged"
        assert list(claim_records(remote)) == expected
        assert quads(remote) == expected_quads
        shorter = TEXT_A[: TEXT_A.index('"We')].strip()
        assert remote.replace_document(article_a(shorter)) == "updated"
        assert len(list(claim_records(remote))) == len(expected) - 1
        assert remote.forget_document("articles/b.txt") == str(doc_iri("doc-b"))
        with open_store(tmp_path / "local") as local:
            local.replace_document(article_a(shorter))
            local.forget_document("doc-b")
            assert quads(remote) == quads(local)  # the actors graph kept the same way
    assert not (tmp_path / "unused").exists()


def test_unreachable_endpoint_is_a_store_error(tmp_path: Path) -> None:
    with (
        open_store(tmp_path, endpoint=f"http://127.0.0.1:{_free_port()}/query") as remote,
        pytest.raises(StoreError, match="cannot reach"),
    ):
        remote.stored_hash("doc-a")


def test_writes_never_fall_back_to_rdflibs_own_update_engine(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # rdflib runs an update itself, triple by triple and outside any transaction, when
    # the store declines it; oxrdflib declines updates on a union-default-graph Dataset.
    from rdflib.plugins.sparql.processor import SPARQLUpdateProcessor

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("rdflib's own update engine was used")

    monkeypatch.setattr(SPARQLUpdateProcessor, "update", refuse)
    assert store.replace_document(article_a()) == "added"
    assert store.replace_document(article_a(), force=True) == "updated"
    store.replace_registry(registry_actors())


@pytest.mark.parametrize(
    ("sparql", "line"),
    [
        ("SELECT *\nWHERE { ?s ?p ?o }\nLIMIT x", 3),
        ("INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> cg:cue } }", 1),
    ],
)
def test_endpoint_syntax_errors_give_the_users_line(endpoint: str, sparql: str, line: int) -> None:
    from kg.query import run_query

    with (
        open_store(Path("unused"), endpoint=endpoint) as remote,
        pytest.raises(QuerySyntaxError) as caught,
    ):
        run_query(remote, sparql, update=True)
    assert caught.value.line == line


# ---- every fact once: the actors graph ---------------------------------------------------


def _count(store: Store, sparql: str) -> int:
    ((n,),) = store.select(sparql)
    return int(n)


def _rebuilt(store: Store) -> set[tuple]:
    """The actors graph as a rebuild from every document's mentions gives it."""
    registry = store._registry()
    return set(store._rebuilt_actors(registry, store._role_triples(registry)))


def _actors_graph(store: Store) -> set[tuple]:
    return {q[:3] for q in in_graph(store, ACTORS_GRAPH)}


def test_plain_counts_are_true_counts(store: Store) -> None:
    store.replace_registry(registry_actors())
    store.replace_document(article_a())
    store.replace_document(article_b())  # Kataib Hezbollah and its aliases again
    labels = "SELECT (COUNT(*) AS ?n) WHERE { actor:kataib-hezbollah skos:prefLabel ?l }"
    assert _count(store, labels) == 1
    aliases = "SELECT (COUNT(*) AS ?n) WHERE { actor:kataib-hezbollah skos:altLabel ?l }"
    assert _count(store, aliases) == len(KH.aliases)
    # one row per claim, however many documents name its subject
    joined = "SELECT (COUNT(*) AS ?n) WHERE { ?c cg:subject/skos:prefLabel ?who }"
    assert _count(store, joined) == 6
    mentions = (
        "SELECT (SUM(?n) AS ?total) "
        "WHERE { ?m cg:actor actor:kataib-hezbollah ; cg:mentionCount ?n }"
    )
    assert _count(store, mentions) == 3


def test_an_alias_only_a_replaced_document_gave_goes_with_it(store: Store) -> None:
    extraction = article_a()
    krg = replace(KRG, aliases=(*KRG.aliases, "Erbil authorities"))
    store.replace_document(replace(extraction, actors=(extraction.actors[0], krg)))
    store.replace_document(article_b())
    aliases = lambda: {  # noqa: E731
        e["id"]: e["aliases"] for e in entity_records(store)
    }
    assert "Erbil authorities" in aliases()["krg"]
    store.replace_document(article_a(), force=True)  # the alias no longer stated
    assert "Erbil authorities" not in aliases()["krg"]
    assert aliases()["krg"] == sorted(KRG.aliases, key=str.casefold)
    assert _actors_graph(store) == _rebuilt(store)


def test_a_fact_two_documents_state_stays_when_one_goes(store: Store) -> None:
    store.replace_document(article_a())
    store.replace_document(article_b())
    assert store.forget_document("doc-a") == str(doc_iri("doc-a"))
    entities = {e["id"]: e for e in entity_records(store)}
    assert entities["kataib-hezbollah"]["aliases"] == sorted(KH.aliases)  # doc-b states them
    assert entities["kataib-hezbollah"]["documents"] == 1
    assert "krg" not in entities and "masrour-barzani" not in entities  # only doc-a named them
    assert doc_iri("doc-a") not in {q[3] for q in quads(store)}
    assert _actors_graph(store) == _rebuilt(store)


def test_forget_finds_documents_by_source_and_reports_unknown_ones(store: Store) -> None:
    store.replace_document(article_a())
    store.replace_document(article_b())
    assert store.forget_document("articles/b.txt") == str(doc_iri("doc-b"))
    assert store.forget_document("articles/b.txt") is None
    assert store.forget_document("no-such-doc") is None
    assert store.forget_document(str(doc_iri("doc-a"))) == str(doc_iri("doc-a"))
    assert quads(store) == set()


def test_the_label_most_documents_give_wins_and_follows_them(store: Store) -> None:
    def article(doc_id: str, label: str):
        extraction = article_b()
        actor = replace(extraction.actors[2], label=label)  # the PMF
        document = replace(extraction.document, id=doc_id, source=doc_id)
        claims = tuple(
            replace(c, doc_id=doc_id, id=f"{doc_id}-{i}") for i, c in enumerate(extraction.claims)
        )
        return replace(extraction, document=document, actors=(actor,), claims=claims[:1])

    store.replace_document(article("one", "Hashd"))
    store.replace_document(article("two", "Popular Mobilisation Forces"))
    store.replace_document(article("three", "Popular Mobilisation Forces"))
    label = lambda: {e["id"]: e["label"] for e in entity_records(store)}["pmf"]  # noqa: E731
    assert label() == "Popular Mobilisation Forces"
    store.forget_document("two")
    assert label() == "Hashd"  # one each: the smaller wins the tie
    store.replace_document(article("one", "Popular Mobilisation Forces"), force=True)
    assert label() == "Popular Mobilisation Forces"
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { actor:pmf skos:prefLabel ?l }") == 1
    assert _actors_graph(store) == _rebuilt(store)


def test_the_actors_graph_leaves_registry_facts_to_the_registry(store: Store) -> None:
    store.replace_registry(registry_actors())
    store.replace_document(article_a())
    actors = _actors_graph(store)
    registry = {q[:3] for q in in_graph(store, REGISTRY_GRAPH)}
    assert not actors & registry
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { actor:krg skos:prefLabel ?l }") == 1


def test_an_unchanged_registry_writes_nothing_and_a_changed_one_rebuilds(store: Store) -> None:
    store.replace_registry(registry_actors())
    store.replace_document(article_a())
    before = quads(store)
    store.replace_registry(registry_actors())
    assert quads(store) == before
    store.replace_registry(registry_actors()[1:])  # the KRG leaves the registry
    labels = {e["id"]: e["label"] for e in entity_records(store)}
    assert labels["krg"] == "Kurdistan Regional Government"  # now the article's label
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { actor:krg skos:prefLabel ?l }") == 1
    assert _actors_graph(store) == _rebuilt(store)


def test_the_actors_graph_kept_current_equals_one_rebuilt_from_the_documents(
    store: Store,
) -> None:
    """Adds, replacements and forgets in a fixed pseudo-random order (seeded): after each,
    the actors graph kept current step by step is the one the documents' mentions give."""
    import random

    chooser = random.Random(7)
    store.replace_registry(registry_actors()[1:])  # Kataib Hezbollah and the PMF
    base = article_b()
    names = ["Hashd", "Popular Mobilisation Forces", "PMF"]
    stored: set[str] = set()
    for step in range(40):
        doc_id = f"doc-{chooser.randrange(6)}"
        if doc_id in stored and chooser.random() < 0.3:
            assert store.forget_document(doc_id) is not None
            stored.discard(doc_id)
        else:
            pmf = replace(
                base.actors[2],
                id=chooser.choice(["pmf", "hashd"]),
                label=chooser.choice(names),
                aliases=tuple(chooser.sample(names, 2)),
                parent=chooser.choice([None, "iraqi-government"]),
            )
            document = replace(base.document, id=doc_id, source=doc_id, title=f"step {step}")
            extraction = replace(base, document=document, actors=(base.actors[0], pmf), claims=())
            store.replace_document(extraction)
            stored.add(doc_id)
        assert _actors_graph(store) == _rebuilt(store), f"step {step}"
        labels = "SELECT ?a (COUNT(?l) AS ?n) WHERE { ?a skos:prefLabel ?l } GROUP BY ?a"
        assert all(n == 1 for _, n in store.select(labels)), f"step {step}"


_KILLED_WRITER = """
import sys
from dataclasses import replace
from pathlib import Path

import pyoxigraph

from kg.store import open_store
from tests.kg.samples import article_a, article_b

real_extend = pyoxigraph.Store.extend


def extend(self, quads):
    print("extending", flush=True)
    real_extend(self, quads)
    print("extended", flush=True)


pyoxigraph.Store.extend = extend
small, big = article_b(), article_a()
claims = tuple(replace(c, id=f"{c.id}-{n}") for n in range(4000) for c in big.claims)
big = replace(big, claims=claims)
with open_store(Path(sys.argv[1])) as store:
    store.replace_document(small)
    store.flush()
    store.replace_document(big)
"""


def test_kill_9_while_a_document_streams_in_leaves_it_whole_or_absent(tmp_path: Path) -> None:
    # kill -9 in the middle of a new document's `extend` transaction: the store holds
    # the document written before it and either all of the big one or none of it.
    import signal

    root = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(tmp_path / "store")],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        seen = []
        while (line := child.stdout.readline().strip()) != "extending":
            seen.append(line)
            assert line or child.poll() is None, child.stderr.read() if child.stderr else ""
        seen.append(child.stdout.readline().strip())  # the small document's extend ends
        assert seen[-1] == "extended", seen
        assert child.stdout.readline().strip() == "extending"  # the big one begins
        time.sleep(0.5)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        child.kill()
        child.wait(timeout=60)
    with open_store(tmp_path / "store", read_only=True) as store:
        assert in_graph(store, doc_iri("doc-b")) == set(document_quads(article_b()))
        big = in_graph(store, doc_iri("doc-a"))
        if big:  # it got in before the kill: all of it
            assert store.stored_hash("doc-a") is not None
            assert len(big) > 4000 * 3 * 10
        else:
            assert store.stored_hash("doc-a") is None
