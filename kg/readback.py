"""Records read back out of the store as plain dicts, in DESIGN.md's JSONL shape.

`claim_records` and `entity_records` yield the stable claim and entity records used
by `kg claims`, `kg entities`, scripts and tests; `actor_profile` gathers what the
store knows of one actor for `kg show`; `stats` counts documents, actors and claims.
Filters go into the query (`ClaimFilter`), so a command reads only what it shows, and
the actor catalogue is built once per command. Queries name graphs explicitly (`GRAPH
?g`); an actor's label and type come from the registry graph when it has them, else
from the actors graph, so results are the same on the embedded store and on any SPARQL
server, whatever its default graph.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extract.records import ACTOR_TYPES, POLARITIES, RELATIONS, normalise_name
from kg.errors import ActorNotFound, AmbiguousActor, FilterError
from kg.vocab import (
    ACTOR,
    CG,
    CLAIM,
    CLASS_ACTOR_TYPE,
    CLUSTERS_GRAPH,
    DOC,
    REGISTRY_GRAPH,
    SCHEMA,
    actor_iri,
    local_id,
    wikidata_qid,
)

_TYPE_OF_CLASS = {str(cls): name for cls, name in CLASS_ACTOR_TYPE.items()}
_SECTOR, _PARENT = str(CG.sector), str(SCHEMA.parentOrganization)

if TYPE_CHECKING:
    from kg.store import PlainValue, Store


@dataclass
class ActorInfo:
    """Everything the store says of one actor, merged over graphs."""

    id: str
    label: str = ""
    type: str = "Organization"
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    sector: str | None = None
    parent: str | None = None
    country: str | None = None
    roles: list[dict[str, str | None]] = field(default_factory=list)
    mentions: int = 0
    documents: int = 0

    def ref(self) -> dict[str, str]:
        """Return the {id, label, type} dict a claim record carries."""
        return {"id": self.id, "label": self.label, "type": self.type}


def _rows(store: Store, sparql: str) -> list[tuple[PlainValue, ...]]:
    return store.select(sparql)


def _pick(values: list[tuple[str, bool]]) -> str | None:
    """Pick one value among per-graph values: the registry's, else the most frequent."""
    if not values:
        return None
    registry = sorted(value for value, in_registry in values if in_registry)
    if registry:
        return registry[0]
    counts = Counter(value for value, _ in values)
    return min(counts, key=lambda value: (-counts[value], value))


def _actor_id(node: PlainValue) -> str | None:
    return None if node is None else local_id(str(node), ACTOR)


def _values(ids: Collection[str] | None) -> str:
    """A VALUES clause binding ?a to the actors `ids` (empty: no restriction)."""
    if ids is None:
        return ""
    return "VALUES ?a { " + " ".join(f"<{actor_iri(i)}>" for i in sorted(ids)) + " } "


