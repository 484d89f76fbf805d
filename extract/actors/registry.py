"""The actor registry: known actors, their aliases and the capitals that stand for them.

The registry is YAML data (``extract/registry.yaml`` shipped with the package, plus any
user files given with ``--registry``). Each entry becomes an `Actor`; every alias is
indexed by its `normalise_name` fold, so "Kata'ib Hezbollah" and "Kataib Hizbullah"
find the same actor, and by its romanisation fold (`extract.actors.variants`), so a
spelling the registry does not list ("Moktada al-Sadr") finds it too. `install_ruler`
turns the aliases into an entity ruler that runs before spaCy's NER, so registry names
are recognised whatever the statistical model thinks of them. Loading validates every
entry and raises `RegistryError` naming the file and the entry at fault.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml

from extract.actors.variants import fold_name, fold_parts
from extract.errors import RegistryError
from extract.records import ACTOR_TYPES, Actor, Role, normalise_name, slugify

if TYPE_CHECKING:
    from spacy.language import Language

#: The registry shipped with claimgraph.
DEFAULT_REGISTRY = Path(__file__).with_name("registry.yaml")

#: Fields an actor entry may carry.
_ENTRY_FIELDS = frozenset(
    {"id", "label", "type", "aliases", "generic_aliases", "wikidata", "sector", "country"}
    | {"parent", "roles"}
)
_ROLE_FIELDS = frozenset({"title", "organisation", "start", "end"})
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")

#: spaCy entity label the ruler gives each actor type.
_RULER_LABELS: Mapping[str, str] = MappingProxyType(
    {"Person": "PERSON", "Country": "GPE", "Place": "GPE"}
)


#: Words that make a name the government's, not the country's ("US administration").
_GOVERNMENT_WORDS = frozenset({"government", "administration", "cabinet", "authorities"})


@dataclass(frozen=True, eq=False)
class Registry:
    """Known actors with an index of every alias.

    Attributes:
        entries: actor id -> registry `Actor`.
        aliases: normalised alias -> actor id (labels are aliases too).
        capitals: normalised capital name -> actor id of the government it stands for.
        governments: country id -> actor id of the government that acts for it.
        capital_countries: country id -> Country actor, for the countries a world
            capital (``world_capitals``) stands for that have no registry entry.
        generic: normalised generic alias -> actor id: names any country's institution
            has ("federal government", "Ministry of Oil"); see `is_generic`.
        folded: romanisation fold of an alias (`fold_name`) -> actor id, for the
            spellings `aliases` does not hold; see `_folded_index`.
    """

    entries: Mapping[str, Actor] = field(default_factory=lambda: MappingProxyType({}))
    aliases: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    capitals: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    governments: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    capital_countries: Mapping[str, Actor] = field(default_factory=lambda: MappingProxyType({}))
    generic: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    folded: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __reduce__(self) -> tuple[Any, ...]:
        # Extraction workers receive the registry pickled; a mappingproxy does not pickle.
        return (_restore_registry, tuple(dict(getattr(self, f.name)) for f in fields(self)))

    def lookup(self, name: str) -> Actor | None:
        """Return the actor known under `name` (any alias, any spelling fold), if any.

        An alias as written (`normalise_name`) first, else a romanisation variant of
        one ("Moktada al-Sadr" for "Muqtada al-Sadr"; see `_folded_index`).
        """
        actor_id = self.aliases.get(normalise_name(name))
        if actor_id is None and self.folded:
            actor_id = self.folded.get(fold_name(name))
        return self.entries.get(actor_id) if actor_id else None

    def get(self, actor_id: str) -> Actor | None:
        """Return the actor with id `actor_id`, if the registry knows it."""
        return self.entries.get(actor_id)

    def as_of(self, date: str | None) -> Registry:
        """The registry as it stood on `date` (ISO, of any precision): each actor keeps
        the roles it held then, so that "the President" in a 2020 text is not the
        president who took office in 2021. The whole registry when `date` is None."""
        return _as_of(self, date[:10]) if date else self

    def person_by_surname(self, surname: str) -> Actor | None:
        """Return the one registry person whose name ends in `surname` ("Trump"), if unique."""
        parts = [part for part in normalise_name(surname).split() if part not in {"al", "el"}]
        if len(parts) != 1:
            return None
        matches = self._surnames.get(parts[0], frozenset())
        return self.entries[next(iter(matches))] if len(matches) == 1 else None

    @cached_property
    def _surnames(self) -> Mapping[str, frozenset[str]]:
        """Last word of each registry person's names of two words or more -> their ids."""
        index: dict[str, set[str]] = {}
        for actor in self.entries.values():
            if actor.type != "Person":
                continue
            for name in (actor.label, *actor.aliases):
                words = normalise_name(name).split()
                if len(words) > 1:
                    index.setdefault(words[-1], set()).add(actor.id)
        return MappingProxyType({word: frozenset(ids) for word, ids in index.items()})

    def actors(self) -> tuple[Actor, ...]:
        """Return every registry actor, in id order (the facts for the registry graph)."""
        return tuple(self.entries[key] for key in sorted(self.entries))

    def government_of_capital(self, name: str) -> Actor | None:
        """Return the government a capital stands for ("Erbil" -> KRG), if `name` is one."""
        actor_id = self.capitals.get(normalise_name(name))
        if not actor_id:
            return None
        return self.entries.get(actor_id) or self.capital_countries.get(actor_id)

    def government_of_country(self, country_id: str) -> Actor | None:
        """Return the government acting for country `country_id` ("iraq" -> Iraqi government)."""
        actor_id = self.governments.get(country_id)
        return self.entries.get(actor_id) if actor_id else None

    def names_a_country(self, name: str) -> bool:
        """Whether `name` is a country's name ("Iraq", "US"), even where the registry
        files it under the government that acts for the country."""
        actor = self.lookup(name)
        if actor is None:
            return False
        if actor.type == "Country":
            return True
        words = set(normalise_name(name).split())
        return actor.id in self.governments.values() and not words & _GOVERNMENT_WORDS

    def is_generic(self, name: str) -> bool:
        """Whether `name` is a generic alias: right for its actor only in a text about
        the actor's country ("the federal government" is Iraq's in an Iraqi story)."""
        return normalise_name(name) in self.generic

    def is_capital(self, name: str) -> bool:
        """Whether `name` is a capital the registry maps to a government."""
        return normalise_name(name) in self.capitals


