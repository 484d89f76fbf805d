"""Romanisation variants: one actor however its Arabic or Persian name is spelt.

News writes one name many ways: Moqtada / Muqtada / Moktada al-Sadr, Qassim / Qasem
/ Kassem Soleimani, Nouri / Nuri al-Maliki. `fold_parts` folds a name's spelling
classes away; `same_name` decides whether two names are one actor's, with rapidfuzz
where folding alone does not settle it; `VariantIndex` links the actors of a run of
documents, so that a later document's spelling of a name seen earlier takes the
earlier actor's id and is kept as its alias. Everything here is pure over records:
`kg.ingest` feeds the index the store's actors and each document as it is written,
and `extract.evaluation.annotated` runs the same `link_extractions` over a gold set.

Precision comes first, since a wrong merge of two people is worse than a split: only
actors of one type link; a registry actor is never relinked, and two registry actors
never merge; names must have the same number of parts (articles left out) and every
part must match; a part under four letters must match exactly once folded; a one-part
person name (a bare surname) never links; a name with two candidates links to neither;
and across documents only actors known by their name link (id the slug of the label, or
a registry id): an id the extractor keyed otherwise ("ukraine-interior-ministry" for an
"Interior Ministry", a generic "federal government" of another country) says it told
that actor apart from others of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.fuzz import ratio

from extract.records import (
    Actor,
    ActorRef,
    Claim,
    Extraction,
    Failure,
    Role,
    normalise_name,
    slugify,
)

#: How alike (rapidfuzz `ratio`, 0-100) two folded parts that differ must be to match.
#: 90 lets one inserted vowel through in a part of five letters or more (Hashd /
#: Hashid, Zaidan / Zidan) and stops a changed letter (Hamid / Hamad: 80).
FUZZY_RATIO = 90.0

#: Parts shorter than this must be equal once folded ("Jon" / "Jan" stay two names).
SHORT_PART = 4

#: Arabic articles written as their own part ("al-Sadr", "el-Mohandes", "ul-Haq").
_ARTICLES = frozenset({"al", "el", "ul", "il"})

#: The article assimilated to a "sun letter" ("ash-Shaabi", "as-Sadr", "ad-Din"): an
#: article only before a part that begins with the letters it ends in.
_SUN_ARTICLES = frozenset({"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"})

#: "Abd" with its article joined on ("Abdul Mahdi", "Abdel Mahdi", "Abd al-Mahdi").
_ABD = frozenset({"abdul", "abdel", "abdal", "abdol", "abdil"})

#: Ayn and hamza marks, which normalise_name does not drop (they count as letters).
_MARKS = re.compile("[\u02bb\u02bd\u02be\u02bf\u02c1\u02c0\u201b]")

_VOWELS = "aeiou"


@lru_cache(maxsize=65536)
def fold_parts(text: str) -> tuple[str, ...]:
    """Fold a name's romanisation variants away; return its parts, articles left out.

    "Moqtada al-Sadr", "Muqtada Sadr" and "Moktada as-Sadr" all give ("muktada",
    "sadr"). Each step undoes one class of variation, in this order:

    1. `normalise_name`: accents, case, hyphens and apostrophes ("Sha'abi" ->
       "shaabi"), plus the ayn and hamza marks it keeps ("Shiʿi").
    2. Articles: "al", "el", "ul", "il" as their own part are dropped wherever they
       stand (joined by a hyphen or a space, or left out: "al-Maliki", "Maliki");
       so is a sun-letter article before the letter it is assimilated to
       ("ash-Shaabi", "as-Sadr"), and "Abdul" / "Abdel" is "Abd" ("Abdul Mahdi",
       "Abd al-Mahdi").
    3. Endings: a final "-eh" or "-ah" of a part of six letters or more is "-a"
       (Persian "Fatemeh", "Hamzeh"; "Fatimah", "Hamza"). Shorter parts keep theirs:
       "Saleh" is Salih, not Salah.
    4. Consonants: "dh" is "z" (Kadhimi / Kazimi); "q" and "ck" are "k" (Qasem /
       Kassem, Moqtada / Moktada).
    5. Diphthongs: "ei", and "ey" or "ay" before a consonant or at the end, are "ai"
       (Hussein / Husain / Husayn, Soleimani / Soleymani / Sulaimani).
    6. Vowels: "ou" and "oo" are "u" (Nouri / Nuri, Mahmoud / Mahmud), "ee" is "i"
       (Kareem / Karim); then "o" is "u" and "e" is "i", the vowels English and French
       spellings alternate on (Mohandes / Muhandis, Hashed / Hashid).
    7. Doubled letters are single (Qassim / Qasim, Hassan / Hasan, Shaabi / Shabi).
    8. A final "y" after a consonant is "i" (Shaaby / Shaabi).

    Cached: the same names come back in every document.
    """
    words = normalise_name(_MARKS.sub("", text)).split()
    parts: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _ARTICLES and following:
            continue
        if word in _SUN_ARTICLES and following.startswith(word[1:]):
            continue
        parts.append("abd" if word in _ABD else _fold_word(word))
    return tuple(part for part in parts if part)


def _fold_word(word: str) -> str:
    """Steps 3-8 of `fold_parts` on one part."""
    if len(word) >= 6 and word.endswith(("eh", "ah")):
        word = word[:-2] + "a"
    word = word.replace("dh", "z").replace("ck", "k").replace("q", "k")
    word = re.sub(r"ei|[ea]y(?=[^aeiouy]|$)", "ai", word)
    word = word.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    word = word.replace("o", "u").replace("e", "i")
    word = re.sub(r"(.)\1+", r"\1", word)
    if len(word) > 1 and word.endswith("y") and word[-2] not in _VOWELS:
        word = word[:-1] + "i"
    return word


def fold_name(text: str) -> str:
    """The folded form of a name, its parts joined by spaces (see `fold_parts`)."""
    return " ".join(fold_parts(text))


def same_part(part: str, other: str) -> bool:
    """Whether two folded name parts are one name.

    Equal parts are; a part under `SHORT_PART` letters matches only an equal one;
    longer parts match when they begin and end with the same letter (the end carries
    the name: "Hakim" and "Hakimi", "Nabil" and "Nabila" are two) and are at least
    `FUZZY_RATIO` alike.
    """
    if part == other:
        return True
    if min(len(part), len(other)) < SHORT_PART:
        return False
    return part[0] == other[0] and part[-1] == other[-1] and ratio(part, other) >= FUZZY_RATIO


def same_name(name: str, other: str, *, person: bool) -> bool:
    """Whether two names are spellings of one actor's name.

    Both fold (`fold_parts`) to the same number of parts and each part matches its
    counterpart (`same_part`): "Nechirvan Barzani" and "Masrour Barzani" are two
    people. A person's name of one part (a bare surname) matches nothing.
    """
    parts, others = fold_parts(name), fold_parts(other)
    if not parts or len(parts) != len(others) or (person and len(parts) < 2):
        return False
    return all(same_part(a, b) for a, b in zip(parts, others, strict=True))


def same_actor(actor: Actor, other: Actor, *, registry_ids: frozenset[str] = frozenset()) -> bool:
    """Whether two actors are one: of one type, not two registry actors, and some
    name of one (label or alias) a spelling of some name of the other (`same_name`)."""
    if actor.id == other.id:
        return True
    if actor.type != other.type or {actor.id, other.id} <= registry_ids:
        return False
    person = actor.type == "Person"
    return any(
        same_name(name, other_name, person=person)
        for name in (actor.label, *actor.aliases)
        for other_name in (other.label, *other.aliases)
    )


class VariantIndex:
    """The actors seen so far, by folded name; links each new document's actors to them.

    Built once from the actors already stored, then given each document in the order
    it is written (`link`): the first spelling seen keeps its id, and a later
    document's actor outside the registry whose name is a variant of a known actor's
    (`same_name`, same type) takes the known id and label, its own spelling kept as
    an alias. An actor whose id is known already is left alone, as is a name with two
    candidates. Lookups are by exact folded parts, then among the known names of the
    same type, number of parts and first letters, so no scan runs over every actor.
    Only actors keyed by their name (`_keyed_by_name`) are indexed or linked.
    """

    def __init__(
        self,
        actors: Iterable[Actor] = (),
        *,
        registry_ids: Iterable[str] = (),
    ) -> None:
        self.registry_ids = frozenset(registry_ids)
        self._labels: dict[str, str] = {}  # actor id -> label (the first seen)
        self._types: dict[str, str] = {}  # actor id -> type
        self._exact: dict[tuple[str, tuple[str, ...]], set[str]] = {}
        self._near: dict[tuple[str, str], dict[tuple[str, ...], set[str]]] = {}
        for actor in actors:
            self.add(actor)

    def add(self, actor: Actor) -> None:
        """Note `actor` and every name it goes by."""
        self._labels.setdefault(actor.id, actor.label)
        self._types.setdefault(actor.id, actor.type)
        kind = self._types[actor.id]
        if not self._keyed_by_name(actor):
            return
        for name in (actor.label, *actor.aliases):
            parts = fold_parts(name)
            if not parts or (kind == "Person" and len(parts) < 2):
                continue
            self._exact.setdefault((kind, parts), set()).add(actor.id)
            bucket = self._near.setdefault((kind, _initials(parts)), {})
            bucket.setdefault(parts, set()).add(actor.id)

    def _keyed_by_name(self, actor: Actor) -> bool:
        """Whether `actor`'s id is a registry id or the slug of its name: an actor the
        extractor keyed by context instead (its country, a generic alias) is kept apart."""
        return actor.id in self.registry_ids or actor.id == slugify(actor.label)

    def match(self, actor: Actor) -> str | None:
        """The id of the one known actor `actor` is a variant of, if exactly one is."""
        if actor.id in self._labels or not self._keyed_by_name(actor):
            return None
        if actor.id in self.registry_ids:
            return None
        person = actor.type == "Person"
        found: set[str] = set()
        for name in (actor.label, *actor.aliases):
            parts = fold_parts(name)
            if not parts or (person and len(parts) < 2):
                continue
            exact = self._exact.get((actor.type, parts))
            if exact:
                found |= exact
                continue
            for known, ids in self._near.get((actor.type, _initials(parts)), {}).items():
                if all(same_part(a, b) for a, b in zip(parts, known, strict=True)):
                    found |= ids
        return found.pop() if len(found) == 1 else None

    def link(self, extraction: Extraction) -> Extraction:
        """Return `extraction` with its actors linked to the known ones, and note them.

        Unchanged (the same object) when no actor is a variant of a known one.
        """
        ids = {actor.id: target for actor in extraction.actors if (target := self.match(actor))}
        if ids:
            extraction = _relinked(extraction, ids, self._labels)
        for actor in extraction.actors:
            self.add(actor)
        for claim in extraction.claims:
            for ref in (claim.subject, claim.object, claim.speaker):
                if ref is not None and ref.id not in self._labels:
                    self.add(Actor(id=ref.id, label=ref.label, type=ref.type))
        return extraction


def link_extractions(
    results: Iterable[Extraction | Failure], *, registry_ids: Iterable[str] = ()
) -> Iterator[Extraction | Failure]:
    """Link the actors of a run of documents, in order, as `kg ingest` stores them:
    each extraction through one `VariantIndex` (failures pass through)."""
    index = VariantIndex(registry_ids=registry_ids)
    for result in results:
        yield result if isinstance(result, Failure) else index.link(result)


def _initials(parts: tuple[str, ...]) -> str:
    """The first letter of every part: fuzzy matching only compares names sharing them."""
    return "".join(part[0] for part in parts)


def _relinked(extraction: Extraction, ids: dict[str, str], labels: dict[str, str]) -> Extraction:
    """`extraction` with every actor id in `ids` replaced by its target id and label.

    A relinked actor keeps its own label (and aliases) as aliases; two actors that
    now share an id are one record.
    """

    def new_id(actor_id: str | None) -> str | None:
        return ids.get(actor_id, actor_id) if actor_id is not None else None

    def ref(old: ActorRef | None) -> ActorRef | None:
        if old is None or old.id not in ids:
            return old
        return ActorRef(id=ids[old.id], label=labels[ids[old.id]], type=old.type)

    merged: dict[str, Actor] = {}
    for actor in extraction.actors:
        roles = tuple(replace(role, organisation=new_id(role.organisation)) for role in actor.roles)
        moved = replace(
            actor, country=new_id(actor.country), parent=new_id(actor.parent), roles=roles
        )
        if actor.id in ids:
            target = ids[actor.id]
            moved = replace(
                moved, id=target, label=labels[target], aliases=(actor.label, *actor.aliases)
            )
        merged[moved.id] = _merged(merged[moved.id], moved) if moved.id in merged else moved
    actors = tuple(
        replace(actor, aliases=tuple(a for a in dict.fromkeys(actor.aliases) if a != actor.label))
        for actor in merged.values()
    )
    mentions = tuple(
        replace(m, actor_id=ids[m.actor_id]) if m.actor_id in ids else m
        for m in extraction.mentions
    )
    claims = tuple(_relinked_claim(claim, ref) for claim in extraction.claims)
    return replace(extraction, actors=actors, mentions=mentions, claims=claims)


def _relinked_claim(claim: Claim, ref: Callable[[ActorRef | None], ActorRef | None]) -> Claim:
    return replace(
        claim, subject=ref(claim.subject), object=ref(claim.object), speaker=ref(claim.speaker)
    )


def _merged(actor: Actor, other: Actor) -> Actor:
    """One record of two actors linked to the same id: the first's fields, both's names."""
    roles: tuple[Role, ...] = tuple(dict.fromkeys((*actor.roles, *other.roles)))
    return replace(
        actor,
        aliases=(*actor.aliases, other.label, *other.aliases),
        roles=roles,
        wikidata=actor.wikidata or other.wikidata,
        sector=actor.sector or other.sector,
        country=actor.country or other.country,
        parent=actor.parent or other.parent,
    )