def actor_catalog(
    store: Store,
    *,
    details: bool = True,
    ids: Collection[str] | None = None,
    counts: bool = True,
) -> dict[str, ActorInfo]:
    """Return the store's actors by id, as the actors and registry graphs describe them.

    Labels, types and aliases are read for every actor (or for `ids` only); the rest
    (mention and document counts, Wikidata, sector, parent, country, roles) only with
    `details`, the counts only with `counts` as well. Build it once per command.

    Raises:
        StoreError, QueryError: the store could not be read.
    """
    registry = str(REGISTRY_GRAPH)
    labels: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    types: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    only = _values(ids)
    named = "?a a cg:Actor ; skos:prefLabel ?label"
    for a, g, label in _rows(
        store, f"SELECT ?a ?g ?label WHERE {{ {only}GRAPH ?g {{ {named} }} }}"
    ):
        labels[str(a)].append((str(label), str(g) == registry))
    for a, g, cls in _rows(
        store, f"SELECT ?a ?g ?cls WHERE {{ {only}GRAPH ?g {{ ?a a cg:Actor, ?cls }} }}"
    ):
        if cls in _TYPE_OF_CLASS:
            types[str(a)].append((_TYPE_OF_CLASS[str(cls)], str(g) == registry))
    catalog: dict[str, ActorInfo] = {}
    for iri in labels.keys() | types.keys():
        actor_id = local_id(iri, ACTOR)
        if actor_id is None:
            continue
        catalog[actor_id] = ActorInfo(
            id=actor_id,
            label=_pick(labels[iri]) or actor_id,
            type=_pick(types[iri]) or "Organization",
        )

    def each(sparql: str) -> Iterator[tuple[ActorInfo, tuple[PlainValue, ...]]]:
        for row in _rows(store, sparql):
            info = catalog.get(_actor_id(row[0]) or "")
            if info is not None:
                yield info, row[1:]

    for info, (alias,) in each(
        f"SELECT DISTINCT ?a ?alias WHERE {{ {only}GRAPH ?g {{ ?a skos:altLabel ?alias }} }} "
        "ORDER BY ?alias"
    ):
        if str(alias) != info.label and str(alias) not in info.aliases:
            info.aliases.append(str(alias))
    if not details:
        return catalog
    if counts:
        for info, (n,) in each(
            f"SELECT ?a (SUM(?n) AS ?total) "
            f"WHERE {{ {only}GRAPH ?g {{ ?m cg:actor ?a ; cg:mentionCount ?n }} }} GROUP BY ?a"
        ):
            info.mentions = int(n or 0)
        for info, (n,) in each(
            f"SELECT ?a (COUNT(DISTINCT ?d) AS ?docs) WHERE {{ {only}GRAPH ?d "
            "{ ?d a schema:NewsArticle ; schema:mentions ?a } } GROUP BY ?a"
        ):
            info.documents = int(n or 0)
    for info, (same,) in each(
        f"SELECT DISTINCT ?a ?w WHERE {{ {only}GRAPH ?g {{ ?a owl:sameAs ?w }} }} ORDER BY ?w"
    ):
        info.wikidata = info.wikidata or wikidata_qid(str(same))
    # One query and the smallest value of each, not OPTIONALs: Oxigraph evaluates those
    # over every actor before joining them with VALUES.
    facts: dict[tuple[str, str], list[str]] = defaultdict(list)
    for info, (predicate, value) in each(
        f"SELECT ?a ?p ?o WHERE {{ {only}GRAPH ?g {{ ?a ?p ?o "
        "FILTER (?p IN (cg:sector, schema:parentOrganization, cg:country)) } }"
    ):
        facts[info.id, str(predicate)].append(str(value))
    for (actor_id, predicate), values in facts.items():
        info, first = catalog[actor_id], min(values)
        if predicate == _SECTOR:
            info.sector = first
        elif predicate == _PARENT:
            info.parent = _actor_id(first)
        else:
            info.country = _actor_id(first)
    for info, (title, org, start, end) in each(
        f"SELECT DISTINCT ?a ?title ?org ?start ?end WHERE {{ {only}GRAPH ?g {{ ?a cg:hasRole ?r . "
        "?r cg:roleTitle ?title OPTIONAL { ?r cg:roleOrganization ?org } "
        "OPTIONAL { ?r schema:startDate ?start } OPTIONAL { ?r schema:endDate ?end } } } "
        "ORDER BY ?title ?org"
    ):
        role = {
            "title": str(title),
            "organisation": _actor_id(org),
            "start": None if start is None else str(start),
            "end": None if end is None else str(end),
        }
        if role not in info.roles:
            info.roles.append(role)
    return catalog


def _role_text(role: dict[str, str | None], catalog: dict[str, ActorInfo]) -> str:
    org = role["organisation"]
    if org is None:
        return str(role["title"])
    label = catalog[org].label if org in catalog else org
    return f"{role['title']} ({label})"


# ---- claims ----------------------------------------------------------------------------

