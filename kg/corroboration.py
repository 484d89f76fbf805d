"""Corroboration: claims of different documents that say the same thing, gathered in claim
clusters that carry their number of independent sources.

Clusters depend on every document, so they live in a derived graph
(`vocab.CLUSTERS_GRAPH`) that `refresh_clusters` recomputes after an ingest or a forget,
for the actors the written documents' claims name, in one update, as
`kg.disputes.refresh_disputes` does for cross-article disputes.

The rule. Two claims say the same thing when they have the same subject, relation,
object, polarity and topic key (`cg:topicKey` of their `cg:about`, or none for both); a
claim needs a subject, and an object or a topic ("X said" alone says too little to
match). Such claims, ordered by day (the claim's event date when it is a whole day,
else its article's date), form clusters of `WINDOW_DAYS`: a cluster starts at its
earliest claim and takes every later one dated at most `WINDOW_DAYS` after it; the next
claim starts the next cluster, so no cluster spans more than the window. A cluster needs
claims of at least two documents. Undated claims are left out (they cannot be placed
in time), except standing facts read from a noun phrase (`STANDING_RULES`: "Iran-backed
militias" is Iran's SUPPORT whenever it is written), which form one cluster per key
across any span of time. Each claim keeps its own node and evidence; the cluster holds its members
(`cg:member`) and `cg:sourceCount`, nothing copied from them.

Independent sources (`independent_sources`): the largest number of the cluster's
documents no two of which share a publisher (`dcterms:publisher`, compared without
case or surrounding spaces; a document with none is its own publisher) or are
near-duplicate texts (`kg.signature.near_duplicates` on the stored signatures; copies
of copies are one text). Documents are edges between their publisher and their text,
and the count is a maximum matching of that bipartite graph: two articles of one
outlet count once, one wire story in two outlets counts once, and an outlet that runs
the wire story and also its own report counts beside the wire's publisher.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from extract.records import content_hash
from kg.signature import Signature, near_duplicates
from kg.vocab import ACTOR, CLUSTERS_GRAPH, actor_iri, cluster_iri, local_id

if TYPE_CHECKING:
    from kg.build import Triple
    from kg.store import Store

#: How many days after a cluster's earliest claim a claim may still join it.
WINDOW_DAYS = 30
#: Rules of claims that state a standing fact read from a noun phrase ("Iran-backed
#: militias", "Kataib Hezbollah, a faction of the PMF", "KRG spokesman X"): true for as
#: long as it is told, so such claims cluster across any span of time, undated included.
STANDING_RULES = ("actors.",)

#: Above this many affected actors a refresh reads the whole store: on realnews (341
#: documents) recomputing all 678 actors' clusters through VALUES took 0.23 s, reading
#: everything 0.14 s; 10 actors 0.03 s.
_REFRESH_ALL_ABOVE = 400

_SAID_QUERY = """
SELECT ?c ?doc ?date ?event ?relation ?polarity ?s ?o ?key ?rule
WHERE {
  GRAPH ?doc {
    %s
    ?c a cg:Claim ; cg:relation ?relation ; cg:polarity ?polarity ; cg:subject ?s .
    OPTIONAL { ?c cg:object ?o }
    OPTIONAL { ?c cg:rule ?rule }
    OPTIONAL { ?c cg:about ?t . ?t cg:topicKey ?key }
    OPTIONAL { ?c cg:eventDate ?event }
    OPTIONAL { ?doc dcterms:date ?date }
    FILTER (BOUND(?o) || BOUND(?key))
  }
}
"""

_SOURCES_QUERY = """
SELECT ?doc ?publisher ?signature ?shingles
WHERE {
  %s
  GRAPH ?doc {
    ?doc a schema:NewsArticle .
    OPTIONAL { ?doc dcterms:publisher ?publisher }
    OPTIONAL { ?doc cg:textSignature ?signature ; cg:shingleCount ?shingles }
  }
}
"""


@dataclass(frozen=True)
class Said:
    """A claim as the clustering sees it."""

    claim: str  # claim IRI
    doc: str  # document IRI
    day: date | None  # None: undated (only a standing claim is clustered undated)
    #: subject id, relation, object id ("" for none), topic key ("" for none), polarity
    key: tuple[str, str, str, str, str]
    #: a standing fact read from a noun phrase ("Iran-backed militias"), not an event
    standing: bool = False


@dataclass(frozen=True)
class Source:
    """A document as the source count sees it."""

    doc: str  # document IRI
    publisher: str | None = None
    signature: Signature | None = None


@dataclass(frozen=True)
class Cluster:
    """Claims of several documents that say the same thing, and their independent sources."""

    iri: str
    members: tuple[str, ...]  # claim IRIs, by day
    documents: tuple[str, ...]
    sources: int


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text is not None else None
    except ValueError:
        return None


def claim_day(event_date: object, article_date: object) -> date | None:
    """The day a claim is placed at: its event date when that is a whole day
    ("2025-03-01", not "2025-03" or "2025"), else its article's date, else None."""
    if event_date is not None and len(str(event_date)) == 10:
        found = _day(event_date)
        if found is not None:
            return found
    return _day(article_date)


