"""Names: the actor word lists, cleaning entity spans into labels, and name matching.

Owns the parts of actor resolution that look only at the words of a name: loading
``extract/lexicon/actors.yaml``, trimming titles, "the" and possessives off an entity
span, rejecting page clutter and pronouns, and deciding whether a short form ("Harris",
"al-Asadi") names the same person as a full name seen earlier ("Joshua Harris").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml

from extract.lexicon import LEXICON_DIR
from extract.records import normalise_name, slugify

if TYPE_CHECKING:
    from spacy.tokens import Span

LEXICON_PATH = LEXICON_DIR / "actors.yaml"

#: Arabic article and particles dropped when comparing name parts ("al-Asadi" ~ "Asadi").
_PARTICLES = frozenset({"al", "el", "bin", "ibn"})
_FILE_RE = re.compile(r"\.(jpe?g|png|gif|webp|svg|mp4|pdf)$", re.IGNORECASE)
_HANDLE_RE = re.compile(r"^[@#]\w+")
_SYMBOL_RE = re.compile(r"[+=<>{}|\\^~*]")


@dataclass(frozen=True)
class ActorLexicon:
    """The word lists of ``lexicon/actors.yaml``, folded for lookup."""

    title_words: frozenset[str]
    naming_titles: frozenset[str]
    #: military ranks: before a name they rank its holder, the post is the title before
    military_ranks: frozenset[str]
    title_joiners: frozenset[str]
    leadership: tuple[str, ...]
    leadership_cancel: frozenset[str]
    lower_ranks: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    past_markers: frozenset[str]
    group_nouns: Mapping[str, str]
    org_heads: Mapping[str, str]
    compounds: Mapping[str, Mapping[str, str]]
    prefixes: Mapping[str, Mapping[str, str]]
    demonyms: Mapping[str, str]
    pronouns: Mapping[str, tuple[str, ...]]
    nominals: Mapping[str, tuple[str, ...]]
    place_verbs: frozenset[str]
    clutter: frozenset[str]
    org_types: Mapping[str, str]
    body_nouns: Mapping[str, str]
    company_suffixes: frozenset[str]
    separate_institutions: frozenset[str]
    one_word_bodies: frozenset[str]
    event_heads: frozenset[str]
    generic_nominals: frozenset[str]
    standalone_groups: frozenset[str]
    #: group nouns that are an actor on their own only in the plural ("observers said";
    #: "an observer said" is a single unnamed source, no actor)
    plural_groups: frozenset[str]
    nominal_synonyms: Mapping[str, tuple[str, ...]]
    speech_verbs: frozenset[str]
    countries: Mapping[str, str]
    place_nouns: frozenset[str]
    institution_heads: frozenset[str]
    state_forces: frozenset[str]
    local_forces: frozenset[str]
    service_members: frozenset[str]
    member_nouns: frozenset[str]
    member_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    bloc_adjectives: frozenset[str]
    institution_words: frozenset[str]
    country_names: Mapping[str, str]
    #: country id -> its first adjective of nationality ("mexico" -> "Mexican").
    country_adjectives: Mapping[str, str]
    name_countries: frozenset[str] = frozenset()
    #: constituent regions a title may name ("Senator from Vermont"), folded
    regions: frozenset[str] = frozenset()
    civil_sectors: frozenset[str] = frozenset()
    civil_nouns: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    #: party words before a member's name -> registry id of the party ("Republican")
    party_words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


@functools.lru_cache(maxsize=4)
def actor_lexicon(path: Path = LEXICON_PATH) -> ActorLexicon:
    """Load (once) the actor word lists from `path`."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in data.get(key) or ())

    def mapping(key: str) -> Mapping[str, Any]:
        return MappingProxyType({str(k).lower(): v for k, v in (data.get(key) or {}).items()})

    def lists(key: str) -> Mapping[str, tuple[Any, ...]]:
        return MappingProxyType({k: tuple(v or ()) for k, v in mapping(key).items()})

    return ActorLexicon(
        title_words=words("title_words"),
        naming_titles=words("naming_titles"),
        military_ranks=words("military_ranks"),
        title_joiners=words("title_joiners"),
        leadership=tuple(str(word).lower() for word in data.get("leadership") or ()),
        leadership_cancel=words("leadership_cancel"),
        lower_ranks=words("lower_ranks"),
        female_titles=words("female_titles"),
        male_titles=words("male_titles"),
        past_markers=words("past_markers"),
        group_nouns=mapping("group_nouns"),
        org_heads=mapping("org_heads"),
        compounds=mapping("compounds"),
        prefixes=mapping("prefixes"),
        demonyms=MappingProxyType({**_derived_demonyms(data), **mapping("demonyms")}),
        pronouns=lists("pronouns"),
        nominals=lists("nominals"),
        place_verbs=words("place_verbs"),
        clutter=words("clutter"),
        org_types=mapping("org_types"),
        body_nouns=mapping("body_nouns"),
        company_suffixes=words("company_suffixes"),
        separate_institutions=words("separate_institutions"),
        one_word_bodies=words("one_word_bodies"),
        event_heads=words("event_heads"),
        generic_nominals=words("generic_nominals"),
        standalone_groups=words("standalone_groups"),
        plural_groups=words("plural_groups"),
        nominal_synonyms=lists("nominal_synonyms"),
        speech_verbs=words("speech_verbs"),
        countries=MappingProxyType(_country_index(data)),
        place_nouns=words("place_nouns"),
        institution_heads=words("institution_heads"),
        state_forces=words("state_forces"),
        local_forces=words("local_forces"),
        service_members=words("service_members"),
        member_nouns=words("member_nouns"),
        member_verbs=words("member_verbs"),
        addressee_verbs=words("addressee_verbs"),
        bloc_adjectives=words("bloc_adjectives"),
        institution_words=words("institution_words") | words("institution_heads"),
        name_countries=words("name_countries"),
        regions=frozenset(normalise_name(str(name)) for name in data.get("regions") or ()),
        civil_sectors=words("civil_sectors"),
        civil_nouns=words("civil_nouns"),
        name_particles=words("name_particles"),
        party_words=mapping("party_words"),
        country_names=MappingProxyType(
            {slugify(name): str(name) for name in data.get("countries") or {}}
        ),
        country_adjectives=MappingProxyType(
            {
                slugify(str(name)): str(adjectives[0])
                for name, adjectives in (data.get("countries") or {}).items()
                if adjectives
            }
        ),
    )


