"""kg.readback: filters asked of the store give what filtering every claim in Python gives."""

from __future__ import annotations

import pytest

from kg.readback import actor_catalog, actor_profile, claim_records
from kg.store import Store, open_store
from tests.kg.samples import article_a, article_b, registry_actors


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with open_store(tmp_path_factory.mktemp("readback") / "store") as opened:
        opened.replace_registry(registry_actors())
        opened.replace_document(article_a())
        opened.replace_document(article_b())
        yield opened


def _ids(records) -> list[str]:
    return [record["id"] for record in records]


def _involves(record, actor_id: str) -> bool:
    return any((record[k] or {}).get("id") == actor_id for k in ("subject", "object", "speaker"))


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        ({"actor": "Kataib Hezbollah"}, lambda r: _involves(r, "kataib-hezbollah")),
        ({"speaker": "KRG"}, lambda r: (r["speaker"] or {}).get("id") == "krg"),
        ({"relations": ("DENY", "REQUEST")}, lambda r: r["relation"] in ("DENY", "REQUEST")),
        ({"min_confidence": 0.75}, lambda r: r["confidence"] >= 0.75),
        ({"since": "2024-02"}, lambda r: r["date"] >= "2024-02"),
        ({"until": "2024-01"}, lambda r: r["date"][:7] <= "2024-01"),
        ({"until": "2024-01-04"}, lambda r: False),
        ({"relation": "accuse", "relations": ("DENY",)}, lambda r: False),
    ],
)
def test_filters_in_the_query_keep_what_python_would(store: Store, filters, keep) -> None:
    everything = list(claim_records(store))
    assert _ids(claim_records(store, **filters)) == _ids(r for r in everything if keep(r))


def test_an_actor_both_subject_and_speaker_gives_its_claim_once(store: Store) -> None:
    records = list(claim_records(store, actor="Kataib Hezbollah"))
    assert (
        len(records) == len(set(_ids(records))) == 3
    )  # DENY (subject+speaker), ACCUSE, AFFILIATED


def test_the_catalogue_without_details_still_names_every_actor(store: Store) -> None:
    full = actor_catalog(store)
    light = actor_catalog(store, details=False)
    assert {k: (v.label, v.type, v.aliases) for k, v in light.items()} == {
        k: (v.label, v.type, v.aliases) for k, v in full.items()
    }
    assert full["kataib-hezbollah"].mentions == 3 and light["kataib-hezbollah"].mentions == 0
    only = actor_catalog(store, ids=["krg"])
    assert only["krg"].mentions == full["krg"].mentions and set(only) == {"krg"}


def test_profile_reads_the_actors_claims_only(store: Store) -> None:
    profile = actor_profile(store, "Kata'ib Hezbollah")
    assert profile["mentions"] == 3 and profile["documents"] == 2
    assert {r["relation"] for r in profile["claims_made"]} == {"DENY", "AFFILIATED_WITH"}
    assert [r["relation"] for r in profile["claims_received"]] == ["ACCUSE"]