_CLAIMS_QUERY = """
SELECT ?c ?doc ?source ?date ?relation ?s ?o ?sp ?cue ?quote ?text ?start ?end
       ?polarity ?modality ?confidence
WHERE {
  GRAPH ?doc {
    %s
    ?c cg:relation ?relation ; cg:cue ?cue ; cg:text ?text ;
       cg:start ?start ; cg:end ?end ; cg:polarity ?polarity ; cg:modality ?modality ;
       cg:confidence ?confidence .
    OPTIONAL { ?c cg:subject ?s } OPTIONAL { ?c cg:object ?o }
    OPTIONAL { ?c cg:speaker ?sp } OPTIONAL { ?c cg:quote ?quote }
    OPTIONAL { ?doc dcterms:source ?source } OPTIONAL { ?doc dcterms:date ?date }
  }
  %s
}
ORDER BY (!BOUND(?date)) ?date ?doc ?start ?c
"""


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to read, asked of the store in the query itself.

    Attributes:
        actor: actor id that is the subject, object or speaker.
        speaker: actor id that is the speaker.
        relations: relation codes (empty: all).
        min_confidence: lowest confidence kept.
        since, until: article dates kept (ISO prefixes, "2024-01" is the whole month;
            undated claims go when either is given).
        min_sources: fewest independent sources kept (`kg.corroboration`); above 1,
            only claims of a claim cluster with that many.
    """

    actor: str | None = None
    speaker: str | None = None
    relations: frozenset[str] = frozenset()
    min_confidence: float = 0.0
    since: str | None = None
    until: str | None = None
    min_sources: int = 1

    def sparql(self) -> str:
        """The claims query with these filters."""
        patterns = []
        if self.actor is None and self.speaker is None:
            # Not with an actor: Oxigraph would start from every cg:Claim instead of the
            # actor's few (only claims have cg:relation, so the answer is the same).
            patterns.append("?c a cg:Claim .")
        if self.actor is not None:
            a = f"<{actor_iri(self.actor)}>"
            roles = ("subject", "object", "speaker")
            patterns.append(" UNION ".join(f"{{ ?c cg:{role} {a} }}" for role in roles))
        if self.speaker is not None:
            patterns.append(f"?c cg:speaker <{actor_iri(self.speaker)}> .")
        if self.relations:
            codes = " ".join(f'"{code}"' for code in sorted(self.relations))
            patterns.append(f"VALUES ?relation {{ {codes} }}")
        filters = []
        if self.min_confidence > 0:
            filters.append(f"FILTER (?confidence >= {float(self.min_confidence)!r})")
        for bound, op in ((self.since, ">="), (self.until, "<=")):
            if bound is not None:
                text = bound.replace("\\", "").replace('"', "")
                filters.append(
                    f'FILTER (BOUND(?date) && SUBSTR(STR(?date), 1, {len(text)}) {op} "{text}")'
                )
        if self.min_sources > 1:
            filters.append(
                f"GRAPH <{CLUSTERS_GRAPH}> {{ ?cluster cg:member ?c ; cg:sourceCount ?sources "
                f"FILTER (?sources >= {int(self.min_sources)}) }}"
            )
        return _CLAIMS_QUERY % ("\n    ".join(patterns), "\n  ".join(filters))


def _relation_code(relation: str) -> str:
    code = relation.strip().upper().replace("-", "_")
    if code not in RELATIONS:
        close = difflib.get_close_matches(code, RELATIONS, n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise FilterError(
            f"unknown relation {relation!r}; {hint}relations are: {', '.join(RELATIONS)}"
        )
    return code


def _ref(node: PlainValue, catalog: dict[str, ActorInfo]) -> dict[str, str] | None:
    actor_id = _actor_id(node)
    if actor_id is None:
        return None
    info = catalog.get(actor_id)
    return info.ref() if info else {"id": actor_id, "label": actor_id, "type": "Organization"}


# Each described field is its own query, with the claims' VALUES inside the GRAPH block:
# with one query of OPTIONALs, or VALUES outside GRAPH, Oxigraph read every claim of the
# store first (52 ms for the 13 claims of `kg show`, against under 1 ms for each of these).
_ABOUT_QUERY = """
SELECT ?c ?label ?text ?start ?end ?key
WHERE {
  GRAPH ?doc {
    %s
    ?c a cg:Claim ; cg:about ?t . ?t rdfs:label ?label ; cg:text ?text ; cg:start ?start ;
                                     cg:end ?end ; cg:topicKey ?key
  }
}
"""

_EVENT_DATE_QUERY = """
SELECT ?c ?date ?granularity
WHERE {
  GRAPH ?doc {
    %s
    ?c a cg:Claim ; cg:eventDate ?date OPTIONAL { ?c cg:eventDateGranularity ?granularity }
  }
}
"""

_RESPONSES_QUERY = """
SELECT DISTINCT ?from ?to ?rule ?confidence
WHERE {
  GRAPH ?g {
    %s
    ?r a cg:Response ; cg:responding ?from ; cg:answered ?to ; cg:rule ?rule ;
       cg:confidence ?confidence
  }
}
ORDER BY ?from DESC(?confidence) ?to
"""

_CLUSTERS_QUERY = """
SELECT ?c ?cluster ?sources
WHERE {
  %s
  GRAPH <%s> { ?cluster cg:member ?c ; cg:sourceCount ?sources }
}
"""


#: Above this many claims, their described fields are read for the whole store at once.
_DESCRIBE_BY_VALUES = 500


def described_fields(
    store: Store, claims: Collection[str] | None = None
) -> dict[str, dict[str, Any]]:
    """The `about`, `event_date`, `event_date_granularity`, `responds`, `cluster` and
    `sources` fields of the claims that have any, by claim IRI (links from documents'
    graphs and the derived disputes graph alike; `responds` lists {claim, rule,
    confidence}, surest first; `cluster` and `sources` come from the clusters graph).
    `claims` (IRIs) limits the reading to those claims, when they are few."""
    fields: dict[str, dict[str, Any]] = defaultdict(dict)
    values = values_from = ""
    if claims is not None and len(claims) <= _DESCRIBE_BY_VALUES:
        if not claims:
            return fields
        iris = " ".join(f"<{iri}>" for iri in sorted(claims))
        values, values_from = f"VALUES ?c {{ {iris} }}", f"VALUES ?from {{ {iris} }}"
    for c, label, text, start, end, key in _rows(store, _ABOUT_QUERY % values):
        fields[str(c)]["about"] = {
            "label": str(label),
            "text": str(text),
            "start": int(start or 0),
            "end": int(end or 0),
            "key": str(key),
        }
    for c, date, granularity in _rows(store, _EVENT_DATE_QUERY % values):
        found = fields[str(c)]
        found["event_date"] = str(date)
        found["event_date_granularity"] = None if granularity is None else str(granularity)
    for responding, answered, rule, confidence in _rows(store, _RESPONSES_QUERY % values_from):
        fields[str(responding)].setdefault("responds", []).append(
            {
                "claim": local_id(str(answered), CLAIM) or str(answered),
                "rule": str(rule),
                "confidence": float(confidence or 0.0),
            }
        )
    for c, cluster, sources in _rows(store, _CLUSTERS_QUERY % (values, CLUSTERS_GRAPH)):
        found = fields[str(c)]
        found["cluster"] = str(cluster)
        found["sources"] = int(sources or 1)
    return fields


def _claim_rows(store: Store, wanted: ClaimFilter) -> list[tuple[PlainValue, ...]]:
    rows = []
    seen: set[PlainValue] = set()
    for row in _rows(store, wanted.sparql()):
        if row[0] not in seen:  # an actor both subject and speaker matches the filter twice
            seen.add(row[0])
            rows.append(row)
    return rows


def _referenced(rows: list[tuple[PlainValue, ...]]) -> set[str]:
    """The ids of the actors claim rows name (subject, object, speaker)."""
    return {actor for row in rows for node in row[5:8] if (actor := _actor_id(node)) is not None}


def _claim_record(
    row: tuple[PlainValue, ...], catalog: dict[str, ActorInfo], extra: dict[str, Any]
) -> dict[str, Any]:
    """One claim record from a claims-query row; `extra` holds its described fields
    (`described_fields`)."""
    c, doc, source, date, rel, s, o, sp, cue, quote, text, start, end, pol, mod, conf = row
    return {
        "id": local_id(str(c), CLAIM) or str(c),
        "doc": str(doc),
        "source": None if source is None else str(source),
        "date": None if date is None else str(date),
        "relation": str(rel),
        "subject": _ref(s, catalog),
        "object": _ref(o, catalog),
        "speaker": _ref(sp, catalog),
        "cue": str(cue),
        "quote": None if quote is None else str(quote),
        "text": str(text),
        "start": int(start or 0),
        "end": int(end or 0),
        "polarity": str(pol),
        "modality": str(mod),
        "confidence": float(conf or 0.0),
        "about": extra.get("about"),
        "event_date": extra.get("event_date"),
        "event_date_granularity": extra.get("event_date_granularity"),
        "responds": extra.get("responds", []),
        # a claim in no cluster is its own document's, one source
        "sources": extra.get("sources", 1),
        "cluster": extra.get("cluster"),
    }


def _claim_records(
    store: Store, rows: list[tuple[PlainValue, ...]], catalog: dict[str, ActorInfo]
) -> Iterator[dict[str, Any]]:
    """The claim records of claims-query `rows`, with the described fields of those claims."""
    described = described_fields(store, {str(row[0]) for row in rows})
    for row in rows:
        yield _claim_record(row, catalog, described.get(str(row[0]), {}))


def _exact_actor(store: Store, name: str) -> str | None:
    """The actor whose id, or else whose exact label, is `name`, found through the indexes.

    None when neither picks out one actor: the caller resolves through the catalogue
    (case, accents, aliases, surnames).
    """
    if _rows(store, f"SELECT ?a WHERE {{ GRAPH ?g {{ <{actor_iri(name)}> a cg:Actor }} }} LIMIT 1"):
        return name
    label = json.dumps(name, ensure_ascii=False)
    rows = _rows(store, f"SELECT DISTINCT ?a WHERE {{ GRAPH ?g {{ ?a skos:prefLabel {label} }} }}")
    found = {_actor_id(a) for (a,) in rows}
    return found.pop() if len(found) == 1 else None


def _resolve(store: Store, name: str, catalog: dict[str, ActorInfo] | None) -> str:
    if catalog is None and (found := _exact_actor(store, name)) is not None:
        return found
    return resolve_actor(catalog or actor_catalog(store, details=False), name).id


def resolve_actor(catalog: dict[str, ActorInfo], name: str) -> ActorInfo:
    """Return the actor whose id, label or alias is `name` (case- and accent-insensitive).

    A label match wins over an alias match, and an alias match over a person's
    surname ("Biden" -> Joe Biden, when one person has that surname).

    Raises:
        ActorNotFound: no actor has that name (the error lists close names).
        AmbiguousActor: the name is an alias of several actors.
    """
    if name in catalog:
        return catalog[name]
    key = normalise_name(name)
    by_label = [info for info in catalog.values() if normalise_name(info.label) == key]
    if len(by_label) == 1:
        return by_label[0]
    by_alias = by_label or [
        info
        for info in catalog.values()
        if any(normalise_name(alias) == key for alias in info.aliases)
    ]
    if len(by_alias) == 1:
        return by_alias[0]
    # A surname alone ("Biden") names the one person whose label ends with it.
    by_surname = by_alias or [
        info
        for info in catalog.values()
        if info.type == "Person" and normalise_name(info.label).endswith(" " + key)
    ]
    if len(by_surname) == 1:
        return by_surname[0]
    if by_surname:
        choices = ", ".join(f"{info.label} ({info.id})" for info in by_surname)
        raise AmbiguousActor(f"{name!r} names several actors: {choices}; give an id or label")
    names: dict[str, str] = {}
    for info in catalog.values():
        for text in (info.label, *info.aliases):
            names.setdefault(normalise_name(text), text)
    close = [names[n] for n in names if key and key in n]
    close += [names[n] for n in difflib.get_close_matches(key, list(names), n=5, cutoff=0.6)]
    raise ActorNotFound(name, tuple(dict.fromkeys(close))[:5])


def claim_records(
    store: Store,
    *,
    actor: str | None = None,
    relation: str | None = None,
    speaker: str | None = None,
    min_confidence: float = 0.0,
    relations: Collection[str] = (),
    since: str | None = None,
    until: str | None = None,
    doc: str | None = None,
    polarity: str | None = None,
    min_sources: int = 1,
    catalog: dict[str, ActorInfo] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield claim records (DESIGN.md's JSONL claim fields): by date (undated last), doc, offset.

    The filters go into the store's query: only the claims kept are read.

    Args:
        store: an open store.
        actor: keep claims whose subject, object or speaker is this actor (id, label
            or alias; case- and accent-insensitive).
        relation: keep claims with this relation code (e.g. "ACCUSE").
        speaker: keep claims whose speaker is this actor.
        min_confidence: keep claims at least this confident (`kg eval` prints the
            precision and recall each threshold gives on the seed gold).
        relations: keep claims with any of these codes (checked codes, see
            `kg.network.relation_codes`); combined with `relation` when both are given.
        since, until: keep claims of articles dated in this window (ISO dates or their
            prefixes, "2024-01" is the whole month; undated articles are left out).
        doc: keep claims of this document: its IRI, id, source as read, or file name.
        polarity: keep "affirmed" or "negated" claims.
        min_sources: keep claims made by at least this many independent sources (the
            `sources` field: its claim cluster's `cg:sourceCount`, 1 outside clusters).
        catalog: the actors (`actor_catalog`), when the caller already has them.

    Raises:
        ActorNotFound, AmbiguousActor: an actor filter names no actor, or several.
        FilterError: the relation code, a date, the polarity or the document is unknown.
    """
    since, until = iso_prefix(since, "--since"), iso_prefix(until, "--until")
    if polarity is not None and polarity not in POLARITIES:
        raise FilterError(f"unknown polarity {polarity!r}; use one of {', '.join(POLARITIES)}")
    doc_iri = resolve_document(store, doc) if doc is not None else None
    codes = set(relations)
    if relation is not None:
        code = _relation_code(relation)
        codes = {code} if not codes or code in codes else {"-"}  # "-": no claim has it
    wanted = ClaimFilter(
        actor=_resolve(store, actor, catalog) if actor is not None else None,
        speaker=_resolve(store, speaker, catalog) if speaker is not None else None,
        relations=frozenset(codes),
        min_confidence=min_confidence,
        since=since,
        until=until,
        min_sources=min_sources,
    )
    rows = [
        row
        for row in _claim_rows(store, wanted)
        if (doc_iri is None or str(row[1]) == doc_iri)
        and (polarity is None or str(row[13]) == polarity)
    ]
    if catalog is None:  # the labels of the actors these claims name, and no others
        catalog = actor_catalog(store, details=False, ids=_referenced(rows))
    yield from _claim_records(store, rows, catalog)


