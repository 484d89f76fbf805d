"""Mention collection: one pass over a doc that finds every span naming an actor.

Rules, in order: registry aliases (via the entity ruler or a lookup); NER entities
cleaned of titles, possessives and clutter; capitalised names the NER missed but that
an apposition, a title or a verb of saying marks as a person; person short forms
resolved to the full name they shorten (surname first, most recent first; also when
NER gave the short form another label); acronyms introduced in parentheses; unnamed
groups anchored to an actor ("US officials", "Iran-backed militias"); and a capital
that is the subject of an act standing for its government (metonymy). Entity cleaning
and the missed-name rules live in `extract/actors/spans.py`; a registry alias marked generic
("the federal government") resolves through the text's main country.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.actors.collection import state_country
from extract.actors.found import Found, to_mention
from extract.actors.groups import GroupRules
from extract.actors.names import (
    ActorLexicon,
    actor_lexicon,
    is_generic_institution,
    name_key,
    short_form_of,
)
from extract.actors.spans import SpanRules
from extract.records import Actor, normalise_name, slugify
from extract.syntax.arguments import hyphen_partners
from extract.syntax.doccache import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.collection import Collection
    from extract.actors.registry import Registry


#: Dependencies of nationalities joined by a hyphen that qualify a noun ("the
#: Turkish-Libyan agreement").
_PAIR_DEPS = frozenset({"amod", "compound", "nmod"})
#: Words that count people: "some Iraqis", "many Americans" are people, not a state.
_QUANTIFIERS = frozenset(
    {"some", "many", "few", "several", "most", "all", "thousands", "hundreds", "dozens", "millions"}
)


@dataclass
class _FullName:
    """A person name of two parts or more, and the actor it resolved to."""

    start: int
    key: tuple[str, ...]
    span: Span
    actor_id: str = ""


def _label(span: Span) -> str:
    """The label of a new actor: the name as written, shouted datelines un-shouted."""
    text = " ".join(span.text.split())
    return text.title() if text.isupper() and len(text) > 4 else text


class MentionCollector(SpanRules, GroupRules):
    """Fills a `Collection` with the actors and spans of its doc."""

    def __init__(
        self, doc: Doc, registry: Registry, lexicon: ActorLexicon, resolution: Collection
    ) -> None:
        self.doc = doc
        self.registry = registry
        self.lexicon = lexicon
        self.res = resolution
        self.by_token = resolution.by_token
        self.local_aliases: dict[str, str] = {}  # acronyms introduced in parentheses
        self.full_names: list[_FullName] = []  # person names of two parts or more
        self.demonym_country = resolution.demonyms  # token index -> country id
        self.norp_tokens: set[int] = set()  # "Shiite", "Sunni": NORP words with no country
        self.sides: set[int] = set()  # "[Tigray] forces" after "Ethiopia and"
        self.given_aliases: set[int] = set()
        self.longer_names: set[int] = set()
        self.main_country: str | None = None  # "" once looked for and not found
        self.places: dict[str, Actor] = {}  # names the text gives a place noun to

    def run(self) -> None:
        """Run the steps of `MENTION_STEPS` in order."""
        for step in MENTION_STEPS:
            step(self)

    def _entities(self) -> None:
        """Entity spans and the names the NER missed, each resolved to an actor."""
        spans = self._entity_spans()
        spans += self._unlabelled_people(
            {i for span, _ in spans for i in range(span.start, span.end)}
        )
        spans.sort(key=lambda item: item[0].start)
        self.full_names = [
            _FullName(span.start, key, span)
            for span, label in spans
            if label == "PERSON" and len(key := name_key(span.text)) >= 2
        ]
        for span, _ in spans:
            name = normalise_name(span.text)
            if self._names_something(span) or (place := self._place_head(span)) is None:
                continue  # "Baghdad airport" makes no airport of every "Baghdad"
            self.places.setdefault(name, self._new_actor(place, "Place"))
        for span, label in spans:
            self._resolve_entity(span, label)

    def _records(self) -> None:
        """The spans in document order, the main country, and the mention records."""
        self.res.found.sort(key=lambda f: f.start)
        self.res.main_country = self._main_country()
        self.res.mentions = [
            to_mention(self.doc[f.start : f.end], f.actor_id, f.how, self.res.offset)
            for f in self.res.found
        ]

    # ---- resolving one entity span

    def _resolve_entity(self, span: Span, label: str) -> None:
        # a name a registry acronym ends carries the acronym's id on its root: not its own
        tagged = span.ent_id_ and span.start not in self.longer_names
        registry_actor = self.registry.get(span.ent_id_) if tagged else None
        if registry_actor is None:
            registry_actor = self.registry.lookup(span.text)
        if registry_actor is not None and self.registry.is_generic(span.text):
            registry_actor = self._generic_alias(span, registry_actor)
        if (person := self._named_person(span)) is not None:
            # "Pedro Lima ... Lima said": the person named before, not the capital (or
            # country) that shares the name
            self._add(span, person, "coref")
            return
        if registry_actor is not None:
            capital = self.registry.is_capital(span.text)
            self._add(span, registry_actor, "registry", capital=capital)
            self._note_acronym(span, registry_actor.id)
            return
        if span.text in self.local_aliases:
            self._add(span, self.res.actors[self.local_aliases[span.text]], "coref")
            return
        if label == "NORP" or (len(span) == 1 and span.text.lower() in self.lexicon.demonyms):
            self._resolve_norp(span)  # "Azerbaijani" tagged as a name: still a nationality
            return
        country_id = self.lexicon.countries.get(normalise_name(span.text))
        if country_id is not None and (
            label != "PERSON" or normalise_name(span.text) not in self.lexicon.name_countries
        ):
            # "Switzerland": every country is a Country, whatever label the NER gave it
            country = self.res.country_actor(country_id)
            if country is not None:
                self._add(span, country, "ner")
                return
        if (place := self._place_head(span)) is not None:
            # "the Khor Mor gas field", "Ain al-Asad air base": a name before a place noun
            known = self.places.get(normalise_name(span.text))
            self._add(place, known or self._new_actor(place, "Place"), "ner")
            return
        if (known := self.places.get(normalise_name(span.text))) is not None:
            self._add(span, known, "coref")  # "on Khor Mor": the gas field named elsewhere
            return
        if self.registry.is_capital(span.text):
            self._add(span, self._new_actor(span, "Place"), "ner", capital=True)
            return
        if (head := self._org_head(span)) is not None:
            whole = self.doc[span.start : head.i + 1]
            kind = self.lexicon.org_heads[head.lower_]
            self._add(whole, self._new_actor(whole, kind), "ner")
            return
        if label == "PERSON" and (self._locative(span) or self._names_institution(span)):
            label = "GPE"  # "in Hasaka", "the Karabakh government": a place, no person
        if label == "PERSON" and self._names_non_person(span):
            label = "ORG"  # "U.S.-Iraq Cooperation Dialogue": no person
        if self._resolve_person(span, create=label == "PERSON"):
            return
        described = self._body_noun(span)
        if label == "ORG" or described is not None:
            default = described or "Organization"
            actor = self._new_actor(span, self._org_type(span, default=default))
            self._add(span, actor, "ner")
            self._note_acronym(span, actor.id)
            self._note_short_name(span, actor)
        else:  # GPE, FAC, LOC: a place, or an institution named after one
            kind = self._org_type(span, default="Place")
            if kind in {"Company", "Media"}:
                kind = "Place"  # "West Bank": "bank" makes no company of a territory
            self._add(span, self._new_actor(span, kind), "ner")

    def _named_person(self, span: Span) -> Actor | None:
        """The person already named whose surname a one-word capital or country name is
        ("Lima" after "Pedro Lima", "Jordan" after "Tom Jordan"), when exactly one is."""
        if len(span) != 1:
            return None
        text = span.text
        if not (
            self.registry.is_capital(text)
            or self.registry.names_a_country(text)
            or normalise_name(text) in self.lexicon.countries
        ):
            return None
        people = {
            actor.id
            for actor in self.res.actors.values()
            if actor.type == "Person" and actor.label.endswith(" " + text)
        }
        return self.res.actors[people.pop()] if len(people) == 1 else None

    def _generic_alias(self, span: Span, actor: Actor) -> Actor:
        """ "the federal government", "the Ministry of Oil": a generic registry alias.

        The registry actor when the text is about its country (or names no leading
        country); else the same institution of the text's country: its government for
        a government alias, or a country-qualified institution ("Syria Ministry of Oil").
        """
        country = self._institution_country(span)
        if country is None or country == actor.country:
            return actor
        if actor.id in self.registry.governments.values():
            government = self.registry.government_of_country(country)
            if government is not None:
                return government
        return self._new_actor(span, actor.type, country=country, key=f"{country} {_label(span)}")

    def _names_something(self, span: Span) -> bool:
        """Whether a name is a registry actor, a capital or a country in its own right."""
        return bool(
            span.ent_id_
            or self.registry.lookup(span.text)
            or self.registry.is_capital(span.text)
            or normalise_name(span.text) in self.lexicon.countries
        )

    def _names_non_person(self, span: Span) -> bool:
        """Whether a PERSON span holds a known non-person name ("U.S.-Iraq") or ends as a
        company's does ("Qatar Airways")."""
        if span.start in self.given_aliases:
            return False  # "Badr Abdelatty": a given name that is also an alias
        if len(span) > 1 and span[-1].lower_ in self.lexicon.company_suffixes:
            return True  # "Qatar Airways", "Wagner Group": a company's name
        for token in span:
            for part in token.text.split("-"):
                actor = self.registry.lookup(part) if part[:1].isupper() else None
                if actor is not None and actor.type != "Person":
                    return True
        return False

    def _names_institution(self, span: Span) -> bool:
        """A one-word "person" modifying an institution noun ("the Karabakh government",
        "the Tigray parliament") is the place the institution governs."""
        root = span.root
        return (
            len(span) == 1
            and root.dep_ == "compound"
            and root.head.i == span.end
            and root.head.lower_ in self.lexicon.institution_heads
        )

    @staticmethod
    def _locative(span: Span) -> bool:
        """A one-word "person" that is a place: after "in", or coordinated with a place
        entity ("struck Odesa and Kharkiv")."""
        root = span.root
        if len(span) != 1:
            return False
        if root.dep_ == "pobj" and root.head.lower_ in {
            "in",
            "near",
            "across",
            "inside",
            "outside",
            "throughout",
        }:
            return True
        first = root.head if root.dep_ == "conj" else root
        if first.dep_ in {"nsubj", "nsubjpass"}:
            return False  # "Putin and Iran agreed": a place never acts
        partners = [child for child in root.children if child.dep_ == "conj"]
        if root.dep_ == "conj":
            partners.append(root.head)
        return any(token.ent_type_ in {"GPE", "LOC"} for token in partners)

    def _org_head(self, span: Span) -> Token | None:
        """The noun after a name that makes it an organisation ("Hoquq" + "bloc")."""
        root = span.root
        head = root.head
        if root.dep_ == "compound" and head.i == span.end and head.lower_ in self.lexicon.org_heads:
            return head
        return None

    def _place_head(self, span: Span) -> Span | None:
        """The place phrase a name is the compound of ("Khor Mor" + "gas field")."""
        head = span.root
        while head.dep_ == "compound" and head.head.i >= span.end:
            head = head.head
        if head.i < span.end or not head.text.islower():
            return None
        words = {head.lemma_.lower(), head.lower_}
        kinds = {self.lexicon.org_types.get(word) for word in words}
        if "Place" not in kinds and not words & self.lexicon.place_nouns:
            return None
        if any(t.pos_ not in {"NOUN", "PROPN"} for t in self.doc[span.end : head.i]):
            return None
        return self.doc[span.start : head.i + 1]

    def _org_type(self, span: Span, *, default: str) -> str:
        """The type the first of `org_types` an organisation's name holds gives it; a place
        word gives way to a last word of another type ("the United States District Court"
        is a court, "Super District Council" a council; "Miran Gas Field" a place)."""
        words = {token.lower_ for token in span}
        last = self.lexicon.org_types.get(span[-1].lower_)
        for word, kind in self.lexicon.org_types.items():
            if word in words:
                return last if kind == "Place" and last is not None else kind
        return default

    def _resolve_norp(self, span: Span) -> None:
        """Nationality words give a country; as a plural head ("the Americans") a group."""
        if self._demonym_pair(span):
            return  # "the Turkish-Libyan agreement": each side a nationality of its own
        country = self.lexicon.demonyms.get(span.text.lower())
        if country is None:
            self.norp_tokens.update(token.i for token in span)
            return
        root = span.root
        if root.dep_ not in {"amod", "compound", "nmod", "npadvmod"} and (
            root.tag_ in {"NNPS", "NNS"} or span.text.endswith("s")
        ):
            government = self._side(root, country)
            if government is not None:
                self._add(span, government, "metonymy")
                return
            self._add(span, self._new_actor(span, "Group", country=country), "group")
            return
        for token in span:
            self.demonym_country[token.i] = country

    def _demonym_pair(self, span: Span) -> bool:
        """Whether `span` is, or is part of, nationalities joined by hyphens with no space
        ("Turkish-Libyan", "Somali-Ethiopian"), which the NER may tag as one or tag only
        one of: each then gives its country, as it would alone. False, with nothing
        marked, for anything else ("Afro-Cuban", "Turkish")."""
        edges = [t.i for t in (*hyphen_partners(span[0]), *hyphen_partners(span[-1]))]
        chain = self.doc[min([span.start, *edges]) : max([span.end - 1, *edges]) + 1]
        parts = [token for token in chain if token.text != "-"]
        if len(parts) < 2 or len(parts) == len(chain):
            return False
        found = {t.i: c for t in parts if (c := self.lexicon.demonyms.get(t.lower_)) is not None}
        if len(found) != len(parts) or chain.root.dep_ not in _PAIR_DEPS:
            return False
        self.demonym_country.update(found)
        return True

    def _side(self, root: Token, country: str) -> Actor | None:
        """ "the Americans", "Americans met", "talks with the Iraqis": a plural
        nationality acting or addressed as one side stands for its government, as
        "Washington" does. Counted people ("two Americans", "many Iraqis") stay a group."""
        if any(
            c.dep_ in {"nummod", "amod", "quantmod"} or c.lower_ in _QUANTIFIERS
            for c in root.children
        ):
            return None
        definite = any(c.lower_ == "the" for c in root.children)
        acting = root.dep_ == "nsubj" or (root.dep_ == "pobj" and root.head.lower_ == "with")
        if not (definite or acting):
            return None
        return self.registry.government_of_country(country) or self.res.country_actor(country)

    def _resolve_person(self, span: Span, *, create: bool) -> bool:
        """Resolve a person name or short form; create a new person when `create`."""
        key = name_key(span.text)
        if not key:
            return False
        earlier = [e for e in self.full_names if e.start < span.start and e.actor_id]
        for entry in reversed(earlier):
            if entry.key == key:
                self._add(span, self.res.actors[entry.actor_id], "ner" if create else "coref")
                return True
        for surname in (True, False):
            matches = [e for e in earlier if short_form_of(key, e.key, surname=surname)]
            if matches and (surname or len({e.actor_id for e in matches}) == 1):
                # An ambiguous surname ("Barzani" after Nechirvan and Masrour) goes to
                # the most recent full name, as a reader would take it.
                self._add(span, self.res.actors[matches[-1].actor_id], "coref")
                return True
        later = [e for e in self.full_names if e.start > span.start]
        fitting = {e.key: e for e in later if short_form_of(key, e.key, surname=True)}
        if len(fitting) == 1:
            (entry,) = fitting.values()
            actor = self.registry.lookup(entry.span.text) or self._new_actor(entry.span, "Person")
            self._add(span, actor, "coref")
            return True
        known = self.registry.person_by_surname(span.text) if len(key) == 1 else None
        if not create and (known is None or span[0].tag_ != "NNP"):
            return False
        if known is not None:
            self._add(span, known, "coref")
            return True
        self._add(span, self._new_actor(span, "Person"), "ner")
        return True

    def _note_acronym(self, span: Span, actor_id: str) -> None:
        """ "Popular Mobilization Forces (PMF)": PMF names the same actor from here on."""
        doc, end = self.doc, span.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acronym = doc[end + 1].text
            initials = {token.text[0] for token in span if token.text[:1].isupper()}
            # "Kurdistan Workers' Party (PKK)" shares a letter; "... of Kurdistan (SC)" none
            if acronym.isupper() and len(acronym) >= 2 and initials & set(acronym):
                self.local_aliases.setdefault(acronym, actor_id)  # the first name it follows

    def _body_noun(self, span: Span) -> str | None:
        """The type a common noun before or beside a name gives it ("Iranian airline Mahan
        Air", "Mahan Air, an Iranian airline"): the NER may tag such a name a facility."""
        root = span.root
        beside = [
            child
            for child in root.children
            if (child.dep_ in ("compound", "appos") and child.i not in range(span.start, span.end))
        ]
        if root.dep_ == "appos":
            beside.append(root.head)
        for noun in beside:
            if noun.pos_ == "NOUN" and noun.text.islower():
                kind = self.lexicon.body_nouns.get(noun.lemma_.lower())
                if kind is not None:
                    return kind
        return None

    def _note_short_name(self, span: Span, actor: Actor) -> None:
        """ "Mahan Air" ... "Mahan's director": a company's name without its last word
        (`company_suffixes`) names it from here on, unless that short form names something
        known (a country, a registry actor)."""
        if len(span) < 2 or span[-1].lower_ not in self.lexicon.company_suffixes:
            return
        short = self.doc[span.start : span.end - 1].text
        if (
            self.registry.lookup(short) is not None
            or normalise_name(short) in self.lexicon.countries
            or short.lower() in self.lexicon.demonyms
        ):
            return
        self.local_aliases.setdefault(short, actor.id)

    def _missed_acronyms(self) -> None:
        """ "the Sinjar Resistance Units (YBS) ... The YBS came out against": an acronym
        introduced in parentheses names its actor wherever it stands, tagged or not."""
        if not self.local_aliases:
            return
        for token in tokens(self.doc):
            actor_id = self.local_aliases.get(token.text)
            if actor_id is None or token.i in self.by_token or actor_id not in self.res.actors:
                continue
            if token.i > 0 and self.doc[token.i - 1].text == "(":
                continue  # the introduction itself
            self._add(self.doc[token.i : token.i + 1], self.res.actors[actor_id], "coref")

    def _missed_surnames(self) -> None:
        """ "Saadi, who led ...": a surname of a person named earlier in full, which the
        NER did not tag, is a short form of that person."""
        surnames: dict[str, set[str]] = {}
        for entry in self.full_names:
            if entry.actor_id:
                surnames.setdefault(entry.key[-1], set()).add(entry.actor_id)
        for token in tokens(self.doc):
            if token.i in self.by_token or not self._may_be_name(token):
                continue
            key = name_key(token.text)
            if len(key) != 1 or len(ids := surnames.get(key[0], set())) != 1:
                continue
            (actor_id,) = ids
            first = min(e.start for e in self.full_names if e.actor_id == actor_id)
            if first < token.i:
                self._add(self.doc[token.i : token.i + 1], self.res.actors[actor_id], "coref")

    @staticmethod
    def _may_be_name(token: Token) -> bool:
        """Whether a capitalised word may be a name whatever tag the small model gave it:
        a proper noun, or a common-noun tag inside a sentence ("as Trump said") or on the
        subject opening one ("Trump characterized the call as ..."), where a capital says
        nothing of its own."""
        if not token.text[:1].isupper():
            return False
        if token.tag_ == "NNP":
            return True
        if token.tag_ not in ("NN", "NNS") or (token.is_upper and len(token.text) > 1):
            return False  # an acronym is a name only as a proper noun
        return not token.is_sent_start or token.dep_ in ("nsubj", "nsubjpass")

    def _named_blocs(self) -> None:
        """ "the Sadiqoun bloc": a capitalised name before an organisation noun, whatever
        label (if any) the NER gave the name."""
        words = tokens(self.doc)
        for token in words:
            kind = self.lexicon.org_heads.get(token.lower_)
            if kind is None or token.i in self.by_token or token.i == 0:
                continue
            start = token.i
            while (
                start > 0
                and words[start - 1].dep_ == "compound"
                and words[start - 1].head.i == token.i
                and words[start - 1].text[:1].isupper()
                and words[start - 1].i not in self.by_token
                and words[start - 1].lower_ not in self.lexicon.demonyms
                and not (start > 1 and words[start - 2].text == "-")  # "Iran-Aligned Militia"
            ):
                start -= 1
            if start < token.i:
                span = self.doc[start : token.i + 1]
                self._add(span, self._new_actor(span, kind), "ner")

    # ---- metonymy

    def _apply_metonymy(self) -> None:
        """A capital as the subject of an act stands for its government, and so does
        one addressed by a speech act ("accusing Tehran of ...", "urged Baghdad to ...",
        "called on Ankara"); a capital struck, visited or left stays a place."""
        for found in list(self.res.found):
            if not found.capital:
                continue
            subject = self.doc[found.start : found.end].root
            while subject.dep_ == "conj":
                subject = subject.head
            verb = subject.head
            if subject.dep_ == "pobj" and verb.lower_ in {"on", "with", "to"}:
                verb = verb.head  # "called on Ankara", "raised it with Tehran"
            addressed = subject.dep_ in {"dobj", "pobj"} and (
                verb.lemma_.lower() in self.lexicon.addressee_verbs
            )
            if not addressed and (subject.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"}):
                continue
            if verb.lemma_.lower() in self.lexicon.place_verbs:
                continue
            government = self.res.as_government(found)
            if government is None:
                continue
            replaced = Found(found.start, found.end, government.id, "metonymy")
            self.res.found[self.res.found.index(found)] = replaced
            for i in range(found.start, found.end):
                self.by_token[i] = replaced

    # ---- bookkeeping

    def _new_actor(
        self,
        span: Span,
        kind: str,
        *,
        country: str | None = None,
        parent: str | None = None,
        key: str | None = None,
    ) -> Actor:
        label = _label(span)
        if key is None and kind not in {"Person", "Place", "Group"}:
            first, _, rest = label.partition(" ")
            named: str | None
            if rest and first.lower() in self.lexicon.demonyms:
                named = self.lexicon.demonyms[first.lower()]  # "Turkish Interior Ministry"
            else:
                named, rest = self._state_prefix(label) or (None, label)
            country = country or named  # "Iraqi Kurdish Security Agency"
            if is_generic_institution(rest, lexicon=self.lexicon):
                # "Interior Ministry": whose? the country named with it or in the text
                country = country or self._institution_country(span)
                key = f"{country} {rest}" if country else f"{rest} {self._doc_key()}"
        actor_id = slugify(key or label)
        existing = self.res.actors.get(actor_id)
        if existing is not None:
            return existing
        return Actor(id=actor_id, label=label, type=kind, country=country, parent=parent)

    def _state_prefix(self, label: str) -> tuple[str, str] | None:
        """The country a name opens with, by a registry name of the state, and the rest:
        "U.S. Senate" -> ("united-states", "Senate"), so that the Senate of a text about
        the United States is one actor however it is named."""
        words = label.split()
        for n in (1, 2):
            if len(words) <= n:
                break
            country = state_country(self.registry.lookup(" ".join(words[:n])))
            if country:
                return country, " ".join(words[n:])
        return None

    def _add(self, span: Span, actor: Actor, how: str, *, capital: bool = False) -> None:
        if any(i in self.by_token for i in range(span.start, span.end)):
            return
        self.res.actors.setdefault(actor.id, actor)
        found = Found(span.start, span.end, actor.id, how, capital=capital)
        self.res.found.append(found)
        for i in range(span.start, span.end):
            self.by_token[i] = found
        for entry in self.full_names:
            if entry.start == span.start and actor.type == "Person":
                entry.actor_id = actor.id


#: The steps of the mention pass, in the order they run: entities (registry aliases,
#: NER names, missed people), surnames and acronyms of names found, named blocs,
#: unnamed groups, then capitals acting as their governments; last the records.
MENTION_STEPS: tuple[Callable[[MentionCollector], None], ...] = (
    MentionCollector._entities,
    MentionCollector._missed_surnames,
    MentionCollector._missed_acronyms,
    MentionCollector._named_blocs,
    MentionCollector._collect_groups,
    MentionCollector._apply_metonymy,
    MentionCollector._records,
)


def collect_mentions(collection: Collection) -> None:
    """The mention pass: fill `collection` with the actors and spans of its doc, in
    the order of `MentionCollector.STEPS`, and their mention records."""
    MentionCollector(collection.doc, collection.registry, actor_lexicon(), collection).run()
