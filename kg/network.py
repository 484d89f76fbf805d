"""The claim network: claim records folded into a networkx graph, and written for Gephi.

`build_graph` turns claim and entity records (DESIGN.md's JSONL dicts) into a
`networkx.MultiDiGraph` with one node per actor and one edge per (subject, relation,
object), keyed by the relation code and carrying the count of claims and their
evidence. Filters (ego network, relations, dates, confidence, claim counts, a SPARQL
answer) cut the graph and say what they cut. GraphML/GEXF writers hand it to Gephi;
`kg.analysis` asks it questions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

import networkx as nx

from extract.records import RELATIONS
from kg.errors import FilterError, FormatError

if TYPE_CHECKING:
    from rdflib.query import Result

    from kg.store import Store

#: Claims of one edge kept as evidence (the edge still counts all of them).
MAX_EVIDENCE = 20

#: Seed of every randomised algorithm here, so the same store gives the same answer.
SEED = 42


@dataclass(frozen=True)
class GraphFilters:
    """What to keep of the claim graph. The defaults keep everything.

    Attributes:
        focus: id, label or alias of an actor; keep its ego network only.
        depth: radius of the ego network, in claims (edges), ignoring direction.
        relations: relation codes to keep (empty: all).
        since: keep claims whose article date is on or after this ISO date.
        until: keep claims whose article date is on or before this ISO date (a date
            "2024-01" covers the whole month).
        min_confidence: keep claims with at least this confidence.
        min_claims: keep actors taking part in at least this many kept claims.
        triples: keep only these (subject id, relation code, object id) edges, e.g.
            the answer of a SPARQL query; None keeps every edge.
    """

    focus: str | None = None
    depth: int = 1
    relations: frozenset[str] = frozenset()
    since: str | None = None
    until: str | None = None
    min_confidence: float = 0.0
    min_claims: int = 1
    triples: frozenset[tuple[str, str, str]] | None = None

    def describe(self) -> tuple[str, ...]:
        """Return each active filter as a short human-readable phrase."""
        parts = []
        if self.focus is not None:
            parts.append(f"within {self.depth} of {self.focus}")
        if self.relations:
            parts.append("relations " + ", ".join(sorted(self.relations)))
        if self.since is not None:
            parts.append(f"since {self.since}")
        if self.until is not None:
            parts.append(f"until {self.until}")
        if self.min_confidence > 0:
            parts.append(f"confidence >= {self.min_confidence:g}")
        if self.min_claims > 1:
            parts.append(f"actors with >= {self.min_claims} claims")
        if self.triples is not None:
            parts.append(f"query answer ({len(self.triples)} triples)")
        return tuple(parts)


def relation_codes(values: Iterable[str]) -> frozenset[str]:
    """Return relation codes from user input ("accuse", "claim-responsibility").

    Raises:
        FilterError: a value is not a relation code (the message lists close ones).
    """
    codes = set()
    for value in values:
        code = value.strip().upper().replace("-", "_")
        if code not in RELATIONS:
            close = difflib.get_close_matches(code, RELATIONS, n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise FilterError(
                f"unknown relation {value!r}; {hint}relations are: {', '.join(RELATIONS)}"
            )
        codes.add(code)
    return frozenset(codes)


# ---- building --------------------------------------------------------------------------


def _date_ok(date: str | None, filters: GraphFilters) -> bool:
    if filters.since is None and filters.until is None:
        return True
    if not date:
        return False  # an undated claim cannot be shown to fall in the window
    if filters.since is not None and date[: len(filters.since)] < filters.since:
        return False
    return not (filters.until is not None and date[: len(filters.until)] > filters.until)


def _keep_claim(claim: Mapping[str, Any], filters: GraphFilters) -> bool:
    if filters.relations and claim.get("relation") not in filters.relations:
        return False
    if float(claim.get("confidence") or 0.0) < filters.min_confidence:
        return False
    return _date_ok(claim.get("date"), filters)


def evidence_of(claim: Mapping[str, Any]) -> dict[str, Any]:
    """Return the evidence a claim gives for its edge: quote, sentence, speaker, provenance."""
    speaker = claim.get("speaker") or {}
    return {
        "claim": claim.get("id"),
        "quote": claim.get("quote"),
        "text": claim.get("text"),
        "speaker": speaker.get("label"),
        "cue": claim.get("cue"),
        "source": claim.get("source") or claim.get("doc"),
        "date": claim.get("date"),
        "confidence": claim.get("confidence"),
        "polarity": claim.get("polarity", "affirmed"),
        "modality": claim.get("modality", "asserted"),
    }


def _add_actor(graph: nx.MultiDiGraph, ref: Mapping[str, Any], entity: Mapping[str, Any]) -> str:
    actor_id = str(ref["id"])
    if actor_id not in graph:
        graph.add_node(
            actor_id,
            label=str(entity.get("label") or ref.get("label") or actor_id),
            type=str(entity.get("type") or ref.get("type") or "Organization"),
            aliases=tuple(entity.get("aliases") or ()),
            roles=tuple(_role_text(role) for role in entity.get("roles") or ()),
            wikidata=entity.get("wikidata"),
            claims=0,
        )
    return actor_id


def _role_text(role: Any) -> str:
    if isinstance(role, Mapping):
        title = str(role.get("title") or "")
        extra = ", ".join(str(role[k]) for k in ("organisation", "start", "end") if role.get(k))
        return f"{title} ({extra})" if extra else title
    return str(role)


def build_graph(
    claims: Iterable[Mapping[str, Any]],
    entities: Iterable[Mapping[str, Any]] = (),
    *,
    filters: GraphFilters = GraphFilters(),  # noqa: B008 (frozen, so safe as a default)
    max_evidence: int | None = MAX_EVIDENCE,
) -> nx.MultiDiGraph:
    """Fold claim records into a graph of actors, one edge per (subject, relation, object).

    Nodes are actor ids with `label, type, aliases, roles, wikidata` (from the entity
    record when there is one, else from the claim) and `claims`, the number of kept
    claims the actor is subject or object of (speakers appear in the evidence). Edges
    are keyed by relation code and carry `relation, count, negated` (claims of that
    count stated as negated), `confidence` (the highest) and `evidence` (a list of
    `evidence_of` dicts, at most `max_evidence` (None: all), most confident first). A claim without
    an object counts for its subject but draws no edge.

    `graph.graph` holds `total_nodes` and `total_edges` (before the actor-level cuts:
    focus, min_claims, triples), `claims` (kept claims) and `filters` (describe()).

    Raises:
        ActorNotFound, AmbiguousActor: the focus names no actor, or several.
    """
    by_id = {str(entity["id"]): entity for entity in entities}
    graph = nx.MultiDiGraph()
    kept = 0
    in_claims: set[tuple[str, str, str]] = set()  # every edge any claim makes, filtered or not
    for claim in claims:
        subject = claim.get("subject")
        if subject and claim.get("object"):
            in_claims.add((str(subject["id"]), str(claim["relation"]), str(claim["object"]["id"])))
        if not subject or not _keep_claim(claim, filters):
            continue
        kept += 1
        ids = {_add_actor(graph, subject, by_id.get(str(subject["id"]), {}))}
        target = claim.get("object")
        if target:
            ids.add(_add_actor(graph, target, by_id.get(str(target["id"]), {})))
            _add_claim_edge(graph, str(subject["id"]), str(target["id"]), claim)
        for actor_id in ids:
            graph.nodes[actor_id]["claims"] += 1
    for _, _, data in graph.edges(data=True):
        data["evidence"].sort(key=lambda e: -(e["confidence"] or 0.0))
        if max_evidence is not None:
            del data["evidence"][max_evidence:]
    graph.graph.update(
        total_nodes=graph.number_of_nodes(),
        total_edges=graph.number_of_edges(),
        claims=kept,
        filters=filters.describe(),
    )
    if filters.triples is not None:
        _keep_triples(graph, filters, by_id, in_claims)
    return _cut(graph, filters)


def _add_claim_edge(
    graph: nx.MultiDiGraph, subject: str, target: str, claim: Mapping[str, Any]
) -> None:
    relation = str(claim.get("relation") or "STATEMENT")
    if not graph.has_edge(subject, target, key=relation):
        graph.add_edge(
            subject, target, key=relation, relation=relation, count=0, negated=0,
            confidence=0.0, evidence=[],
        )  # fmt: skip
    data = graph.edges[subject, target, relation]
    data["count"] += 1
    data["negated"] += claim.get("polarity") == "negated"
    data["confidence"] = max(data["confidence"], float(claim.get("confidence") or 0.0))
    data["evidence"].append(evidence_of(claim))


def _keep_triples(
    graph: nx.MultiDiGraph,
    filters: GraphFilters,
    entities: Mapping[str, Mapping[str, Any]],
    in_claims: set[tuple[str, str, str]],
) -> None:
    """Keep only the edges a query answer names; draw its edges that no claim makes too.

    An answer's triple that no claim makes (a registry fact, a user's inference) becomes
    an edge with no claims and no evidence; one whose claims the other filters dropped
    stays out.
    """
    wanted = filters.triples or frozenset()
    graph.remove_edges_from(
        [(s, o, rel) for s, o, rel in graph.edges(keys=True) if (s, rel, o) not in wanted]
    )
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    for s, rel, o in sorted(wanted - in_claims):
        if filters.relations and rel not in filters.relations:
            continue
        for actor_id in (s, o):
            _add_actor(graph, {"id": actor_id}, entities.get(actor_id, {}))
        graph.add_edge(s, o, key=rel, relation=rel, count=0, negated=0, confidence=0.0, evidence=[])


def _cut(graph: nx.MultiDiGraph, filters: GraphFilters) -> nx.MultiDiGraph:
    if filters.min_claims > 1:
        graph.remove_nodes_from(
            [n for n, claims in graph.nodes(data="claims") if claims < filters.min_claims]
        )
    if filters.focus is not None:
        centre = find_actor(graph, filters.focus)
        graph = nx.ego_graph(graph, centre, radius=filters.depth, undirected=True).copy()
        graph.graph["focus"] = centre
    return graph


def find_actor(graph: nx.Graph, name: str) -> str:
    """Return the node whose id, label or alias is `name` (case- and accent-insensitive).

    Names are matched as `kg.readback.resolve_actor` matches them (label, then alias,
    then a person's surname), among the actors this graph holds.

    Raises:
        ActorNotFound: no node has that name (the error lists close names).
        AmbiguousActor: the name is an alias of several actors.
    """
    from kg.readback import ActorInfo, resolve_actor

    catalog = {
        str(node): ActorInfo(
            id=str(node),
            label=data.get("label", str(node)),
            type=data.get("type", "Organization"),
            aliases=list(data.get("aliases", ())),
        )
        for node, data in graph.nodes(data=True)
    }
    return resolve_actor(catalog, name).id


# ---- SPARQL answers --------------------------------------------------------------------


def shortest_chain(graph: nx.MultiDiGraph, start: str, end: str) -> list[str]:
    """Return the actors of a shortest chain from `start` to `end`, ignoring direction.

    Of several chains of the same length, the one whose actors, compared by label and
    then id hop by hop, come first: the same store gives the same chain on every run.
    (networkx's own search walks an undirected view through a set, so its pick among
    tied chains changed with Python's hash seed.)

    Raises:
        networkx.NetworkXNoPath: no chain links them.
    """
    undirected = graph.to_undirected(as_view=True)
    hops_to_end = nx.single_source_shortest_path_length(undirected, end)
    if start not in hops_to_end:
        raise nx.NetworkXNoPath(f"no path between {start} and {end}")
    chain = [start]
    while chain[-1] != end:
        here = chain[-1]
        closer = [n for n in undirected[here] if hops_to_end.get(n) == hops_to_end[here] - 1]
        chain.append(min(closer, key=lambda n: (str(graph.nodes[n].get("label") or ""), n)))
    return chain


def _local(term: Any) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _relation_of(term: Any) -> str | None:
    from kg.vocab import RELATION_PROPERTY

    text = str(term)
    for code, prop in RELATION_PROPERTY.items():
        if text == str(prop):
            return code
    code = _local(text).upper()
    return code if code in RELATIONS else None


def triples_from_result(result: Result) -> frozenset[tuple[str, str, str]]:
    """Return the (subject id, relation code, object id) triples a SPARQL answer names.

    A CONSTRUCT or DESCRIBE answer gives its triples whose predicate is a relation
    shortcut (cg:accuses, ...); a SELECT answer gives its ?subject ?relation ?object
    rows, where ?relation is a shortcut property or a relation code ("ACCUSE"). Actor
    IRIs become actor ids. Other triples and rows (other predicates, literal or blank
    subjects and objects) are not claim edges and are left out.

    Raises:
        FormatError: a SELECT answer lacks one of the three columns, or the query is ASK.
    """
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows: Iterable[Any] = result.graph or ()
    elif result.type == "SELECT":
        names = [str(v) for v in result.vars or ()]
        missing = [v for v in ("subject", "relation", "object") if v not in names]
        if missing:
            raise FormatError(
                "a SELECT to draw needs columns ?subject ?relation ?object; "
                f"missing {', '.join('?' + v for v in missing)} (columns: "
                f"{', '.join('?' + v for v in names) or 'none'})"
            )
        columns = [names.index(v) for v in ("subject", "relation", "object")]
        rows = (tuple(row[i] for i in columns) for row in result)  # type: ignore[index]
    else:
        raise FormatError("an ASK query answers yes or no; draw a CONSTRUCT or a SELECT")
    from rdflib import URIRef

    triples = set()
    for s, p, o in rows:
        code = None if p is None else _relation_of(p)
        if isinstance(s, URIRef) and isinstance(o, URIRef) and code is not None:
            triples.add((_local(s), code, _local(o)))
    return frozenset(triples)


# ---- Gephi exports ---------------------------------------------------------------------


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Return a copy whose attributes are all scalars, as GraphML and GEXF require.

    Lists become "; "-joined strings, None becomes "", evidence becomes the best quote
    or sentence (`evidence`) with its source (`source`).
    """
    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **{k: _scalar(v) for k, v in data.items()})
    for s, o, key, data in graph.edges(keys=True, data=True):
        attrs = {k: _scalar(v) for k, v in data.items() if k != "evidence"}
        best = data.get("evidence") or [{}]
        attrs["evidence"] = _scalar(best[0].get("quote") or best[0].get("text"))
        attrs["source"] = _scalar(best[0].get("source"))
        flat.add_edge(s, o, key=key, **attrs)
    return flat


def _scalar(value: Any) -> str | int | float | bool:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def write_graphml(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write a claim graph as GraphML (scalar attributes, see `flat_graph`)."""
    nx.write_graphml(flat_graph(graph), out, encoding="utf-8")


def write_gexf(graph: nx.MultiDiGraph, out: BinaryIO) -> None:
    """Write a claim graph as GEXF 1.2 for Gephi (scalar attributes, see `flat_graph`)."""
    nx.write_gexf(flat_graph(graph), out, encoding="utf-8")


def store_graph(store: Store, *, filters: GraphFilters = GraphFilters()) -> nx.MultiDiGraph:  # noqa: B008
    """Build the claim graph of what `store` holds (see `build_graph`).

    The actor catalogue is read once. The claim filters (relations, dates, confidence)
    go into the store's query, so only the claims kept are read, except with a query
    answer (`filters.triples`), which needs every claim's edge to tell the answer's
    edges that no claim makes.
    """
    from kg.readback import actor_catalog, claim_records, entity_records

    catalog = actor_catalog(store, counts=False)  # a drawing shows no mention counts
    if filters.triples is None:
        claims = claim_records(
            store,
            catalog=catalog,
            relations=filters.relations,
            since=filters.since,
            until=filters.until,
            min_confidence=filters.min_confidence,
        )
    else:
        claims = claim_records(store, catalog=catalog)
    return build_graph(claims, entity_records(store, catalog=catalog), filters=filters)


def query_graph(
    store: Store,
    *,
    filters: GraphFilters = GraphFilters(),  # noqa: B008
    sparql: str | None = None,
) -> nx.MultiDiGraph:
    """Build the store's claim graph, cut by `filters` and, if given, a query's answer.

    Args:
        store: an open store.
        filters: what to keep (see `GraphFilters`); its `triples` are replaced by the
            answer of `sparql` when one is given.
        sparql: a CONSTRUCT of cg: relation edges, or a SELECT with ?subject ?relation
            ?object columns (see `triples_from_result`); keeps only the edges it names.

    Raises:
        QuerySyntaxError, QueryError, ReadOnlyError: `sparql` is malformed, fails, or
            is an update.
        ActorNotFound, AmbiguousActor: the focus names no actor, or several.
    """
    from dataclasses import replace

    from kg.query import run_query

    if sparql is not None:
        result = run_query(store, sparql)
        assert result is not None  # run_query refuses updates without update=True
        filters = replace(filters, triples=triples_from_result(result))
    return store_graph(store, filters=filters)


def export_graphml(store: Store, out: BinaryIO) -> None:
    """Exporter for kg.export.EXPORTERS: the store's claim graph as GraphML."""
    write_graphml(store_graph(store), out)


def export_gexf(store: Store, out: BinaryIO) -> None:
    """Exporter for kg.export.EXPORTERS: the store's claim graph as GEXF."""
    write_gexf(store_graph(store), out)