def _country_index(data: Mapping[str, Any]) -> dict[str, str]:
    """Folded country name or alias -> country id (the slug of its name)."""
    index = {normalise_name(str(name)): slugify(str(name)) for name in data.get("countries") or {}}
    for alias, name in (data.get("country_aliases") or {}).items():
        index[normalise_name(str(alias))] = slugify(str(name))
    return index


def _derived_demonyms(data: Mapping[str, Any]) -> dict[str, str]:
    """Nationality adjective (and its plural noun) -> country id, from `countries`.

    "Afghan" and "Afghans" -> "afghanistan"; "Chinese", "Swiss", "Dutch", "Turkish"
    take no plural.
    """
    table: dict[str, str] = {}
    for name, adjectives in (data.get("countries") or {}).items():
        for adjective in adjectives or ():
            word = str(adjective).lower()
            table[word] = slugify(str(name))
            if not word.endswith(("ese", "sh", "ch", "ss", "s")):
                table[word + "s"] = slugify(str(name))
    return table


def is_junk(text: str, *, lexicon: ActorLexicon) -> bool:
    """Whether an entity text is page clutter, a pronoun, a number or a lone lowercase word.

    Args:
        text: the entity text as written.
        lexicon: the actor word lists (clutter and pronouns).

    Returns:
        True when `text` must never become an actor.
    """
    stripped = text.strip(" \t\n\r-–—:|·•,.;'\"()[]")
    folded = stripped.lower()
    if len(stripped) < 2 or not any(ch.isalpha() for ch in stripped):
        return True
    if {folded, text.strip().lower()} & lexicon.clutter:
        return True
    if folded in lexicon.pronouns and not (len(stripped) > 1 and stripped.isupper()):
        return True  # "they", "We"; but "US" in capitals is the country, not "us"
    if _SYMBOL_RE.search(stripped):
        return True  # "A+ A-", "<br>", "x=1": widgets and markup
    if _FILE_RE.search(stripped) or _HANDLE_RE.match(stripped) or "/" in stripped:
        return True
    if "\n" in text.strip() or "(" in text or ")" in text:
        return True  # across lines, or cut at a bracket: a headline or menu fragment
    if sum(ch.isdigit() for ch in stripped) > len(stripped) // 3:
        return True  # dates, figures, "Net25-07-2025"
    words = stripped.split()
    if len(words) > 1 and len({word.lower() for word in words}) == 1:
        return True  # "Kirkuk Kirkuk": a menu or tag line, not a name
    return len(words) == 1 and stripped.islower()


