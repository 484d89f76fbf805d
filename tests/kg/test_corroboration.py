"""kg.corroboration: claims of different documents that say the same thing form one claim
cluster with its number of independent sources (publishers, syndicated copies counted
once), recomputed as documents come and go. Records are built by hand (no spaCy), from
texts written for these tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.records import About, Actor, Claim, Document, Extraction, claim_id
from kg.corroboration import (
    WINDOW_DAYS,
    Said,
    Source,
    claim_clusters,
    claim_day,
    clustered_actors,
    independent_sources,
    refresh_clusters,
)
from kg.listing import claim_line
from kg.readback import actor_profile, claim_records
from kg.signature import signature
from kg.store import Store, open_store
from kg.vocab import CLUSTERS_GRAPH

IRAN = Actor(id="iran", label="Iran", type="Country")
MILITIAS = Actor(id="militias", label="militias", type="Group", country="iraq")
KRG = Actor(id="krg", label="Kurdistan Regional Government", type="Government", country="iraq")
KH = Actor(id="kataib-hezbollah", label="Kataib Hezbollah", type="ArmedGroup", country="iraq")

CLAIM_SENTENCE = "Iran supplies the militias with drones and money."

#: One wire story, as its agency wrote it.
WIRE = (
    "BAGHDAD - Iran supplies the militias with drones and money. Officials in Erbil "
    "said on Tuesday that a convoy of trucks crossed the border at night carrying "
    "crates that were later unloaded at a base used by the armed groups south of the "
    "capital. A security source, who asked not to be named because he was not allowed "
    "to speak to the press, said the shipment included spare parts for long range "
    "drones and several boxes of cash. The ministry of the interior declined to comment "
    "on the report, and a spokesman for the groups could not be reached by telephone."
)
#: The same story in an outlet that bought it: a new headline and a credit line.
SYNDICATED = (
    "Militias get drones from Tehran, officials say\n\n"
    + WIRE
    + "\n\n(Reporting by the agency's Baghdad bureau; editing by the world desk)"
)
#: Another outlet's own report of the same claim, in its own words.
OWN_REPORT = (
    "ERBIL - Iran supplies the militias with drones and money. That is the view of two "
    "Kurdish intelligence officers interviewed this week, who pointed to satellite "
    "pictures of a new hangar and to bank transfers routed through a trading company. "
    "Western diplomats were more cautious, calling the evidence suggestive but thin, "
    "and Baghdad has so far said nothing in public about the allegation."
)
#: A third outlet's own report, again in its own words.
THIRD_REPORT = (
    "Lawmakers in the Kurdistan Region repeated their charge that Iran supplies the "
    "militias with drones and money, and asked the federal government to open an "
    "inquiry. Their statement listed five attacks on oil fields since the spring and "
    "called on the coalition to help protect the airport in Erbil."
)


def article(
    doc_id: str, text: str, *, publisher: str | None, day: str | None = "2025-03-02",
    subject: Actor = IRAN, relation: str = "SUPPORT", object_: Actor | None = MILITIAS,
    about: tuple[str, str] | None = None, sentence: str = CLAIM_SENTENCE,
) -> Extraction:  # fmt: skip
    """One document whose text holds `sentence`, and the one claim read from it."""
    if sentence not in text:
        text = f"{text}\n\n{sentence}"
    document = Document(id=doc_id, text=text, source=f"{doc_id}.txt", date=day, publisher=publisher)
    start = text.index(sentence)
    end = start + len(sentence)
    topic = None
    if about is not None:
        label, key = about
        at = text.index(label)
        topic = About(label=label, text=label, start=at, end=at + len(label), key=key)
    refs = (subject.ref(), object_.ref() if object_ else None)
    claim = Claim(
        id=claim_id(doc_id, relation, refs[0], refs[1], None, None, start, end),
        doc_id=doc_id,
        relation=relation,
        subject=refs[0],
        object=refs[1],
        speaker=None,
        cue="supplies",
        quote=None,
        text=sentence,
        start=start,
        end=end,
        confidence=0.8,
        rule="test",
        about=topic,
    )
    actors = tuple(a for a in (subject, object_) if a is not None)
    return Extraction(document=document, actors=actors, claims=(claim,))


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "store") as opened:
        yield opened


def write(store: Store, *extractions: Extraction) -> int:
    """Store the documents and refresh the clusters of their actors, as ingest does."""
    actors: set[str] = set()
    for extraction in extractions:
        store.replace_document(extraction)
        actors |= clustered_actors(extraction.claims)
    return refresh_clusters(store, actors)


def counts(store: Store) -> list[tuple[int, int]]:
    """(members, sourceCount) of each stored cluster, sorted."""
    rows = store.select(
        f"SELECT ?k (COUNT(?c) AS ?n) ?sources WHERE {{ GRAPH <{CLUSTERS_GRAPH}> "
        "{ ?k a cg:ClaimCluster ; cg:member ?c ; cg:sourceCount ?sources } } GROUP BY ?k ?sources"
    )
    return sorted((int(n), int(sources)) for _, n, sources in rows)


# ---- the count of independent sources ----------------------------------------------------


def test_two_publishers_making_the_same_claim_are_two_sources(store: Store) -> None:
    assert write(store, article("a", WIRE, publisher="Wire Agency"),
                 article("b", OWN_REPORT, publisher="Erbil Daily")) == 1  # fmt: skip
    assert counts(store) == [(2, 2)]
    assert {r["sources"] for r in claim_records(store)} == {2}


def test_one_wire_story_syndicated_in_two_outlets_is_one_source(store: Store) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", SYNDICATED, publisher="Gulf Evening Post"))  # fmt: skip
    assert counts(store) == [(2, 1)]


def test_the_same_publisher_twice_is_one_source(store: Store) -> None:
    # Publishers are compared without case or surrounding spaces.
    write(store, article("a", WIRE, publisher="Erbil Daily"),
          article("b", OWN_REPORT, publisher=" erbil daily "))  # fmt: skip
    assert counts(store) == [(2, 1)]


def test_documents_without_a_publisher_are_each_a_source_unless_copies(store: Store) -> None:
    write(store, article("a", WIRE, publisher=None), article("b", OWN_REPORT, publisher=None),
          article("c", SYNDICATED, publisher=None))  # fmt: skip
    assert counts(store) == [(3, 2)]


def test_an_outlet_running_the_wire_and_its_own_report_counts_beside_the_wire(
    store: Store,
) -> None:
    # The wire, its copy in the Post, and the Post's own report: the wire and the
    # Post's own reporting are two sources, whichever way the copy is counted.
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", SYNDICATED, publisher="Gulf Evening Post"),
          article("c", THIRD_REPORT, publisher="Gulf Evening Post"))  # fmt: skip
    assert counts(store) == [(3, 2)]


def test_documents_without_signatures_count_by_publisher_alone() -> None:
    # A store written before signatures existed: only publishers tell sources apart.
    sources = [Source("a", "Wire Agency"), Source("b", "Gulf Evening Post"), Source("c", None)]
    assert independent_sources(sources) == 3
    copies = [Source("a", "Wire Agency", signature(WIRE)), Source("b", None, signature(WIRE))]
    assert independent_sources(copies) == 1


# ---- what counts as the same claim --------------------------------------------------------


def _said(claim: str, doc: str, day: str, key=("iran", "SUPPORT", "militias", "", "affirmed")):
    return Said(claim=claim, doc=doc, day=date.fromisoformat(day), key=key)


def test_claims_outside_the_window_form_separate_clusters() -> None:
    said = [
        _said("c1", "a", "2025-03-01"),
        _said("c2", "b", "2025-03-20"),
        _said("c3", "c", "2025-04-15"),  # 45 days after the first cluster began
        _said("c4", "d", "2025-04-20"),
    ]
    clusters = claim_clusters(said, {})
    assert [cluster.members for cluster in clusters] == [("c1", "c2"), ("c3", "c4")]
    assert [cluster.sources for cluster in clusters] == [2, 2]


def test_a_standing_fact_clusters_across_years_and_undated() -> None:
    # "Iran-backed militias" in 2020, 2025 and an undated article: one standing fact.
    key = ("iran", "SUPPORT", "iran-backed-militias", "", "affirmed")
    said = [
        Said("c1", "a", date(2020, 5, 11), key, standing=True),
        Said("c2", "b", date(2025, 7, 25), key, standing=True),
        Said("c3", "c", None, key, standing=True),
    ]
    (cluster,) = claim_clusters(said, {})
    assert set(cluster.members) == {"c1", "c2", "c3"} and cluster.sources == 3


def test_events_years_apart_stay_apart_beside_a_standing_fact() -> None:
    key = ("iran", "SUPPORT", "iran-backed-militias", "", "affirmed")
    said = [
        Said("c1", "a", date(2020, 5, 11), key),  # a praise told as an event
        Said("c2", "b", date(2025, 7, 25), key),
        Said("c3", "c", date(2025, 7, 26), key, standing=True),
        Said("c4", "d", None, key, standing=True),
    ]
    clusters = claim_clusters(said, {})
    assert [set(c.members) for c in clusters] == [{"c3", "c4"}]


def test_a_cluster_spans_at_most_the_window_from_its_first_claim() -> None:
    # Claims every 20 days do not chain into one long cluster.
    days = ["2025-01-01", "2025-01-21", "2025-02-10", "2025-03-02"]
    said = [_said(f"c{i}", f"d{i}", day) for i, day in enumerate(days)]
    clusters = claim_clusters(said, {})
    assert [cluster.members for cluster in clusters] == [("c0", "c1"), ("c2", "c3")]
    assert WINDOW_DAYS == 30


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (("iran", "SUPPORT", "krg", "", "affirmed"), "another object"),
        (("iran", "AID", "militias", "", "affirmed"), "another relation"),
        (("iran", "SUPPORT", "militias", "", "negated"), "another polarity"),
        (("iran", "SUPPORT", "militias", "drone attack", "affirmed"), "another topic"),
    ],
)
def test_claims_that_differ_do_not_cluster(other: tuple, why: str) -> None:
    said = [_said("c1", "a", "2025-03-01"), _said("c2", "b", "2025-03-02", key=other)]
    assert claim_clusters(said, {}) == [], why


def test_one_document_alone_is_no_cluster() -> None:
    said = [_said("c1", "a", "2025-03-01"), _said("c2", "a", "2025-03-01")]
    assert claim_clusters(said, {}) == []


@pytest.mark.parametrize(
    ("event", "article", "expected"),
    [
        ("2025-02-27", "2025-03-02", date(2025, 2, 27)),  # the event's day
        ("2025-02", "2025-03-02", date(2025, 3, 2)),  # a month: the article's day
        (None, "2025-03-02", date(2025, 3, 2)),
        (None, None, None),  # undated: never clustered
    ],
)
def test_claim_day(event: str | None, article: str | None, expected: date | None) -> None:
    assert claim_day(event, article) == expected


def test_topics_match_by_key_and_undated_claims_stay_out(store: Store) -> None:
    accuse = {"subject": KRG, "relation": "ACCUSE", "object_": KH,
              "sentence": "The KRG accused Kataib Hezbollah of the drone attacks.",
              "about": ("drone attacks", "drone attack")}  # fmt: skip
    write(
        store,
        article("a", WIRE, publisher="Wire Agency", **accuse),
        article("b", OWN_REPORT, publisher="Erbil Daily", **accuse),
        article("c", THIRD_REPORT, publisher="Kurdish Weekly", day=None, **accuse),
    )
    assert counts(store) == [(2, 2)]


# ---- kept current as documents come and go ------------------------------------------------


def test_forgetting_and_replacing_documents_update_the_counts(store: Store) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", OWN_REPORT, publisher="Erbil Daily"),
          article("c", THIRD_REPORT, publisher="Kurdish Weekly"))  # fmt: skip
    assert counts(store) == [(3, 3)]
    # The Kurdish Weekly's text is replaced by its copy of the wire story.
    assert write(store, article("c", SYNDICATED, publisher="Kurdish Weekly")) == 1
    assert counts(store) == [(3, 2)]
    # Forgetting the Erbil Daily's report leaves the wire and its copy: one source.
    store.forget_document("b")
    assert refresh_clusters(store) == 1
    assert counts(store) == [(2, 1)]
    # Forgetting the copy leaves one document: no cluster, its claim one source.
    store.forget_document("c")
    assert refresh_clusters(store) == 0
    assert counts(store) == []
    assert [r["sources"] for r in claim_records(store)] == [1]


def test_a_replaced_claim_leaves_its_cluster_and_the_rest_are_counted_again(
    store: Store,
) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", OWN_REPORT, publisher="Erbil Daily"),
          article("c", THIRD_REPORT, publisher="Kurdish Weekly"))  # fmt: skip
    # Document c is read again by a corrected extractor (same text, so `force`): its
    # claim is now about the KRG, which no other document makes. Only the KRG is among
    # the written claims' actors, yet the cluster c's old claim left is recounted.
    corrected = article("c", THIRD_REPORT, publisher="Kurdish Weekly", object_=KRG)
    assert store.replace_document(corrected, force=True) == "updated"
    assert refresh_clusters(store, {"krg"}) == 1
    assert counts(store) == [(2, 2)]


def test_recomputing_everything_gives_the_same_clusters(store: Store) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", SYNDICATED, publisher="Gulf Evening Post"),
          article("c", OWN_REPORT, publisher="Erbil Daily"))  # fmt: skip
    before = counts(store)
    assert refresh_clusters(store) == 1
    assert counts(store) == before == [(3, 2)]


# ---- read back: kg claims --min-sources, kg show -----------------------------------------


def test_min_sources_keeps_claims_that_enough_sources_make(store: Store) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", OWN_REPORT, publisher="Erbil Daily"),
          article("c", THIRD_REPORT, publisher="Kurdish Weekly", object_=KRG))  # fmt: skip
    assert len(list(claim_records(store))) == 3
    kept = list(claim_records(store, min_sources=2))
    assert sorted(r["doc"].rsplit("/", 1)[-1] for r in kept) == ["a", "b"]
    assert {r["sources"] for r in kept} == {2} and len({r["cluster"] for r in kept}) == 1
    assert list(claim_records(store, min_sources=3)) == []
    alone = next(r for r in claim_records(store) if r["object"]["id"] == "krg")
    assert (alone["sources"], alone["cluster"]) == (1, None)


def test_kg_show_says_how_many_sources_make_a_claim(store: Store) -> None:
    write(store, article("a", WIRE, publisher="Wire Agency"),
          article("b", OWN_REPORT, publisher="Erbil Daily"))  # fmt: skip
    profile = actor_profile(store, "Iran")
    assert [r["sources"] for r in profile["claims_made"]] == [2, 2]
    assert "[2 sources]" in claim_line(profile["claims_made"][0], other="object")
