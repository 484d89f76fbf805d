"""Unnamed groups: "US officials", "Iraqi lawmakers", "Iran-backed militias".

A noun naming a collective (lexicon `group_nouns`) becomes a Group-typed actor when
something anchors it: an actor or nationality among its modifiers ("KRG officials",
"Iraqi lawmakers"), a "pro-X"/"X-backed" compound, a creed ("Shiite factions"), or a
noun that is an actor on its own ("gunmen"), civil society ("aid agencies"). The group
is linked to the country and parent organisation its anchors name; a backer
("Iran-backed") is not a country of origin. "The Islamic State group", "Houthi rebels"
are the named group itself; "Ethiopia and Tigray forces" are two sides.

Collective state actors too: "the army", "Turkey's military", "Iraqi police" are that
state's forces, and a generic institution name ("Interior Ministry") belongs to the
country named with it or, failing that, to the country the text names most.

A bare plural group noun ("some lawmakers") is the group of that noun the text named
last ("Iraqi lawmakers"); the member nouns of a named umbrella group ("Coordination
Framework parties", "PMF factions") are that group, as "groups within the PMF" are.

`GroupRules` is mixed into `extract.actors.mentions.MentionCollector`, whose state it uses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.actors.collection import local_force, state_country
from extract.actors.found import Found
from extract.records import Actor, content_hash, normalise_name, slugify
from extract.syntax.arguments import is_infinitive
from extract.syntax.doccache import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.collection import Collection
    from extract.actors.names import ActorLexicon
    from extract.actors.registry import Registry

#: Group nouns that a patron's compound makes one armed group ("Iran-backed militias",
#: "pro-Iran factions"; "armed groups" too).
_ARMED_SETS = frozenset({"militia", "faction"})
#: Nouns for the fighters of an armed group that, with "the", refer to the one armed
#: group an article names ("the militants", "the jihadists").
_ARMED_NOMINALS = frozenset(
    {"militant", "insurgent", "jihadist", "terrorist", "rebel", "guerrilla", "extremist"}
)
#: Words that make such groups armed ("Iran-backed paramilitary groups") or not
#: ("Iran-backed political factions": parties, not militias).
_ARMED_WORDS = frozenset({"armed", "paramilitary", "militia"})
_CIVIL_KINDS = frozenset({"political", "parliamentary", "civic", "student", "religious"})
_GROUP_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "punct", "cc", "conj"})
#: "groups within the PMF", "factions of Kataib Hezbollah".
_INSIDE_PREPOSITIONS = frozenset({"within", "of", "inside", "from"})
#: "rebels in the Ivory Coast", "students throughout Indonesia".
_COUNTRY_PREPOSITIONS = frozenset({"in", "from", "throughout", "across", "of"})
#: Institution nouns that, modified by institution words after a country, name a
#: state body ("Iran's foreign ministry"); "government" and "forces" are read elsewhere.
_LOWER_INSTITUTIONS = frozenset({"ministry", "council", "presidency", "directorate", "commission"})
#: Bodies that are one institution of their state with no word before them: "the Kenyan
#: parliament", "Kenya's senate" (not "Iran's council": which council is unsaid).
_WHOLE_BODIES = frozenset({"parliament", "senate", "legislature", "judiciary"})
#: Heads of a state institution named in lower case after its country.
_STATE_BODIES = _LOWER_INSTITUTIONS | _WHOLE_BODIES
#: Heads of a body of a place: "the Nakuru county assembly", "the Mombasa city council",
#: "the Manhattan district attorney's office".
_LOCAL_BODIES = frozenset(
    {"council", "assembly", "office", "legislature", "board", "court", "senate", "commission"}
)
#: Types of the actor a local body belongs to: a place, or a name the NER guessed to be an
#: organisation ("the Kisumu provincial council").
_LOCAL_HOLDERS = frozenset({"Place", "Organization"})
#: Words of a local body's name between the place and the head.
_LOCAL_WORDS = frozenset(
    {
        "county",
        "city",
        "municipal",
        "provincial",
        "province",
        "district",
        "state",
        "town",
        "regional",
        "village",
        "attorney",
        "attorneys",
        "prosecutor",
        "sheriff",
        "mayor",
        "mayoral",
        "general",
        "legislative",
        "'s",
        "’s",
    }
)
#: Nouns for the one who did an attack or crime: once the text identifies a person as
#: such ("identified the suspect as X"), each singular mention is that person.
_PERPETRATORS = frozenset(
    {"gunman", "attacker", "assailant", "shooter", "bomber", "suspect", "perpetrator", "killer"}
)
#: Verbs by which a text identifies who a perpetrator is ("named the attacker as X").
_IDENTIFYING_VERBS = frozenset({"identify", "name"})
#: Words before a perpetrator noun that make it another one ("a second gunman").
_OTHER_ONES = frozenset({"second", "another", "other", "third", "two", "three", "more"})
#: "the X-led coalition": a participle naming the leader defines one body.
_DEFINING_COMPOUNDS = frozenset({"led"})
_WEAK_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBS", "RBR", "VBG", "VBN", "DT", "CD", "PDT"})


def _common_noun(token: Token) -> bool:
    """A noun written in lower case, whatever the tag ("the Kenyan senate" tagged NNP)."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())