def held_on(role: Role, date: str) -> bool:
    """Whether `role` was held on `date` (ISO strings compared at the role's precision:
    a role starting "2021-01" is held from January 2021, one ending "2025-01" until
    before January 2025; an open start or end is no bound)."""
    started = role.start is None or role.start <= date[: len(role.start)]
    return started and (role.end is None or date[: len(role.end)] < role.end)


@lru_cache(maxsize=64)
def _as_of(registry: Registry, date: str) -> Registry:
    entries = {
        actor_id: replace(actor, roles=held)
        if len(held := tuple(role for role in actor.roles if held_on(role, date)))
        != len(actor.roles)
        else actor
        for actor_id, actor in registry.entries.items()
    }
    return replace(registry, entries=MappingProxyType(entries))


def _restore_registry(*mappings: dict[str, Any]) -> Registry:
    """The `Registry` of `Registry.__reduce__`: its mappings, in field order."""
    return Registry(*(MappingProxyType(mapping) for mapping in mappings))


def load_registry(extra: Sequence[Path] = ()) -> Registry:
    """Load the shipped registry, then each file in `extra` in order.

    A later file adds actors and capitals; an entry whose id already exists replaces
    the earlier entry whole.

    Args:
        extra: user registry files (``--registry``), applied after the shipped one.

    Returns:
        The merged, validated registry.

    Raises:
        RegistryError: a file cannot be read or parsed, or an entry is invalid
            (the message names the file and the entry).
    """
    entries: dict[str, Actor] = {}
    sources: dict[str, Path] = {}
    capitals: dict[str, tuple[str, Path]] = {}
    governments: dict[str, tuple[str, Path]] = {}
    world: dict[str, str] = {}
    generic: dict[str, str] = {}
    for path in (DEFAULT_REGISTRY, *(Path(p) for p in extra)):
        data = _read_yaml(path)
        raw_actors = data.get("actors") or []
        if not isinstance(raw_actors, list):
            raise RegistryError(f"{path}: 'actors' must be a list of actor entries")
        for index, raw in enumerate(raw_actors):
            actor = _parse_actor(raw, path=path, index=index)
            entries[actor.id] = actor
            sources[actor.id] = path
            for alias in raw.get("generic_aliases") or ():
                generic[normalise_name(alias)] = actor.id
        for key, target in (("capitals", capitals), ("governments", governments)):
            raw_map = data.get(key) or {}
            if not isinstance(raw_map, dict):
                raise RegistryError(f"{path}: {key!r} must be a mapping of name -> actor id")
            for name, actor_id in raw_map.items():
                folded = normalise_name(str(name)) if key == "capitals" else str(name)
                target[folded] = (str(actor_id), path)
        raw_world = data.get("world_capitals") or {}
        if not isinstance(raw_world, dict):
            raise RegistryError(f"{path}: 'world_capitals' must be a mapping of city -> country")
        world.update({normalise_name(str(city)): str(name) for city, name in raw_world.items()})
    for key, mapping in (("capital", capitals), ("government of", governments)):
        for name, (actor_id, path) in mapping.items():
            for ref in (actor_id, name) if key == "government of" else (actor_id,):
                if ref not in entries:
                    raise RegistryError(
                        f"{path}: {key} {name!r} names unknown actor id {ref!r}; "
                        "add an actor entry with that id or fix the id"
                    )
    _check_references(entries, sources)
    aliases = _alias_index(entries.values())
    countries: dict[str, Actor] = {}
    for city, name in world.items():
        country_id = slugify(name)
        if country_id not in entries:
            countries[country_id] = Actor(id=country_id, label=name, type="Country")
        capitals.setdefault(city, (country_id, DEFAULT_REGISTRY))  # `capitals` wins
    return Registry(
        capital_countries=MappingProxyType(countries),
        generic=MappingProxyType(generic),
        folded=MappingProxyType(_folded_index(entries.values())),
        entries=MappingProxyType(entries),
        aliases=MappingProxyType(aliases),
        capitals=MappingProxyType(_capital_index(capitals, aliases, entries)),
        governments=MappingProxyType(
            {country: actor_id for country, (actor_id, _) in governments.items()}
        ),
    )


