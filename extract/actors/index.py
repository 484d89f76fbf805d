"""The actor index of one doc: its actors, mentions and structural claims, and the
lookups the claim finders ask: who a token stands for (`actor_at`), who a pronoun or
nominal refers to (`resolve_reference`).

`ActorIndex` is frozen and built once per doc (`extract/actors/resolve.py`, from the
`Collection` its passes filled); a lookup never adds anything to it, so its answers do
not depend on which finder asked first. An answer can stand for an actor the index
does not hold (the government a capital acting stands for, the state a nationality
adjective stands for, a group a nominal describes, "the government" of the main
country): the lookup returns that actor as a value (`Reference.implied`), and the
extraction collects what its finders' answers implied through `Asked`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from extract.actors.collection import (
    GOVERNMENT_HEADS,
    Collection,
    country_actor,
    country_government,
)
from extract.actors.found import Found, to_mention
from extract.actors.names import actor_lexicon
from extract.actors.references import (
    UNRESOLVED,
    Implied,
    Reference,
    government_of,
    modifier_found,
    resolve_reference,
)
from extract.actors.registry import Registry
from extract.records import Actor, Claim, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: How a nationality adjective qualifies a noun ("Turkish shelling", "Iran's"-like uses).
_QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})


@dataclass(frozen=True)
class ActorIndex:
    """The actors of one doc and the means to ask who a token stands for.

    Attributes:
        doc: the parsed doc.
        registry: the known actors.
        offset: where `doc.text` starts in the document text.
        actors: every actor mentioned in the doc, by id (read-only).
        mentions: spans naming an actor, with offsets in the document text.
        claims: structural claims found inside noun phrases (LEADS, AFFILIATED_WITH,
            SUPPORT).
        found: the resolved spans in token offsets, in document order.
        by_token: the resolved span covering each token (read-only).
        refs: subject pronouns and nominals resolved when the index was built.
        demonyms: nationality words that qualify a noun, by token: their country id.
        main_country: the country the text names most, if one leads.
        sentences: (start, end) token offsets of each sentence.
    """

    doc: Doc = field(repr=False)
    registry: Registry = field(repr=False)
    offset: int
    actors: Mapping[str, Actor]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    found: tuple[Found, ...]
    by_token: Mapping[int, Found] = field(repr=False)
    refs: Mapping[int, Found] = field(repr=False)
    demonyms: Mapping[int, str] = field(repr=False)
    main_country: str | None
    sentences: tuple[tuple[int, int], ...] = field(repr=False)

    @classmethod
    def of(cls, collection: Collection) -> ActorIndex:
        """Freeze what the passes collected into the doc's index."""
        return cls(
            doc=collection.doc,
            registry=collection.registry,
            offset=collection.offset,
            actors=MappingProxyType(dict(collection.actors)),
            mentions=tuple(collection.mentions),
            claims=tuple(collection.claims),
            found=tuple(collection.found),
            by_token=MappingProxyType(dict(collection.by_token)),
            refs=MappingProxyType(dict(collection.refs)),
            demonyms=MappingProxyType(dict(collection.demonyms)),
            main_country=collection.main_country,
            sentences=collection.sentences,
        )

    def found_at(self, token: Token) -> Found | None:
        """Return the resolved span covering `token`, if any."""
        return self.by_token.get(token.i)

    def lookup(self, token: Token, *, agent: bool = False) -> Reference:
        """Who `token` stands for (`actor_at`), with what the answer implies."""
        found = self.by_token.get(token.i)
        if found is None:
            found = modifier_found(self, token)
        if found is None:
            return country_owned(self, token) or nationality(self, token)
        if agent and found.capital:
            return government_of(self, found)
        return Reference(self.actors.get(found.actor_id), "name")

    def actor_at(self, token: Token, *, agent: bool = False) -> Actor | None:
        """Return the actor whose mention covers `token` or whose noun phrase it heads.

        Args:
            token: a token of the resolved doc.
            agent: the token is the agent of a speech act, request or accusation; a
                capital then stands for its government ("Baghdad has denied" -> Iraqi
                government).

        Returns:
            The actor, a Group actor for an anchored unnamed group ("US officials"),
            or None (pronouns and unknown words are never actors).
        """
        return self.lookup(token, agent=agent).actor

    def reference(self, token: Token) -> Reference:
        """Who a speaker token refers to (`extract.actors.references.resolve_reference`)."""
        return resolve_reference(self, token)

    def resolve_reference(self, token: Token) -> tuple[Actor | None, str]:
        """Return the actor a speaker token refers to, and how it was resolved
        (`extract.actors.references.resolve_reference`)."""
        reference = resolve_reference(self, token)
        return reference.actor, reference.how

    def state_named(self, token: Token) -> Actor | None:
        """The state the nationality adjective `token` names (`state_of`)."""
        return state_of(self, token).actor


