"""The actor registry: shipped entries, alias folding, capitals, validation, the ruler."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from extract.actors.registry import (
    DEFAULT_REGISTRY,
    Registry,
    RegistryError,
    install_ruler,
    load_registry,
    ruler_patterns,
)
from extract.records import ACTOR_TYPES, normalise_name


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


def test_shipped_registry_loads_with_domain_actors(shipped: Registry):
    ids = {actor.id for actor in shipped.actors()}
    for needed in ("krg", "iraqi-government", "pmf", "kataib-hezbollah", "us-government"):
        assert needed in ids
    assert all(actor.type in ACTOR_TYPES for actor in shipped.actors())
    assert [a.id for a in shipped.actors()] == sorted(ids)


def test_no_alias_names_two_actors():
    """Every alias folds to one actor only: a shared alias would silently merge two."""
    import yaml

    data = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))
    owners: dict[str, set[str]] = {}
    for entry in data["actors"]:
        for name in (entry["label"], *(entry.get("aliases") or ())):
            owners.setdefault(normalise_name(name), set()).add(entry["id"])
    shared = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    assert shared == {}


@pytest.mark.parametrize(
    ("name", "actor_id"),
    [
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("Kata’ib Hizbullah", "kataib-hezbollah"),  # curly apostrophe, other spelling
        ("KATAIB-HEZBOLLAH", "kataib-hezbollah"),
        ("Hashd al-Shaabi", "pmf"),
        ("the Popular Mobilisation Forces", "pmf"),  # leading "the", British spelling
        ("PMF", "pmf"),
        ("Kurdistan Regional Government", "krg"),
        ("federal government", "iraqi-government"),
        ("Mohammed Shia' al-Sudani", "mohammed-shia-al-sudani"),
        ("Rudaw", "rudaw"),
    ],
)
def test_lookup_folds_spellings(shipped: Registry, name: str, actor_id: str):
    actor = shipped.lookup(name)
    assert actor is not None and actor.id == actor_id


@pytest.mark.parametrize("name", ["Barzani", "Baghdad", "Hoquq bloc", ""])
def test_lookup_unknown_or_ambiguous_is_none(shipped: Registry, name: str):
    assert shipped.lookup(name) is None


@pytest.mark.parametrize(
    ("city", "government"),
    [
        ("Erbil", "krg"),
        ("ERBIL", "krg"),  # datelines are shouted
        ("Baghdad", "iraqi-government"),
        ("Washington", "us-government"),
        ("Tehran", "iran"),
        ("Ankara", "turkey"),
        ("Mosul", None),  # a city, not a capital
    ],
)
def test_government_of_capital(shipped: Registry, city: str, government: str | None):
    actor = shipped.government_of_capital(city)
    assert (actor.id if actor else None) == government
    assert shipped.is_capital(city) == (government is not None)


def test_facts_of_key_entries(shipped: Registry):
    kh = shipped.get("kataib-hezbollah")
    assert kh is not None and kh.parent == "pmf" and kh.type == "ArmedGroup"
    assert shipped.get("rudaw").type == "Media"  # type: ignore[union-attr]
    gov = shipped.government_of_country("iraq")
    assert gov is not None and gov.id == "iraqi-government"


@pytest.mark.parametrize(
    ("surname", "expected"),
    [("Trump", "donald-trump"), ("al-Sudani", "mohammed-shia-al-sudani"), ("Barzani", None)],
)
def test_person_by_surname_only_when_unique(shipped: Registry, surname: str, expected):
    actor = shipped.person_by_surname(surname)
    assert (actor.id if actor else None) == expected


def _write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors:\n  - {id: x-group, label: X}\n", "missing or empty 'type'"),
        ("actors:\n  - {id: x-group, label: X, type: Militia}\n", "unknown type 'Militia'"),
        ("actors:\n  - {id: X Group, label: X, type: Group}\n", "lowercase"),
        ("actors:\n  - {id: x-group, label: X, type: Group, colour: red}\n", "colour"),
        ("actors:\n  - {id: x-group, label: X, type: Group, wikidata: 42}\n", "QID"),
        ("actors:\n  - {id: x-group, label: X, type: Group, parent: nobody}\n", "'nobody'"),
        ("actors:\n  - {id: x-group, label: X, type: Group, aliases: X2}\n", "aliases"),
        ("capitals:\n  Mosul: nobody\n", "unknown actor id 'nobody'"),
        ("actors: {id: x}\n", "must be a list"),
        ("actors: [\n", "not valid YAML"),
        ("- just\n- a list\n", "expected a mapping"),
    ],
)
def test_invalid_user_file_names_file_and_entry(tmp_path: Path, text: str, message: str):
    path = _write(tmp_path, text)
    with pytest.raises(RegistryError) as error:
        load_registry([path])
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_error_names_the_entry(tmp_path: Path):
    path = _write(tmp_path, "actors:\n  - {id: hoquq-bloc, label: Hoquq, type: Party}\n")
    with pytest.raises(RegistryError, match="hoquq-bloc"):
        load_registry([path])


def test_missing_user_file_is_a_registry_error(tmp_path: Path):
    with pytest.raises(RegistryError, match="cannot read"):
        load_registry([tmp_path / "absent.yaml"])


def test_user_file_adds_and_overrides(tmp_path: Path):
    path = _write(
        tmp_path,
        "actors:\n"
        "  - {id: hoquq-bloc, label: Hoquq bloc, type: PoliticalParty, parent: kataib-hezbollah}\n"
        "  - {id: krg, label: KRG cabinet, type: Government}\n"
        "capitals:\n  Sulaimani: krg\n",
    )
    registry = load_registry([path])
    assert registry.lookup("Hoquq bloc").parent == "kataib-hezbollah"  # type: ignore[union-attr]
    assert registry.get("krg").label == "KRG cabinet"  # type: ignore[union-attr]
    assert registry.government_of_capital("Sulaimani").id == "krg"  # type: ignore[union-attr]
    assert registry.lookup("Kurdistan Regional Government") is None  # replaced whole


def test_ruler_patterns_match_acronyms_by_case(shipped: Registry):
    patterns = ruler_patterns(shipped)
    us = [p for p in patterns if p["id"] == "us-government" and isinstance(p["pattern"], list)]
    assert {"ORTH": "US"} in [part for p in us for part in p["pattern"]]
    counts = Counter(p["label"] for p in patterns)
    assert set(counts) <= {"PERSON", "GPE", "ORG"}


def test_install_ruler_tags_aliases_with_ids(shipped: Registry):
    import spacy

    nlp = spacy.blank("en")
    install_ruler(nlp, shipped)
    install_ruler(nlp, shipped)  # idempotent
    assert nlp.pipe_names.count("claimgraph_registry") == 1
    doc = nlp("Tell us whether the US and Kata’ib Hezbollah met the PMF in Erbil.")
    found = {(ent.text, ent.ent_id_) for ent in doc.ents}
    assert ("US", "us-government") in found
    assert ("Kata’ib Hezbollah", "kataib-hezbollah") in found
    assert ("PMF", "pmf") in found
    assert all(ent.text != "us" for ent in doc.ents)  # the pronoun is not the country


@pytest.mark.parametrize(
    ("name", "government"),
    [
        ("Kurdistan", "krg"),  # an alias of the Kurdistan Region, listed as a capital
        ("Iraqi Kurdistan", "krg"),
        ("KRI", "krg"),
        ("Kurdistan Region", "krg"),
    ],
)
def test_aliases_of_a_listed_region_stand_for_its_government(
    shipped: Registry, name: str, government: str
):
    actor = shipped.government_of_capital(name)
    assert actor is not None and actor.id == government


@pytest.mark.parametrize(
    ("city", "actor_id", "type_"),
    [
        ("Moscow", "russia", "Country"),
        ("Kabul", "afghanistan", "Country"),
        ("Addis Ababa", "ethiopia", "Country"),
        ("Baghdad", "iraqi-government", "Government"),  # `capitals` wins over the world list
        ("Odesa", None, None),
        ("Tel Aviv", None, None),
    ],
)
def test_world_capitals_stand_for_their_country(shipped: Registry, city, actor_id, type_):
    actor = shipped.government_of_capital(city)
    assert (actor.id, actor.type) == (actor_id, type_) if actor_id else actor is None
    assert shipped.is_capital(city) is (actor_id is not None)


def test_every_world_capital_names_a_listed_country(shipped: Registry):
    import yaml

    from extract.actors.names import actor_lexicon

    data = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))
    countries = set(actor_lexicon().country_names)
    for city, country in data["world_capitals"].items():
        assert normalise_name(country).replace(" ", "-") in countries or country in {
            a.label for a in shipped.actors()
        }, city
        assert shipped.government_of_capital(city) is not None, city


@pytest.mark.parametrize(
    ("name", "generic"),
    [("federal government", True), ("Ministry of Oil", True), ("Iraqi Ministry of Oil", False)],
)
def test_generic_aliases_are_marked(shipped: Registry, name: str, generic: bool):
    assert shipped.is_generic(name) is generic
    assert shipped.lookup(name) is not None  # still found by the ruler and lookup


def test_user_generic_aliases_must_be_strings(tmp_path: Path):
    path = _write(
        tmp_path, "actors:\n  - {id: x-gov, label: X gov, type: Government, generic_aliases: [1]}\n"
    )
    with pytest.raises(RegistryError, match="generic_aliases"):
        load_registry([path])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the tokenizer cuts a hyphenated acronym in three; the pattern follows it
        "The PDKI and the KDP-I are one party, a spokesman said.",
        "Drones struck bases of the KDP-I.",  # "I." read as an initial at a sentence end
    ],
)
def test_ruler_matches_hyphenated_acronym_as_tokenized(nlp, text):
    doc = nlp(text)
    found = {(ent.text.rstrip("."), ent.ent_id_) for ent in doc.ents}
    assert ("KDP-I", "kdp-i") in found
    assert ("KDP", "kdp") not in found


@pytest.mark.parametrize(
    ("entry", "singular", "tagged"),
    [
        # another name uses the singular as a word: the singular is a pattern too
        (
            "{id: zanu, label: Zapatistas, type: ArmedGroup, aliases: [Zapatista army]}",
            "Zapatista",
            True,
        ),
        # no other name has the singular ("Hamas" is no plural of a city "Hama")
        (
            "{id: hamas-like, label: Hamas, type: PoliticalParty, aliases: [Islamic Resistance]}",
            "Hama",
            False,
        ),
        # only groups and parties: a country's plural name gives nothing
        (
            "{id: comoros-like, label: Comoros, type: Country, aliases: [Comoro islands]}",
            "Comoro",
            False,
        ),
    ],
)
def test_ruler_adds_the_singular_of_a_plural_group_name(
    tmp_path: Path, entry: str, singular: str, tagged: bool
):
    registry = load_registry([_write(tmp_path, f"actors:\n  - {entry}\n")])
    patterns = [p["pattern"] for p in ruler_patterns(registry)]
    assert (singular in patterns) is tagged


@pytest.mark.parametrize(
    ("seat", "country"), [("Kremlin", "russia"), ("Downing Street", "united-kingdom")]
)
def test_seats_of_power_stand_for_their_state_when_acting(shipped: Registry, seat, country):
    assert shipped.is_capital(seat)
    assert shipped.government_of_capital(seat).id == country  # type: ignore[union-attr]
