"""kg.disputes: denials linked to accusations of other articles in the derived disputes
graph, recomputed as documents come and go; the dispute records; the timeline; the
event-data CSV. Records are built by hand (no spaCy), from texts written for these tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from extract.records import About, Actor, Claim, Document, Extraction, claim_id
from kg.disputes import dispute_records, refresh_disputes
from kg.export import export
from kg.readback import claim_records
from kg.store import Store, open_store
from kg.timeline import timeline_entries
from kg.vocab import DISPUTES_GRAPH

KRG = Actor(id="krg", label="Kurdistan Regional Government", type="Government", country="iraq")
KH = Actor(id="kataib-hezbollah", label="Kataib Hezbollah", type="ArmedGroup", country="iraq")
BAGHDAD = Actor(id="iraqi-government", label="Iraqi government", type="Government", country="iraq")
IRAN = Actor(id="iran", label="Iran", type="Country")


def _article(
    doc_id: str, date: str | None, sentence: str, relation: str, subject: Actor,
    object_: Actor | None, cue: str, matter: str, key: str,
) -> Extraction:  # fmt: skip
    document = Document(id=doc_id, text=sentence, source=f"{doc_id}.txt", date=date)
    refs = [subject.ref(), object_.ref() if object_ else None]
    start = sentence.index(matter)
    about = About(label=matter, text=matter, start=start, end=start + len(matter), key=key)
    claim = Claim(
        id=claim_id(doc_id, relation, refs[0], refs[1], None, None, 0, len(sentence)),
        doc_id=doc_id,
        relation=relation,
        subject=refs[0],
        object=refs[1],
        speaker=None,
        cue=cue,
        quote=None,
        text=sentence,
        start=0,
        end=len(sentence),
        confidence=0.8,
        rule="test",
        about=about,
    )
    actors = tuple(a for a in (subject, object_) if a is not None)
    return Extraction(document=document, actors=actors, claims=(claim,))


def accusation(date: str = "2025-03-02", *, accused: Actor = KH) -> Extraction:
    return _article(
        "acc", date, f"The KRG accused {accused.label} of the drone attacks on the airport.",
        "ACCUSE", KRG, accused, "accused", "drone attacks", "drone attack",
    )  # fmt: skip


def denial(
    date: str | None = "2025-03-04", *, denier: Actor = KH, matter: str = "drone attack"
) -> Extraction:
    return _article(
        "den", date, f"{denier.label} denied any role in the {matter}.",
        "DENY", denier, None, "denied", matter, matter,
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "store") as opened:
        yield opened


def _write(store: Store, *extractions: Extraction) -> int:
    actors: set[str] = set()
    for extraction in extractions:
        store.replace_document(extraction)
        for claim in extraction.claims:
            actors |= {ref.id for ref in (claim.subject, claim.object) if ref is not None}
    return refresh_disputes(store, actors)


def _links(store: Store) -> list[tuple]:
    return store.select(
        f"SELECT ?from ?to ?rule WHERE {{ GRAPH <{DISPUTES_GRAPH}> "
        "{ ?r cg:responding ?from ; cg:answered ?to ; cg:rule ?rule . ?from cg:responds ?to } }"
    )


def test_a_later_denial_in_another_article_answers_the_accusation(store: Store) -> None:
    assert _write(store, accusation(), denial()) == 1
    (dispute,) = dispute_records(store)
    assert dispute["accusation"]["relation"] == "ACCUSE"
    (response,) = dispute["responses"]
    assert response["claim"]["subject"]["id"] == "kataib-hezbollah"
    assert response["rule"] == "dispute.cross_article"
    assert dispute["accusation"]["about"]["label"] == "drone attacks"


def test_a_government_answers_for_a_force_of_its_country(store: Store) -> None:
    assert _write(store, accusation(), denial(denier=BAGHDAD)) == 1


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(lambda: denial("2025-03-01"), id="denial before the accusation"),
        pytest.param(lambda: denial("2025-05-01"), id="denial after the window"),
        pytest.param(lambda: denial(None), id="undated denial"),
        pytest.param(lambda: denial(denier=IRAN), id="denier neither accused nor its state"),
        pytest.param(lambda: denial(matter="rocket attack"), id="another matter"),
    ],
)
def test_denials_that_do_not_agree_stay_unlinked(store: Store, answer) -> None:
    assert _write(store, accusation(), answer()) == 0
    assert dispute_records(store) == []


def test_replacing_a_document_leaves_no_dangling_link(store: Store) -> None:
    _write(store, accusation(), denial())
    assert len(_links(store)) == 1
    # the accusation's article is corrected: now it accuses Iran, whose denial is absent
    _write(store, accusation(accused=IRAN))
    assert _links(store) == []
    answered = {str(row[0]) for row in store.select(
        "SELECT ?to WHERE { GRAPH ?g { ?d cg:responds ?to } }"
    )}  # fmt: skip
    claims = {str(row[0]) for row in store.select("SELECT ?c WHERE { GRAPH ?g { ?c a cg:Claim } }")}
    assert answered <= claims


def test_recomputing_everything_gives_the_same_links(store: Store) -> None:
    _write(store, accusation(), denial())
    before = sorted(map(tuple, _links(store)))
    assert refresh_disputes(store) == 1
    assert sorted(map(tuple, _links(store))) == before


def test_timeline_threads_the_denial_under_the_accusation(store: Store) -> None:
    _write(store, accusation(), denial("2025-03-20"))
    entries = timeline_entries(store)
    assert [e.claim["relation"] for e in entries] == ["ACCUSE"]
    assert [a.claim["relation"] for a in entries[0].answers] == ["DENY"]
    assert [e.date for e in timeline_entries(store, since="2025-03-10")] == []  # by the accusation


def test_claims_filters(store: Store) -> None:
    _write(store, accusation(), denial())
    assert [r["relation"] for r in claim_records(store, since="2025-03-03")] == ["DENY"]
    assert [r["relation"] for r in claim_records(store, until="2025-03-03")] == ["ACCUSE"]
    assert [r["relation"] for r in claim_records(store, doc="den.txt")] == ["DENY"]
    assert list(claim_records(store, polarity="negated")) == []
    (record,) = claim_records(store, doc="den.txt")
    assert record["responds"][0]["rule"] == "dispute.cross_article"


def test_plover_csv_has_one_row_per_claim(store: Store) -> None:
    _write(store, accusation(), denial())
    out = io.BytesIO()
    export(store, "plover-csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"))))
    assert len(rows) == 2
    accused = next(row for row in rows if row["event_type"] == "ACCUSE")
    assert accused["actor_name"] == "Kurdistan Regional Government"
    assert accused["recipient_id"] == "kataib-hezbollah"
    assert accused["event_mode"] == "allege"
    assert accused["plover"] == "yes"
    assert accused["event_date"] == "2025-03-02"
    assert next(row for row in rows if row["event_type"] == "DENY")["plover"] == "no"


def test_new_terms_are_declared_and_event_dates_typed() -> None:
    from dataclasses import replace

    from rdflib import RDFS, XSD, Graph, Literal, URIRef

    from extract.records import Response
    from kg.build import document_quads, event_date_literal
    from kg.vocab import CG, ONTOLOGY_FILE

    extraction = accusation()
    (claim,) = extraction.claims
    answered = replace(
        claim, event_date="2025-03", event_date_granularity="month",
        responds=(Response("other", "dispute.pointer", 0.8),),
    )  # fmt: skip
    quads = document_quads(replace(extraction, claims=(answered,)))
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    used = {t for q in quads for t in q[:3] if isinstance(t, URIRef) and t.startswith(str(CG._NS))}
    assert {CG.about, CG.Topic, CG.eventDate, CG.responds, CG.Response} <= used
    for term in used:
        assert (term, RDFS.label, None) in ontology and (term, RDFS.comment, None) in ontology
    assert event_date_literal("2025-03") == Literal("2025-03", datatype=XSD.gYearMonth)
    assert event_date_literal("2025") == Literal("2025", datatype=XSD.gYear)
    assert event_date_literal("2025-03-02") == Literal("2025-03-02", datatype=XSD.date)
