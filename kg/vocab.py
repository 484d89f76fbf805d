"""The RDF vocabulary of claimgraph: the `cg:` namespace, resource IRIs and prefixes.

Every IRI string of the project lives here (and in `ontology.ttl`, which declares and
documents each `cg:` term): the ontology namespace `CG`, the IRIs of actors, claims,
documents and the registry graph, the shortcut property of each relation code, the
class of each actor type, and the prefixes declared for users' SPARQL queries.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

from rdflib import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, DefinedNamespace

from extract.records import ACTOR_TYPES, RELATIONS

ONTOLOGY_FILE = Path(__file__).with_name("ontology.ttl")


class CG(DefinedNamespace):
    """The claimgraph ontology (declared, labelled and commented in ontology.ttl)."""

    _fail = True
    _NS = Namespace("https://w3id.org/claimgraph/ontology#")

    # classes
    Actor: URIRef  # anything that acts or speaks: person, government, group, country
    Claim: URIRef  # one statement or act found in one sentence
    Role: URIRef  # a title or position an actor holds
    Government: URIRef  # a government or ministry (an organisation)
    ArmedGroup: URIRef  # a militia, army or armed faction (an organisation)
    PoliticalParty: URIRef  # a party or parliamentary bloc (an organisation)
    Company: URIRef  # a business (an organisation)
    MediaOrganization: URIRef  # a news outlet or broadcaster (an organisation)
    Group: URIRef  # a loose collective: protesters, tribes, "militias" (an organisation)

    # claim fields
    relation: URIRef  # relation code of a claim (PLOVER or claimgraph's own)
    subject: URIRef  # actor who acts or asserts
    object: URIRef  # actor acted upon or addressed
    speaker: URIRef  # actor quoted or reported as saying it
    cue: URIRef  # reporting or act verb as written
    quote: URIRef  # quoted words of a direct or partial quote
    text: URIRef  # evidence sentence
    start: URIRef  # character offset where the evidence sentence starts
    end: URIRef  # character offset where the evidence sentence ends
    polarity: URIRef  # affirmed or negated
    modality: URIRef  # asserted, reported, hypothetical or alleged
    confidence: URIRef  # 0..1 confidence of the extraction
    rule: URIRef  # name of the extraction rule that produced the claim (or link)

    # what a claim is about, when it happened, what it answers
    Topic: URIRef  # the event or thing a claim concerns, as named in one document
    about: URIRef  # claim -> the Topic it concerns
    topicKey: URIRef  # lemmas of a topic's content words, head last, for matching
    eventDate: URIRef  # when the claimed act or statement took place
    eventDateGranularity: URIRef  # "day", "month" or "year"
    Response: URIRef  # the link of a claim answering another, with rule and confidence
    responds: URIRef  # denial/rejection claim -> the claim it answers
    responding: URIRef  # Response -> the claim that answers
    answered: URIRef  # Response -> the claim answered

    # corroboration: claims of several documents saying the same thing
    ClaimCluster: URIRef  # claims of different documents that say the same thing
    member: URIRef  # ClaimCluster -> one of its claims
    sourceCount: URIRef  # independent sources of a ClaimCluster

    # documents
    textHash: URIRef  # digest of a document's text and metadata
    textSignature: URIRef  # MinHash of a document's word shingles (base64)
    shingleCount: URIRef  # how many distinct shingles the signature hashed

    # actors
    sector: URIRef  # PLOVER/CAMEO sector code (GOV, MIL, REB, ...)
    country: URIRef  # country an actor belongs to
    hasRole: URIRef  # a role an actor holds
    roleTitle: URIRef  # title of a role
    roleOrganization: URIRef  # organisation in which a role is held
    mentionCount: URIRef  # how many times a document mentions the actor of a cg:Mention

    # mentions: what one document said of one actor (the actors graph's provenance)
    Mention: URIRef  # the mentions of one actor in one document
    actor: URIRef  # the actor a cg:Mention is of
    statedLabel: URIRef  # the label the document gives the actor
    statedType: URIRef  # the class the document gives the actor
    statedAlias: URIRef  # a name the document uses for the actor
    statedWikidata: URIRef  # the Wikidata entity the document's actor record names
    statedSector: URIRef  # the sector code the document's actor record gives
    statedCountry: URIRef  # the country the document's actor record gives
    statedParent: URIRef  # the parent organisation the document's actor record gives
    statedRole: URIRef  # a role the document states the actor holds

    # shortcut edges, one per relation code, all sub-properties of relatesTo
    relatesTo: URIRef  # super-property of all shortcut edges
    agreesWith: URIRef  # AGREE
    consults: URIRef  # CONSULT
    supports: URIRef  # SUPPORT
    concedesTo: URIRef  # CONCEDE
    cooperatesWith: URIRef  # COOPERATE
    aids: URIRef  # AID
    retreatsFrom: URIRef  # RETREAT
    requests: URIRef  # REQUEST
    accuses: URIRef  # ACCUSE
    rejects: URIRef  # REJECT
    threatens: URIRef  # THREATEN
    protestsAgainst: URIRef  # PROTEST
    sanctions: URIRef  # SANCTION
    mobilizesAgainst: URIRef  # MOBILIZE
    coerces: URIRef  # COERCE
    assaults: URIRef  # ASSAULT
    denies: URIRef  # DENY
    claimsResponsibilityFor: URIRef  # CLAIM_RESPONSIBILITY
    statesAbout: URIRef  # STATEMENT
    affiliatedWith: URIRef  # AFFILIATED_WITH
    leads: URIRef  # LEADS


#: Base of every resource IRI (actors, claims, documents, roles, graphs).
ID = Namespace("https://w3id.org/claimgraph/id/")
ACTOR = Namespace(ID + "actor/")
CLAIM = Namespace(ID + "claim/")
DOC = Namespace(ID + "doc/")
ROLE = Namespace(ID + "role/")
TOPIC = Namespace(ID + "topic/")
RESPONSE = Namespace(ID + "response/")
CLUSTER = Namespace(ID + "cluster/")
#: Named graph holding the actor registry's facts.
REGISTRY_GRAPH = URIRef(ID + "graph/registry")
#: Named graph holding the links found across documents (cross-article disputes),
#: derived from the documents' graphs and recomputed after each ingest.
DISPUTES_GRAPH = URIRef(ID + "graph/disputes")
#: Named graph holding the claim clusters (corroboration), derived from the documents'
#: graphs and recomputed after each ingest.
CLUSTERS_GRAPH = URIRef(ID + "graph/clusters")
#: Named graph holding each actor's description once, as the documents state it
#: (facts the registry graph already holds are not repeated here).
ACTORS_GRAPH = URIRef(ID + "graph/actors")
MENTION = Namespace(ID + "mention/")
WD = Namespace("http://www.wikidata.org/entity/")

SCHEMA = SDO

#: Prefixes declared for every query and bound on every export.
PREFIXES: dict[str, Namespace] = {
    "cg": Namespace(str(CG._NS)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "schema": Namespace(str(SDO)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
    "actor": ACTOR,
    "claim": CLAIM,
    "doc": DOC,
    "wd": WD,
}

#: Shortcut property of each relation code.
RELATION_PROPERTY: dict[str, URIRef] = {
    "AGREE": CG.agreesWith,
    "CONSULT": CG.consults,
    "SUPPORT": CG.supports,
    "CONCEDE": CG.concedesTo,
    "COOPERATE": CG.cooperatesWith,
    "AID": CG.aids,
    "RETREAT": CG.retreatsFrom,
    "REQUEST": CG.requests,
    "ACCUSE": CG.accuses,
    "REJECT": CG.rejects,
    "THREATEN": CG.threatens,
    "PROTEST": CG.protestsAgainst,
    "SANCTION": CG.sanctions,
    "MOBILIZE": CG.mobilizesAgainst,
    "COERCE": CG.coerces,
    "ASSAULT": CG.assaults,
    "DENY": CG.denies,
    "CLAIM_RESPONSIBILITY": CG.claimsResponsibilityFor,
    "STATEMENT": CG.statesAbout,
    "AFFILIATED_WITH": CG.affiliatedWith,
    "LEADS": CG.leads,
}
assert set(RELATION_PROPERTY) == set(RELATIONS), "every relation code needs a shortcut property"

#: Class of each actor type (besides cg:Actor, which every actor has).
ACTOR_CLASS: dict[str, URIRef] = {
    "Person": SDO.Person,
    "Government": CG.Government,
    "ArmedGroup": CG.ArmedGroup,
    "PoliticalParty": CG.PoliticalParty,
    "Organization": SDO.Organization,
    "Company": CG.Company,
    "Media": CG.MediaOrganization,
    "Country": SDO.Country,
    "Place": SDO.Place,
    "Group": CG.Group,
}
assert set(ACTOR_CLASS) == set(ACTOR_TYPES), "every actor type needs a class"

#: Actor type of each class, the inverse of ACTOR_CLASS.
CLASS_ACTOR_TYPE: dict[URIRef, str] = {cls: name for name, cls in ACTOR_CLASS.items()}

_QID = re.compile(r"Q[1-9][0-9]*")


def _segment(value: str) -> str:
    return quote(value, safe="-._~")


def actor_iri(actor_id: str) -> URIRef:
    """Return the IRI of the actor with id `actor_id`."""
    return URIRef(ACTOR + _segment(actor_id))


def claim_iri(claim_id: str) -> URIRef:
    """Return the IRI of the claim with id `claim_id`."""
    return URIRef(CLAIM + _segment(claim_id))


def doc_iri(doc_id: str) -> URIRef:
    """Return the IRI of a document, which is also the name of its graph."""
    return URIRef(DOC + _segment(doc_id))


def mention_iri(document: URIRef, actor: URIRef) -> URIRef:
    """Return the IRI of the `cg:Mention` node of `actor` in `document` (both IRIs)."""
    doc_id = local_id(str(document), DOC) or str(document)
    actor_id = local_id(str(actor), ACTOR) or str(actor)
    return URIRef(MENTION + _segment(doc_id) + "/" + _segment(actor_id))


def role_iri(*parts: str) -> URIRef:
    """Return the IRI of a role node whose identity is `parts` (already a digest)."""
    return URIRef(ROLE + _segment("-".join(parts)))


def topic_iri(doc_id: str, start: int, end: int) -> URIRef:
    """Return the IRI of the topic written at document offsets start:end."""
    return URIRef(TOPIC + _segment(f"{doc_id}-{start}-{end}"))


def response_iri(responding_id: str, answered_id: str) -> URIRef:
    """Return the IRI of the link of claim `responding_id` answering `answered_id`."""
    return URIRef(RESPONSE + _segment(f"{responding_id}-{answered_id}"))


def cluster_iri(key: str) -> URIRef:
    """Return the IRI of the claim cluster whose identity is `key` (already a digest)."""
    return URIRef(CLUSTER + _segment(key))


def wikidata_iri(qid: str) -> URIRef | None:
    """Return the Wikidata entity IRI of `qid` ("Q123"), or None if it is not a QID."""
    qid = qid.strip()
    return URIRef(WD + qid) if _QID.fullmatch(qid) else None


def wikidata_qid(iri: str) -> str | None:
    """Return the QID of a Wikidata entity IRI, or None for any other IRI."""
    if iri.startswith(str(WD)):
        qid = iri[len(str(WD)) :]
        return qid if _QID.fullmatch(qid) else None
    return None


def local_id(iri: str, namespace: Namespace) -> str | None:
    """Return the id inside `iri` if it lies under `namespace` ("actor/pmf" -> "pmf")."""
    base = str(namespace)
    return unquote(iri[len(base) :]) if iri.startswith(base) else None
