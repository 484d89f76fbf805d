"""Structural claims inside compounds: "Iran-backed militias", "US-led coalition".

"X-backed Y", "X-enabled Y" give X SUPPORT Y; "X-affiliated Y", "X-aligned Y" and
"pro-X Y" give Y AFFILIATED_WITH X; "X-led Y" gives X LEADS Y (lexicon `compounds`
and `prefixes`); "X and affiliated Y" gives Y AFFILIATED_WITH X, and a compound in
parentheses ("(U.S.-led) coalition forces") modifies the noun phrase after them. X
may be a name, a nationality ("Iranian-backed"), a name the NER missed ("Kata'ib
al-Imam Ali-affiliated") or part of one token ("U.S.-led"). A country that leads or
backs acts as its government where the registry names one.

`CompoundRules` is mixed into the finder of `extract.actors.roles`, whose state it uses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING

from extract.actors.found import Found, to_mention
from extract.records import Actor, Claim, slugify
from extract.syntax.doccache import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.collection import Collection
    from extract.actors.names import ActorLexicon


class FinderRules:
    """The state the rule mixins of `extract.actors.roles`' finder read: the doc, the actor
    lexicon and the collection with its spans by token."""

    doc: Doc
    lexicon: ActorLexicon
    res: Collection

    @property
    def _by_token(self) -> dict[int, Found]:
        return self.res.by_token


class CompoundRules(FinderRules):
    """Compound-reading rules over the finder's doc and resolved spans."""

    def _demonym_found(self, index: int) -> Found | None:
        raise NotImplementedError

    def _claim(
        self, relation: str, subject: Found, object_: Found, cue: Span, *, rule: str
    ) -> Claim:
        raise NotImplementedError

    def compounds(self) -> list[Claim]:
        """ "Iran-backed militias", "KH-affiliated bloc", "pro-Iran groups"."""
        doc, lexicon = self.doc, self.lexicon
        claims: list[Claim] = []
        words = [token.lower_ for token in tokens(doc)]
        for token in tokens(doc):
            if token.i < 2 or words[token.i - 1] != "-":
                if token.i >= 2 and words[token.i - 1] == "and":
                    claims.extend(self._coordinated_affiliate(token))
                continue
            rule = lexicon.compounds.get(token.lower_)
            modifier = self._by_token.get(token.i - 2)
            if modifier is None or modifier.how == "group":
                modifier = self._demonym_found(token.i - 2)  # "Iranian-backed"
            if modifier is not None and modifier.end > token.i:
                modifier = self._inner_name(modifier, token.i - 1)  # "U.S.-led coalition"
            if rule is None:
                continue
            if modifier is None:
                modifier = self._unknown_name(token.i - 2)  # "Kata'ib al-Imam Ali-affiliated"
            if modifier is None or self._is_place(modifier):
                continue  # "Kurdish-led": a region does not lead
            noun = self._noun_of(token, first=modifier.start)
            target = self._target(noun)
            inside = self._by_token.get(token.i)
            if inside is not None and inside.how != "group":
                target = inside  # the name holds the compound: "US-led coalition"
            if target is None or target.actor_id == modifier.actor_id:
                continue
            cue = doc[modifier.start : token.i + 1]
            modifier = self._acting(modifier)
            claims.extend(self._pair_claim(modifier, target, rule, cue, rule_name="compound"))
        claims.extend(self._glued_compounds())
        for i, word in enumerate(words):
            rule = lexicon.prefixes.get(word)
            if rule is None or i + 2 >= len(doc) or words[i + 1] != "-":
                continue
            token = doc[i]
            modifier = self._by_token.get(token.i + 2)
            noun = self._noun_of(doc[token.i + 2])
            target = self._target(noun)
            if modifier is None or target is None or target.actor_id == modifier.actor_id:
                continue
            cue = doc[token.i : modifier.end]
            modifier = self._acting(modifier)
            claims.extend(self._pair_claim(modifier, target, rule, cue, rule_name="prefix"))
        return claims

    def _coordinated_affiliate(self, token: Token) -> list[Claim]:
        """ "Kataib Hezbollah and affiliated militias", "Hezbollah and allied groups": the
        group after the coordinated participle `token` is affiliated with the actor before
        "and", read by word order (the parser often makes the participle a verb here)."""
        rule = self.lexicon.compounds.get(token.lower_)
        if rule is None or rule["subject"] != "head" or self.doc[token.i - 2].text == "-":
            return []
        partner = self._by_token.get(token.i - 2)
        if partner is None or partner.end != token.i - 1:
            return []
        group = self._phrase_after(token)
        if group is None or group.actor_id == partner.actor_id:
            return []
        cue = self.doc[partner.start : token.i + 1]
        return self._pair_claim(self._acting(partner), group, rule, cue, rule_name="compound")

    def _phrase_after(self, token: Token) -> Found | None:
        """The actor of the noun phrase right after `token` ("affiliated [Iran-backed
        militia]"): the found span of its head noun, within a few words."""
        doc = self.doc
        for i in range(token.i + 1, min(token.i + 6, len(doc))):
            word = doc[i]
            if word.dep_ in {"compound", "npadvmod", "amod"} or word.text == "-":
                continue  # "Iran-backed", "Shiite": modifiers of the noun to come
            if word.pos_ not in {"NOUN", "PROPN"}:
                return None
            return self._by_token.get(i)
        return None

    def _glued_compounds(self) -> list[Claim]:
        """ "U.S.-led": a compound the tokenizer kept as one token."""
        claims: list[Claim] = []
        for token in tokens(self.doc):
            head, _, word = token.text.rpartition("-")
            rule = self.lexicon.compounds.get(word.lower()) if head else None
            if rule is None:
                continue
            actor = self.res.registry.lookup(head)
            country = self.lexicon.demonyms.get(head.lower())
            if actor is None and country is not None:
                actor = self.res.registry.get(country)
            if actor is None or actor.type == "Place":
                continue
            self.res.actors.setdefault(actor.id, actor)
            modifier = self._acting(Found(token.i, token.i + 1, actor.id, "registry"))
            inside = self._by_token.get(token.i)
            target = inside if inside is not None and inside.how != "group" else None
            target = target or self._target(self._noun_of(token))
            if target is None or target.actor_id == modifier.actor_id:
                continue
            cue = self.doc[token.i : token.i + 1]
            claims.extend(self._pair_claim(modifier, target, rule, cue, rule_name="compound"))
        return claims

    def _target(self, noun: Token | None) -> Found | None:
        """The actor a modified noun stands for, or the group noun compounded into it."""
        if noun is None:
            return None
        if noun.i in self._by_token:
            return self._by_token[noun.i]
        for child in noun.children:
            found = self._by_token.get(child.i)
            if child.dep_ == "compound" and found is not None and found.how == "group":
                return found  # "Iran-aligned militia targets"
        return None

    def _is_place(self, found: Found) -> bool:
        actor = self.res.actors.get(found.actor_id) or self.res.registry.get(found.actor_id)
        return actor is not None and actor.type == "Place" and not found.capital

    def _unknown_name(self, last: int) -> Found | None:
        """A capitalised name the NER missed, ending at token `last`, as an organisation."""
        doc = self.doc
        start = last
        while start > 0 and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in {"al", "-"}
        ):
            if doc[start - 1].i in self._by_token or doc[start - 1].is_sent_start:
                break
            start -= 1
        while start < last and not doc[start].text[:1].isupper():
            start += 1
        span = doc[start : last + 1]
        if not span.text[:1].isupper() or len(span) < 2 or doc[last].tag_ != "NNP":
            return None
        actor = self.res.registry.lookup(span.text)
        if actor is None:
            actor = Actor(id=slugify(span.text), label=span.text, type="Organization")
        self.res.actors.setdefault(actor.id, actor)
        found = Found(span.start, span.end, actor.id, "ner")
        self.res.found.append(found)
        self.res.mentions.append(to_mention(span, actor.id, "ner", self.res.offset))
        for i in range(span.start, span.end):
            self._by_token[i] = found
        return found

    def _inner_name(self, outer: Found, end: int) -> Found | None:
        """The registry actor named by the tokens of `outer` before token `end`."""
        actor = self.res.registry.lookup(self.doc[outer.start : end].text)
        if actor is None or actor.id == outer.actor_id:
            return None
        return Found(outer.start, end, actor.id, "registry")

    def _acting(self, found: Found) -> Found:
        """A capital or country that leads or backs acts as its government, when the
        registry names one ("US-led" -> US government, "Damascus-affiliated" -> Syria)."""
        actor = self.res.actors.get(found.actor_id) or self.res.registry.get(found.actor_id)
        if not found.capital and actor is not None and actor.type == "Country":
            government = self.res.registry.government_of_country(actor.id)
            if government is None:
                return found
            self.res.actors.setdefault(government.id, government)
            return dataclasses.replace(found, actor_id=government.id, how="metonymy")
        if not found.capital:
            return found
        government = self.res.as_government(found)
        if government is None:
            return found
        return dataclasses.replace(found, actor_id=government.id, how="metonymy", capital=False)

    def _noun_of(self, token: Token, *, first: int | None = None) -> Token | None:
        """The noun a modifier belongs to: up the amod/compound chain to a noun.

        A modifier in parentheses ("(U.S.-led) coalition forces", from `first` to
        `token`) belongs to the noun phrase right after them, wherever the parser hung it.
        """
        doc = self.doc
        start = token.i if first is None else first
        if (
            start > 0
            and token.i + 2 < len(doc)
            and doc[start - 1].text == "("
            and doc[token.i + 1].text == ")"
        ):
            head = doc[token.i + 2]
            while head.dep_ in {"compound", "amod"} and head.head.i > head.i:
                found = self._by_token.get(head.i)
                if found is not None and found.end == head.i + 1 and found.how != "group":
                    break  # "(U.S.-backed) Syrian Democratic Forces positions": the name
                head = head.head
            return head if head.pos_ in {"NOUN", "PROPN"} else None
        head = token
        for _ in range(4):
            if head.dep_ not in {"amod", "compound", "npadvmod", "nmod", "punct", "advmod"}:
                break
            head = head.head
            if head.pos_ in {"NOUN", "PROPN"} and head.i > token.i:
                return head
        return None

    def _pair_claim(
        self, modifier: Found, target: Found, rule: Mapping[str, str], cue: Span, *, rule_name: str
    ) -> list[Claim]:
        relation = rule["relation"]
        subject, object_ = (
            (modifier, target) if rule["subject"] == "modifier" else (target, modifier)
        )
        return [self._claim(relation, subject, object_, cue, rule=rule_name)]
