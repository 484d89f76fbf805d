"""kg.export: every RDF format round-trips to the quads the store holds; claims as CSV."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO

import pytest
import rdflib
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.build import document_quads, registry_quads
from kg.errors import FormatError
from kg.export import CLAIM_COLUMNS, EXPORTERS, export
from kg.readback import claim_records
from kg.store import Store, open_store
from kg.vocab import ACTORS_GRAPH, REGISTRY_GRAPH, doc_iri
from tests.kg.samples import article_a, article_b, registry_actors


def _plain(term):
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal; rdflib keeps them apart."""
    if isinstance(term, Literal) and term.datatype == rdflib.XSD.string:
        return Literal(str(term))
    return term


def _stored_quads(store: Store) -> set[tuple]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {tuple(_plain(t) for t in row) for row in rows}  # type: ignore[union-attr]


def test_the_store_holds_the_documents_the_registry_and_the_actors_graph(store: Store) -> None:
    quads = _stored_quads(store)
    built = set(document_quads(article_a()) + document_quads(article_b()))
    assert built | set(registry_quads(registry_actors())) <= quads
    assert {q[3] for q in quads} == {
        doc_iri("doc-a"),
        doc_iri("doc-b"),
        REGISTRY_GRAPH,
        ACTORS_GRAPH,
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(tmp_path_factory.mktemp("x") / "store") as opened:
        opened.replace_document(article_a())
        opened.replace_document(article_b())
        opened.replace_registry(registry_actors())
        yield opened


def _export(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, fmt, out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("fmt", "parser"), [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_quad_formats_round_trip(store: Store, fmt: str, parser: str) -> None:
    dataset = Dataset()
    dataset.parse(data=_export(store, fmt), format=parser)
    parsed = {
        tuple(_plain(t) for t in (s, p, o)) + (g,)
        for s, p, o, g in dataset.quads((None, None, None, None))
        if g is not None and g != rdflib.graph.DATASET_DEFAULT_GRAPH_ID
    }
    assert parsed == _stored_quads(store)


@pytest.mark.parametrize(("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt")])
def test_triple_formats_write_the_union_once(store: Store, fmt: str, parser: str) -> None:
    data = _export(store, fmt)
    graph = Graph().parse(data=data, format=parser)
    expected = Graph()
    for s, p, o, _ in _stored_quads(store):
        expected.add((s, p, o))
    assert isomorphic(graph, expected)
    if fmt == "nt":  # a triple stated in several graphs is written once
        lines = [line for line in data.decode().splitlines() if line.strip()]
        assert len(lines) == len(set(lines)) == len(expected)


def test_turtle_uses_the_project_prefixes(store: Store) -> None:
    text = _export(store, "turtle").decode()
    assert "@prefix cg:" in text and "actor:kataib-hezbollah" in text


def test_claims_csv(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv").decode("utf-8"))))
    records = list(claim_records(store))
    assert len(rows) == len(records) == 6
    assert tuple(rows[0]) == CLAIM_COLUMNS
    by_id = {row["id"]: row for row in rows}
    for record in records:
        row = by_id[record["id"]]
        assert row["text"] == record["text"]
        assert row["subject_label"] == (record["subject"] or {}).get("label", "")
        assert row["object_id"] == (record["object"] or {}).get("id", "")
        assert int(row["start"]) == record["start"]


def test_unknown_format(store: Store) -> None:
    with pytest.raises(FormatError, match="trig"):
        export(store, "rdfxml", io.BytesIO())


def test_exporters_can_be_added(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def count_claims(store: Store, out: BinaryIO) -> None:
        out.write(str(sum(1 for _ in claim_records(store))).encode())

    monkeypatch.setitem(EXPORTERS, "count", count_claims)
    assert _export(store, "count") == b"6"


def test_lazy_exporters_load_on_use(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(EXPORTERS, "claims-csv-again", "kg.export:write_claims_csv")
    assert _export(store, "claims-csv-again") == _export(store, "csv")
    monkeypatch.setitem(EXPORTERS, "broken", "kg.no_such_module:write")
    with pytest.raises(FormatError, match="not available"):
        _export(store, "broken")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_are_registered(store: Store, fmt: str) -> None:
    pytest.importorskip("networkx")
    data = _export(store, fmt)
    assert b"kataib-hezbollah" in data


# ---- split N-Quads for bulk loaders -------------------------------------------------------


def _nquads(store: Store) -> list[str]:
    out = io.BytesIO()
    export(store, "nquads", out)
    return out.getvalue().decode("utf-8").splitlines()


@pytest.mark.parametrize(("per_file", "files"), [(1, 3), (2, 2), (50, 2)])
def test_split_files_hold_every_quad_once_a_document_whole_in_one(
    store: Store, tmp_path, per_file: int, files: int
) -> None:
    from kg.export import export_split

    written = export_split(store, tmp_path / "out", documents=per_file)
    assert [p.name for p in written] == [f"claimgraph-{n:05d}.nq" for n in range(files)]
    lines = {p.name: p.read_text(encoding="utf-8").splitlines() for p in written}
    every = [line for chunk in lines.values() for line in chunk]
    assert sorted(every) == sorted(_nquads(store))  # each quad once, none lost
    graphs = {name: {line.rsplit(" ", 2)[-2] for line in chunk} for name, chunk in lines.items()}
    documents = [
        g for name, found in graphs.items() if name != "claimgraph-00000.nq" for g in found
    ]
    assert sorted(documents) == sorted({f"<{doc_iri('doc-a')}>", f"<{doc_iri('doc-b')}>"})
    assert all(not line.startswith("_:") and " _:" not in line for line in every)


def test_split_turns_blank_nodes_into_the_same_iri_everywhere(tmp_path) -> None:
    from kg.export import SKOLEM, export_split

    with open_store(tmp_path / "store") as store:
        store.update(
            f"INSERT DATA {{ GRAPH <{doc_iri('x')}> {{ _:b <urn:p> _:b }} "
            f"GRAPH <{ACTORS_GRAPH}> {{ <urn:s> <urn:p> _:c }} }}"
        )
        written = export_split(store, tmp_path / "out", documents=1)
    text = "".join(p.read_text(encoding="utf-8") for p in written)
    assert "_:" not in text
    subject, _, obj, _ = text.splitlines()[-1].split(" ", 3)
    assert subject == obj and subject.startswith(f"<{SKOLEM}")


def test_split_refuses_less_than_one_document_per_file(store: Store, tmp_path) -> None:
    from kg.export import export_split

    with pytest.raises(FormatError, match="at least 1"):
        export_split(store, tmp_path / "out", documents=0)
