"""kg.query and kg.readback: user SPARQL (read-only by default), result formats, JSONL records."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import (
    ActorNotFound,
    AmbiguousActor,
    FilterError,
    FormatError,
    QueryFileError,
    QuerySyntaxError,
    ReadOnlyError,
)
from kg.query import format_result, query_form, read_query, run_query
from kg.readback import actor_profile, claim_records, entity_records, stats
from kg.store import Store, open_store
from kg.vocab import CG, RELATION_PROPERTY, actor_iri
from tests.kg.samples import article_a, article_b, registry_actors

CLAIM_FIELDS = {
    "id", "doc", "source", "date", "relation", "subject", "object", "speaker", "cue",
    "quote", "text", "start", "end", "polarity", "modality", "confidence",
    "about", "event_date", "event_date_granularity", "responds", "sources", "cluster",
}  # fmt: skip
ENTITY_FIELDS = {"id", "label", "type", "aliases", "mentions", "documents", "wikidata"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(tmp_path_factory.mktemp("q") / "store") as opened:
        opened.replace_document(article_a())
        opened.replace_document(article_b())
        opened.replace_registry(registry_actors())
        yield opened


@pytest.mark.parametrize(
    ("sparql", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("select ?s { ?s ?p ?o }", "SELECT"),
        ("ASK { ?s ?p ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:x>", "DESCRIBE"),
        ("PREFIX ex: <http://example.org/a#b>\nSELECT * {}", "SELECT"),  # '#' inside an IRI
        ("BASE <http://example.org/>\nPREFIX : <x#>\nINSERT DATA { <a> <b> <c> }", "UPDATE"),
        ("# INSERT in a comment\nSELECT * {}", "SELECT"),
        ("# a comment\ndelete where { ?s ?p ?o }", "UPDATE"),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
        ("DROP ALL", "UPDATE"),
        ("CLEAR GRAPH <urn:g>", "UPDATE"),
        ("LOAD <http://example.org/data.ttl>", "UPDATE"),
        ("SELEKT * {}", None),  # a typo: left to the parser
        ("", None),
    ],
)
def test_query_form(sparql: str, form: str | None) -> None:
    assert query_form(sparql) == form


def test_update_needs_permission(store: Store) -> None:
    update = 'INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> cg:cue "x" } }'
    with pytest.raises(ReadOnlyError, match="--update"):
        run_query(store, update)
    assert not run_query(store, "ASK { ?s cg:cue 'x' }").askAnswer
    assert run_query(store, update, update=True) is None
    assert run_query(store, "ASK { ?s cg:cue 'x' }").askAnswer
    run_query(store, "DROP GRAPH <urn:x:g>", update=True)


@pytest.mark.parametrize(
    ("sparql", "line", "token"),
    [
        ("SELECT *\nWHERE { ?s ?p ?o }\nLIMIT x", 3, "x"),
        ("PREFIX ex: <urn:x:>\nSELECT * WHERE { ?s ex:p ?o } LIMIT 1 OFFSET y", 2, "y"),
    ],
)
def test_syntax_error_has_line_and_column(store: Store, sparql: str, line: int, token: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(store, sparql)
    error = caught.value
    assert (error.line, error.column) == (line, sparql.splitlines()[line - 1].index(token) + 1)
    assert f"line {line}" in str(error) and error.message


def test_prefixes_are_predeclared(store: Store) -> None:
    result = run_query(
        store,
        "SELECT ?label WHERE { ?a a schema:Person ; skos:prefLabel ?label ; cg:hasRole ?r }",
    )
    assert result is not None and result.type == "SELECT"
    assert [str(row[0]) for row in result] == ["Masrour Barzani"]  # type: ignore[index]


def test_sparql_counts_agree_with_claim_records(store: Store) -> None:
    result = run_query(
        store,
        "SELECT ?r (COUNT(?c) AS ?n) WHERE { ?c a cg:Claim ; cg:relation ?r } GROUP BY ?r",
    )
    counted = {str(r): int(n) for r, n in result}  # type: ignore[misc]
    records = Counter(record["relation"] for record in claim_records(store))
    assert counted == dict(records)
    assert sum(counted.values()) == stats(store)["claims"] == 6


def test_shortcut_edges_answer_simple_questions(store: Store) -> None:
    result = run_query(store, "SELECT ?who WHERE { ?who cg:accuses actor:kataib-hezbollah }")
    assert [row[0] for row in result] == [actor_iri("krg")]  # type: ignore[index]
    # the negated CLAIM_RESPONSIBILITY has no edge (and no object anyway)
    edges = {p for p in RELATION_PROPERTY.values()}
    used = {row[0] for row in run_query(store, "SELECT DISTINCT ?p WHERE { ?s ?p ?o }")}  # type: ignore[index]
    assert used & edges == {CG.accuses, CG.requests, CG.affiliatedWith}


def test_claim_records_have_the_jsonl_fields(store: Store) -> None:
    records = list(claim_records(store))
    assert records and all(set(r) == CLAIM_FIELDS for r in records)
    texts = {"doc-a": article_a().document.text, "doc-b": article_b().document.text}
    for record in records:
        text = texts[record["doc"].rsplit("/", 1)[1]]
        assert text[record["start"] : record["end"]] == record["text"]
        assert set(record["subject"]) == {"id", "label", "type"}
    negated = [r for r in records if r["relation"] == "CLAIM_RESPONSIBILITY"]
    assert [(r["polarity"], r["object"], r["date"]) for r in negated] == [
        ("negated", None, "2024-02-11")
    ]
    quoted = [r for r in records if r["quote"]]
    assert [(r["speaker"]["label"], r["quote"]) for r in quoted] == [
        ("Masrour Barzani", "We will not let this pass,")
    ]
    assert [r["date"] for r in records] == sorted(r["date"] for r in records)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"relation": "accuse"}, {"ACCUSE"}),
        ({"actor": "kataib hizbullah"}, {"DENY", "ACCUSE", "AFFILIATED_WITH"}),  # an alias
        ({"actor": "KATA'IB HEZBOLLAH"}, {"DENY", "ACCUSE", "AFFILIATED_WITH"}),
        ({"actor": "pmf"}, {"CLAIM_RESPONSIBILITY", "AFFILIATED_WITH"}),  # the id
        ({"actor": "Baghdad"}, {"REQUEST"}),  # as object
        ({"speaker": "Erbil"}, {"ACCUSE"}),
        ({"speaker": "Kataib Hezbollah"}, {"DENY"}),  # subject of AFFILIATED_WITH, not speaker
        ({"actor": "Kataib Hezbollah", "relation": "DENY"}, {"DENY"}),
    ],
)
def test_claim_filters(store: Store, filters: dict, expected: set[str]) -> None:
    assert {r["relation"] for r in claim_records(store, **filters)} == expected


@pytest.mark.parametrize(
    ("filters", "error", "hint"),
    [
        ({"relation": "ACUSE"}, FilterError, "ACCUSE"),
        ({"actor": "Hezbolla"}, ActorNotFound, "Kataib Hezbollah"),
        ({"actor": "Barzani"}, AmbiguousActor, "Nechirvan Barzani"),  # two Barzanis
    ],
)
def test_bad_claim_filters(store: Store, filters: dict, error: type, hint: str) -> None:
    with pytest.raises(error, match=hint):
        list(claim_records(store, **filters))


def test_entity_records(store: Store) -> None:
    records = {r["id"]: r for r in entity_records(store)}
    assert all(ENTITY_FIELDS | {"roles"} == set(r) for r in records.values())
    kh = records["kataib-hezbollah"]
    assert (kh["type"], kh["mentions"], kh["documents"], kh["wikidata"]) == (
        "ArmedGroup", 3, 2, "Q1139220",
    )  # fmt: skip
    assert kh["aliases"] == ["Kata'ib Hezbollah", "Kataib Hizbullah"]
    assert records["masrour-barzani"]["roles"] == ["Prime Minister (Kurdistan Region Government)"]
    assert records["nechirvan-barzani"]["mentions"] == 0
    mentions = [r["mentions"] for r in entity_records(store)]
    assert mentions == sorted(mentions, reverse=True)


@pytest.mark.parametrize(
    ("type_", "ids"),
    [
        ("Person", {"masrour-barzani", "nechirvan-barzani"}),
        ("armedgroup", {"kataib-hezbollah", "pmf"}),
        ("Company", set()),
    ],
)
def test_entity_type_filter(store: Store, type_: str, ids: set[str]) -> None:
    assert {r["id"] for r in entity_records(store, type=type_)} == ids


def test_unknown_entity_type(store: Store) -> None:
    with pytest.raises(FilterError, match="Person"):
        list(entity_records(store, type="Militia"))


def test_actor_profile(store: Store) -> None:
    profile = actor_profile(store, "the krg")
    assert profile["label"] == "Kurdistan Region Government"
    assert [c["relation"] for c in profile["claims_made"]] == ["ACCUSE"]
    assert profile["claims_received"] == []
    kh = actor_profile(store, "Kataib Hezbollah")
    assert [c["relation"] for c in kh["claims_received"]] == ["ACCUSE"]
    assert kh["parent"] == {
        "id": "pmf",
        "label": "Popular Mobilization Forces",
        "type": "ArmedGroup",
    }
    masrour = actor_profile(store, "masrour barzani")
    assert [q["quote"] for q in masrour["quotes"]] == ["We will not let this pass,"]


def test_stats(store: Store) -> None:
    counts = stats(store)
    assert (counts["documents"], counts["actors"], counts["claims"]) == (2, 7, 6)
    assert counts["claims_by_relation"]["ACCUSE"] == 1
    assert counts["size_bytes"] > 0


# ---- formats ---------------------------------------------------------------------------

SELECT_EDGES = "SELECT ?a ?b WHERE { ?a cg:accuses ?b }"


def test_table_uses_prefixed_names(store: Store) -> None:
    text = format_result(run_query(store, SELECT_EDGES), "table")
    header, rule, row, footer = text.splitlines()
    assert header.split() == ["a", "b"]
    assert row.split() == ["actor:krg", "actor:kataib-hezbollah"]
    assert footer == "(1 row)"


def test_csv_tsv_json_carry_the_same_rows(store: Store) -> None:
    as_csv = list(csv.reader(io.StringIO(format_result(run_query(store, SELECT_EDGES), "csv"))))
    assert as_csv == [["a", "b"], [str(actor_iri("krg")), str(actor_iri("kataib-hezbollah"))]]
    as_tsv = format_result(run_query(store, SELECT_EDGES), "tsv").splitlines()
    assert as_tsv == ["?a\t?b", f"<{actor_iri('krg')}>\t<{actor_iri('kataib-hezbollah')}>"]
    as_json = json.loads(format_result(run_query(store, SELECT_EDGES), "json"))
    assert as_json["head"]["vars"] == ["a", "b"]
    assert as_json["results"]["bindings"] == [
        {
            "a": {"type": "uri", "value": str(actor_iri("krg"))},
            "b": {"type": "uri", "value": str(actor_iri("kataib-hezbollah"))},
        }
    ]


def test_json_literals_keep_datatypes(store: Store) -> None:
    result = run_query(store, "SELECT DISTINCT ?n WHERE { actor:kataib-hezbollah cg:sector ?n }")
    (binding,) = json.loads(format_result(result, "json"))["results"]["bindings"]
    assert binding["n"]["value"] == "REB" and binding["n"]["type"] == "literal"


def test_turtle_for_construct(store: Store) -> None:
    result = run_query(store, "CONSTRUCT { ?a cg:accuses ?b } WHERE { ?a cg:accuses ?b }")
    graph = Graph().parse(data=format_result(result, "turtle"), format="turtle")
    assert set(graph) == {(actor_iri("krg"), CG.accuses, actor_iri("kataib-hezbollah"))}


@pytest.mark.parametrize(
    ("sparql", "fmt", "expected"),
    [
        ("ASK { actor:krg cg:accuses actor:kataib-hezbollah }", "table", "true\n"),
        ("ASK { actor:kataib-hezbollah cg:accuses actor:krg }", "csv", "false\n"),
        ("ASK { ?s ?p ?o }", "json", '{"head": {}, "boolean": true}\n'),
    ],
)
def test_ask_results(store: Store, sparql: str, fmt: str, expected: str) -> None:
    assert format_result(run_query(store, sparql), fmt) == expected


@pytest.mark.parametrize(
    ("sparql", "fmt"),
    [(SELECT_EDGES, "turtle"), (SELECT_EDGES, "xml"), ("ASK {}", "turtle")],
)
def test_format_errors(store: Store, sparql: str, fmt: str) -> None:
    with pytest.raises(FormatError):
        format_result(run_query(store, sparql), fmt)


def test_table_cuts_long_cells(store: Store) -> None:
    result = run_query(store, "SELECT ?t WHERE { ?c cg:text ?t } LIMIT 1")
    (row,) = format_result(result, "table", max_width=20).splitlines()[2:3]
    assert len(row) == 20 and row.endswith("…")


def test_no_store_left_open(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.replace_document(article_a())
    with open_store(tmp_path / "s") as again:  # the lock was released
        assert again.stored_hash("doc-a") is not None


def test_undated_claims_come_last(tmp_path: Path) -> None:
    from dataclasses import replace

    undated = replace(article_a(), document=replace(article_a().document, date=None))
    with open_store(tmp_path / "s") as store:
        store.replace_document(undated)
        store.replace_document(article_b())
        dates = [record["date"] for record in claim_records(store)]
    assert dates == ["2024-02-11"] * 3 + [None] * 3


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Biden", "joe-biden"),  # the one person with that surname
        ("Joe Biden", "joe-biden"),
        ("Rudaw", "rudaw"),  # an organisation's label, not a surname match
        ("Hezbollah", None),  # not a person: no surname rule, so not found
    ],
)
def test_resolve_actor_by_surname(name: str, expected: str | None) -> None:
    from kg.readback import ActorInfo, resolve_actor

    catalog = {
        "joe-biden": ActorInfo(id="joe-biden", label="Joe Biden", type="Person"),
        "rudaw": ActorInfo(id="rudaw", label="Rudaw", type="Media"),
        "kataib-hezbollah": ActorInfo(
            id="kataib-hezbollah", label="Kataib Hezbollah", type="ArmedGroup"
        ),
    }
    if expected is None:
        with pytest.raises(ActorNotFound):
            resolve_actor(catalog, name)
    else:
        assert resolve_actor(catalog, name).id == expected


def test_surname_shared_by_two_people_is_ambiguous() -> None:
    from kg.readback import ActorInfo, resolve_actor

    catalog = {
        a: ActorInfo(id=a, label=a.replace("-", " ").title(), type="Person")
        for a in ("nechirvan-barzani", "masrour-barzani")
    }
    with pytest.raises(AmbiguousActor, match="Masrour Barzani"):
        resolve_actor(catalog, "Barzani")


def test_read_query_text_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert read_query("SELECT * {}") == "SELECT * {}"
    assert read_query(f"@{path}") == "ASK { ?s ?p ?o }"
    assert read_query("-", stdin=io.StringIO("ASK {}")) == "ASK {}"


def test_read_query_names_the_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.rq"
    with pytest.raises(QueryFileError) as error:
        read_query(f"@{missing}")
    assert str(error.value) == f"cannot read query file {missing}: No such file or directory"


# ---- checks before a query runs (kg.querycheck) -----------------------------------------


@pytest.mark.parametrize(
    ("sparql", "targets"),
    [
        (
            "SELECT * { SERVICE <http://a.example/q> { ?s ?p ?o } }",
            ("SERVICE <http://a.example/q>",),
        ),
        ("SELECT * { SERVICE SILENT ?where { ?s ?p ?o } }", ("SERVICE ?where",)),
        (
            "PREFIX e: <http://a.example/>\nASK { SERVICE e:q {} }",
            ("SERVICE <http://a.example/q>",),
        ),
        ("SELECT * { ?s ?p 'SERVICE <http://a.example/q> {}' }", ()),  # a string
        ("SELECT * { # SERVICE <http://a.example/q> {}\n ?s ?p ?o }", ()),  # a comment
        ("SELECT ?service { ?service ?load ?download }", ()),  # variables
        ("SELECT * { ?s cg:service ?o }", ()),  # a prefixed name
        ("SELECT * { \\u0053ERVICE <http://a.example/q> {} }", ("SERVICE <http://a.example/q>",)),
    ],
)
def test_network_targets_of_queries(sparql: str, targets: tuple[str, ...]) -> None:
    from kg.querycheck import network_targets
    from kg.vocab import PREFIXES

    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    assert network_targets(sparql, update=False, prefixes=prefixes) == targets


@pytest.mark.parametrize(
    ("sparql", "targets"),
    [
        ("LOAD <http://a.example/d.nt>", ("LOAD <http://a.example/d.nt>",)),
        (
            "DROP SILENT GRAPH <urn:g> ; LOAD SILENT <http://a.example/d.nt> INTO GRAPH <urn:g>",
            ("LOAD <http://a.example/d.nt>",),
        ),
        (
            "INSERT { ?s ?p ?o } WHERE { SERVICE <http://a.example/q> { ?s ?p ?o } }",
            ("SERVICE <http://a.example/q>",),
        ),
        ('INSERT DATA { <urn:a> <urn:b> "LOAD <http://a.example/d.nt>" }', ()),
    ],
)
def test_network_targets_of_updates(sparql: str, targets: tuple[str, ...]) -> None:
    from kg.querycheck import network_targets

    assert network_targets(sparql, update=True) == targets


def test_a_text_rdflib_cannot_read_is_judged_by_its_words() -> None:
    from kg.querycheck import network_targets

    (target,) = network_targets("SELEKT * { SERVICE <http://a.example/q> {} }", update=False)
    assert target.startswith("SERVICE (unverified")


def test_service_is_refused_before_it_runs(store: Store) -> None:
    from kg.errors import NetworkRefused

    with pytest.raises(NetworkRefused, match="--allow-network") as caught:
        run_query(store, "SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    assert caught.value.targets == ("SERVICE <http://127.0.0.1:9/x>",)


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELECT * { FILTER(" + "(" * 70 + "1" + ")" * 70 + ") }", "nests brackets"),
        ("SELECT * " + "{ " * 65 + "} " * 65, "nests brackets"),
        ("SELECT * { ?s ?p (" + " ".join(map(str, range(65))) + ") }", "items in one pair"),
        ("SELECT * { ?s ?p (" + " ".join(f"-{i}" for i in range(65)) + ") }", "items in one pair"),
        ("SELECT * { ?s ?p (" + ' "1"^^xsd:int' * 65 + ") }", "items in one pair"),
        ("SELECT * { ?s ?p (" + " (1)" * 65 + ") }", "items in one pair"),
        # flat chains of 10,000 terms: the engine's parser overflows its stack on them
        ("SELECT * { FILTER(" + " + ".join(["1"] * 10_000) + ") }", "more than 2,000 terms"),
        ("SELECT * { FILTER(" + " && ".join(["true"] * 10_000) + ") }", "more than 2,000 terms"),
        ("SELECT " + " ".join(f"?v{i}" for i in range(10_000)) + " {}", "more than 2,000 terms"),
        ("SELECT * { " + "?s ?p ?o . " * 10_000 + "}", "more than 2,000 terms"),
        ("SELECT * { " + "MINUS { ?s ?p ?o } " * 4_000 + "}", "more than 2,000 terms"),
        ("SELECT * { ?s ?p " + ", ".join(map(str, range(10_000))) + " }", "more than 2,000 terms"),
    ],
)
def test_shape_limits(sparql: str, message: str) -> None:
    from kg.errors import QueryTooComplex
    from kg.querycheck import check_shape

    with pytest.raises(QueryTooComplex, match=message):
        check_shape(sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * { FILTER(" + "(" * 60 + "1" + ")" * 60 + ") }",
        'SELECT * { ?s ?p "' + "(" * 500 + '" }',  # brackets in a string
        "SELECT * { ?s ?p ?o } # " + "{" * 500,  # in a comment
        "SELECT * { ?s ?p ?o FILTER(?o IN (" + ", ".join(map(str, range(500))) + ")) }",
        "SELECT * { VALUES (?a ?b) { " + "(1 2) " * 500 + "} }",
        "SELECT * { ?s ?p ?o FILTER(" + " || ".join(f"?o = {i}" for i in range(200)) + ") }",
        # VALUES blocks are data: 20,000 values do not count against the term limit
        "SELECT * { VALUES ?x { " + " ".join(map(str, range(20_000))) + " } ?x ?p ?o }",
        "SELECT * { ?x ?p ?o } VALUES (?x ?p) { " + "(<urn:a> <urn:b>) " * 5_000 + "}",
    ],
)
def test_shape_accepts_ordinary_queries(sparql: str) -> None:
    from kg.querycheck import check_shape

    check_shape(sparql)


@pytest.mark.parametrize(
    ("sparql", "message"),
    [
        ("SELEC * WHERE {}", "unknown keyword 'SELEC'"),
        ("PREFIX ex: <urn:x#>\nSLECT * {}", "did you mean SELECT?"),
        ("", "the query is empty"),
        ("# nothing but a comment", "the query is empty"),
    ],
)
def test_unknown_query_form(store: Store, sparql: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        run_query(store, sparql)


def test_unknown_prefix_names_the_prefix(store: Store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        run_query(store, "SELECT * WHERE {\n  ?s cg:cue ?c ; nope:thing ?o\n}")
    assert caught.value.line == 2
    assert caught.value.message.startswith("unknown prefix 'nope'")
    assert "\\u{" not in str(caught.value)


def test_errors_while_rows_are_computed_are_raised_by_run_query(store: Store) -> None:
    from kg.errors import QueryError

    with pytest.raises(QueryError, match="SERVICE call of the query failed"):
        run_query(
            store, "SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }", allow_network=True
        )


def test_read_query_refuses_bytes_that_are_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.rq"
    path.write_bytes("SELECT * { ?s ?p 'café' }".encode("latin-1"))
    with pytest.raises(QueryFileError) as error:
        read_query(f"@{path}")
    assert str(error.value) == (
        f"query file {path} is not UTF-8 text (byte 0xe9 at offset 21); save it as UTF-8"
    )
    assert read_query("-", stdin=io.BytesIO("ASK { ?s ?p 'é' }".encode())) == "ASK { ?s ?p 'é' }"


def test_printable_escapes_terminal_controls() -> None:
    from kg.query import printable, text_table

    assert printable("a\x1b[2Jb\x07c\u202ed\x9b") == "a\\x1b[2Jb\\x07c\\u202ed\\x9b"
    assert printable("tab\tand\nnewline") == "tab\tand\nnewline"
    table = text_table(["t"], [["\x1b]0;title\x07" + "x" * 100]], width=None)
    assert "\x1b" not in table and "x" * 100 in table


def test_turtle_escapes_terminal_controls_and_keeps_the_data(tmp_path: Path) -> None:
    text = article_a().document.text.replace("drone strike", "drone \x1b[2Jstrike")
    with open_store(tmp_path / "s") as store:
        store.replace_document(article_a(text))
        result = run_query(store, "CONSTRUCT { ?c cg:text ?t } WHERE { ?c cg:text ?t }")
        turtle = format_result(result, "turtle")
    assert "\x1b" not in turtle and "\\u001B[2J" in turtle
    parsed = Graph().parse(data=turtle, format="turtle")
    assert any("\x1b[2J" in str(o) for o in parsed.objects())


def test_an_unterminated_string_ends_at_its_line() -> None:
    # one token to the end of the line, not a new string attempt at every escaped quote
    # (which made the check quadratic on a line of them)
    from kg.querycheck import _tokens

    line = '" ' + '\\" ' * 1_000
    tokens = list(_tokens(line + "\n{ ?s ?p ?o }"))
    assert [t.kind for t in tokens][:2] == ["string", "open"]
    assert tokens[0].text == line


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_worker_answers_and_reports_errors(tmp_path: Path, monkeypatch, fork: bool) -> None:
    import kg.worker
    from kg.worker import QueryJob, run_job

    with open_store(tmp_path / "s") as store:
        store.replace_document(article_a())
    if fork and not kg.worker._can_fork():  # forking a process with threads can hang
        pytest.skip("this process has threads (or no fork): run_job spawns its worker")
    monkeypatch.setattr(kg.worker, "_can_fork", lambda: fork)
    job = QueryJob(sparql="SELECT ?who WHERE { ?who cg:accuses ?whom }", store=tmp_path / "s")
    assert "actor:krg" in (run_job(job, timeout=120) or "")
    with pytest.raises(QuerySyntaxError) as caught:  # crosses the process boundary whole
        run_job(QueryJob(sparql="SELECT * WHERE { ?s ?p }", store=tmp_path / "s"), timeout=120)
    assert (caught.value.line, caught.value.column) == (1, 25)
    assert run_job(
        QueryJob(sparql="INSERT DATA { GRAPH <urn:x:g> { <urn:a> cg:cue 'x' } }",
                 store=tmp_path / "s", update=True),
        timeout=120,
    ) is None  # fmt: skip


def test_term_limit_names_where_it_was_passed() -> None:
    from kg.errors import QueryTooComplex
    from kg.querycheck import MAX_TERMS, check_shape

    check_shape("SELECT * {\n" + "?s ?p ?o .\n" * (MAX_TERMS // 4 - 3) + "}")  # just under
    with pytest.raises(QueryTooComplex) as caught:
        check_shape("SELECT * {\n" + "?s ?p ?o .\n" * (MAX_TERMS // 4) + "}")
    message = str(caught.value)
    assert "\n" not in message  # one line
    assert f"at line {MAX_TERMS // 4 + 1}, column 7" in message  # its 2,001st term


def test_a_crash_of_the_worker_is_a_message(tmp_path: Path) -> None:
    # A crash of the engine in native code kills only the worker (a SIGSEGV, as 10,000
    # OR-ed comparisons gave before the term limit refused them); the command explains.
    # Run in a fresh process: it forks its worker, which inherits the crashing `answer`.
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        "import kg.worker\n"
        "from kg.errors import QueryError\n"
        "kg.worker.answer = lambda job: os.kill(os.getpid(), signal.SIGSEGV)\n"
        "assert kg.worker._can_fork()\n"
        "try:\n"
        "    job = kg.worker.QueryJob(sparql='ASK {}', store=sys.argv[1])\n"
        "    kg.worker.run_job(job, timeout=120)\n"
        "except QueryError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s")],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("the query engine crashed (SIGSEGV) on this query")


def test_a_ctrl_c_just_after_the_fork_still_stops_the_worker(tmp_path: Path) -> None:
    # A Ctrl-C that lands between starting the worker and waiting for it must still kill
    # the worker: else the command waits at exit for a daemon child busy in the engine,
    # where no signal reaches Python. Run in a fresh process that forks a worker which
    # would sleep for a minute, and raises KeyboardInterrupt as soon as it has started it.
    import subprocess
    import sys

    script = (
        "import multiprocessing, os, sys, time\n"
        "import kg.worker\n"
        "from kg.errors import QueryInterrupted\n"
        "kg.worker.answer = lambda job: time.sleep(60)\n"
        "base = multiprocessing.get_context('fork')\n"
        "class Interrupted(base.Process):\n"
        "    def start(self):\n"
        "        super().start()\n"
        "        Interrupted.started = self\n"
        "        raise KeyboardInterrupt\n"
        "class Context:\n"
        "    Pipe = staticmethod(base.Pipe)\n"
        "    Process = Interrupted\n"
        "job = kg.worker.QueryJob(sparql='ASK {}', store=sys.argv[1])\n"
        "began = time.monotonic()\n"
        "try:\n"
        "    kg.worker.run_job(job, timeout=120, context=Context())\n"
        "except QueryInterrupted as error:\n"
        "    print(error, Interrupted.started.is_alive(), round(time.monotonic() - began) < 10)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "s")],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "query stopped (Ctrl-C) False True"
