"""Event nouns whose parties the clause around them gives.

An event noun ("condemnation", "support", "attack") usually carries its doer as a
modifier or a "by" phrase (`extract.syntax.arguments.noun_parts`). Some constructions put the
parties elsewhere: a reception verb takes the doer in a "from" phrase and the target as
its own subject ("the raid drew condemnation from X"); an adverbial "with the support of
X" makes X back the clause's subject; supporting a military effort ("backed Iraq's fight
against ISIS") is aid, not praise; a place that holds people ("bases housing US
troops") stands for them as the target of force; and membership is told by a noun ("X,
part of the alliance"; membership verbs are read in `roles`). The word lists live in
`lexicon/nouns.yaml`; these functions read the parse only.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from extract.lexicon import LEXICON_DIR, read_yaml
from extract.lexicon.schema import Kind, Schema, check_lexicon
from extract.syntax.arguments import (
    agent_tokens,
    is_passive,
    list_of,
    pobjs,
    prep_objects,
    subject_tokens,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

NOUNS_FILE = LEXICON_DIR / "nouns.yaml"


@dataclass(frozen=True)
class NounLexicon:
    """The word lists of `lexicon/nouns.yaml`."""

    reception_verbs: frozenset[str] = frozenset()
    accompanying_preps: frozenset[str] = frozenset()
    accompanying_relations: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    backer_preps: frozenset[str] = frozenset()
    request_preps: frozenset[str] = frozenset()
    effort_preps: frozenset[str] = frozenset()
    forum_preps: frozenset[str] = frozenset()
    military_efforts: frozenset[str] = frozenset()
    occupancy_verbs: frozenset[str] = frozenset()
    membership_nouns: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    delegate_nouns: frozenset[str] = frozenset()
    endorsed_acts: frozenset[str] = frozenset()
    judicial_bodies: frozenset[str] = frozenset()
    ruling_verbs: frozenset[str] = frozenset()
    finding_verbs: frozenset[str] = frozenset()
    breach_verbs: frozenset[str] = frozenset()
    norm_breach_verbs: frozenset[str] = frozenset()
    norms: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    wrong_with_object: frozenset[str] = frozenset()
    wrong_nouns: frozenset[str] = frozenset()
    wrong_uses: frozenset[str] = frozenset()
    conduct_verbs: frozenset[str] = frozenset()
    tie_nouns: frozenset[str] = frozenset()
    campaign_nouns: frozenset[str] = frozenset()
    complaint_verbs: frozenset[str] = frozenset()
    forum_nouns: frozenset[str] = frozenset()
    complaint_words: frozenset[str] = frozenset()
    enactments: frozenset[str] = frozenset()


#: What nouns.yaml may hold: each `NounLexicon` field, a list of words (of relation codes
#: for `accompanying_relations`).
NOUNS_SCHEMA = Schema(
    name="nouns.yaml",
    keys=MappingProxyType(
        {
            name: Kind.CODES if name == "accompanying_relations" else Kind.WORD_LIST
            for name in NounLexicon.__dataclass_fields__
        }
    ),
)


def parse_noun_lexicon(data: Any, *, where: str = "nouns.yaml") -> NounLexicon:
    """Build a `NounLexicon` from parsed YAML.

    Args:
        data: the mapping read from the YAML file.
        where: the file name, for error messages.

    Returns:
        The lexicon.

    Raises:
        LexiconError: a key is unknown or a value is not a list of words.
    """
    checked = check_lexicon(data, replace(NOUNS_SCHEMA, name=where))
    return NounLexicon(**{key: frozenset(value) for key, value in checked.items()})


@lru_cache(maxsize=1)
def load_noun_lexicon(path: Path = NOUNS_FILE) -> NounLexicon:
    """The shipped noun lexicon, read once.

    Raises:
        LexiconError: the file is missing, not YAML, or holds an unknown entry.
    """
    return parse_noun_lexicon(read_yaml(path), where=str(path))


def reception(noun: Token, nouns: NounLexicon) -> tuple[Token, list[Token], list[Token]] | None:
    """The parties of an act received by a verb's subject: "the raid drew condemnation
    from X" -> (drew, [X], [raid]). The parser may hang the "from" phrase on the verb or
    on the noun. None when `noun` is no reception verb's object or names no doer."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb is noun or verb.lemma_.lower() not in nouns.reception_verbs:
        return None
    doers = prep_objects([noun, verb], nouns.source_preps)
    if not doers:
        return None
    return verb, doers, subject_tokens(verb)