def publisher_key(source: Source) -> str:
    """Whom a document counts for: its publisher without case, else the document itself."""
    publisher = (source.publisher or "").strip().casefold()
    return f"publisher:{publisher}" if publisher else f"document:{source.doc}"


def _text_families(sources: Sequence[Source]) -> dict[str, int]:
    """Each document's text family: near-duplicates (and their copies) share one."""
    family = list(range(len(sources)))

    def root(i: int) -> int:
        while family[i] != i:
            family[i] = family[family[i]]
            i = family[i]
        return i

    for i, first in enumerate(sources):
        for j in range(i + 1, len(sources)):
            second = sources[j]
            if first.signature is None or second.signature is None:
                continue
            if root(i) != root(j) and near_duplicates(first.signature, second.signature):
                family[root(j)] = root(i)
    return {source.doc: root(i) for i, source in enumerate(sources)}


def independent_sources(sources: Iterable[Source]) -> int:
    """How many independent sources `sources` (distinct documents) are: the largest number
    of them no two of which share a publisher or a text (see the module's docstring)."""
    import networkx as nx

    documents = sorted({source.doc: source for source in sources}.values(), key=lambda s: s.doc)
    if len(documents) <= 1:
        return len(documents)
    families = _text_families(documents)
    graph = nx.Graph()
    publishers = set()
    for source in documents:
        publisher = ("publisher", publisher_key(source))
        publishers.add(publisher)
        graph.add_edge(publisher, ("text", families[source.doc]))
    matching = nx.bipartite.hopcroft_karp_matching(graph, top_nodes=publishers)
    return len(matching) // 2


def claim_clusters(said: Iterable[Said], sources: Mapping[str, Source]) -> list[Cluster]:
    """The clusters of claims that say the same thing (see the module's docstring).

    Args:
        said: the claims to cluster (whole groups: every claim of a key that is to be
            clustered).
        sources: the documents of those claims by IRI (a missing one counts as a
            document with no publisher and no signature).
    """
    groups: dict[tuple[str, ...], list[Said]] = defaultdict(list)
    for claim in said:
        groups[claim.key].append(claim)
    clusters = []
    for _, claims in sorted(groups.items()):
        claims.sort(key=lambda c: (c.day or date.min, c.doc, c.claim))
        windows: list[list[Said]] = []
        standing = [c for c in claims if c.standing]
        if standing:
            windows.append(standing)  # a standing fact holds whenever it is told
        for claim in claims:
            if claim.standing or claim.day is None:
                continue
            first = windows[-1][0].day if windows and not windows[-1][0].standing else None
            if first is not None and (claim.day - first).days <= WINDOW_DAYS:
                windows[-1].append(claim)
            else:
                windows.append([claim])
        for window in windows:
            documents = tuple(dict.fromkeys(c.doc for c in window))
            if len(documents) < 2:
                continue
            members = tuple(c.claim for c in window)
            clusters.append(
                Cluster(
                    iri=str(cluster_iri(content_hash(*sorted(members)))),
                    members=members,
                    documents=documents,
                    sources=independent_sources(sources.get(d, Source(d)) for d in documents),
                )
            )
    return clusters


# ---- the store -------------------------------------------------------------------------


def _actor_pattern(actor_ids: Iterable[str] | None) -> str:
    """The pattern limiting claims to those naming one of `actor_ids` (None: all).

    The VALUES clause goes inside the GRAPH block: outside it, Oxigraph evaluated the
    whole block before the join (5.1 s for 100 actors on realnews, 0.10 s inside).
    """
    if actor_ids is None:
        return ""
    values = " ".join(f"<{actor_iri(a)}>" for a in sorted(actor_ids))
    return f"VALUES ?a {{ {values} }}\n    {{ ?c cg:subject ?a }} UNION {{ ?c cg:object ?a }}"


def said_claims(store: Store, actor_ids: Iterable[str] | None = None) -> list[Said]:
    """The dated claims that can be matched, all or those whose subject or object is one of
    `actor_ids`."""
    found: dict[str, Said] = {}
    rows = store.select(_SAID_QUERY % _actor_pattern(actor_ids))
    for c, doc, article_date, event, relation, polarity, s, o, key, rule in rows:
        day = claim_day(event, article_date)
        subject = local_id(str(s), ACTOR)
        standing = rule is not None and str(rule).startswith(STANDING_RULES)
        if (day is None and not standing) or subject is None or str(c) in found:
            continue
        obj = "" if o is None else local_id(str(o), ACTOR) or str(o)
        found[str(c)] = Said(
            claim=str(c),
            doc=str(doc),
            day=day,
            key=(subject, str(relation), obj, "" if key is None else str(key), str(polarity)),
            standing=standing,
        )
    return list(found.values())


