"""The command line's listings (kg/listing.py): records in, the text a command prints out.

Records are hand-built in DESIGN.md's JSONL shape; no store and no model are needed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.analysis import Centrality, Community, PathStep
from kg.errors import FormatError
from kg.export import claims_csv
from kg.listing import (
    ENTITY_COLUMNS,
    LISTING_FORMATS,
    centrality_listing,
    centrality_table,
    check_format,
    claim_line,
    claims_listing,
    claims_table,
    communities_listing,
    communities_table,
    drawing_summary,
    entities_csv,
    entities_listing,
    entities_table,
    ingest_summary,
    json_list,
    jsonl,
    path_listing,
    path_text,
    profile_listing,
    profile_text,
    stats_listing,
    stats_text,
)

KH = {"id": "kataib-hezbollah", "label": "Kataib Hezbollah", "type": "ArmedGroup"}
KRG = {"id": "krg", "label": "Kurdistan Region Government", "type": "Government"}


def claim(**fields: Any) -> dict[str, Any]:
    return {
        "id": "c1", "doc": "doc:a", "source": "a.txt", "date": "2024-01-05",
        "relation": "ACCUSE", "subject": KRG, "object": KH, "speaker": KRG,
        "cue": "accused", "quote": None, "text": "The KRG accused the group.",
        "start": 0, "end": 26, "polarity": "affirmed", "modality": "asserted",
        "confidence": 0.9,
    } | fields  # fmt: skip


def entity(**fields: Any) -> dict[str, Any]:
    return {
        "id": "kataib-hezbollah", "label": "Kataib Hezbollah", "type": "ArmedGroup",
        "aliases": ["KH", "Kata'ib Hezbollah"], "mentions": 3, "documents": 2,
        "wikidata": None, "roles": [],
    } | fields  # fmt: skip


def test_jsonl_is_one_object_per_line_unicode_kept() -> None:
    text = jsonl([{"a": "“é”"}, {"b": None}])
    assert text == '{"a": "“é”"}\n{"b": null}\n'
    assert jsonl([]) == ""


def test_json_list_of_dataclasses() -> None:
    part = Community(index=1, members=(("krg", "KRG"),), claims=0)
    assert json.loads(json_list([part])) == [{"index": 1, "members": [["krg", "KRG"]], "claims": 0}]
    assert json_list([]).endswith("]\n")


@pytest.mark.parametrize(
    ("record", "cue", "evidence"),
    [
        (claim(), "accused", "The KRG accused the group."),
        (claim(quote="They did it"), "accused", "“They did it”"),  # the quote wins
        (claim(polarity="negated", cue="deny"), "not deny", "The KRG accused the group."),
    ],
)
def test_claims_table_row(record: dict[str, Any], cue: str, evidence: str) -> None:
    header, rule, row, count = claims_table([record]).splitlines()
    assert header.split() == [
        "date", "relation", "subject", "object", "speaker", "cue", "sources",
        "quote", "or", "sentence",
    ]  # fmt: skip
    assert set(rule) == {"-", " "}
    assert row.startswith("2024-01-05  ACCUSE") and cue in row and row.endswith(evidence)
    assert count == "(1 claim)"


def test_claims_table_counts_and_blanks() -> None:
    undated = claim(date=None, object=None, speaker=None)
    lines = claims_table([undated, claim()]).splitlines()
    assert lines[-1] == "(2 claims)"
    assert lines[2].startswith("            ACCUSE")  # no date: an empty cell
    assert claims_table([]).splitlines()[-1] == "(0 claims)"


def test_entities_csv_and_table() -> None:
    records = [entity(), entity(id="krg", label="KRG", aliases=[], wikidata="Q123", mentions=1)]
    rows = entities_csv(records).splitlines()
    assert rows[0] == ",".join(ENTITY_COLUMNS)
    assert rows[1] == "kataib-hezbollah,Kataib Hezbollah,ArmedGroup,KH; Kata'ib Hezbollah,3,2,,"
    assert rows[2] == "krg,KRG,ArmedGroup,,1,2,Q123,"
    table = entities_table(records).splitlines()
    assert table[0].split() == list(ENTITY_COLUMNS)
    assert table[-1] == "(2 actors)" and entities_table(records[:1]).endswith("(1 actor)\n")


@pytest.mark.parametrize(
    ("record", "other", "expected"),
    [
        (claim(), "object", "  2024-01-05  ACCUSE -> Kataib Hezbollah (accused): The KRG"),
        (claim(), "subject", "  2024-01-05  ACCUSE <- Kurdistan Region Government (accused)"),
        (claim(date=None, object=None), "object", "  undated  ACCUSE (accused): The KRG"),
        (claim(polarity="negated", quote="No"), "object", "Hezbollah (not accused): “No”"),
    ],
)
def test_claim_line(record: dict[str, Any], other: str, expected: str) -> None:
    assert expected in claim_line(record, other=other)


def test_profile_text() -> None:
    profile = {
        "id": "kataib-hezbollah", "label": "Kataib Hezbollah", "type": "ArmedGroup",
        "aliases": ["KH"], "wikidata": None, "sector": "REB",
        "parent": {"id": "pmf", "label": None}, "country": None, "roles": [],
        "mentions": 3, "documents": 2, "claims_made": [],
        "claims_received": [claim()],
        "quotes": [{"date": None, "quote": "We deny it", "cue": "said"}],
    }  # fmt: skip
    assert profile_text(profile).splitlines() == [
        "Kataib Hezbollah  (ArmedGroup, id kataib-hezbollah)",
        "aliases: KH",
        "sector: REB",
        "part of: pmf",  # no label: the id
        "mentions: 3 in 2 documents",
        "claims made (0):",
        "claims received (1):",
        "  2024-01-05  ACCUSE <- Kurdistan Region Government (accused): The KRG accused the group.",
        "quotes (1):",
        "  undated  “We deny it” (said)",
    ]


@pytest.mark.parametrize(("size", "first"), [(2_500_000, "store: s (2.5 MB)"), (None, "store: s")])
def test_stats_text(size: int | None, first: str) -> None:
    counts = {
        "store": "s", "size_bytes": size, "documents": 2, "actors": 7, "claims": 6,
        "claims_by_relation": {"ACCUSE": 4, "DENY": 2}, "quads": 99,
    }  # fmt: skip
    assert stats_text(counts).splitlines() == [
        first,
        "documents: 2",
        "actors: 7 (each counted once, registry actors included)",
        "claims: 6",
        "  ACCUSE                4",
        "  DENY                  2",
        "quads: 99",
    ]


def test_path_text() -> None:
    evidence = {"text": "The KRG accused the group.", "source": "a.txt", "date": "2024-01-05"}
    step = PathStep(
        source="krg", target="kh", source_label="KRG", target_label="KH", relation="ACCUSE",
        forward=True, count=4, evidence=(evidence,) * 4,
    )  # fmt: skip
    lines = path_text([step]).splitlines()
    assert lines[0] == "1. KRG -ACCUSE-> KH (4 claims)"
    assert lines[1:] == ["   The KRG accused the group.", "       a.txt, 2024-01-05"] * 3  # 3 shown
    assert path_text([]) == "(the same actor)\n"


def test_centrality_and_communities_tables() -> None:
    row = Centrality("kh", "KH", "ArmedGroup", 0.5, 2, 1, 0.25, 0.125)
    lines = centrality_table([row], total=5).splitlines()
    assert lines[2].split() == ["1", "KH", "ArmedGroup", "0.5000", "1", "2", "0.250", "0.125"]
    assert lines[-1] == "(1 of 5 actors)"
    part = Community(index=1, members=(("kh", "KH"), ("pmf", "PMF")), claims=3)
    lines = communities_table([part]).splitlines()
    assert lines[2].split() == ["1", "2", "3", "KH,", "PMF"]
    assert lines[-1] == "(1 communities)"


def test_ingest_summary() -> None:
    from kg.ingest import IngestReport

    report = IngestReport(added=["a", "b"], unchanged=["c"], claims=5, actors=4, words=300)
    report.seconds = 2.0
    assert ingest_summary(report).splitlines() == [
        "3 documents read: 2 added, 0 updated, 1 unchanged; 0 failed.",
        "5 claims and 4 actors (an actor counts once in each document naming it), "
        "300 words in 2.0s (1.5 documents/s).",
    ]
    assert "(0.0 documents/s)" in ingest_summary(IngestReport())  # nothing read, no division


@pytest.mark.parametrize(
    ("laid_out", "total", "expected"),
    [
        (False, 2, ["wrote g.html: 2 actors, 1 edges (3 claims), 2 KiB"]),
        (True, 2, ["wrote g.html: 2 actors, 1 edges (3 claims), 2 KiB",
                   "layout computed in advance (more than 1 actors)"]),
        (False, 9, ["wrote g.html: 2 actors, 1 edges (3 claims), 2 KiB",
                    "cut by filters from 9 actors"]),
    ],
)  # fmt: skip
def test_drawing_summary(laid_out: bool, total: int, expected: list[str]) -> None:
    import networkx as nx

    graph = nx.MultiDiGraph(total_nodes=total)
    graph.add_edge("a", "b", key="ACCUSE", count=3)
    text = drawing_summary(graph, Path("g.html"), size=2048, laid_out=laid_out, threshold=1)
    assert text.splitlines() == expected


# ---- --format: checked first, then the listing it names -------------------------------


def test_check_format_accepts_a_choice() -> None:
    check_format("csv", LISTING_FORMATS)


def test_check_format_lists_the_choices() -> None:
    with pytest.raises(FormatError) as caught:
        check_format("xml", LISTING_FORMATS)
    assert str(caught.value) == "unknown --format 'xml'; choose one of table, jsonl, csv"


@pytest.mark.parametrize(
    ("fmt", "render"), [("table", claims_table), ("jsonl", jsonl), ("csv", claims_csv)]
)
def test_claims_listing(fmt: str, render: Any) -> None:
    records = [claim(), claim(id="c2", quote="We did not.")]
    assert claims_listing(records, fmt) == render(records)


@pytest.mark.parametrize(
    ("fmt", "render"), [("table", entities_table), ("jsonl", jsonl), ("csv", entities_csv)]
)
def test_entities_listing(fmt: str, render: Any) -> None:
    records = [entity(), entity(id="krg", label="KRG", aliases=[])]
    assert entities_listing(records, fmt) == render(records)


def test_json_listings_are_indented_and_end_in_a_newline() -> None:
    profile = {"id": "kh", "label": "Kataib Hezbollah", "aliases": ["كتائب حزب الله"]}
    expected = json.dumps(profile, ensure_ascii=False, indent=2) + "\n"  # Arabic kept as is
    assert profile_listing(profile, "json") == expected
    counts = {"store": "kg-store", "documents": 2, "actors": {"é": 1}}
    assert stats_listing(counts, "json") == json.dumps(counts, indent=2) + "\n"  # ASCII-escaped


def test_analysis_listings_pick_table_or_json() -> None:
    row = Centrality("kh", "KH", "ArmedGroup", 0.5, 2, 1, 0.25, 0.125)
    assert centrality_listing([row], "table", total=5) == centrality_table([row], total=5)
    assert centrality_listing([row], "json", total=5) == json_list([row])
    part = Community(index=1, members=(("kh", "KH"),), claims=3)
    assert communities_listing([part], "table") == communities_table([part])
    assert communities_listing([part], "json") == json_list([part])
    assert path_listing([], "table") == path_text([]) and path_listing([], "json") == "[]\n"