def accompaniment(noun: Token, nouns: NounLexicon) -> tuple[Token, list[Token], list[Token]] | None:
    """The parties of backing an act was done with: "X emerged as the candidate with the
    tacit support of A, B and C" -> (emerged, [A, B, C], [X]). The backers are the noun's
    possessor or the objects of its "of"/"from"/"by"; the backed is the clause's subject."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in nouns.accompanying_preps:
        return None
    verb = prep.head
    if verb is prep or verb.pos_ not in ("VERB", "AUX"):
        return None
    doers = [
        tok for child in noun.children if child.dep_ == "poss" for tok in with_conjuncts(child)
    ]
    doers += prep_objects([noun], nouns.backer_preps)
    if not doers:
        return None
    if is_passive(verb):
        # "X was re-elected with the support of A": the passive subject is backed
        backed = [tok for c in verb.children if c.dep_ == "nsubjpass" for tok in with_conjuncts(c)]
    else:
        backed = subject_tokens(verb)
    return verb, doers, backed


def requested_at(noun: Token, nouns: NounLexicon) -> tuple[Token, list[Token], list[Token]] | None:
    """The parties of a request an act was done at: "the United States sent troops at the
    request of Iraq" -> (sent, [Iraq], [United States]); "Parliament was suspended by the
    Queen at the request of the Prime Minister" -> the Queen is asked (a passive's agent
    does the act, so it was asked); with no doer named, no one asked. The requesters are
    the noun's possessor or the objects of its "of"/"from"/"by"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in nouns.request_preps:
        return None
    verb = prep.head
    if verb is prep or verb.pos_ not in ("VERB", "AUX"):
        return None
    doers = [
        tok for child in noun.children if child.dep_ == "poss" for tok in with_conjuncts(child)
    ]
    doers += prep_objects([noun], nouns.backer_preps)
    if not doers:
        return None
    asked = agent_tokens(verb) if is_passive(verb) else subject_tokens(verb)
    return verb, doers, asked


def supports_effort(token: Token, nouns: NounLexicon) -> bool:
    """Whether a verb or noun of support takes a military effort as what it supports:
    "backed Iraq's fight against ISIS", "support for the campaign" (PLOVER AID)."""
    efforts = nouns.military_efforts
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in efforts:
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in nouns.effort_preps
            and any(pobj.lemma_.lower() in efforts for pobj in pobjs(child))
        ):
            return True
    return False


def occupants(place: Token, verbs: Collection[str]) -> list[Token]:
    """Whom a place holds, when a participle on it says so: "bases housing US troops" ->
    [troops]. Empty when no such participle hangs on `place`."""
    return [
        tok
        for child in place.children
        if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in verbs
        for grand in child.children
        if grand.dep_ == "dobj"
        for tok in with_conjuncts(grand)
    ]


def member_of(token: Token, nouns: Collection[str]) -> tuple[list[Token], list[Token]]:
    """The member and the whole a membership noun names: "X, part of the alliance" and "X
    is a wing of the alliance" -> ([X], [alliance]). Empty for any other token."""
    if token.lemma_.lower() not in nouns or token.pos_ != "NOUN":
        return [], []
    wholes = prep_objects([token], {"of"})
    if not wholes:
        return [], []
    if token.dep_ == "appos":
        return [token.head], wholes
    if token.dep_ == "attr" and token.head.lemma_.lower() == "be":
        if any(child.dep_ == "neg" for child in token.head.children):
            return [], []  # "X is not part of the alliance": no member
        # "X, Y and Z are all members of the party": each of them
        members = [m for c in token.head.children if c.dep_ == "nsubj" for m in list_of(c)]
        return members, wholes
    return [], []