def iso_bound(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    import datetime

    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise FilterError(f"{option} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def iso_prefix(value: str | None, option: str) -> str | None:
    """An ISO date or its year or month prefix ("2024", "2024-01", "2024-01-31")."""
    if value is None:
        return None
    text = value.strip()
    parts = text.split("-")
    if len(parts) == 3:
        return iso_bound(text, option)
    if (
        all(part.isdigit() for part in parts)
        and len(parts[0]) == 4
        and (len(parts) == 1 or (len(parts[1]) == 2 and 1 <= int(parts[1]) <= 12))
    ):
        return text
    raise FilterError(f"{option} {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")


def resolve_document(store: Store, name: str) -> str:
    """Return the IRI of the document `name` names: its IRI, id, source as read, or the
    file name of its source (when only one document has it).

    Raises:
        FilterError: no document, or several, go by that name (close sources listed).
    """
    rows = _rows(
        store,
        "SELECT DISTINCT ?d ?source WHERE { GRAPH ?d { ?d a schema:NewsArticle "
        "OPTIONAL { ?d dcterms:source ?source } } }",
    )
    documents = {str(d): "" if source is None else str(source) for d, source in rows}
    for iri, source in documents.items():
        if name in (iri, local_id(iri, DOC), source):
            return iri
    by_file = [iri for iri, source in documents.items() if source.rsplit("/", 1)[-1] == name]
    if len(by_file) == 1:
        return by_file[0]
    if by_file:
        raise FilterError(f"{name!r} names several documents; give its source path or id")
    close = difflib.get_close_matches(name, list(documents.values()), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise FilterError(f"no document {name!r} in the store{hint}")


# ---- entities --------------------------------------------------------------------------


def _entity(info: ActorInfo, catalog: dict[str, ActorInfo]) -> dict[str, Any]:
    return {
        "id": info.id,
        "label": info.label,
        "type": info.type,
        "aliases": sorted(info.aliases, key=str.casefold),
        "mentions": info.mentions,
        "documents": info.documents,
        "wikidata": info.wikidata,
        "roles": [_role_text(role, catalog) for role in info.roles],
    }


def entity_records(
    store: Store, *, type: str | None = None, catalog: dict[str, ActorInfo] | None = None
) -> Iterator[dict[str, Any]]:
    """Yield entity records (DESIGN.md's JSONL entity fields plus `roles`), most mentioned first.

    Args:
        store: an open store.
        type: keep actors of this type (one of records.ACTOR_TYPES, any case).
        catalog: the actors with their details (`actor_catalog`), when the caller
            already has them.

    Raises:
        FilterError: the type is unknown.
    """
    wanted = None
    if type is not None:
        matches = [name for name in ACTOR_TYPES if name.casefold() == type.casefold()]
        if not matches:
            raise FilterError(f"unknown actor type {type!r}; types are: {', '.join(ACTOR_TYPES)}")
        wanted = matches[0]
    if catalog is None:
        catalog = actor_catalog(store)
    for info in sorted(catalog.values(), key=lambda i: (-i.mentions, i.label.casefold(), i.id)):
        if wanted is None or info.type == wanted:
            yield _entity(info, catalog)


# ---- one actor -------------------------------------------------------------------------


def actor_profile(store: Store, name: str) -> dict[str, Any]:
    """Return what the store knows of one actor, for `kg show`.

    The dict holds the entity record's fields plus `sector`, `parent` and `country`
    ({id, label, type} or None), `role_details` (title, organisation, start, end),
    `claims_made` (subject or speaker is the actor), `claims_received` (object is the
    actor) and `quotes` (quote, cue, text, doc, source, date of claims it is quoted in).

    Raises:
        ActorNotFound: no actor has that id, label or alias (close names listed).
        AmbiguousActor: the name is an alias of several actors.
    """
    actor_id = _resolve(store, name, None)
    rows = _claim_rows(store, ClaimFilter(actor=actor_id))
    info = actor_catalog(store, ids=[actor_id])[actor_id]
    named = (
        _referenced(rows) | {info.parent, info.country} | {r["organisation"] for r in info.roles}
    )
    catalog = actor_catalog(store, details=False, ids={n for n in named if n is not None})
    catalog[info.id] = info
    profile = _entity(info, catalog)

    def ref(actor_id: str | None) -> dict[str, str] | None:
        if actor_id is None:
            return None
        return catalog[actor_id].ref() if actor_id in catalog else {"id": actor_id}

    profile.update(
        sector=info.sector,
        parent=ref(info.parent),
        country=ref(info.country),
        role_details=list(info.roles),
        claims_made=[],
        claims_received=[],
        quotes=[],
    )
    for record in _claim_records(store, rows, catalog):
        made = info.id in {(record[k] or {}).get("id") for k in ("subject", "speaker")}
        if made:
            profile["claims_made"].append(record)
        if (record["object"] or {}).get("id") == info.id:
            profile["claims_received"].append(record)
        if record["quote"] and (record["speaker"] or {}).get("id") == info.id:
            profile["quotes"].append(
                {k: record[k] for k in ("quote", "cue", "text", "doc", "source", "date")}
            )
    return profile


# ---- counts ----------------------------------------------------------------------------


def _count(store: Store, sparql: str) -> int:
    rows = _rows(store, sparql)
    return int(rows[0][0] or 0) if rows else 0


def stats(store: Store) -> dict[str, Any]:
    """Count what the store holds.

    Returns:
        {"store", "documents", "actors", "claims", "claims_by_relation" (code -> count,
        largest first), "quads", "size_bytes" (None for an endpoint)}.
    """
    by_relation = {
        str(rel): int(n or 0)
        for rel, n in _rows(
            store,
            "SELECT ?rel (COUNT(DISTINCT ?c) AS ?n) "
            "WHERE { GRAPH ?g { ?c a cg:Claim ; cg:relation ?rel } } GROUP BY ?rel",
        )
    }
    return {
        "store": store.endpoint or str(store.path),
        "documents": _count(
            store,
            "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a schema:NewsArticle } }",
        ),
        "actors": _count(
            store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a cg:Actor } }"
        ),
        "claims": sum(by_relation.values()),
        "claims_by_relation": dict(sorted(by_relation.items(), key=lambda kv: (-kv[1], kv[0]))),
        "quads": _count(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        "size_bytes": store.size_on_disk(),
    }
