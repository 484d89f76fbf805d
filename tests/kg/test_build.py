"""kg.build and kg.vocab: records to quads, and the ontology declaring every term used."""

from __future__ import annotations

from dataclasses import replace

import pytest
import rdflib
from rdflib import OWL, PROV, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from extract.records import ACTOR_TYPES, RELATIONS, Actor
from kg import vocab
from kg.build import date_literal, describe, document_quads, registry_quads
from kg.errors import BuildError
from kg.vocab import (
    ACTOR_CLASS,
    CG,
    ONTOLOGY_FILE,
    REGISTRY_GRAPH,
    RELATION_PROPERTY,
    actor_iri,
    claim_iri,
    doc_iri,
    mention_iri,
    wikidata_iri,
)
from tests.kg.samples import KH, KRG, MASROUR, article_a, article_b


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _cg_terms_used(quads) -> set[URIRef]:
    terms = set()
    for s, p, o, _ in quads:
        terms |= {t for t in (s, p, o) if isinstance(t, URIRef) and t.startswith(str(CG._NS))}
    return terms


def test_every_term_used_by_build_is_declared_and_labelled(ontology: Graph) -> None:
    quads = document_quads(article_a()) + document_quads(article_b())
    quads += registry_quads([KH, MASROUR])
    used = _cg_terms_used(quads)
    assert CG.Claim in used and CG.accuses in used  # the sample exercises the model
    for term in used:
        assert (term, RDFS.label, None) in ontology, f"{term} has no rdfs:label"
        assert (term, RDFS.comment, None) in ontology, f"{term} has no rdfs:comment"


def test_every_namespace_term_is_in_the_ontology(ontology: Graph) -> None:
    declared = {str(s) for s in ontology.subjects(RDFS.label, None)}
    names = [name for name in CG.__annotations__ if not name.startswith("_")]
    missing = [name for name in names if str(CG._NS) + name not in declared]
    assert not missing
    in_file = {str(s) for s in ontology.subjects() if str(s).startswith(str(CG._NS))}
    assert in_file <= {str(CG._NS) + name for name in names}, "ontology term not in vocab.CG"


@pytest.mark.parametrize("relation", RELATIONS)
def test_each_relation_has_a_shortcut_subproperty(ontology: Graph, relation: str) -> None:
    prop = RELATION_PROPERTY[relation]
    assert (prop, RDFS.subPropertyOf, CG.relatesTo) in ontology
    assert relation in str(ontology.value(prop, RDFS.comment))


@pytest.mark.parametrize("actor_type", ACTOR_TYPES)
def test_actor_type_gives_its_class(actor_type: str) -> None:
    actor = Actor(id="x", label="X", type=actor_type)
    triples = {(s, p, o) for s, p, o, _ in registry_quads([actor])}
    assert (actor_iri("x"), RDF.type, ACTOR_CLASS[actor_type]) in triples
    assert (actor_iri("x"), RDF.type, CG.Actor) in triples


def test_all_quads_are_in_the_document_graph() -> None:
    quads = document_quads(article_a())
    assert {g for *_, g in quads} == {doc_iri("doc-a")}
    assert len(quads) == len(set(quads)), "duplicate quads"


def test_claim_node_carries_every_field() -> None:
    extraction = article_a()
    claim = extraction.claims[2]  # the quoted statement
    triples = {(s, p, o) for s, p, o, _ in document_quads(extraction)}
    node = claim_iri(claim.id)
    expected = {
        (node, RDF.type, CG.Claim),
        (node, CG.relation, Literal("STATEMENT")),
        (node, CG.subject, actor_iri(MASROUR.id)),
        (node, CG.speaker, actor_iri(MASROUR.id)),
        (node, CG.cue, Literal("said")),
        (node, CG.quote, Literal("We will not let this pass,")),
        (node, CG.text, Literal(claim.text)),
        (node, CG.start, Literal(claim.start)),
        (node, CG.end, Literal(claim.end)),
        (node, CG.polarity, Literal("affirmed")),
        (node, CG.modality, Literal("asserted")),
        (node, CG.confidence, Literal(0.7)),
        (node, PROV.wasDerivedFrom, doc_iri("doc-a")),
    }
    assert expected <= triples
    assert extraction.document.text[claim.start : claim.end] == claim.text
    assert not any(s == node and p == CG.object for s, p, _ in triples)


