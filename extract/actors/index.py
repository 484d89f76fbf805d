"""The actors of one doc, and the lookups the claim finders ask: who a token stands
for (`actor_at`), who a pronoun or nominal refers to (`resolve_reference`).

Built by `extract/actors/resolve.py` from the `Collection` its passes filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from extract.actors.collection import Collection, country_actor
from extract.actors.found import Found, to_mention
from extract.actors.names import actor_lexicon
from extract.actors.references import (
    Implied,
    Reference,
    add_implied,
    government_of,
    modifier_found,
    resolve_reference,
)
from extract.actors.registry import Registry
from extract.records import Actor, Claim, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How a nationality adjective qualifies a noun ("Turkish shelling", "Iran's"-like uses).
_QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})


class Resolution:
    """The actors of one doc and the means to ask who a token stands for."""

    def __init__(self, collection: Collection) -> None:
        self._c = collection

    doc = property(lambda self: self._c.doc)
    registry = property(lambda self: self._c.registry)
    offset = property(lambda self: self._c.offset)
    main_country = property(lambda self: self._c.main_country)

    @property
    def actors(self) -> dict[str, Actor]:
        """Every actor mentioned in the doc, by id."""
        return self._c.actors

    @property
    def mentions(self) -> list[Mention]:
        """Spans naming an actor, with offsets in the document text."""
        return self._c.mentions

    @property
    def claims(self) -> list[Claim]:
        """Structural claims found inside noun phrases (LEADS, AFFILIATED_WITH, SUPPORT)."""
        return self._c.claims

    @property
    def found(self) -> Sequence[Found]:
        """The resolved spans in token offsets, in document order."""
        return self._c.found

    @property
    def by_token(self) -> Mapping[int, Found]:
        return self._c.by_token

    @property
    def refs(self) -> Mapping[int, Found]:
        return self._c.refs

    @property
    def sentences(self) -> Sequence[tuple[int, int]]:
        return self._c.sentences

    def found_at(self, token: Token) -> Found | None:
        """Return the resolved span covering `token`, if any."""
        return self._c.by_token.get(token.i)

    def actor_at(self, token: Token, *, agent: bool = False) -> Actor | None:
        """Return the actor whose mention covers `token` or whose noun phrase it heads.

        Args:
            token: a token of the resolved doc.
            agent: the token is the agent of a speech act, request or accusation; a
                capital then stands for its government ("Baghdad has denied" -> Iraqi
                government), registered as a "metonymy" mention.

        Returns:
            The actor, a Group actor for an anchored unnamed group ("US officials"),
            or None (pronouns and unknown words are never actors).
        """
        found = self._c.by_token.get(token.i)
        if found is None:
            found = modifier_found(self, token)
        if found is None:
            reference = nationality(self, self._c.demonyms, token)
            if reference.implied is not None:
                add_implied(self._c, reference.implied)
                return self._c.actors[reference.implied.actor.id]
            return reference.actor
        if agent and found.capital:
            return self._apply(government_of(self, found))
        return self._c.actors.get(found.actor_id)

    def resolve_reference(self, token: Token) -> tuple[Actor | None, str]:
        """Return the actor a speaker token refers to, and how it was resolved
        (`extract.actors.references.resolve_reference`)."""
        reference = resolve_reference(self, token)
        return self._apply(reference), reference.how

    def _apply(self, reference: Reference) -> Actor | None:
        if reference.implied is not None:
            add_implied(self._c, reference.implied)
        return reference.actor


def nationality(resolved: Resolution, demonyms: Mapping[int, str], token: Token) -> Reference:
    """The state a nationality adjective stands for when it qualifies a noun.

    "the Turkish shelling", "Iranian missiles", "an American destroyer": the country's
    government when the registry has one for it, else the country; a "metonymy"
    mention. Plural nationality nouns ("the Americans") are groups and never reach here.
    """
    country_id = demonyms.get(token.i)
    if country_id is None or token.dep_ not in _QUALIFIER_DEPS:
        return Reference(None, "unresolved")
    noun, lexicon = token.head, actor_lexicon()
    words = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
    kinds = {kind for word in words for kind in lexicon.nominals.get(word, ())}
    if noun.dep_ == "appos" or words & lexicon.place_nouns:
        # "the PMF, an Iraqi state organisation": the noun describes another actor;
        # "Iraqi bases", "Syrian territory": a place, not the state acting
        return Reference(None, "unresolved")
    if kinds and "Government" not in kinds:
        return Reference(None, "unresolved")  # "an Iraqi militia": an actor of its own
    registry: Registry = resolved.registry
    actor = registry.government_of_country(country_id) or country_actor(registry, country_id)
    if actor is None:
        return Reference(None, "unresolved")
    doc: Doc = resolved.doc
    mention = to_mention(doc[token.i : token.i + 1], actor.id, "metonymy", resolved.offset)
    return Reference(
        resolved.actors.get(actor.id, actor), "metonymy", Implied(actor, mention=mention)
    )