def install_ruler(nlp: Language, registry: Registry) -> None:
    """Add an entity ruler (before "ner") that tags every registry alias.

    Aliases written in capitals ("US", "PMF", "KRG") match case-sensitively so that
    "us" the pronoun is never the United States; other aliases match in any case.
    Each match carries the actor id as its entity id (``ent.ent_id_``).

    Args:
        nlp: the pipeline to extend; left unchanged if it already has the ruler.
        registry: the actors whose aliases to tag.
    """
    name = "claimgraph_registry"
    if name in nlp.pipe_names:
        return
    from spacy.language import Language as SpacyLanguage

    from extract.nlp.ruler import FACTORY, make_registry_ruler

    if not SpacyLanguage.has_factory(FACTORY):
        SpacyLanguage.factory(FACTORY, func=make_registry_ruler)
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(FACTORY, name=name, before=before)
    tokenize = nlp.tokenizer
    patterns = ruler_patterns(registry, split=lambda text: [token.text for token in tokenize(text)])
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]


def ruler_patterns(
    registry: Registry, *, split: Callable[[str], list[str]] = str.split
) -> list[dict[str, Any]]:
    """Return entity-ruler patterns for every alias in `registry`.

    Args:
        registry: the actors whose aliases to tag.
        split: how an acronym alias falls into tokens; the pipeline's tokenizer
            cuts "KDP-I" into "KDP", "-", "I", and the pattern must follow it.
    """
    patterns: list[dict[str, Any]] = []
    for actor in registry.actors():
        label = _RULER_LABELS.get(actor.type, "ORG")
        for alias in dict.fromkeys(_spellings((actor.label, *actor.aliases))):
            if _is_acronym(alias):
                pattern: Any = [{"ORTH": part} for part in split(alias)]
                last = pattern[-1]["ORTH"]
                if len(pattern) > 1 and len(last) == 1:
                    # "... or the KDP-I.": at a sentence end the tokenizer reads "I." as
                    # an initial
                    pattern[-1] = {"ORTH": {"IN": [last, f"{last}."]}}
            else:
                pattern = alias
            patterns.append({"label": label, "pattern": pattern, "id": actor.id})
            if actor.type in _PLURAL_NAMED and _plural_name(alias, actor.aliases):
                # "a Houthi negotiator": the singular of a group named in the plural
                patterns.append({"label": label, "pattern": alias[:-1], "id": actor.id})
    return patterns