@pytest.mark.parametrize(
    ("polarity", "has_object", "edge"),
    [
        ("affirmed", True, True),
        ("negated", True, False),  # "X did not accuse Y" must not answer ?x cg:accuses ?y
        ("affirmed", False, False),  # nothing to point at
    ],
)
def test_shortcut_edge(polarity: str, has_object: bool, edge: bool) -> None:
    extraction = article_a()
    accuse = replace(
        extraction.claims[1], polarity=polarity, object=KH.ref() if has_object else None
    )
    extraction = replace(extraction, claims=(accuse,))
    triples = {(s, p, o) for s, p, o, _ in document_quads(extraction)}
    assert ((actor_iri(KRG.id), CG.accuses, actor_iri(KH.id)) in triples) is edge


def test_document_node_and_mentions() -> None:
    extraction = article_a()
    triples = {(s, p, o) for s, p, o, _ in document_quads(extraction)}
    doc = doc_iri("doc-a")
    kh = actor_iri(KH.id)
    mention = mention_iri(doc, kh)
    assert (doc, CG.textHash, Literal(extraction.document.text_hash)) in triples
    assert (doc, DCTERMS.date, date_literal("2024-01-05")) in triples
    assert (doc, vocab.SCHEMA.mentions, kh) in triples
    assert (mention, CG.actor, kh) in triples
    assert (mention, CG.mentionCount, Literal(2)) in triples  # "Kataib Hezbollah", "the group"
    assert (mention, CG.statedLabel, Literal("Kataib Hezbollah")) in triples
    assert (mention, CG.statedAlias, Literal("Kata'ib Hezbollah")) in triples
    assert (mention, CG.statedWikidata, wikidata_iri("Q1139220")) in triples
    assert (mention, CG.statedSector, Literal("REB")) in triples
    assert (mention_iri(doc, actor_iri(KRG.id)), CG.mentionCount, Literal(2)) in triples
    # the description itself is not in the document's graph: it lives in the actors graph
    assert not [t for t in triples if t[0] == kh]


def test_description_backs_each_fact_with_a_statement() -> None:
    descriptions = describe(article_a())
    masrour = descriptions[actor_iri(MASROUR.id)]
    assert masrour.label == Literal("Masrour Barzani")
    assert masrour.cls == vocab.SCHEMA.Person
    roles = [o for p, o in masrour.stated if p == CG.statedRole]
    assert len(roles) == 1
    assert (actor_iri(MASROUR.id), CG.hasRole, roles[0]) in masrour.facts
    assert (roles[0], CG.roleOrganization, actor_iri("krg")) in masrour.facts
    kh = descriptions[actor_iri(KH.id)]
    assert (CG.statedParent, actor_iri("pmf")) in kh.stated
    assert (actor_iri(KH.id), SKOS.altLabel, Literal("Kataib Hizbullah")) in kh.facts


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2024-01-05", rdflib.XSD.date),
        ("5 January 2024", None),  # not ISO: kept as written
        ("2024-01-05T10:00:00+03:00", None),  # stores may rewrite typed date-times
    ],
)
def test_date_literal(text: str, datatype: URIRef | None) -> None:
    literal = date_literal(text)
    assert str(literal) == text
    assert literal.datatype == datatype


@pytest.mark.parametrize(
    ("qid", "linked"),
    [("Q1139220", True), ("q12", False), ("Q0", False), ("Kataib", False), (" Q42 ", True)],
)
def test_wikidata_link_only_for_real_qids(qid: str, linked: bool) -> None:
    triples = registry_quads([Actor(id="x", label="X", type="Group", wikidata=qid)])
    assert any(p == OWL.sameAs for _, p, _, _ in triples) is linked


def test_actor_only_referenced_by_a_claim_still_gets_label_and_type() -> None:
    extraction = replace(article_a(), actors=())
    triples = {(s, p, o) for s, p, o, _ in document_quads(extraction)}
    mention = mention_iri(doc_iri("doc-a"), actor_iri(KRG.id))
    assert (mention, CG.statedLabel, Literal(KRG.label)) in triples
    assert (mention, CG.statedType, CG.Government) in triples


@pytest.mark.parametrize(
    "bad",
    [
        {"relation": "ACCUSES"},  # not a relation code
        {"subject": KH.ref().__class__(id="x", label="X", type="Militia")},  # not an actor type
    ],
)
def test_unknown_codes_raise_build_error(bad: dict) -> None:
    extraction = article_a()
    claim = replace(extraction.claims[1], **bad)
    with pytest.raises(BuildError, match="unknown"):
        document_quads(replace(extraction, actors=(), claims=(claim,)))


def test_registry_quads_are_in_the_registry_graph() -> None:
    quads = registry_quads([KH, KRG])
    assert {g for *_, g in quads} == {REGISTRY_GRAPH}
    assert (
        actor_iri("kataib-hezbollah"),
        SKOS.prefLabel,
        Literal(KH.label),
        REGISTRY_GRAPH,
    ) in quads
