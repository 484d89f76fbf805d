"""Turn extraction records into RDF quads: one named graph per document, one for the registry.

Every fact is stored once (DESIGN.md, "RDF model", revised 2026-12). `document_quads`
maps an `Extraction` to the quads of its document's graph (the graph name is the
document IRI): the `schema:NewsArticle` node, `schema:mentions` of each actor, one
`cg:Mention` node per actor saying how often and under which names the document
mentions it (`cg:stated*`: what this document said, the provenance of the actors
graph), and every claim as a `cg:Claim` node plus a shortcut edge from subject to
object. `describe` gives, per actor, the description the document contributes to the
actors graph (labels, classes, aliases, roles, country, parent), which `kg.store`
keeps current; `pick` chooses one label or class among documents' answers.
`registry_quads` maps the actor registry to its own graph. The document node carries
its text signature (`kg.signature`), computed here once. Nothing here touches a store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import OWL, PROV, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from extract.records import Actor, ActorRef, Claim, Extraction, Role, content_hash
from kg.errors import BuildError
from kg.vocab import (
    ACTOR_CLASS,
    CG,
    REGISTRY_GRAPH,
    RELATION_PROPERTY,
    SCHEMA,
    actor_iri,
    claim_iri,
    doc_iri,
    mention_iri,
    response_iri,
    role_iri,
    topic_iri,
    wikidata_iri,
)

#: (subject, predicate, object, graph name)
Quad = tuple[Node, Node, Node, URIRef]
Triple = tuple[Node, Node, Node]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_literal(text: str) -> Literal:
    """Return `text` as an xsd:date literal if it is an ISO date, else as a plain string.

    Only plain dates are typed: stores may rewrite typed date-times to a canonical form,
    which would change the date a claim record reports.
    """
    if _ISO_DATE.fullmatch(text):
        return Literal(text, datatype=XSD.date)
    return Literal(text)


def _actor_class(type_: str) -> URIRef:
    try:
        return ACTOR_CLASS[type_]
    except KeyError:
        raise BuildError(
            f"unknown actor type {type_!r}; expected one of {', '.join(ACTOR_CLASS)}"
        ) from None


def _ref_triples(ref: ActorRef) -> list[Triple]:
    node = actor_iri(ref.id)
    return [
        (node, RDF.type, CG.Actor),
        (node, RDF.type, _actor_class(ref.type)),
        (node, SKOS.prefLabel, Literal(ref.label)),
    ]


def _role_triples(node: URIRef, actor_id: str, role: Role) -> list[Triple]:
    role_node = role_iri(
        content_hash(actor_id, role.title, role.organisation, role.start, role.end)
    )
    triples: list[Triple] = [
        (node, CG.hasRole, role_node),
        (role_node, RDF.type, CG.Role),
        (role_node, CG.roleTitle, Literal(role.title)),
    ]
    if role.organisation:
        triples.append((role_node, CG.roleOrganization, actor_iri(role.organisation)))
    if role.start:
        triples.append((role_node, SCHEMA.startDate, date_literal(role.start)))
    if role.end:
        triples.append((role_node, SCHEMA.endDate, date_literal(role.end)))
    return triples


def actor_triples(actor: Actor) -> list[Triple]:
    """Return the triples describing `actor`: classes, labels, Wikidata link, sector,
    country, parent organisation and roles.

    Args:
        actor: the resolved actor.

    Raises:
        BuildError: if the actor's type is not one of records.ACTOR_TYPES.
    """
    node = actor_iri(actor.id)
    triples = _ref_triples(actor.ref())
    triples += [
        (node, SKOS.altLabel, Literal(alias))
        for alias in dict.fromkeys(actor.aliases)
        if alias and alias != actor.label
    ]
    if actor.wikidata and (entity := wikidata_iri(actor.wikidata)) is not None:
        triples.append((node, OWL.sameAs, entity))
    if actor.sector:
        triples.append((node, CG.sector, Literal(actor.sector)))
    if actor.country:
        triples.append((node, CG.country, actor_iri(actor.country)))
    if actor.parent:
        triples.append((node, SCHEMA.parentOrganization, actor_iri(actor.parent)))
    for role in actor.roles:
        triples += _role_triples(node, actor.id, role)
    return triples


def claim_triples(claim: Claim, document: URIRef) -> list[Triple]:
    """Return the triples of one claim: its `cg:Claim` node with every field, the link
    to the document it was derived from, and the shortcut edge subject -> object.

    The shortcut edge is drawn only for affirmed claims with both a subject and an
    object: "X did not accuse Y" must not answer `?x cg:accuses ?y`.

    Raises:
        BuildError: if the relation code has no shortcut property.
    """
    try:
        shortcut = RELATION_PROPERTY[claim.relation]
    except KeyError:
        raise BuildError(
            f"claim {claim.id}: unknown relation code {claim.relation!r}; "
            f"expected one of {', '.join(RELATION_PROPERTY)}"
        ) from None
    node = claim_iri(claim.id)
    triples: list[Triple] = [
        (node, RDF.type, CG.Claim),
        (node, CG.relation, Literal(claim.relation)),
        (node, CG.cue, Literal(claim.cue)),
        (node, CG.text, Literal(claim.text)),
        (node, CG.start, Literal(claim.start)),
        (node, CG.end, Literal(claim.end)),
        (node, CG.polarity, Literal(claim.polarity)),
        (node, CG.modality, Literal(claim.modality)),
        (node, CG.confidence, Literal(float(claim.confidence))),
        (node, PROV.wasDerivedFrom, document),
    ]
    for prop, ref in ((CG.subject, claim.subject), (CG.object, claim.object)):
        if ref is not None:
            triples.append((node, prop, actor_iri(ref.id)))
    if claim.speaker is not None:
        triples.append((node, CG.speaker, actor_iri(claim.speaker.id)))
    if claim.quote is not None:
        triples.append((node, CG.quote, Literal(claim.quote)))
    if claim.rule:
        triples.append((node, CG.rule, Literal(claim.rule)))
    if claim.subject and claim.object and claim.polarity == "affirmed":
        triples.append((actor_iri(claim.subject.id), shortcut, actor_iri(claim.object.id)))
    triples += _described_triples(claim, node)
    return triples


def event_date_literal(value: str) -> Literal:
    """An event date as xsd:date, xsd:gYearMonth or xsd:gYear by its form."""
    if _ISO_DATE.fullmatch(value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def response_triples(
    responding: URIRef, answered: URIRef, rule: str, confidence: float
) -> list[Triple]:
    """The link of claim `responding` answering claim `answered`: the plain `cg:responds`
    edge and the `cg:Response` node carrying the rule and confidence."""
    link = response_iri(str(responding).rsplit("/", 1)[-1], str(answered).rsplit("/", 1)[-1])
    return [
        (responding, CG.responds, answered),
        (link, RDF.type, CG.Response),
        (link, CG.responding, responding),
        (link, CG.answered, answered),
        (link, CG.rule, Literal(rule)),
        (link, CG.confidence, Literal(float(confidence))),
    ]


def _described_triples(claim: Claim, node: URIRef) -> list[Triple]:
    """What a claim is about, its event date and the claims of its document it answers."""
    triples: list[Triple] = []
    if claim.about is not None:
        about = claim.about
        topic = topic_iri(claim.doc_id, about.start, about.end)
        triples += [
            (node, CG.about, topic),
            (topic, RDF.type, CG.Topic),
            (topic, RDFS.label, Literal(about.label)),
            (topic, CG.text, Literal(about.text)),
            (topic, CG.start, Literal(about.start)),
            (topic, CG.end, Literal(about.end)),
            (topic, CG.topicKey, Literal(about.key)),
        ]
    if claim.event_date:
        triples.append((node, CG.eventDate, event_date_literal(claim.event_date)))
    if claim.event_date_granularity:
        triples.append((node, CG.eventDateGranularity, Literal(claim.event_date_granularity)))
    for response in claim.responds:
        triples += response_triples(
            node, claim_iri(response.claim_id), response.rule, response.confidence
        )
    return triples


def _document_triples(extraction: Extraction, node: URIRef) -> list[Triple]:
    document = extraction.document
    triples: list[Triple] = [
        (node, RDF.type, SCHEMA.NewsArticle),
        (node, DCTERMS.source, Literal(document.source)),
        (node, CG.textHash, Literal(document.text_hash)),
    ]
    if document.title:
        triples.append((node, DCTERMS.title, Literal(document.title)))
    if document.date:
        triples.append((node, DCTERMS.date, date_literal(document.date)))
    if document.publisher:
        triples.append((node, DCTERMS.publisher, Literal(document.publisher)))
    if document.url:
        triples.append((node, SCHEMA.url, Literal(document.url, datatype=XSD.anyURI)))
    return triples + signature_triples(node, document.text)


def signature_triples(node: URIRef, text: str) -> list[Triple]:
    """The document's text signature (`kg.signature`): its MinHash and shingle count."""
    from kg.signature import signature

    sig = signature(text)
    return [
        (node, CG.textSignature, Literal(sig.hashes, datatype=XSD.base64Binary)),
        (node, CG.shingleCount, Literal(sig.shingles)),
    ]