class Asked:
    """The lookups one extraction asks an index, and what their answers imply.

    The claim finders ask through this (it has the `Resolver` lookups); the index
    stays unchanged, and `implied` gives back, once the finders are done, the actors
    and mentions their answers stood for beyond the index: the government a capital
    acting stands for and its "metonymy" mention, the state a nationality adjective
    stands for, a group a nominal describes, the main country's government. Every
    answer is independent of the questions before it, so what is collected does not
    depend on the order the finders asked in.
    """

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self._implied: list[Implied] = []

    @property
    def actors(self) -> Mapping[str, Actor]:
        """The index's actors (what `extract.claims.speakers.organisation_of` reads)."""
        return self.index.actors

    def found_at(self, token: Token) -> Found | None:
        """`ActorIndex.found_at`."""
        return self.index.found_at(token)

    def actor_at(self, token: Token, *, agent: bool = False) -> Actor | None:
        """`ActorIndex.actor_at`, noting what the answer implies."""
        return self._noted(self.index.lookup(token, agent=agent)).actor

    def resolve_reference(self, token: Token) -> tuple[Actor | None, str]:
        """`ActorIndex.resolve_reference`, noting what the answer implies."""
        reference = self._noted(self.index.reference(token))
        return reference.actor, reference.how

    def state_named(self, token: Token) -> Actor | None:
        """`ActorIndex.state_named`, noting what the answer implies."""
        return self._noted(state_of(self.index, token)).actor

    def implied(self) -> tuple[dict[str, Actor], tuple[Mention, ...]]:
        """The actors the answers implied that the index lacks, by id, and the
        mentions they implied that it lacks, in document order."""
        held = set(self.index.mentions)
        actors: dict[str, Actor] = {}
        mentions: dict[Mention, None] = {}
        for implied in self._implied:
            if implied.actor.id not in self.index.actors:
                actors.setdefault(implied.actor.id, implied.actor)
            if implied.mention is not None and implied.mention not in held:
                mentions.setdefault(implied.mention, None)
        ordered = sorted(mentions, key=lambda m: (m.start, m.end, m.actor_id, m.how))
        return actors, tuple(ordered)

    def _noted(self, reference: Reference) -> Reference:
        if reference.implied is not None:
            self._implied.append(reference.implied)
        return reference


def country_owned(index: ActorIndex, token: Token) -> Reference | None:
    """ "Mexico's government", "the government of Mexico": the country's government
    (`country_government`), with a "metonymy" mention of the phrase; None when
    `token` is no government noun owned by a country."""
    if token.lemma_.lower() not in GOVERNMENT_HEADS:
        return None
    for child in token.children:
        owner: Token | None
        if child.dep_ == "poss":
            owner = child
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == token.i + 1:
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        else:
            continue
        found = index.by_token.get(owner.i) if owner is not None else None
        country = index.actors.get(found.actor_id) if found is not None else None
        if found is None or country is None or country.type != "Country":
            continue
        government = country_government(index.registry, country.id)
        if government is None:
            return None
        span = index.doc[min(found.start, token.i) : max(found.end, token.i + 1)]
        return _state_named(index, government, span)
    return None


def _state_named(index: ActorIndex, actor: Actor, span: Span) -> Reference:
    """The state `span` stands for, as a "metonymy" reference implying its mention."""
    mention = to_mention(span, actor.id, "metonymy", index.offset)
    known = index.actors.get(actor.id, actor)
    return Reference(known, "metonymy", Implied(actor, mention=mention))


def nationality(index: ActorIndex, token: Token) -> Reference:
    """The state a nationality adjective stands for when it qualifies a noun.

    "the Turkish shelling", "Iranian missiles", "an American destroyer": the country's
    government when the registry has one for it, else the country; a "metonymy"
    mention. Plural nationality nouns ("the Americans") are groups and never reach here.
    """
    country_id = index.demonyms.get(token.i)
    if country_id is None or token.dep_ not in _QUALIFIER_DEPS:
        return UNRESOLVED
    noun, lexicon = token.head, actor_lexicon()
    words = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
    kinds = {kind for word in words for kind in lexicon.nominals.get(word, ())}
    if noun.dep_ == "appos" or words & lexicon.place_nouns:
        # "the PMF, an Iraqi state organisation": the noun describes another actor;
        # "Iraqi bases", "Syrian territory": a place, not the state acting
        return UNRESOLVED
    if kinds and "Government" not in kinds:
        return UNRESOLVED  # "an Iraqi militia", "a Turkish company": an actor of its own
    return state_of(index, token)


def state_of(index: ActorIndex, token: Token) -> Reference:
    """The state the nationality adjective `token` names, whatever the noun it qualifies:
    the country's government when the registry has one, else the country ("the Somali
    ambassador": Somalia); a "metonymy" mention."""
    country_id = index.demonyms.get(token.i)
    if country_id is None or token.dep_ not in _QUALIFIER_DEPS:
        return UNRESOLVED
    noun = token.head
    registry = index.registry
    span = index.doc[token.i : token.i + 1]
    actor = registry.government_of_country(country_id)
    if actor is None and noun.lemma_.lower() in GOVERNMENT_HEADS and noun.i > token.i:
        # "the Mexican government": the state's own government, not the country
        actor = country_government(registry, country_id)
        span = index.doc[token.i : noun.i + 1]
    actor = actor or country_actor(registry, country_id)
    if actor is None:
        return UNRESOLVED
    return _state_named(index, actor, span)