#: Actor types whose one-word plural name ("Houthis") has a singular adjective form.
_PLURAL_NAMED = frozenset({"ArmedGroup", "PoliticalParty"})


def _plural_name(alias: str, aliases: Sequence[str]) -> bool:
    """Whether `alias` is one capitalised word in the plural ("Houthis") whose singular
    is a word of another of the actor's names ("Houthi movement"): "Hamas" is no plural
    of "Hama"."""
    singular = alias[:-1]
    return (
        alias.isalpha()
        and alias[0].isupper()
        and alias.endswith("s")
        and any(singular in other.split() for other in aliases if other != alias)
    )


def _spellings(aliases: Iterable[str]) -> Iterator[str]:
    """Each alias as written, plus with curly apostrophes ("Kata'ib" and "Kata’ib")."""
    for alias in aliases:
        yield alias
        if "'" in alias:
            yield alias.replace("'", "\u2019")
            yield alias.replace("'", "\u02bc")


def _is_acronym(alias: str) -> bool:
    """Whether `alias` is written in capitals ("US", "UN", "KDP") and must match exactly."""
    letters = [ch for ch in alias if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(alias) <= 8


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RegistryError(f"{path}: cannot read registry file ({error.strerror})") from error
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise RegistryError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise RegistryError(f"{path}: expected a mapping with 'actors' and 'capitals' keys")
    return data


def _parse_actor(raw: object, *, path: Path, index: int) -> Actor:
    where = f"{path}: actor #{index + 1}"
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: expected a mapping with id, label and type")
    if raw.get("id"):
        where = f"{path}: actor {raw['id']!r}"
    unknown = set(raw) - _ENTRY_FIELDS
    if unknown:
        raise RegistryError(
            f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_ENTRY_FIELDS)}"
        )
    for key in ("id", "label", "type"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RegistryError(f"{where}: missing or empty {key!r}")
    if not _ID_RE.match(raw["id"]):
        raise RegistryError(f"{where}: id must be lowercase letters, digits and hyphens")
    if raw["type"] not in ACTOR_TYPES:
        raise RegistryError(
            f"{where}: unknown type {raw['type']!r}; use one of {', '.join(ACTOR_TYPES)}"
        )
    aliases = raw.get("aliases") or []
    generic = raw.get("generic_aliases") or []
    for key, names in (("aliases", aliases), ("generic_aliases", generic)):
        if not isinstance(names, list) or not all(isinstance(a, str) and a for a in names):
            raise RegistryError(f"{where}: {key!r} must be a list of non-empty strings")
    wikidata = raw.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _QID_RE.match(wikidata)):
        raise RegistryError(f"{where}: wikidata must be a QID like 'Q42' or null")
    for key in ("sector", "country", "parent"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise RegistryError(f"{where}: {key!r} must be a string or null")
    return Actor(
        id=raw["id"],
        label=raw["label"].strip(),
        type=raw["type"],
        aliases=tuple(dict.fromkeys(a.strip() for a in (*aliases, *generic))),
        wikidata=wikidata,
        sector=raw.get("sector"),
        country=raw.get("country"),
        parent=raw.get("parent"),
        roles=_parse_roles(raw.get("roles") or [], where=where),
    )


def _parse_roles(raw: object, *, where: str) -> tuple[Role, ...]:
    if not isinstance(raw, list):
        raise RegistryError(f"{where}: 'roles' must be a list")
    roles = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            raise RegistryError(f"{where}: each role needs a 'title'")
        unknown = set(item) - _ROLE_FIELDS
        if unknown:
            raise RegistryError(f"{where}: unknown role field(s) {sorted(unknown)}")
        roles.append(
            Role(
                title=item["title"],
                organisation=item.get("organisation"),
                start=None if item.get("start") is None else str(item["start"]),
                end=None if item.get("end") is None else str(item["end"]),
            )
        )
    return tuple(roles)


def _check_references(entries: Mapping[str, Actor], sources: Mapping[str, Path]) -> None:
    """Every country, parent and role organisation must name a registry actor."""
    for actor in entries.values():
        refs = [("country", actor.country), ("parent", actor.parent)]
        refs += [("role organisation", role.organisation) for role in actor.roles]
        for what, ref in refs:
            if ref is not None and ref not in entries:
                raise RegistryError(
                    f"{sources[actor.id]}: actor {actor.id!r}: {what} {ref!r} is not a "
                    "registry id; add that actor or fix the reference"
                )


def _capital_index(
    capitals: Mapping[str, tuple[str, Path]],
    aliases: Mapping[str, str],
    entries: Mapping[str, Actor],
) -> dict[str, str]:
    """Folded capital name -> government id, every alias of a listed place included.

    "Kurdistan Region: krg" also makes "Kurdistan", "KRI" and "Iraqi Kurdistan" (aliases
    of the same registry place) stand for the KRG when they act.
    """
    index = {city: actor_id for city, (actor_id, _) in capitals.items()}
    for city, (actor_id, _) in capitals.items():
        place = entries.get(aliases.get(city, ""))
        if place is None or place.id == actor_id:
            continue
        for alias in (place.label, *place.aliases):
            index.setdefault(normalise_name(alias), actor_id)
    return index


def _alias_index(actors: Iterable[Actor]) -> dict[str, str]:
    """Normalised alias -> actor id; a later actor's alias wins over an earlier one."""
    index: dict[str, str] = {}
    for actor in actors:
        for alias in (actor.label, *actor.aliases):
            key = normalise_name(alias)
            if key:
                index[key] = actor.id
    return index


def _folded_index(actors: Iterable[Actor]) -> dict[str, str]:
    """Romanisation fold of every alias (`fold_parts`, parts joined) -> actor id.

    Left out, for precision: acronyms ("US" matches as written only), folds under four
    letters, a person's one-part names (a bare surname is no one's), and a fold two
    actors share (neither is the answer).
    """
    index: dict[str, str] = {}
    shared: set[str] = set()
    for actor in actors:
        for alias in (actor.label, *actor.aliases):
            parts = fold_parts(alias)
            key = " ".join(parts)
            if (
                _is_acronym(alias)
                or len(key.replace(" ", "")) < 4
                or (actor.type == "Person" and len(parts) < 2)
            ):
                continue
            if index.setdefault(key, actor.id) != actor.id:
                shared.add(key)
    return {key: actor_id for key, actor_id in index.items() if key not in shared}