def _in_graph(triples: Iterable[Triple], graph: URIRef) -> list[Quad]:
    return [(s, p, o, graph) for s, p, o in dict.fromkeys(triples)]


#: What a document states of an actor, each backing facts of the actors graph:
#: stated predicate on the mention node -> the actors graph's predicate.
STATED: dict[URIRef, URIRef] = {
    CG.statedAlias: SKOS.altLabel,
    CG.statedWikidata: OWL.sameAs,
    CG.statedSector: CG.sector,
    CG.statedCountry: CG.country,
    CG.statedParent: SCHEMA.parentOrganization,
    CG.statedRole: CG.hasRole,
}


@dataclass(frozen=True)
class Description:
    """What one document says of one actor.

    Attributes:
        actor: the actor's IRI.
        label, cls: the label and class the document gives it.
        stated: (stated predicate, value) pairs, each backing one fact of the actors
            graph (`STATED` maps the predicate): aliases, Wikidata, sector, country,
            parent organisation, roles.
        facts: the actors graph's triples for `stated` (role nodes with their title,
            organisation and dates included), without label and class.
    """

    actor: URIRef
    label: Literal
    cls: URIRef
    stated: frozenset[tuple[URIRef, Node]] = frozenset()
    facts: tuple[Triple, ...] = ()


