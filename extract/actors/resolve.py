"""Actor resolution: which actor every name, group, pronoun and capital in a doc stands for.

`resolve_actors` reads a parsed spaCy `Doc` (with the registry's entity ruler installed)
and returns a `Resolution`: the actors mentioned, their mentions (document offsets),
and the structural claims found inside noun phrases (titles, appositions, "X-backed"
compounds; see `extract/actors/roles.py`). The claim finders then ask the resolution who a
token stands for (`actor_at`) or who a pronoun or "the ministry" refers to
(`resolve_reference`).

The mentions themselves are collected by `extract/actors/mentions.py` (unnamed groups in
`extract/actors/groups.py`); roles and title claims by `extract/actors/roles.py`, compound claims by
`extract/actors/compounds.py`; name cleaning and matching live in `extract/actors/names.py`; the
word lists in `extract/lexicon/actors.yaml`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.actors.mentions import Found, MentionCollector, to_mention
from extract.actors.names import actor_lexicon
from extract.actors.registry import Registry
from extract.records import Actor, Claim, Mention, normalise_name, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many sentences back a pronoun or nominal looks for its antecedent.
REFERENCE_WINDOW = 8
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Nominals that, referring to nothing named before, mean the text's main government.
_GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet"})
#: How a nationality adjective qualifies a noun ("Turkish shelling", "Iran's"-like uses).
_QUALIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})


@dataclass
class Resolution:
    """The actors of one doc and the means to ask who a token stands for.

    Attributes:
        actors: every actor mentioned in the doc, by id.
        mentions: spans naming an actor, with offsets in the document text.
        claims: structural claims found inside noun phrases (LEADS, AFFILIATED_WITH,
            SUPPORT).
        found: the resolved spans in token offsets, in document order.
    """

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    doc: Doc | None = field(default=None, repr=False)
    registry: Registry = field(default_factory=Registry, repr=False)
    offset: int = 0
    _by_token: dict[int, Found] = field(default_factory=dict, repr=False)
    _refs: dict[int, Found] = field(default_factory=dict, repr=False)
    _sentences: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _demonyms: dict[int, str] = field(default_factory=dict, repr=False)
    main_country: str | None = None  # the country the text names most, if one leads

    def found_at(self, token: Token) -> Found | None:
        """Return the resolved span covering `token`, if any."""
        return self._by_token.get(token.i)

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
        found = self._by_token.get(token.i)
        if found is None:
            found = self._modifier_found(token)
        if found is None:
            return self._nationality(token)
        if agent and found.capital:
            return self._as_government(found)
        return self.actors.get(found.actor_id)

    def resolve_reference(self, token: Token) -> tuple[Actor | None, str]:
        """Return the actor a speaker token refers to, and how it was resolved.

        Names resolve to themselves ("name"), groups to the group ("group"), a capital
        to its government ("metonymy"); pronouns ("he", "they") and nominals ("the
        minister", "the ministry") to the nearest fitting named actor before them
        ("pronoun", "nominal"). A generic nominal with a describing noun ("the protest
        movement") refers only to an actor with that word in its name, else it is a new
        group ("group"); "the government" with no government named before is the text's
        main country's; an expletive "it" ("it was unclear if") refers to nothing.
        Nothing fitting gives (None, "unresolved").
        """
        lexicon = actor_lexicon()
        if token.i in self._refs:
            ref = self._refs[token.i]
            return self.actors.get(ref.actor_id), ref.how
        found = self._by_token.get(token.i)
        if found is not None:
            if found.capital:
                return self._as_government(found), "metonymy"
            how = {"group": "group", "metonymy": "metonymy"}.get(found.how, "name")
            return self.actors.get(found.actor_id), how
        text = token.lower_
        if text in lexicon.pronouns:
            types = lexicon.pronouns[text] if not _expletive(token) else ()
            actor = self._antecedent(token, types=types, noun=None) if types else None
            return (actor, "pronoun") if actor else (None, "unresolved")
        lemma = token.lemma_.lower()
        if token.pos_ in {"NOUN", "PROPN"} or (
            text in lexicon.title_words and token.dep_ in _SUBJECT_DEPS
        ):
            named = self._apposed_name(token)
            if named is not None:
                return named, "name"  # "Iraq's national security adviser, Qasem al-Araji,"
            kinds = lexicon.nominals.get(lemma)
            if kinds is None and text in lexicon.title_words:
                kinds = ("Person",)  # "the Chargé d'Affaires said"
            if kinds is not None and _definite(token):
                generic = lemma in lexicon.generic_nominals
                described = _description(token) if generic else None
                if described is not None:
                    # "the protest movement" refers to no movement but one named "protest"
                    actor = self._antecedent(token, types=kinds, noun=described.lower_)
                    if actor is None:
                        return self._described_group(token, described), "group"
                else:
                    actor = self._antecedent(token, types=kinds, noun=normalise_name(token.text))
                if actor is None and lemma in _GOVERNMENT_NOUNS:
                    actor = self._main_government()  # "The government said" opening a text
                return (actor, "nominal") if actor else (None, "unresolved")
        modifier = self._modifier_found(token)
        if modifier is not None:
            return self.actors.get(modifier.actor_id), "name"
        return None, "unresolved"

    def country_actor(self, country_id: str) -> Actor | None:
        """The actor of a country id from the registry or the country list ("chad" -> Chad)."""
        actor = self.registry.get(country_id)
        if actor is not None:
            return actor
        name = actor_lexicon().country_names.get(country_id)
        return Actor(id=country_id, label=name, type="Country") if name else None

    def _main_government(self) -> Actor | None:
        """The government of the country the text is about, when one leads it."""
        if not self.main_country:
            return None
        actor = self.registry.government_of_country(self.main_country)
        if actor is not None:
            self.actors.setdefault(actor.id, actor)
        return actor

    def _described_group(self, token: Token, described: Token) -> Actor:
        """ "The cross-sectarian protest movement": a group of its own, named by the
        descriptive noun and the head ("protest movement"), when no actor before it
        has that word in its name."""
        assert self.doc is not None
        span = self.doc[described.i : token.i + 1]
        label = " ".join(span.text.split())
        actor = self.actors.get(slugify(label)) or Actor(
            id=slugify(label), label=label, type="Group", country=self.main_country or None
        )
        self.actors.setdefault(actor.id, actor)
        found = Found(span.start, span.end, actor.id, "group")
        self.found.append(found)
        self.found.sort(key=lambda f: f.start)
        for i in range(span.start, span.end):
            self._by_token.setdefault(i, found)
        self.mentions.append(to_mention(span, actor.id, "group", self.offset))
        return actor

    def _nationality(self, token: Token) -> Actor | None:
        """The state a nationality adjective stands for when it qualifies a noun.

        "the Turkish shelling", "Iranian missiles", "an American destroyer": the country's
        government when the registry has one for it, else the country; registered as a
        "metonymy" mention. Plural nationality nouns ("the Americans") are groups and
        never reach here.
        """
        country_id = self._demonyms.get(token.i)
        if country_id is None or token.dep_ not in _QUALIFIER_DEPS:
            return None
        noun, lexicon = token.head, actor_lexicon()
        words = {noun.lemma_.lower(), noun.lower_, noun.lower_.removesuffix("s")}
        kinds = {kind for word in words for kind in lexicon.nominals.get(word, ())}
        if noun.dep_ == "appos" or words & lexicon.place_nouns:
            # "the PMF, an Iraqi state organisation": the noun describes another actor;
            # "Iraqi bases", "Syrian territory": a place, not the state acting
            return None
        if kinds and "Government" not in kinds:
            return None  # "an Iraqi militia", "a Turkish company": an actor of its own
        actor = self.registry.government_of_country(country_id) or self.country_actor(country_id)
        if actor is None:
            return None
        self.actors.setdefault(actor.id, actor)
        assert self.doc is not None
        mention = to_mention(self.doc[token.i : token.i + 1], actor.id, "metonymy", self.offset)
        if mention not in self.mentions:
            self.mentions.append(mention)
        return self.actors[actor.id]

    def _apposed_name(self, token: Token) -> Actor | None:
        """The person named in apposition to a title noun ("the adviser, Qasem al-Araji")."""
        children = list(token.children)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "to", "in", "of"}:
                # "the UN envoy for Iraq, NAME,": the parse hangs NAME on "Iraq"
                children += [c for p in prep.children if p.dep_ == "pobj" for c in p.children]
        for child in children:
            found = self._by_token.get(child.i) if child.dep_ == "appos" else None
            actor = self.actors.get(found.actor_id) if found else None
            if actor is not None and actor.type == "Person":
                return actor
        return None

    def _modifier_found(self, token: Token) -> Found | None:
        """The mention in a compound modifier of `token` ("the KRG delegation" -> KRG)."""
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ == "compound" and child.i in self._by_token:
                found = self._by_token[child.i]
                if found.how != "group":
                    return found
        return None

    def _as_government(self, found: Found) -> Actor | None:
        assert self.doc is not None
        span = self.doc[found.start : found.end]
        government = self.registry.government_of_capital(span.text)
        if government is None:
            return self.actors.get(found.actor_id)
        if government.type == "Country":
            # "Tehran denied": the government acting for the country, when one is known
            government = self.registry.government_of_country(government.id) or government
        if government.id not in self.actors:
            self.actors[government.id] = government
        mention = to_mention(span, government.id, "metonymy", self.offset)
        if mention not in self.mentions:
            self.mentions.append(mention)
        return government

    def _antecedent(
        self, token: Token, *, types: tuple[str, ...], noun: str | None
    ) -> Actor | None:
        """Nearest fitting actor before `token`, sentence by sentence, subjects first.

        Earlier resolved pronouns and nominals count as mentions, so "he ... he ...
        the diplomat" follows one chain back to the name.
        """
        doc = token.doc
        if not self._sentences:
            if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
                self._sentences = [(sent.start, sent.end) for sent in doc.sents]
            else:
                self._sentences = [(0, len(doc))]  # no parser: the doc is one sentence
        starts = [start for start, _ in self._sentences]
        current = bisect.bisect_right(starts, token.i) - 1
        lowest = self._sentences[max(0, current - REFERENCE_WINDOW)][0]
        pool = [f for f in (*self.found, *self._refs.values()) if lowest <= f.start < token.i]
        windows = range(current, max(-1, current - REFERENCE_WINDOW - 1), -1)
        lexicon = actor_lexicon()
        # A nominal that is not generic must name its referent: "the ministry" a
        # ministry, "the commander" a person with a commander's title.
        strict = noun is not None and noun not in lexicon.generic_nominals
        if noun is not None:
            # "the Chargé d'Affaires": first the nearest actor whose name or title has
            # the word, anywhere in the window; then the nearest that fits at all
            # (people and generic nouns only: "the service" must name a service).
            for index in windows:
                named = [f for f in self._in_sentence(pool, index, token, types, noun)]
                named = [f for f in named if self._names_noun(f, noun)]
                if named:
                    return self._pick(named, doc)
            if strict:
                return None
        for index in windows:
            candidates = self._in_sentence(pool, index, token, types, noun)
            if candidates:
                return self._pick(candidates, doc)
        return None

    def _in_sentence(
        self,
        pool: list[Found],
        index: int,
        token: Token,
        types: tuple[str, ...],
        noun: str | None,
    ) -> list[Found]:
        start, end = self._sentences[index]
        return sorted(
            (
                found
                for found in pool
                if start <= found.start < end
                and found.end <= token.i
                and self._fits(found, types=types, noun=noun)
            ),
            key=lambda found: found.start,
        )

    def _pick(self, candidates: list[Found], doc: Doc) -> Actor | None:
        """Subjects first, then the nearest. A name's head word decides whether it is
        the subject ("the Patriotic Union of Kurdistan accused ..." is, by "Union")."""
        subjects = [
            f
            for f in candidates
            if doc[f.end - 1].dep_ in _SUBJECT_DEPS
            or doc[f.start : f.end].root.dep_ in _SUBJECT_DEPS
        ]
        return self.actors.get((subjects or candidates)[-1].actor_id)

    def _fits(self, found: Found, *, types: tuple[str, ...], noun: str | None) -> bool:
        actor = self.actors.get(found.actor_id)
        if actor is None or found.capital or actor.type not in types:
            return False
        if noun is not None and actor.type == "Person":
            # "the minister", "the diplomat": a person known to hold some title.
            return bool(actor.roles)
        return True

    def _names_noun(self, found: Found, noun: str) -> bool:
        """Whether the actor's label or one of its titles has the word ("the ministry")."""
        actor = self.actors.get(found.actor_id)
        if actor is None:
            return False
        stem = noun[:-1] if noun.endswith("s") else noun  # "ministries" / "ministry"
        words = actor_lexicon().nominal_synonyms.get(stem, (stem,))
        titles = [normalise_name(role.title) for role in actor.roles]
        texts = (normalise_name(actor.label), *titles)
        return any(word in text for word in words for text in texts)


def resolve_actors(
    doc: Doc, registry: Registry, *, offset: int = 0, doc_id: str = ""
) -> Resolution:
    """Resolve every actor mention of `doc`.

    Args:
        doc: a parsed doc (tagger, parser and NER; the registry ruler if installed).
        registry: the known actors.
        offset: where `doc.text` starts in the document text; added to all offsets.
        doc_id: the document id the structural claims are filed under.

    Returns:
        The resolution: actors, mentions, structural claims, and lookups by token. A
        doc without sentence boundaries (no parser) gets mentions but no claims.
    """
    from extract.actors.roles import find_roles_and_claims

    lexicon = actor_lexicon()
    resolution = Resolution(doc=doc, registry=registry, offset=offset)
    MentionCollector(doc, registry, lexicon, resolution).run()
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        # Claims carry their sentence and references look back sentence by sentence:
        # a pipeline without a parser or sentencizer gets the mentions only.
        resolution.claims.extend(find_roles_and_claims(resolution, lexicon=lexicon, doc_id=doc_id))
        _resolve_subject_references(resolution)  # after roles: "the minister" needs them
    _prune(resolution)
    return resolution


def _definite(token: Token) -> bool:
    """ "the ministry", "this group", "its spokesman", "the Chargé d'Affaires": a noun
    phrase that refers back."""
    first = token.doc[token.left_edge.i]
    return first.lower_ in {"the", "this", "that", "these", "those"} or any(
        child.dep_ == "poss" for child in token.children
    )


def _expletive(token: Token) -> bool:
    """ "It was unclear if ...", "it is likely that ...": an "it" that stands for the
    clause after it, not for an actor (an expletive subject of "be" with a complement
    and a clause)."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ != "nsubj" or head.lemma_.lower() not in {"be", "seem", "appear", "remain"}:
        return False
    children = list(head.children)
    return any(c.dep_ in {"acomp", "attr"} for c in children) and any(
        c.dep_ in {"ccomp", "advcl", "csubj", "xcomp"} and c.i > token.i for c in children
    )


def _description(token: Token) -> Token | None:
    """The common noun that describes a nominal's kind: "protest" in "the protest
    movement", "student" in "the student movement". A noun that is itself an actor
    word ("the militia group") is no description: the nominal may still refer back to
    any fitting actor."""
    lexicon = actor_lexicon()
    for child in token.children:
        if (
            child.dep_ == "compound"
            and child.pos_ == "NOUN"
            and child.i == token.i - 1
            and child.text.islower()
            and child.lemma_.lower() not in lexicon.nominals
        ):
            return child
    return None


def _resolve_subject_references(resolution: Resolution) -> None:
    """Resolve every pronoun or "the <noun>" subject, in order, as a reference mention.

    Done eagerly so that a later reference can reach a name through earlier ones.
    """
    assert resolution.doc is not None
    lexicon = actor_lexicon()
    for token in resolution.doc:
        if token.dep_ not in _SUBJECT_DEPS or token.i in resolution._by_token:
            continue
        text = token.lower_
        if not (text in lexicon.pronouns or _definite(token)):
            continue
        actor, how = resolution.resolve_reference(token)
        if actor is None or how not in {"pronoun", "nominal"}:
            continue
        resolution._refs[token.i] = Found(token.i, token.i + 1, actor.id, how)
        resolution.mentions.append(
            to_mention(resolution.doc[token.i : token.i + 1], actor.id, how, resolution.offset)
        )
    resolution.mentions.sort(key=lambda mention: mention.start)


def _prune(resolution: Resolution) -> None:
    """Drop actors nothing points at (a capital that only ever acted as its government)."""
    used = {found.actor_id for found in (*resolution.found, *resolution._refs.values())}
    for claim in resolution.claims:
        used.update(ref.id for ref in (claim.subject, claim.object) if ref is not None)
    for actor in list(resolution.actors.values()):
        used.update(role.organisation for role in actor.roles if role.organisation)
    for actor_id in list(resolution.actors):
        if actor_id not in used:
            del resolution.actors[actor_id]