class GroupRules:
    """Group-finding rules over the collector's doc and resolved spans."""

    doc: Doc
    lexicon: ActorLexicon
    res: Collection
    by_token: dict[int, Found]
    demonym_country: dict[int, str]
    norp_tokens: set[int]
    sides: set[int]  # the first word of a group coordinated with a country
    main_country: str | None
    registry: Registry

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
        perpetrator = self._identified_perpetrator()
        for token in tokens(self.doc):
            if perpetrator is not None and self._is_the_perpetrator(token):
                # "a gunman shot shoppers ... officials identified the suspect as X": X
                self._mark(Found(token.i, token.i + 1, perpetrator, "coref"))
                continue
            kind = self._group_kind(token)
            if kind is None and token.i not in self.by_token:
                self._local_body(token) or self._country_institution(token)
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
            anchors: list[Found] = []
            for t in modifiers:  # "Islamic State militants": one anchor, however many words
                if t.i in self.by_token and self.by_token[t.i] not in anchors:
                    anchors.append(self.by_token[t.i])
            if not anchors and token.i > 0 and token.tag_ in {"NNS", "NNPS"}:
                before = self.by_token.get(token.i - 1)
                if (
                    before is not None
                    and before.end == token.i
                    and self._armed_members(before, token)
                ):
                    # "IS fighters" with "IS" tagged as a verb: the name known beats the tag
                    self._extend(before, token)
                    continue
            countries = [
                self.demonym_country[t.i] for t in modifiers if t.i in self.demonym_country
            ]
            prefixed = any(t.lower_ in self.lexicon.prefixes for t in modifiers)
            # "rights groups", "aid agencies" (not "aid workers"): civil society
            civil = token.lemma_.lower() in self.lexicon.civil_nouns
            prefixed |= civil and any(t.lower_ in self.lexicon.civil_sectors for t in modifiers)
            prefixed |= bool(modifiers) and modifiers[0].i in self.sides  # a side of a pair
            creeds = [t for t in modifiers if t.i in self.norp_tokens]  # "Shiite factions"
            creeds += [t for t in modifiers if t.lower_ in self.lexicon.bloc_adjectives]
            standalone = token.lemma_.lower() in self.lexicon.standalone_groups
            force = token.lemma_.lower() in self.lexicon.state_forces and not anchors
            if force and self._state_force(token, countries, modifiers):
                continue  # "the army", "Turkey's military": that state's forces
            if self._service_members(token, anchors, countries, modifiers):
                continue  # "U.S. troops", "Iraqi soldiers": that state's military
            if not anchors and self._salient_armed_group(token):
                continue  # "the militants": the one armed group the article has named
            if not (anchors or countries or prefixed or creeds):
                if self._inside_organisation(token) or self._in_country(token, kind):
                    continue  # "groups within the PMF", "rebels in the Ivory Coast"
                # "Iraqi lawmakers ... some lawmakers have demanded": that group; a plural
                # speaker group with none before is a group of its own ("observers said")
                if not standalone and (
                    self._named_before(token)
                    or not (self._plural_group(token) or self._asked_to_act(token))
                ):
                    continue
            plural = token.tag_ in {"NNS", "NNPS"}
            named = [f for f in anchors if self._is_organisation(f)]
            organisation_noun = token.lemma_.lower() in self.lexicon.member_nouns
            led = any(t.lower_ in _DEFINING_COMPOUNDS for t in modifiers)
            if (
                not plural
                and not (led and not named)
                and any(c.lower_ in {"the", "this", "that"} for c in token.children)
            ):
                # "the Saudi-led coalition" is one body defined by who leads it, no reference
                if organisation_noun and named and named[-1] is anchors[-1]:
                    self._extend(named[-1], token)  # "the Iran-backed Kataib Hizbullah militia"
                continue  # "the senior US diplomat": a reference, resolved as a nominal
            if not plural and named and named[-1] is anchors[-1]:
                # "the Islamic State group", "Kataib Hizbullah militia": the named group itself
                self._extend(named[-1], token)
                continue
            if plural and named and named[-1] is anchors[-1] and self._members_of(named[-1], token):
                continue  # "Coordination Framework parties": the alliance, as "groups within"
            if plural and len(anchors) == 1 and named and self._armed_members(named[0], token):
                # "Hezbollah fighters", "Houthi rebels": a named armed group acts through
                # its fighters, and CAMEO codes their acts to the group itself
                self._extend(named[0], token)
                continue
            poss = [
                self.by_token[c.i]
                for c in token.children
                if c.dep_ == "poss" and c.i in self.by_token
            ]
            country, parent = self._group_links(anchors + poss)
            country = country or (countries[0] if countries else None)
            start = modifiers[0].i if modifiers else token.i
            if not modifiers and self._asked_to_act(token):
                # "encouraged commercial entities to ...": with nothing else to name the
                # set, its own adjectives do
                while (
                    start > 0
                    and self.doc[start - 1].dep_ == "amod"
                    and (self.doc[start - 1].head.i == token.i)
                ):
                    start -= 1
            span = self.doc[start : token.i + 1]
            actor = self._described_group(token, kind, modifiers, anchors, countries)
            actor = actor or self._new_actor(span, kind, country=country, parent=parent)
            found = Found(span.start, span.end, actor.id, "group")
            self.res.found.append(found)
            self.res.actors.setdefault(actor.id, actor)
            for member in span:
                if member.i not in self.by_token:
                    self.by_token[member.i] = found

    def _described_group(
        self,
        token: Token,
        kind: str,
        modifiers: list[Token],
        anchors: list[Found],
        countries: list[str],
    ) -> Actor | None:
        """One actor for the unnamed groups a text describes by the state behind them:
        "Iran-backed militias", "Iranian-backed factions", "Iran-aligned militias" and
        "pro-Iran fighters" are one group of that patron and kind ("Iran-backed
        militias"), "pro-Iran groups" and "Iran-backed groups" another; the text's words
        stay in the mentions, and each compound still gives its own claim (SUPPORT for
        "backed", AFFILIATED_WITH for "aligned"). None for other groups."""
        if token.tag_ not in {"NNS", "NNPS"} and not token.text.endswith("s"):
            return None  # "an Iran-backed militia" may be one of them, not the set
        lemma = token.lemma_.lower()
        words = {t.lower_ for t in modifiers}
        if words & _CIVIL_KINDS:
            return None  # "Iran-backed political factions" are no militias
        armed = lemma in _ARMED_SETS or (lemma == "group" and bool(words & _ARMED_WORDS))
        if not armed and lemma != "group":
            return None  # "Russia-backed separatists", "pro-Iran protesters" keep their words
        lexicon = self.lexicon
        patronage = any(
            t.lower_ in lexicon.prefixes
            or lexicon.compounds.get(t.lower_, {}).get("relation") in ("SUPPORT", "AFFILIATED_WITH")
            for t in modifiers
        )
        if not patronage:
            return None
        patron = None
        for found in anchors:
            actor = self.res.actors.get(found.actor_id)
            if actor is not None and actor.type in {"Country", "Government"}:
                patron = (
                    self.res.country_actor(actor.country or actor.id)
                    if actor.type == "Government"
                    else actor
                )
                break
        if patron is None and countries:
            patron = self.res.country_actor(countries[0])
        if patron is None or patron.type != "Country":
            return None
        label = f"{patron.label}-backed militias" if armed else f"pro-{patron.label} groups"
        actor_id = slugify(label)
        known = self.res.actors.get(actor_id)
        return known or Actor(id=actor_id, label=label, type="ArmedGroup" if armed else kind)

    def _country_institution(self, token: Token) -> bool:
        """A state institution named in lower case after its country: "Iran's foreign
        ministry", "the Turkish energy ministry" are that state's ministry (the registry's
        entry when it has one, else a Government actor with a country-qualified id), as
        the capitalised "Turkish Interior Ministry" is."""
        lexicon = self.lexicon
        if token.lower_ not in _STATE_BODIES or not _common_noun(token):
            return False
        start = token.i
        while start > 0 and (
            self.doc[start - 1].lower_ in lexicon.institution_words
            and self.doc[start - 1].lower_ not in {"the", "of", "and", "for"}
            and self.doc[start - 1].head.i >= start
            and start - 1 not in self.by_token
        ):
            start -= 1
        if start == token.i and token.lower_ not in _WHOLE_BODIES:
            return False  # "the ministry", "Iran's council": a nominal, resolved elsewhere
        country, first = None, start
        before = start - 1
        if before >= 0 and before in self.demonym_country and before not in self.by_token:
            country, first = self.demonym_country[before], before  # "Turkish energy ministry"
        elif before >= 1 and self.doc[before].tag_ == "POS" and before - 1 in self.by_token:
            found = self.by_token[before - 1]  # "Iran's foreign ministry"
            actor = self.res.actors.get(found.actor_id)
            if (
                actor is not None
                and actor.type in {"Country", "Government"}
                and found.end == before
            ):
                country = actor.id if actor.type == "Country" else actor.country
        if country is None:
            return False
        rest = self.doc[start : token.i + 1].text.lower()
        adjectives = [word for word, place in lexicon.demonyms.items() if place == country]
        known = (self.res.registry.lookup(f"{adj} {rest}") for adj in adjectives)
        actor = next((a for a in known if a is not None), None)
        span = self.doc[first : token.i + 1]
        if actor is None:
            actor = self._new_actor(span, "Government", country=country, key=f"{country} {rest}")
            if first == start and (named := self.res.actors.get(country)) is not None:
                actor = replace(
                    actor, label=f"{named.label}'s {span.text}"
                )  # not "foreign ministry"
        self.res.actors.setdefault(actor.id, actor)
        self._mark(Found(span.start, span.end, actor.id, "group"))
        return True

    def _local_body(self, token: Token) -> bool:
        """A body of a place named before it with the words of a local body: "the Nakuru
        county assembly", "the Manhattan district attorney's office" are that body (a
        Government actor labelled as written, of the place's country), not the place
        nor the government its capital stands for."""
        if token.lower_ not in _LOCAL_BODIES or not _common_noun(token):
            return False
        start = token.i
        while start > 0 and self.doc[start - 1].lower_ in _LOCAL_WORDS:
            start -= 1
        found = self.by_token.get(start - 1)
        if start == token.i or found is None or found.end != start:
            return False
        place = self.res.actors.get(found.actor_id) or self.res.registry.get(found.actor_id)
        if place is None or not (
            found.capital or found.how == "metonymy" or place.type in _LOCAL_HOLDERS
        ):
            return False  # "Ruto's office": a person's, no body
        first = found.start
        span = self.doc[first : token.i + 1]
        country = place.country or (place.id if place.type == "Country" else None)
        actor = self._new_actor(span, "Government", country=country)
        self.res.actors.setdefault(actor.id, actor)
        self._mark(Found(span.start, span.end, actor.id, "group"))
        return True

    def _inside_organisation(self, token: Token) -> bool:
        """A plural group noun inside a named organisation ("groups within the PMF",
        "factions of Kataib Hezbollah") is a mention of that organisation."""
        if token.tag_ not in {"NNS", "NNPS"}:
            return False
        for prep in _noun_preps(token):
            if prep.lower_ not in _INSIDE_PREPOSITIONS:
                continue
            for pobj in prep.children:
                found = self.by_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                if found is not None and self._is_organisation(found):
                    self._mark(Found(token.i, token.i + 1, found.actor_id, "group"))
                    return True
        return False

    def _members_of(self, found: Found, token: Token) -> bool:
        """ "Coordination Framework parties", "PMF factions": the member organisations of
        a named alliance or umbrella group, read as that organisation itself, the way
        "groups within the PMF" is (`_inside_organisation`). Officials, fighters or
        lawmakers of an organisation stay a group of their own ("KRG officials")."""
        actor = self.res.actors.get(found.actor_id)
        if token.lemma_.lower() not in self.lexicon.member_nouns or actor is None:
            return False
        if found.end != token.i:
            return False  # "the PMF and affiliated groups": other groups beside it
        if actor.type not in {"PoliticalParty", "ArmedGroup", "Organization"}:
            return False
        self._extend(found, token)
        return True

    def _identified_perpetrator(self) -> str | None:
        """The one person the text identifies as the perpetrator of what it reports:
        "officials identified the suspect as Patrick Crusius", "the attacker was named as
        X", "the gunman, X,", "X, the suspected attacker,"; None when it names none, or
        more than one."""
        people: set[str] = set()
        for token in tokens(self.doc):
            if not self._is_the_perpetrator(token, identifying=True):
                continue
            named: list[Token] = []
            verb = token.head
            if token.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _IDENTIFYING_VERBS:
                named += [
                    t
                    for c in verb.children
                    if c.dep_ == "prep" and c.lower_ == "as"
                    for t in c.children
                    if t.dep_ == "pobj"
                ]
            named += [c for c in token.children if c.dep_ == "appos"]
            if token.dep_ == "appos":
                named.append(token.head)
            for name in named:
                found = self.by_token.get(name.i)
                actor = self.res.actors.get(found.actor_id) if found is not None else None
                if actor is not None and actor.type == "Person":
                    people.add(actor.id)
        return people.pop() if len(people) == 1 else None

    def _is_the_perpetrator(self, token: Token, *, identifying: bool = False) -> bool:
        """Whether `token` is a singular perpetrator noun ("a gunman", "the suspected
        attacker") that is no other one ("a second gunman"), not yet resolved."""
        return (
            token.lemma_.lower() in _PERPETRATORS
            and token.tag_ == "NN"
            and (identifying or token.i not in self.by_token)
            and not any(child.lower_ in _OTHER_ONES for child in token.children)
        )

    def _plural_group(self, token: Token) -> bool:
        """Whether `token` is a plural of a noun that makes a group on its own only in the
        plural ("observers", "critics"; `plural_groups`)."""
        lemma = token.lemma_.lower()
        return token.tag_ in {"NNS", "NNPS"} and lemma in self.lexicon.plural_groups

    def _salient_armed_group(self, token: Token) -> bool:
        """ "The militants", "the jihadists", "the insurgents" after an article has named
        one armed group, and only one: that group (CAMEO codes the fighters' acts to it).
        With two or more armed groups named before, or none, the noun stays a group of its
        own; "the gunmen" (often unidentified) and any noun with modifiers are left alone."""
        if token.lemma_.lower() not in _ARMED_NOMINALS or not any(
            child.dep_ == "det" and child.lower_ == "the" for child in token.children
        ):
            return False
        if any(
            child.dep_ not in {"det", "predet"} for child in token.children if child.i < token.i
        ):
            return False
        named = {
            found.actor_id
            for found in self.res.found
            if found.end <= token.i
            and found.how in {"registry", "ner", "coref"}
            and (actor := self.res.actors.get(found.actor_id)) is not None
            and actor.type == "ArmedGroup"
        }
        if len(named) != 1:
            return False
        self._mark(Found(token.i, token.i + 1, named.pop(), "coref"))
        return True

    def _asked_to_act(self, token: Token) -> bool:
        """Whether a plural group noun is whom an act of asking addresses, with the act
        asked as an infinitive ("urged states not to reschedule", "encouraged commercial
        entities to cease trading", "asked voters to stay home"): the set asked is a
        group of its own (GUIDE: unnamed groups), though no country or body is named;
        not a possessed set ("urged its citizens to leave")."""
        verb = token.head
        return (
            token.tag_ in {"NNS", "NNPS"}
            and token.dep_ == "dobj"
            # "urged its citizens to leave": the subject's own people, no set of their own
            and not any(child.dep_ == "poss" for child in token.children)
            and verb.lemma_.lower() in self.lexicon.addressee_verbs
            and any(child.dep_ == "xcomp" and is_infinitive(child) for child in verb.children)
        )

    def _named_before(self, token: Token) -> bool:
        """A bare plural group noun ("some lawmakers", "the officials") is the group of
        that noun the text anchored last ("Iraqi lawmakers"), as a reader takes it."""
        if token.tag_ not in {"NNS", "NNPS"}:
            return False
        if any(
            child.dep_ not in {"det", "predet"} for child in token.children if child.i < token.i
        ):
            return False  # "combat forces", "certain officials": another set
        if any(child.dep_ in {"prep", "relcl", "acl"} for child in token.children):
            return False  # "officials at the ministry": anchored in the phrase itself
        lemma = token.lemma_.lower()
        for found in reversed(self.res.found):
            if found.how != "group" or found.end > token.i:
                continue
            head = self.doc[found.end - 1]
            actor = self.res.actors.get(found.actor_id)
            if head.tag_ in {"NNS", "NNPS"} and head.lemma_.lower() == lemma and actor:
                self._mark(Found(token.i, token.i + 1, actor.id, "group"))
                return True
        return False

    def _in_country(self, token: Token, kind: str) -> bool:
        """A plural group noun placed in a country ("rebels in the Ivory Coast",
        "students throughout Indonesia") is a group of that country."""
        if token.tag_ not in {"NNS", "NNPS"}:
            return False
        for prep in _noun_preps(token):
            if prep.lower_ not in _COUNTRY_PREPOSITIONS:
                continue
            for pobj in prep.children:
                found = self.by_token.get(pobj.i) if pobj.dep_ == "pobj" else None
                actor = self.res.actors.get(found.actor_id) if found is not None else None
                if found is None or actor is None or actor.type != "Country":
                    continue
                span = self.doc[token.i : found.end]
                group = self._new_actor(span, kind, country=actor.id)
                self.res.actors.setdefault(group.id, group)
                self._mark(Found(token.i, token.i + 1, group.id, "group"))
                return True
        return False

    def _service_members(
        self, token: Token, anchors: list[Found], countries: list[str], modifiers: list[Token]
    ) -> bool:
        """ "U.S. troops", "American soldiers", "Iraqi forces": the service members of
        one state (named by its name or nationality, and nothing else) are its military,
        as CAMEO codes their acts to the state's military. "Tigray forces" (no state),
        "Iran-backed forces" (a backer, not a state) and "US and Iraqi troops" (two
        states) stay groups."""
        if token.tag_ not in {"NNS", "NNPS"}:
            return False
        if token.lemma_.lower() not in self.lexicon.service_members:
            return False
        if any(t.lower_ in self.lexicon.prefixes or t.text == "-" for t in modifiers):
            return False
        states = set(countries)
        for found in anchors:
            actor = self.res.actors.get(found.actor_id)
            if actor is None:
                return False
            if actor.type == "Country":
                states.add(actor.id)
            elif actor.type == "Government" and actor.parent is None and actor.country:
                states.add(actor.country)  # "U.S." read as the US government
            else:
                return False
        if len(states) != 1:
            return False
        return self._state_force(token, sorted(states), modifiers, noun="military")

    def _state_force(
        self, token: Token, countries: list[str], modifiers: list[Token], *, noun: str = ""
    ) -> bool:
        """The army, military or police of a state: of the nationality or country
        before it ("Turkey's military"), else of the text's main country ("the army").

        Resolves to the registry's entry for that force when it has one ("Iraqi army"),
        else to a Government actor with a country-qualified id ("turkey-military").
        """
        country = countries[0] if countries else None
        for child in token.children:
            found = self.by_token.get(child.i) if child.dep_ == "poss" else None
            actor = self.res.actors.get(found.actor_id) if found is not None else None
            if found is not None and actor is not None and actor.type == "Place" and not countries:
                return self._local_force(token, found, actor)
            if (state := state_country(actor)) is not None:
                country = state
        if country is None and token.lemma_.lower() in self.lexicon.local_forces:
            # "police said" (not "Nairobi's police chief": a word of a longer name or title)
            bare = token.dep_ not in ("compound", "amod", "nmod") and not any(
                c.dep_ in ("det", "poss", "amod", "compound") for c in token.children
            )
            if bare or any(c.lower_ == "the" for c in token.children):
                # "police said", "the police": the force where the events happen, the
                # place the text names first (the lead locates them), not the country it
                # names most ("Polish" and "Mexican" witnesses do not make the police theirs)
                country = self._lead_country()
        elif country is None and any(c.lower_ == "the" for c in token.children):
            country = self._main_country()
        if country is None:
            return False
        noun = noun or token.lower_
        adjectives = [word for word, place in self.lexicon.demonyms.items() if place == country]
        known = [self.res.registry.lookup(f"{adj} {noun}") for adj in adjectives]
        actor = next((a for a in known if a is not None), None)
        if actor is None:
            # labelled as written where the state is named with it ("Syrian forces")
            first = modifiers[0].i if countries and modifiers else token.i
            span = self.doc[first : token.i + 1]
            actor = self._new_actor(span, "Government", country=country, key=f"{country} {noun}")
        self.res.actors.setdefault(actor.id, actor)
        start = modifiers[0].i if countries and modifiers else token.i  # "Iraqi police"
        self._mark(Found(start, token.i + 1, actor.id, "group"))
        return True

    def _local_force(self, token: Token, place: Found, actor: Actor) -> bool:
        """ "El Paso's police": the city's own force (`local_force`)."""
        force = local_force(self.res, place, actor, token)
        self._mark(Found(place.start, token.i + 1, force.id, "group"))
        return True

    def _mark(self, found: Found) -> None:
        self.res.found.append(found)
        for i in range(found.start, found.end):
            self.by_token.setdefault(i, found)

    def _institution_country(self, span: Span) -> str | None:
        """The country of a generic institution: named just before it ("Iraq's
        Interior Ministry", "the Iraqi Interior Ministry"), else the text's main country."""
        i = span.start - 1
        while i >= 0 and (self.doc[i].tag_ == "POS" or self.doc[i].lower_ == "the"):
            i -= 1
        if i >= 0 and i in self.demonym_country:
            return self.demonym_country[i]
        found = self.by_token.get(i) if i >= 0 else None
        actor = self.res.actors.get(found.actor_id) if found is not None else None
        return state_country(actor) or self._main_country()

    def _lead_country(self) -> str | None:
        """The country of the first place the text names: a country by its name, or a
        capital ("London" -> the United Kingdom); nationalities do not count."""
        for ent in self.doc.ents:
            if ent.label_ != "GPE" and not ent.ent_id_:
                continue  # (the registry's names are labelled as it files them: "U.S." ORG)
            if self.registry.names_a_country(ent.text):
                actor = self.registry.lookup(ent.text)
            else:
                actor = self.registry.government_of_capital(ent.text)
            if (state := state_country(actor)) is not None:
                return state
            country = self.lexicon.countries.get(normalise_name(ent.text))
            if country is not None:
                return country
        return None

    def _main_country(self) -> str | None:
        """The country the text names most (by name, government or nationality), if one
        leads; None when none is named or two tie."""
        if self.main_country is None:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                actor = self.registry.lookup(ent.text)
                if (state := state_country(actor)) is not None:
                    counts[state] += 1
                else:
                    name = normalise_name(ent.text)
                    country = self.lexicon.countries.get(name) or self.lexicon.demonyms.get(name)
                    if country is not None:
                        counts[country] += 1
            ranked = counts.most_common(2)
            leads = ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
            self.main_country = ranked[0][0] if leads else ""
        return self.main_country or None

    def _doc_key(self) -> str:
        return content_hash(self.doc.text, length=8)

    def _group_kind(self, token: Token) -> str | None:
        """The actor type of a group noun; title-cased headline nouns count too."""
        if token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            before = self.doc[token.i - 1].lower_ if token.i else ""
            if lemma in self.lexicon.civil_nouns and before in self.lexicon.civil_sectors:
                return "Organization"  # "aid agencies", "relief organisations"
            return self.lexicon.group_nouns.get(lemma)
        if token.pos_ != "PROPN" or token.ent_type_:
            return None
        word = token.lower_  # "Iran-Backed Militias": the tagger says PROPN
        for singular in (word, word[:-1], word[:-3] + "y" if word.endswith("ies") else word):
            if singular in self.lexicon.group_nouns:
                return self.lexicon.group_nouns[singular]
        return None

    def _armed_members(self, found: Found, token: Token) -> bool:
        """Whether `token` ("fighters", "rebels") names the fighters of armed group `found`,
        or the service members ("forces", "troops") of an armed group or a military
        body ("peshmerga forces")."""
        actor, lemma = self.res.actors.get(found.actor_id), token.lemma_.lower()
        if actor is None or found.end != token.i or lemma in self.lexicon.member_nouns:
            return False
        fighters = self.lexicon.group_nouns.get(lemma) == "ArmedGroup"
        serving = lemma in self.lexicon.service_members
        military = actor.type == "Government" and actor.sector == "MIL"
        return (fighters or serving) and (actor.type == "ArmedGroup" or military)

    def _named_country(self, token: Token) -> bool:
        """Whether `token` ends a country's full name ("Ethiopia", not "US" or "Iraqi")."""
        found = self.by_token.get(token.i)
        actor = self.res.actors.get(found.actor_id) if found else None
        return actor is not None and actor.type == "Country" and not token.text.isupper()

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
        for k, word in enumerate(tokens):
            if word.dep_ == "cc" and k > 0 and self._named_country(tokens[k - 1]):
                tokens = tokens[k + 1 :]  # "Ethiopia and Tigray forces": two sides
                self.sides.update(t.i for t in tokens[:1])
                break
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
        if token.lower_ in self.lexicon.bloc_adjectives:
            return False  # "Western allies"
        if {token.lower_, after.lower_ if after else ""} & self.lexicon.civil_sectors:
            return False  # "humanitarian groups", "human rights groups"
        if token.lower_ in self.lexicon.compounds:
            return True  # "[affiliated] Iran-backed groups": a participle, however tagged
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


def _noun_preps(token: Token) -> list[Token]:
    """The prepositions that modify the noun `token`.

    Besides the parser's own prep children, a preposition right after the noun that
    the parser hung on the noun's verb counts too: in "accused groups within the PMF
    of ...", the small model attaches "within" to "accused", a common PP-attachment
    error for an object noun followed by its modifier.
    """
    preps = [child for child in token.children if child.dep_ == "prep"]
    doc = token.doc
    if token.i + 1 < len(doc):
        following = doc[token.i + 1]
        if following.dep_ == "prep" and following.head.i == token.head.i != token.i:
            preps.append(following)
    return preps