def _describe_actor(actor: Actor) -> Description:
    node = actor_iri(actor.id)
    facts = [
        (s, p, o)
        for s, p, o in actor_triples(actor)
        if not (s == node and p in (RDF.type, SKOS.prefLabel))
    ]
    stated = {
        (stated_predicate, o)
        for s, p, o in facts
        if s == node
        for stated_predicate, fact_predicate in STATED.items()
        if p == fact_predicate
    }
    return Description(
        actor=node,
        label=Literal(actor.label),
        cls=_actor_class(actor.type),
        stated=frozenset(stated),
        facts=tuple(dict.fromkeys(facts)),
    )


def describe(extraction: Extraction) -> dict[URIRef, Description]:
    """Return what a document says of each actor it names (or that its claims name).

    An actor only referenced by a claim (not among `extraction.actors`) is described
    by its label and class alone.

    Raises:
        BuildError: on an unknown actor type.
    """
    found: dict[URIRef, Description] = {}
    for actor in extraction.actors:
        description = _describe_actor(actor)
        found.setdefault(description.actor, description)
    for claim in extraction.claims:
        for ref in (claim.subject, claim.object, claim.speaker):
            if ref is not None and actor_iri(ref.id) not in found:
                node = actor_iri(ref.id)
                found[node] = Description(node, Literal(ref.label), _actor_class(ref.type))
    return found


def label_triples(actor: URIRef, label: Node, cls: Node) -> list[Triple]:
    """Return the actors graph's triples naming an actor: cg:Actor, its class, its label."""
    return [(actor, RDF.type, CG.Actor), (actor, RDF.type, cls), (actor, SKOS.prefLabel, label)]


def pick(counts: Counter[Node]) -> Node:
    """Choose the value most documents give (ties: the smallest), as the actors graph holds it."""
    return min(counts, key=lambda value: (-counts[value], str(value)))


def document_quads(
    extraction: Extraction, *, descriptions: dict[URIRef, Description] | None = None
) -> list[Quad]:
    """Return the quads of one document's named graph (its name is the document IRI).

    Holds the document node, `schema:mentions` from the document to each actor it
    names (including actors only referenced by a claim), a `cg:Mention` node per actor
    with its `cg:mentionCount` and what the document states of it (`cg:statedLabel`,
    `cg:statedType`, `cg:statedAlias`, ...), and each claim. Actor descriptions
    themselves live in the actors graph (see `describe`). Duplicate triples are
    dropped; order is stable.

    Args:
        extraction: everything extraction found in one document.
        descriptions: `describe(extraction)`, when the caller has it already.

    Raises:
        BuildError: on an unknown relation code or actor type.
    """
    document = extraction.document
    graph = doc_iri(document.id)
    triples = _document_triples(extraction, graph)
    if descriptions is None:
        descriptions = describe(extraction)
    for claim in extraction.claims:
        triples += claim_triples(claim, graph)
    counts = Counter(actor_iri(mention.actor_id) for mention in extraction.mentions)
    for node in sorted(descriptions.keys() | counts.keys(), key=str):
        mention = mention_iri(graph, node)
        triples += [
            (graph, SCHEMA.mentions, node),
            (mention, RDF.type, CG.Mention),
            (mention, CG.actor, node),
        ]
        if counts[node]:
            triples.append((mention, CG.mentionCount, Literal(counts[node])))
        description = descriptions.get(node)
        if description is not None:
            triples += [
                (mention, CG.statedLabel, description.label),
                (mention, CG.statedType, description.cls),
            ]
            triples += [(mention, p, o) for p, o in sorted(description.stated, key=str)]
    return _in_graph(triples, graph)


def registry_quads(actors: Iterable[Actor]) -> list[Quad]:
    """Return the quads of the registry graph: what the actor registry says of each actor.

    Raises:
        BuildError: on an unknown actor type.
    """
    triples: list[Triple] = []
    for actor in actors:
        triples += actor_triples(actor)
    return _in_graph(triples, REGISTRY_GRAPH)
