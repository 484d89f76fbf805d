"""Organisations and people a role refers to without naming them where it stands.

"The PUK and its leader X" (a possessive pronoun), "a spokesman for the group, X" (a
definite nominal), "Army chief X" after "the Sudanese army" (a state force named
before), "X, adviser to Prime Minister Y" (a person served), and "the UN envoy for
Iraq, X," whose apposition the parser hangs on the place. `OrganisationReferences` is
mixed into the finder of `extract.actors.roles`, whose state it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.actors.compounds import FinderRules
from extract.actors.found import Found
from extract.actors.references import antecedent

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: Actor types that can hold a role's holder: organisations, governments, media.
BODY_TYPES = frozenset({"ArmedGroup", "PoliticalParty", "Organization", "Government", "Media"})


class OrganisationReferences(FinderRules):
    """Reference-reading rules over the finder's doc and resolved spans."""

    def _force_named(self, title: Span) -> Found | None:
        """ "Army chief NAME" after "the Sudanese army": the state force the text named
        (a title opening with "army", "police" ... refers back, as "the army" does); and
        "committee chairman NAME" after "the House Judiciary Committee", "party leader
        NAME" after "the Labour Party": a title opening with the noun of a body refers
        back to the nearest body before it whose name has that noun."""
        first = title[0]
        if first.lower_ in self.lexicon.state_forces:
            types: tuple[str, ...] = ("Government", "ArmedGroup")
        elif len(title) > 1 and (first.text.islower() or first.is_sent_start):
            kinds = self.lexicon.nominals.get(first.lemma_.lower(), ())
            types = tuple(kind for kind in kinds if kind in BODY_TYPES)
            if not types:
                return None
        else:
            return None
        actor = antecedent(self.res, first, types=types, noun=first.lower_)
        if actor is None:
            return None
        return Found(first.i, first.i + 1, actor.id, "coref")

    def _possessive_found(self, index: int) -> Found | None:
        """The organisation a possessive pronoun before a title stands for: "the PUK and
        its leader X", "Its spokesperson, X," (the nearest fitting actor before it)."""
        token = self.doc[index]
        if token.tag_ != "PRP$" or token.lower_ not in {"its", "their"}:
            return None
        # the nearest organisation, not the nearest actor: "the PUK ... accused Turkey
        # of targeting the city, and its leader X" is the PUK's leader
        actor = antecedent(self.res, token, types=tuple(sorted(BODY_TYPES)), noun=None)
        if actor is None:
            return None
        return Found(index, index + 1, actor.id, "coref")

    def _served_person(self, noun: Token) -> Found | None:
        """The person a title is held "to" ("adviser to Prime Minister Abiy Ahmed")."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for pobj in prep.children:
                found = self._by_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                actor = self.res.actors.get(found.actor_id) if found else None
                if found is not None and actor is not None and actor.type == "Person":
                    return found
        return None

    def _nominal_found(self, token: Token) -> Found | None:
        """The organisation a definite nominal stands for: "a spokesman for the group"
        is the group's spokesman (the nearest fitting organisation before it)."""
        if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
            return None
        kinds = self.lexicon.nominals.get(token.lemma_.lower())
        if not kinds:
            return None
        noun = token.lemma_.lower()
        actor = antecedent(self.res, token, types=tuple(kinds), noun=noun)
        if actor is None or actor.type not in BODY_TYPES:
            return None
        return Found(token.i, token.i + 1, actor.id, "coref")


def title_holding(noun: Token) -> Token:
    """The title noun an apposition belongs to when the parse hung it on the place
    after the title: "the UN envoy for Iraq, NAME," gives NAME as apposition of "Iraq";
    the name is the envoy's."""
    token = noun
    while (
        token.dep_ == "pobj"
        and token.head.dep_ == "prep"
        and token.head.lower_ in {"for", "to", "in", "of"}
        and token.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        token = token.head.head
    return token