def stored_sources(store: Store, docs: Iterable[str] | None = None) -> dict[str, Source]:
    """The publisher and text signature of documents `docs` (IRIs), or of all."""
    values = ""
    if docs is not None:
        iris = sorted(set(docs))
        if not iris:
            return {}
        values = "VALUES ?doc { " + " ".join(f"<{iri}>" for iri in iris) + " }"
    found = {}
    for doc, publisher, hashes, shingles in store.select(_SOURCES_QUERY % values):
        signature = None
        if hashes is not None and shingles is not None:
            signature = Signature(str(hashes), int(shingles))
        found[str(doc)] = Source(
            doc=str(doc),
            publisher=None if publisher is None else str(publisher),
            signature=signature,
        )
    return found


def _cluster_triples(clusters: Iterable[Cluster]) -> list[Triple]:
    from rdflib import RDF, Literal, URIRef

    from kg.vocab import CG

    triples: list[Triple] = []
    for cluster in clusters:
        node = URIRef(cluster.iri)
        triples += [
            (node, RDF.type, CG.ClaimCluster),
            (node, CG.sourceCount, Literal(cluster.sources)),
        ]
        triples += [(node, CG.member, URIRef(member)) for member in cluster.members]
    return triples


def _insert(clusters: Sequence[Cluster]) -> str:
    from kg.store import _term  # the store's own N-Triples writer for INSERT DATA

    body = "\n".join(
        f"{_term(s)} {_term(p)} {_term(o)} ." for s, p, o in _cluster_triples(clusters)
    )
    return f"INSERT DATA {{ GRAPH <{CLUSTERS_GRAPH}> {{\n{body}\n}} }}"


def refresh_clusters(store: Store, actor_ids: Iterable[str] | None = None) -> int:
    """Recompute the claim clusters of the clusters graph, in one update.

    Args:
        store: an open, writable store.
        actor_ids: the actors whose clusters to recompute (subjects and objects of the
            claims of the documents just written); None recomputes every cluster.
            Clusters with a member that no longer exists are recomputed either way.

    Returns:
        The number of clusters the graph holds afterwards.
    """
    affected = None if actor_ids is None else set(actor_ids)
    stored: dict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    if affected is not None:
        for k, c, s, o in store.select(
            f"SELECT ?k ?c ?s ?o WHERE {{ GRAPH <{CLUSTERS_GRAPH}> {{ ?k cg:member ?c }} "
            "OPTIONAL { GRAPH ?g { ?c cg:subject ?s OPTIONAL { ?c cg:object ?o } } } }"
        ):
            stored[str(k)].append((str(c), _actor_or_none(s), _actor_or_none(o)))
        for members in stored.values():
            if any(subject is None for _, subject, _ in members):  # a member is gone
                affected |= {a for _, s, o in members for a in (s, o) if a is not None}
        if len(affected) > _REFRESH_ALL_ABOVE:
            affected = None
    if affected is None:
        from kg.store import replace_graph_update

        clusters = claim_clusters(said_claims(store), stored_sources(store))
        quads = [(s, p, o, CLUSTERS_GRAPH) for s, p, o in _cluster_triples(clusters)]
        store.update(replace_graph_update(CLUSTERS_GRAPH, quads))
        return len(clusters)
    dropped = [
        k
        for k, members in stored.items()
        if any(s is None or s in affected or o in affected for _, s, o in members)
    ]
    said = said_claims(store, affected)
    clusters = claim_clusters(said, stored_sources(store, {c.doc for c in said}))
    operations = []
    if dropped:
        values = " ".join(f"<{k}>" for k in dropped)
        operations.append(
            f"DELETE {{ GRAPH <{CLUSTERS_GRAPH}> {{ ?k ?p ?v }} }} WHERE {{ GRAPH "
            f"<{CLUSTERS_GRAPH}> {{ ?k ?p ?v }} VALUES ?k {{ {values} }} }}"
        )
    if clusters:
        operations.append(_insert(clusters))
    if operations:
        store.update(" ;\n".join(operations))
    return len(stored) - len(dropped) + len(clusters)


def _actor_or_none(node: Any) -> str | None:
    return None if node is None else local_id(str(node), ACTOR)


def clustered_actors(claims: Iterable[Any]) -> set[str]:
    """The actors whose clusters a document's claims may change: their subjects and objects."""
    return {ref.id for claim in claims for ref in (claim.subject, claim.object) if ref is not None}
