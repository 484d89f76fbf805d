"""Unnamed groups: "US officials", "Iraqi lawmakers", "Iran-backed militias".

A noun naming a collective (lexicon `group_nouns`) becomes a Group-typed actor when
something anchors it: an actor or nationality among its modifiers ("KRG officials",
"Iraqi lawmakers"), a "pro-X"/"X-backed" compound, a creed ("Shiite factions"), or a
noun that is an actor on its own ("gunmen"). The group is linked to the country and
parent organisation its anchors name; a backer ("Iran-backed") is not a country of
origin. "The Islamic State group" is the named group itself, not a new one.

`GroupRules` is mixed into `extract.mentions.MentionCollector`, whose state it uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors import Resolution
    from extract.names import ActorLexicon
    from extract.records import Actor

_GROUP_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "punct", "cc", "conj"})
_WEAK_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBS", "RBR", "VBG", "VBN", "DT", "CD", "PDT"})


@dataclass(frozen=True)
class Found:
    """One resolved span of the doc (token offsets), before it becomes a `Mention`."""

    start: int
    end: int
    actor_id: str
    how: str
    capital: bool = False  # a capital named as a place; stands for its government when it acts


class GroupRules:
    """Group-finding rules over the collector's doc and resolved spans."""

    doc: Doc
    lexicon: ActorLexicon
    res: Resolution
    by_token: dict[int, Found]
    demonym_country: dict[int, str]
    norp_tokens: set[int]

    def _new_actor(
        self,
        span: Span,
        kind: str,
        *,
        country: str | None = None,
        parent: str | None = None,
        key: str | None = None,
    ) -> Actor:
        raise NotImplementedError

    def _collect_groups(self) -> None:
        """Unnamed groups anchored to an actor: "US officials", "Iran-backed militias"."""
        for token in self.doc:
            kind = self._group_kind(token)
            if kind is None or token.i in self.by_token:
                continue
            if token.dep_ == "compound" and token.head.i in self.by_token:
                continue  # a title before a name: "Iranian Foreign minister Zarif"
            modifiers = self._left_modifiers(token)
            if not modifiers and token.dep_ == "compound" and token.head.i > token.i:
                # "Iran-aligned militia targets": the parse hangs the modifiers on "targets"
                modifiers = [t for t in self._left_modifiers(token.head) if t.i < token.i]
                if modifiers and modifiers[-1].i != token.i - 1:
                    modifiers = []
            anchors = [self.by_token[t.i] for t in modifiers if t.i in self.by_token]
            countries = [
                self.demonym_country[t.i] for t in modifiers if t.i in self.demonym_country
            ]
            prefixed = any(t.lower_ in self.lexicon.prefixes for t in modifiers)
            creeds = [t for t in modifiers if t.i in self.norp_tokens]  # "Shiite factions"
            standalone = token.lemma_.lower() in self.lexicon.standalone_groups
            if not (anchors or countries or prefixed or creeds or standalone):
                continue
            plural = token.tag_ in {"NNS", "NNPS"}
            if not plural and any(c.lower_ in {"the", "this", "that"} for c in token.children):
                continue  # "the senior US diplomat": a reference, resolved as a nominal
            named = [f for f in anchors if self._is_organisation(f)]
            if not plural and named and named[-1] is anchors[-1]:
                # "the Islamic State group", "Kataib Hizbullah militia": the named group itself
                self._extend(named[-1], token)
                continue
            poss = [
                self.by_token[c.i]
                for c in token.children
                if c.dep_ == "poss" and c.i in self.by_token
            ]
            country, parent = self._group_links(anchors + poss)
            country = country or (countries[0] if countries else None)
            span = self.doc[modifiers[0].i if modifiers else token.i : token.i + 1]
            actor = self._new_actor(span, kind, country=country, parent=parent)
            found = Found(span.start, span.end, actor.id, "group")
            self.res.found.append(found)
            self.res.actors.setdefault(actor.id, actor)
            for member in span:
                if member.i not in self.by_token:
                    self.by_token[member.i] = found

    def _group_kind(self, token: Token) -> str | None:
        """The actor type of a group noun; title-cased headline nouns count too."""
        if token.pos_ == "NOUN":
            return self.lexicon.group_nouns.get(token.lemma_.lower())
        if token.pos_ != "PROPN" or token.ent_type_:
            return None
        word = token.lower_  # "Iran-Backed Militias": the tagger says PROPN
        for singular in (word, word[:-1], word[:-3] + "y" if word.endswith("ies") else word):
            if singular in self.lexicon.group_nouns:
                return self.lexicon.group_nouns[singular]
        return None

    def _left_modifiers(self, token: Token) -> list[Token]:
        """The modifiers left of a group noun, without leading determiners and adjectives.

        "the most influential Iran-aligned militias" -> "Iran-aligned"; "senior US
        diplomat" -> "US"; adjectives that are nationalities or actors stay.
        """
        start = token.i
        while start > 0 and self._modifies(self.doc[start - 1], token):
            start -= 1
        doc = self.doc
        while start > 1 and start < token.i and doc[start - 1].text == "-":
            start -= 2  # keep "Iran-" of "Iran-Aligned Militia" whatever the parse says
        tokens = [self.doc[i] for i in range(start, token.i)]
        cut = max(
            (k + 1 for k, t in enumerate(tokens) if "\n" in t.text_with_ws or t.text in {"(", ")"}),
            default=0,
        )
        tokens = tokens[cut:]
        while tokens and self._weak(tokens[0], tokens[1] if len(tokens) > 1 else None):
            tokens.pop(0)
        return tokens

    @staticmethod
    def _modifies(word: Token, noun: Token) -> bool:
        """Whether `word` reaches `noun` through modifier arcs only."""
        head = word
        for _ in range(8):
            if head.i == noun.i:
                return True
            if head.dep_ not in _GROUP_MODIFIER_DEPS or head.head.i == head.i:
                return False
            head = head.head
        return False

    def _weak(self, token: Token, after: Token | None) -> bool:
        """A leading word that does not make the group ("senior", "several", "the")."""
        if token.i in self.by_token or token.i in self.demonym_country:
            return False
        if token.lower_ in self.lexicon.prefixes or (after is not None and after.text == "-"):
            return False
        return token.tag_ in _WEAK_TAGS or token.is_punct or token.tag_ == "POS"

    def _is_organisation(self, found: Found) -> bool:
        actor = self.res.actors.get(found.actor_id)
        return (
            actor is not None
            and not found.capital
            and found.how != "group"
            and actor.type
            in {
                "ArmedGroup",
                "PoliticalParty",
                "Organization",
                "Government",
                "Company",
                "Media",
            }
        )

    def _extend(self, found: Found, token: Token) -> None:
        wider = Found(found.start, token.i + 1, found.actor_id, found.how, found.capital)
        self.res.found[self.res.found.index(found)] = wider
        for i in range(wider.start, wider.end):
            self.by_token[i] = wider

    def _group_links(self, anchors: list[Found]) -> tuple[str | None, str | None]:
        """Country and parent of a group from the actors that anchor it ("KRG officials")."""
        country = parent = None
        for found in anchors:
            actor = self.res.actors.get(found.actor_id)
            if actor is None or self._in_cue(found):
                continue  # "Iran-backed militias" are backed by Iran, not Iranian
            if actor.type == "Country":
                country = country or actor.id
            elif found.capital or actor.type in {"Place", "Person", "Group"}:
                continue
            else:
                parent = parent or actor.id
                country = country or actor.country
        return country, parent

    def _in_cue(self, found: Found) -> bool:
        doc = self.doc
        after = doc[found.end] if found.end < len(doc) else None
        before = doc[found.start - 2] if found.start >= 2 else None
        if after is not None and after.text == "-":
            return True
        return before is not None and before.lower_ in self.lexicon.prefixes