def clean_span(span: Span, *, lexicon: ActorLexicon, strip_titles: bool) -> Span | None:
    """Trim an entity span to the name: no "the", possessive, dangling hyphen or title.

    "the KRG's" -> "KRG"; "Kataib Hezbollah-" -> "Kataib Hezbollah"; "Organisation of
    Islamic Cooperation (OIC" (a parenthesis the NER left open) -> "Organisation of Islamic
    Cooperation"; with `strip_titles`, "Army Colonel Wayne Marotto" -> "Wayne Marotto".

    Returns:
        The trimmed span, or None when nothing of a name is left.
    """
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_punct
        or doc[start].is_space
        or (strip_titles and is_title_token(doc[start], lexicon) and end - start > 1)
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].lower_ in {"of", "and", "the", "for"}
        or doc[end - 1].lower_ in {"'s", "’s", "'"}
        or doc[end - 1].tag_ == "POS"
    ):
        end -= 1
    opened = [i for i in range(start, end) if doc[i].text == "("]
    if opened and not any(doc[i].text == ")" for i in range(opened[-1], end)):
        # "Organisation of Islamic Cooperation (OIC": the name is what comes before it
        return clean_span(doc[start : opened[-1]], lexicon=lexicon, strip_titles=strip_titles)
    if start >= end:
        return None
    return doc[start:end]


def is_title_token(token: Any, lexicon: ActorLexicon) -> bool:
    """Whether a token is a title word ("Minister", "Gen.") that is not a joiner."""
    text = token.lower_
    if text in lexicon.title_joiners:
        return False
    if text in lexicon.title_words:
        return True
    # "Minster Kadhimi": a capitalised one-letter slip of a long title word is a title
    return token.text[:1].isupper() and len(text) >= 6 and _near_title(text, lexicon.title_words)


@functools.lru_cache(maxsize=4096)
def _near_title(text: str, title_words: frozenset[str]) -> bool:
    """Whether `text` is one slip away from a title word of seven letters or more (cached:
    the same words recur in every document)."""
    return any(_one_edit(text, word) for word in title_words if len(word) >= 7)


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one dropped, added, changed or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def is_generic_institution(text: str, *, lexicon: ActorLexicon) -> bool:
    """Whether a name is one every state has ("Interior Ministry", "the Parliament").

    Args:
        text: the name as written.
        lexicon: the actor word lists (institution words and heads).

    Returns:
        True when every word is an institution word and one is an institution head.
    """
    words = set(normalise_name(text).split())
    return bool(words & lexicon.institution_heads) and words <= lexicon.institution_words


def name_key(text: str) -> tuple[str, ...]:
    """Name parts compared for coreference: folded, without "al-" particles.

    "Mohammed Shia' al-Sudani" -> ("mohammed", "shia", "sudani").
    """
    parts = normalise_name(text).split()
    return tuple(part for part in parts if part not in _PARTICLES)


def short_form_of(short: Sequence[str], full: Sequence[str], *, surname: bool) -> bool:
    """Whether name parts `short` are a short form of the name parts `full`.

    Args:
        short: parts of the shorter name (from `name_key`).
        full: parts of the longer name.
        surname: if True, `short` must include the last part of `full` (the usual
            way news writing shortens a name: "Harris", "al-Asadi", "Barzani").

    Returns:
        True when `short` is a proper subset of `full` (meeting the surname rule).
    """
    if not short or len(short) >= len(full) or not set(short) <= set(full):
        return False
    return full[-1] in short if surname else True
