"""Disputes across the store: denials linked to accusations of other articles, and the
dispute records `kg disputes` lists.

Links within one article are found at extraction (`extract.claims.disputes`) and stored
in the document's graph. Links across articles depend on other documents, so they live
in a derived graph (`vocab.DISPUTES_GRAPH`) that `refresh_disputes` recomputes after an
ingest, for the actors the written documents accuse or that deny, in one update: links
of those actors are dropped and found again, and links whose claims are gone (a document
replaced) are dropped with them, so no link dangles.

The cross-article rule (``dispute.cross_article``): an affirmed DENY or REJECT answers an
affirmed ACCUSE of another document when the one who denies answers for the accused
(`records.answers_for`) and is not the accuser, both claims are about the same matter
(`records.same_matter` on their topic keys), and the denial's article is dated on or
after the accusation's, at most `WINDOW_DAYS` later. Undated articles are never linked,
nor is a denial whose own article gives it no matter ("denied the charge" with no
accusation before it to point back at). Confidence 0.6 when the accused denies, 0.5
when another answers for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from extract.records import Actor, answers_for, same_matter
from kg.build import Triple, response_triples
from kg.store import replace_graph_update
from kg.vocab import ACTOR, DISPUTES_GRAPH, local_id

if TYPE_CHECKING:
    from kg.store import Store

#: How many days after an accusation a denial in another article may answer it.
WINDOW_DAYS = 30

CROSS_ARTICLE_RULE = "dispute.cross_article"

_SIDES_QUERY = """
SELECT ?c ?doc ?date ?relation ?s ?o ?key
WHERE {
  GRAPH ?doc {
    ?c a cg:Claim ; cg:relation ?relation ; cg:polarity "affirmed" ; cg:about ?t .
    ?t cg:topicKey ?key .
    ?doc dcterms:date ?date .
    OPTIONAL { ?c cg:subject ?s } OPTIONAL { ?c cg:object ?o }
    FILTER(?relation IN ("ACCUSE", "DENY", "REJECT"))
  }
}
"""


@dataclass(frozen=True)
class Side:
    """An accusation or a denial as the cross-article rule sees it."""

    claim: str  # claim IRI
    doc: str
    date: date
    relation: str
    subject: str | None  # actor ids
    object: str | None
    key: str


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _sides(store: Store) -> list[Side]:
    sides = []
    for c, doc, day, relation, s, o, key in store.select(_SIDES_QUERY):
        when = _day(str(day))
        if when is None:
            continue
        sides.append(
            Side(
                claim=str(c),
                doc=str(doc),
                date=when,
                relation=str(relation),
                subject=None if s is None else local_id(str(s), ACTOR),
                object=None if o is None else local_id(str(o), ACTOR),
                key=str(key),
            )
        )
    return sorted(sides, key=lambda side: (side.date, side.doc, side.claim))


def _actors(store: Store) -> dict[str, Actor]:
    from kg.readback import actor_catalog

    return {
        info.id: Actor(
            id=info.id, label=info.label, type=info.type, country=info.country, parent=info.parent
        )
        for info in actor_catalog(store).values()
    }


def cross_article_links(
    sides: Sequence[Side], actors: dict[str, Actor], *, affected: set[str] | None = None
) -> list[tuple[str, str, str, float]]:
    """The cross-article links among `sides`: (denial IRI, accusation IRI, rule, confidence).

    Args:
        sides: the store's dated, affirmed accusations and denials with a topic.
        actors: the store's actors by id.
        affected: only links whose accused or denier is one of these actor ids (None: all).
    """
    accusations = [s for s in sides if s.relation == "ACCUSE" and s.object is not None]
    denials = [s for s in sides if s.relation in ("DENY", "REJECT") and s.subject is not None]
    links = []
    for denial in denials:
        for accusation in accusations:
            assert denial.subject is not None and accusation.object is not None
            if accusation.doc == denial.doc or accusation.subject == denial.subject:
                continue
            if affected is not None and not {denial.subject, accusation.object} & affected:
                continue
            if not 0 <= (denial.date - accusation.date).days <= WINDOW_DAYS:
                continue
            if not same_matter(accusation.key, denial.key):
                continue
            if denial.subject == accusation.object:
                confidence = 0.6
            else:
                denier, accused = actors.get(denial.subject), actors.get(accusation.object)
                if denier is None or accused is None or not answers_for(denier, accused):
                    continue
                confidence = 0.5
            links.append((denial.claim, accusation.claim, CROSS_ARTICLE_RULE, confidence))
    return links


def _link_triples(links: Iterable[tuple[str, str, str, float]]) -> list[Triple]:
    from rdflib import URIRef

    triples: list[Triple] = []
    for responding, answered, rule, confidence in links:
        triples += response_triples(URIRef(responding), URIRef(answered), rule, confidence)
    return triples


def refresh_disputes(store: Store, actor_ids: Iterable[str] | None = None) -> int:
    """Recompute the cross-article links of the disputes graph, in one update.

    Args:
        store: an open, writable store.
        actor_ids: the actors whose links to recompute (accused or deniers of the
            documents just written); None recomputes every link. Links whose claims no
            longer exist are dropped either way.

    Returns:
        The number of cross-article links the graph holds afterwards.
    """
    sides = _sides(store)
    actors = _actors(store)
    if actor_ids is None:
        links = cross_article_links(sides, actors)
        store.update(replace_graph_update(DISPUTES_GRAPH, _in_disputes(_link_triples(links))))
        return len(links)
    affected = set(actor_ids)
    by_claim = {side.claim: side for side in sides}
    stored = store.select(
        f"SELECT ?r ?from ?to WHERE {{ GRAPH <{DISPUTES_GRAPH}> "
        "{ ?r a cg:Response ; cg:responding ?from ; cg:answered ?to } }"
    )
    kept = []
    dropped = []
    for link, responding, answered in stored:
        denial, accusation = by_claim.get(str(responding)), by_claim.get(str(answered))
        if (
            denial is None
            or accusation is None
            or denial.subject in affected
            or accusation.object in affected
        ):
            dropped.append(str(link))
        else:
            kept.append(link)
    links = cross_article_links(sides, actors, affected=affected)
    operations = []
    if dropped:
        values = " ".join(f"<{link}>" for link in dropped)
        operations.append(
            f"DELETE {{ GRAPH <{DISPUTES_GRAPH}> {{ ?r ?p ?o . ?from cg:responds ?to }} }} "
            f"WHERE {{ GRAPH <{DISPUTES_GRAPH}> {{ ?r cg:responding ?from ; cg:answered ?to ;"
            f" ?p ?o }} VALUES ?r {{ {values} }} }}"
        )
    if links:
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o in _link_triples(links))
        operations.append(f"INSERT DATA {{ GRAPH <{DISPUTES_GRAPH}> {{\n{body}\n}} }}")
    if operations:
        store.update(" ;\n".join(operations))
    return len(kept) + len(links)


def _nt(node: Any) -> str:
    from kg.store import _term  # the store's own N-Triples writer for INSERT DATA

    return _term(node)


def _in_disputes(triples: Iterable[Triple]) -> list[tuple[Any, Any, Any, Any]]:
    return [(s, p, o, DISPUTES_GRAPH) for s, p, o in dict.fromkeys(triples)]


def disputed_actors(claims: Iterable[Any]) -> set[str]:
    """The actors whose cross-article links a document's claims may change: whom its
    accusations accuse and who its denials are made by."""
    found = set()
    for claim in claims:
        if claim.relation == "ACCUSE" and claim.object is not None:
            found.add(claim.object.id)
        elif claim.relation in ("DENY", "REJECT") and claim.subject is not None:
            found.add(claim.subject.id)
    return found


# ---- the records of `kg disputes` ------------------------------------------------------


def dispute_records(store: Store, *, actor: str | None = None) -> list[dict[str, Any]]:
    """Each accusation that was answered, with who made it and the answers to it.

    Args:
        store: an open store.
        actor: keep disputes in which this actor accuses, is accused or answers.

    Returns:
        Dicts ``{"accusation": claim record, "responses": [{"claim": claim record,
        "rule", "confidence"}, ...]}``, in the order of the accusations' dates; each
        claim record carries its evidence (text, quote, source, date).

    Raises:
        ActorNotFound, AmbiguousActor: `actor` names no actor, or several.
    """
    from kg.readback import actor_catalog, claim_records, resolve_actor

    actor_id = resolve_actor(actor_catalog(store), actor).id if actor is not None else None
    records = list(claim_records(store))
    by_id = {record["id"]: record for record in records}
    answers: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        for link in record["responds"]:
            if link["claim"] in by_id:
                answers.setdefault(link["claim"], []).append(
                    {"claim": record, "rule": link["rule"], "confidence": link["confidence"]}
                )
    disputes = []
    for record in records:
        responses = answers.get(record["id"])
        if not responses:
            continue
        parties = {
            (record["subject"] or {}).get("id"),
            (record["object"] or {}).get("id"),
            *((r["claim"]["subject"] or {}).get("id") for r in responses),
        }
        if actor_id is not None and actor_id not in parties:
            continue
        responses.sort(key=lambda r: (r["claim"]["date"] or "9999", r["claim"]["id"]))
        disputes.append({"accusation": record, "responses": responses})
    return disputes


def _who(ref: dict[str, Any] | None) -> str:
    return ref["label"] if ref else "(unnamed)"


def _evidence(record: dict[str, Any]) -> str:
    return f"“{record['quote']}”" if record["quote"] else record["text"]


def disputes_text(disputes: Sequence[dict[str, Any]]) -> str:
    """The disputes as indented text: the accusation, then each answer under it."""
    lines = []
    for dispute in disputes:
        accusation = dispute["accusation"]
        about = accusation["about"]["label"] if accusation["about"] else "?"
        lines.append(
            f"{accusation['date'] or 'undated'}  {_who(accusation['subject'])} accused "
            f"{_who(accusation['object'])} of: {about}"
        )
        lines.append(f"    evidence: {_evidence(accusation)}")
        lines.append(f"    source:   {accusation['source']}")
        for response in dispute["responses"]:
            claim = response["claim"]
            verb = "denied" if claim["relation"] == "DENY" else "rejected"
            lines.append(
                f"  -> {claim['date'] or 'undated'}  {_who(claim['subject'])} {verb} "
                f"({response['rule']}, {response['confidence']:.2f})"
            )
            lines.append(f"       evidence: {_evidence(claim)}")
            lines.append(f"       source:   {claim['source']}")
        lines.append("")
    count = len(disputes)
    lines.append(f"({count} dispute{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def disputes_listing(disputes: Sequence[dict[str, Any]], fmt: str) -> str:
    """`kg disputes` output: "table" (indented text) or "json"."""
    import json

    if fmt == "json":
        return json.dumps(list(disputes), ensure_ascii=False, indent=2) + "\n"
    return disputes_text(disputes)
