"""Roles and structural claims read from inside noun phrases.

A title before a name ("Kataib Hezbollah Secretary-General Abu Hussein al-Hamidawi",
"US Charge d'Affaires Joshua Harris") or an apposition after it ("Safeen Dizayee, head
of the KRG's Department of Foreign Relations") gives the person a `Role` and, when the
organisation is named, a LEADS or AFFILIATED_WITH claim. Hyphenated compounds give
claims between the modifier and the noun: "Iran-backed militias" (Iran SUPPORT
militias), "the Kataib Hezbollah-affiliated Hoquq bloc" (bloc AFFILIATED_WITH Kataib
Hezbollah), "pro-Iran armed groups" (groups AFFILIATED_WITH Iran). An organisation
said to include actors ("the PMF, which includes pro-Iran groups") has them as members
(AFFILIATED_WITH).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from extract.actors.collection import local_force
from extract.actors.compounds import CompoundRules
from extract.actors.found import Found
from extract.actors.names import ActorLexicon
from extract.actors.role_refs import BODY_TYPES, OrganisationReferences, title_holding
from extract.records import Actor, Claim, Role, claim_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.collection import Collection

#: Base confidence of each rule, scaled by how well both sides resolved.
RULE_CONFIDENCE = {
    "title": 0.85,
    "apposition": 0.8,
    "compound": 0.75,
    "prefix": 0.7,
    "member": 0.7,
    "of_phrase": 0.75,
    "party": 0.75,
}
#: How much each way of resolving a side is trusted.
HOW_TRUST = {"registry": 1.0, "ner": 0.9, "coref": 0.85, "metonymy": 0.8, "group": 0.8}
_APPOS_SKIP = frozenset({"det", "poss", "case", "punct", "predet"})
#: Words after "of" in a leader's title that name the body itself, not a part of it
#: ("head of state", "head of government", "chairman of the board").
_WHOLE_BODY = frozenset({"state", "government", "board", "directors"})


def find_roles_and_claims(
    resolution: Collection, *, lexicon: ActorLexicon, doc_id: str
) -> list[Claim]:
    """Add roles to the people of `resolution` and return the structural claims found.

    Args:
        resolution: a resolution whose actors and spans are already collected; its
            person actors gain the roles found (the actors dict is updated in place).
        lexicon: the actor word lists (titles, leadership words, compounds).
        doc_id: the document id the claims are filed under.

    Returns:
        LEADS, AFFILIATED_WITH and SUPPORT claims, in document order.
    """
    claims: list[Claim] = []
    finder = _Finder(resolution, lexicon, doc_id)
    for found in list(resolution.found):
        actor = resolution.actors.get(found.actor_id)
        if actor is None or actor.type != "Person" or found.how == "metonymy":
            continue
        claims.extend(finder.title_before(found))
        claims.extend(finder.apposition(found))
        claims.extend(finder.of_organisation(found))
        claims.extend(finder.party_member(found))
        claims.extend(finder.copula_role(found))
    claims.extend(finder.compounds())
    claims.extend(finder.memberships())
    return sorted(claims, key=lambda claim: claim.start)


class _Finder(CompoundRules, OrganisationReferences):
    def __init__(self, resolution: Collection, lexicon: ActorLexicon, doc_id: str) -> None:
        self.res = resolution
        self.doc: Doc = resolution.doc
        self.lexicon = lexicon
        self.doc_id = doc_id

    # ---- "the PMF, which includes pro-Iran groups"

    def memberships(self) -> list[Claim]:
        """An organisation said to include or comprise other actors: each member
        AFFILIATED_WITH it ("the PMF, which includes pro-Iran groups", "the alliance
        comprises three parties"), as "groups within the PMF" are read as its own.
        Looks only at the verbs of the organisations found, not at every token."""
        claims: list[Claim] = []
        verbs = self.lexicon.member_verbs
        for whole in self.res.found:
            if not self._is_body(whole):
                continue
            root = self.doc[whole.start : whole.end].root
            for verb in (root.head, *root.children):
                if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
                    continue
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    continue
                if verb.dep_ == "relcl" and subject.tag_ in {"WDT", "WP"}:
                    subject = verb.head  # "the PMF, which includes ...": the noun described
                if subject.i != root.i:
                    continue
                claims.extend(self._members(whole, verb))
        return claims

    def _members(self, whole: Found, verb: Token) -> list[Claim]:
        claims: list[Claim] = []
        seen = {whole.actor_id}
        for child in verb.children:
            if child.dep_ != "dobj":
                continue
            for member in (child, *child.conjuncts):
                part = self._by_token.get(member.i)
                if part is None or part.actor_id in seen:
                    continue
                seen.add(part.actor_id)
                cue = self.doc[min(verb.i, member.i) : max(verb.i, member.i) + 1]
                claims.append(self._claim("AFFILIATED_WITH", part, whole, cue, rule="member"))
        return claims

    def _is_body(self, found: Found) -> bool:
        actor = self.res.actors.get(found.actor_id)
        return actor is not None and not found.capital and actor.type in BODY_TYPES - {"Media"}

    # ---- titles before a name

    def title_before(self, found: Found) -> list[Claim]:
        """ "US Charge d'Affaires Joshua Harris": titles and organisations left of a name.

        Chains are read right to left: "Fatih coalition spokesperson and senior Popular
        Mobilization Forces leader Ahmed al-Asadi" gives two roles.
        """
        doc = self.doc
        claims: list[Claim] = []
        named = found.start
        while named < found.end - 1 and doc[named].lower_ in self.lexicon.naming_titles:
            named += 1  # "King Abdullah": the title is part of the label and a role
        if named > found.start:
            title = doc[found.start : named]
            country = self._demonym_found(found.start - 1) if found.start else None
            organisation = country if country is not None and country.end == found.start else None
            claims.extend(self._role_claims(found, title.text, organisation, title, rule="title"))
        end = self._shared_title_end(found)
        for _ in range(3):
            start = self._title_start(end)
            if start >= end:
                break
            title = doc[start:end]
            if len(title) == 1 and title[0].lower_ in {"former", "senior", "top", "acting"}:
                break
            organisation = self._organisation_before(start) or self._force_named(title)
            organisation = self._local_force(organisation, title) or organisation
            left = (
                organisation.start
                if organisation is not None and organisation.start < start
                else start
            )
            qualifiers = left
            while qualifiers > 0 and doc[qualifiers - 1].lower_ in self._qualifier_words:
                qualifiers -= 1  # "senior" in "senior PMF leader"
            text = " ".join(filter(None, (doc[qualifiers:left].text, title.text)))
            claims.extend(self._role_claims(found, text, organisation, title, rule="title"))
            if qualifiers < 2 or doc[qualifiers - 1].lower_ not in {"and", ","}:
                break
            end = qualifiers - 1
            held = self._body_with_title(end)
            if held is not None:
                # "Green Party leader and Prime Minister X": the first title was read
                # into the party's mention ("Green Party leader"); it is X's title too
                body, title = held
                claims.extend(self._role_claims(found, title.text, body, title, rule="title"))
                break
        return claims

    def _body_with_title(self, end: int) -> tuple[Found, Span] | None:
        """The body and the title word of a body's mention that ends in a title word just
        before token `end` ("Green Party leader" before "and Prime Minister X")."""
        body = self._by_token.get(end - 1)
        word = self.doc[end - 1]
        if (
            body is None
            or body.end != end
            or body.start >= end - 1
            or word.lower_ not in self.lexicon.title_words
            or not self._is_body(body)
        ):
            return None
        return body, self.doc[end - 1 : end]

    def _shared_title_end(self, found: Found) -> int:
        """Where the title of `found` ends: just before it, or, for a name coordinated
        with a name after a plural title ("Hamas members Ali Musa and Omar Said", "War
        Cabinet members X and Y"), before that first name: the title is each one's."""
        doc = self.doc
        root = doc[found.end - 1]
        first = self._by_token.get(root.head.i) if root.dep_ == "conj" else None
        if first is None or first.end > found.start or first is found:
            return found.start
        actor = self.res.actors.get(first.actor_id)
        before = doc[first.start - 1] if first.start > 0 else None
        if (
            actor is None
            or actor.type != "Person"
            or before is None
            or before.tag_ != "NNS"
            or before.lemma_.lower() not in self.lexicon.title_words
        ):
            return found.start
        return first.start

    def _local_force(self, place: Found | None, title: Span) -> Found | None:
        """ "El Paso's police chief": a title opening with a state force after a city is
        the city's force's (the actor "the El Paso police" is too); None otherwise."""
        if place is None or title[0].lemma_.lower() not in self.lexicon.state_forces:
            return None
        actor = self.res.actors.get(place.actor_id)
        if actor is None or actor.type != "Place":
            return None
        force = local_force(self.res, place, actor, title[0])
        return Found(place.start, title[0].i + 1, force.id, "group")

    @property
    def _qualifier_words(self) -> frozenset[str]:
        return self.lexicon.leadership_cancel | self.lexicon.past_markers

    def _title_start(self, end: int) -> int:
        """Where the run of title words ending before token `end` starts."""
        doc, lexicon = self.doc, self.lexicon
        i = end - 1
        while i >= 0 and not doc[i].is_sent_end and i not in self._by_token:
            token = doc[i]
            if (
                token.lower_ in lexicon.title_words
                or (token.tag_ == "NNS" and token.lemma_.lower() in lexicon.title_words)
                or (token.text == "-" and i > 0 and doc[i - 1].lower_ in lexicon.title_words)
            ):
                i -= 1
                continue
            if (
                (
                    token.text.islower()
                    and token.pos_ == "NOUN"
                    or token.is_sent_start  # "Party leader X", "Council spokesman X"
                    and token.lower_ in lexicon.nominals
                )
                and token.dep_ == "compound"
                and token.head.lower_ in lexicon.title_words
                and token.head.i < end
            ):
                i -= 1  # "criminology professor", "geostrategy expert": the field is the title's
                continue
            break
        return self._trim_joiners(i + 1, end)

    def _trim_joiners(self, start: int, end: int) -> int:
        while start < end and (
            self.doc[start].lower_ in self.lexicon.title_joiners
            or self.doc[start].is_punct
            or self.doc[start].pos_ in {"ADP", "DET", "CCONJ", "SCONJ"}
        ):
            start += 1
        return start

    def _organisation_before(self, start: int) -> Found | None:
        """The actor named just before a title ("KRG" in "KRG's Foreign Minister")."""
        j = start - 1
        if j >= 0 and self.doc[j].tag_ == "POS":
            j -= 1
        if j >= 2 and self.doc[j].text == ")" and self.doc[j - 2].text == "(":
            j -= 3  # "Kurdistan Regional Government (KRG) Interior Minister"
        if j < 0:
            return None
        return self._by_token.get(j) or self._demonym_found(j) or self._possessive_found(j)

    def _demonym_found(self, index: int) -> Found | None:
        text = self.doc[index].text
        country = self.lexicon.demonyms.get(text.lower())
        if country is None and self.res.registry.names_a_country(text):
            named = self.res.registry.lookup(text)  # "U.S." left out of a title entity
            country = named.id if named is not None else None
        if country is None or self.res.registry.get(country) is None:
            return None
        return Found(index, index + 1, country, "registry")

    # ---- a party word before a name, or as what a person is

    #: Titles after which a party word names a ministry ("Labour Minister": of labour).
    _MINISTERIAL = frozenset({"minister", "ministry", "secretary", "department"})

    def party_member(self, found: Found) -> list[Claim]:
        """ "Republican Kevin McCarthy", "Conservative MP Philip Hammond", "Democratic
        committee chairman Jerrold Nadler", "Trump is a Republican": the person
        AFFILIATED_WITH the party the word names, in a text about the party's country.
        The party is the person's, not the title's organisation: the chairman of a
        committee is a member of the party, not its leader."""
        doc = self.doc
        start = self._title_start(found.start)
        word = doc[start - 1] if start > 0 else None
        if word is not None and start < found.start and doc[start].lower_ in self._MINISTERIAL:
            word = None  # "Labour Minister X" is a minister of labour
        if word is None or (word.i in self._by_token):
            word = self._party_attribute(found)
        party = self._party(word)
        if word is None or party is None:
            return []
        named = Found(word.i, word.i + 1, party.id, "registry")
        cue = doc[word.i : word.i + 1]
        return [self._claim("AFFILIATED_WITH", found, named, cue, rule="party")]

    def _party_attribute(self, found: Found) -> Token | None:
        """The party word a person is said to be ("Trump is a Republican")."""
        return next(iter(self._said_to_be(found)), None)

    def _said_to_be(self, found: Found) -> list[Token]:
        """What "be" says the person is ("X was a columnist for Y", "X is a Republican",
        "X and Y are members of Z"): the attributes of the verb whose subject the person
        is; none when it is negated ("X is not a member of Y", "X is not a Republican")."""
        root = self.doc[found.start : found.end].root
        while root.dep_ == "conj" and root.head.i < root.i:
            root = root.head  # "X, Y and Z are all members of ...": each is said to be one
        verb = root.head
        if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i == root.i:
            return []
        if any(child.dep_ == "neg" for child in verb.children):
            return []
        return [child for child in verb.children if child.dep_ == "attr"]

    def _party(self, word: Token | None) -> Actor | None:
        """The registry party a capitalised party word names, if the text is about the
        party's country."""
        if word is None or not word.text[:1].isupper():
            return None
        party_id = self.lexicon.party_words.get(word.lower_)
        party = self.res.registry.get(party_id) if party_id else None
        if party is None or not party.country or party.country != self.res.main_country:
            return None
        return party

    # ---- appositions

    def apposition(self, found: Found) -> list[Claim]:
        """ "Safeen Dizayee, head of the KRG's Department ...": role from an apposition."""
        doc = self.doc
        root = doc[found.start : found.end].root
        # Only an apposition right beside the name counts: "X, head of Y" or "the head
        # of Y, X," (a parse that attaches a farther noun is usually wrong).
        after = found.end < len(doc) and doc[found.end].text == ","
        candidates = [
            child
            for child in root.children
            if child.dep_ == "appos" and after and child.left_edge.i == found.end + 1
        ]
        if (
            root.dep_ == "appos"
            and found.start > 0
            and doc[found.start - 1].text == ","
            and root.head.i < found.start
            and max(t.i for t in root.head.subtree if t.i < found.start) >= found.start - 2
        ):
            candidates.append(title_holding(root.head))
        claims: list[Claim] = []
        for noun in candidates:
            if noun.i in self._by_token or noun.lower_ not in self.lexicon.title_words:
                continue
            served = self._served_person(noun) if noun.i > found.start else None
            if served is not None and served.actor_id != found.actor_id:
                # "X, national security adviser to Prime Minister Y": X works for Y
                cue = self.doc[noun.i : served.end]
                claims.append(self._claim("AFFILIATED_WITH", found, served, cue, rule="apposition"))
                continue
            if noun.i > found.start and (
                self._next_name(noun.right_edge.i) is not None or self._person_in(noun)
            ):
                continue  # "X, the head of Y, Z": the title belongs to Z
            # "the leader of Kataib Hezbollah and deputy head of the PMF": both roles
            titles = [noun] + [
                t
                for t in noun.subtree
                if t.dep_ == "conj" and t.i > noun.i and t.i not in self._by_token
            ]
            for title_noun in titles:
                if title_noun.lower_ not in self.lexicon.title_words:
                    continue
                claims.extend(self._apposed_role(found, title_noun))
        return claims

    def copula_role(self, found: Found) -> list[Claim]:
        """ "Jamal Khashoggi was a columnist for The Washington Post", "X is the director
        of Y": a role said of the person with "be", read as an apposition's is; not when
        negated ("X is not a member of Y")."""
        claims: list[Claim] = []
        for noun in self._said_to_be(found):
            # "X and Y are directors of Z": a plural title too
            titled = {noun.lower_, noun.lemma_.lower()} & self.lexicon.title_words
            if noun.i not in self._by_token and titled:
                claims.extend(self._apposed_role(found, noun))
        return claims

    def of_organisation(self, found: Found) -> list[Claim]:
        """ "Jane Doe of the Labour Party said", "Martin Smith, of PBS,", "Sergeant X, with
        the 82nd Airborne Division,": a person qualified by an "of" phrase (or a "with"
        aside) naming an organisation belongs to it (AFFILIATED_WITH). A place ("Doug
        Collins of Georgia") is where the person is from, and a described group ("of the
        protesters") is no organisation."""
        doc = self.doc
        aside = found.end < len(doc) and doc[found.end].text == ","
        at = found.end + (1 if aside else 0)
        if at >= len(doc) or doc[at].dep_ != "prep":
            return []
        if doc[at].lower_ != "of" and not (doc[at].lower_ == "with" and aside):
            return []  # "Sergeant X, with the 82nd Airborne Division,": serving with it
        if doc[at].head.i not in range(found.start, found.end):
            return []
        for pobj in doc[at].children:
            if pobj.dep_ != "pobj":
                continue
            # the organisation itself, not a name inside a common noun phrase ("of the
            # Social Welfare constituency" is of a constituency)
            named = self._by_token.get(pobj.i)
            if named is None or named.start <= at or named.how == "group":
                return []
            if self._is_country(named):
                return []
            actor = self.res.actors.get(named.actor_id) or self.res.registry.get(named.actor_id)
            if actor is None or actor.type == "Person":  # places: `_is_country` above
                return []
            cue = doc[at : pobj.i + 1]
            return [self._claim("AFFILIATED_WITH", found, named, cue, rule="of_phrase")]
        return []

    def _apposed_role(self, found: Found, noun: Token) -> list[Claim]:
        """The role named by one apposition noun ("head of the PMF", "spokesman for X")."""
        first = noun.i
        for child in noun.lefts:
            if child.dep_ not in _APPOS_SKIP and child.i not in self._by_token:
                first = min(first, child.left_edge.i)
        last = noun.i
        for prep in noun.rights:
            # "chief of staff", "director of operations": the complement is the title's
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if (
                        pobj.dep_ == "pobj"
                        and pobj.tag_ == "NN"
                        and pobj.i not in self._by_token
                        and not any(child.dep_ in ("det", "poss") for child in pobj.children)
                    ):
                        last = pobj.i
        title = self.doc[first : last + 1]
        organisation = self._organisation_in(noun)
        return self._role_claims(found, title.text, organisation, title, rule="apposition")

    def _person_in(self, noun: Token) -> bool:
        for token in noun.subtree:
            found = self._by_token.get(token.i) if token.i > noun.i else None
            actor = self.res.actors.get(found.actor_id) if found else None
            if actor is not None and actor.type == "Person":
                return True
        return False

    def _next_name(self, index: int) -> Found | None:
        """The person named right after a comma following token `index`, if any."""
        doc = self.doc
        if index + 2 >= len(doc) or doc[index + 1].text != ",":
            return None
        found = self._by_token.get(index + 2)
        actor = self.res.actors.get(found.actor_id) if found else None
        return found if actor is not None and actor.type == "Person" else None

    def _organisation_in(self, noun: Token) -> Found | None:
        """The organisation of an apposition: "of X", "at X", "X's", the deepest named."""
        best: Found | None = None
        for child in noun.children:
            if child.dep_ == "poss":
                best = self._by_token.get(child.i) or self._possessive_found(child.i) or best
            elif child.dep_ in {"compound", "nmod"} and child.i < noun.i and best is None:
                best = self._by_token.get(child.i)  # "the UN special envoy"
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "at", "for", "in"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        named = (
                            self._by_token.get(pobj.i)
                            or self._named_in(pobj)
                            or self._nominal_found(pobj)
                        )
                        if named is not None and not (
                            best is not None and self._is_country(named) and child.lower_ != "of"
                        ):
                            return named  # not "the UN envoy for Iraq": Iraq is the posting
        return best

    def _named_in(self, token: Token) -> Found | None:
        """The actor an "of" phrase names: the one nearest its head noun, not a backer.

        "the leader of the Iran-backed Kataib Hizbullah militia" -> Kataib Hizbullah.
        """
        doc = self.doc
        best: Found | None = None
        for child in token.subtree:
            found = self._by_token.get(child.i)
            if found is None or found.how == "group" or child.i > token.i:
                continue
            if found.end < len(doc) and doc[found.end].text == "-":
                continue  # the "Iran" of "Iran-backed"
            best = found
        return best

    # ---- shared

    @property
    def _by_token(self) -> dict[int, Found]:
        return self.res.by_token

    def _role_claims(
        self,
        found: Found,
        title: str,
        organisation: Found | None,
        cue: Span,
        *,
        rule: str,
    ) -> list[Claim]:
        title = " ".join(title.split()).strip(" ,")
        org_actor = self._organisation_actor(organisation)
        if org_actor is not None and org_actor.id == found.actor_id:
            org_actor = None
        person = self.res.actors[found.actor_id]
        role = Role(title=title, organisation=org_actor.id if org_actor else None)
        known = _same_role(person.roles, role, within=self._within)
        if known is None:
            # A role in a country's institution gives the person that country, when
            # nothing else did ("US Chargé d'Affaires Joshua Harris" -> united-states).
            country = person.country or _country_of(org_actor)
            self.res.actors[person.id] = dataclasses.replace(
                person, roles=(*person.roles, role), country=country
            )
        elif org_actor is not None and self._within(known.organisation, org_actor.id):
            # The registry knows the office more precisely ("Secretary of State" of the
            # State Department, where the text only says "US").
            org_actor = self._known(str(known.organisation))
        if org_actor is None or organisation is None:
            return []
        lowered = title.lower()
        words = set(re.split(r"[\s-]+", lowered))
        if words & self.lexicon.past_markers:
            return []
        if self._is_country(organisation):
            # "US Secretary of State X", "Iraqi Prime Minister Y": a title qualified only
            # by a country is a role, not a claim (the guide's rule, gold/GUIDE.md).
            return []
        heads = self.lexicon.leadership
        # The last word heads an English title: "chief mediator" is a mediator, not a chief
        head_part = lowered.split(" of ")[0]  # "chief of staff" is headed by "chief"
        post = head_part.split()
        while len(post) > 1 and post[-1] in self.lexicon.military_ranks:
            post.pop()  # "commandant admiral": the rank before the name; the post leads
        # "secretary general" heads as a whole; "commandant admiral" by its post
        leads = any(
            re.search(rf"\b{re.escape(w)}$", part)
            for part in (head_part, " ".join(post))
            for w in heads
        )
        if words & self.lexicon.leadership_cancel or self._heads_a_part(lowered):
            leads = False
        relation = "LEADS" if leads else "AFFILIATED_WITH"
        organisation = dataclasses.replace(organisation, actor_id=org_actor.id)
        return [self._claim(relation, found, organisation, cue, rule=rule)]

    def _heads_a_part(self, title: str) -> bool:
        """Whether a title heads a part of its organisation, named after "of" in the title
        while the organisation is named apart: "director of global news for AFP", "head
        of security at Shell", "Reuters' head of news for Africa" are members, not leaders,
        of the organisation; "head of state", "chief of police" head the body itself."""
        _, of, part = title.partition(" of ")
        return bool(of) and not set(part.split()) & (self.lexicon.state_forces | _WHOLE_BODY)

    def _within(self, inner: str | None, outer: str) -> bool:
        """Whether registry organisation `inner` is part of `outer` (via parents)."""
        seen: set[str] = set()
        while inner and inner not in seen:
            if inner == outer and seen:
                return True
            seen.add(inner)
            actor = self.res.registry.get(inner)
            inner = actor.parent if actor else None
        return False

    def _is_country(self, organisation: Found) -> bool:
        """Whether the organisation was named only as a country ("US", "Iraqi")."""
        actor = self.res.actors.get(organisation.actor_id) or self.res.registry.get(
            organisation.actor_id
        )
        if actor is not None and actor.type in {"Country", "Place"}:
            return True
        text = self.doc[organisation.start : organisation.end].text
        return self.res.registry.names_a_country(text)

    def _organisation_actor(self, organisation: Found | None) -> Actor | None:
        """The organisation a role is held in; a country's role is in its government."""
        if organisation is None:
            return None
        registry = self.res.registry
        actor = self.res.actors.get(organisation.actor_id) or registry.get(organisation.actor_id)
        if actor is None or (organisation.how == "group" and actor.type != "Government"):
            return None  # "Iraqi officials" are no organisation; "Iran's foreign ministry" is
        if actor.type in {"Country", "Place"}:
            government = registry.government_of_country(actor.id)
            if government is None and organisation.capital:
                government = registry.government_of_capital(actor.label)
            if government is None:
                return actor if actor.type == "Country" else None
            actor = government
        if actor.id not in self.res.actors:
            self.res.actors[actor.id] = actor
        return actor

    def _known(self, actor_id: str) -> Actor:
        """The actor with this id, taking it from the registry into the doc if needed."""
        actor = self.res.actors.get(actor_id) or self.res.registry.get(actor_id)
        if actor is None:
            raise KeyError(f"actor {actor_id!r} is neither in the doc nor in the registry")
        self.res.actors.setdefault(actor_id, actor)
        return actor

    def _claim(
        self, relation: str, subject: Found, object_: Found, cue: Span, *, rule: str
    ) -> Claim:
        sent = cue.sent
        offset = self.res.offset
        subject_actor = self._known(subject.actor_id)
        object_actor = self._known(object_.actor_id)
        trust = HOW_TRUST.get(subject.how, 0.7) * HOW_TRUST.get(object_.how, 0.7)
        confidence = round(RULE_CONFIDENCE.get(rule, 0.6) * (0.5 + 0.5 * trust), 3)
        start, end = offset + sent.start_char, offset + sent.end_char
        subject_ref, object_ref = subject_actor.ref(), object_actor.ref()
        return Claim(
            id=claim_id(self.doc_id, relation, subject_ref, object_ref, None, None, start, end),
            doc_id=self.doc_id,
            relation=relation,
            subject=subject_ref,
            object=object_ref,
            speaker=None,
            cue=cue.text,
            quote=None,
            text=sent.text,
            start=start,
            end=end,
            confidence=confidence,
            rule=f"actors.{rule}",
        )


def _same_role(
    roles: tuple[Role, ...], role: Role, *, within: Callable[[str | None, str], bool]
) -> Role | None:
    """The role already held that `role` repeats, if any.

    Titles repeat when one contains the other ("Prime Minister" / "Prime Minister of
    Iraq"); organisations when they are equal, one is unknown, or the held one is part
    of the new one (the State Department within the US government).
    """
    new = role.title.lower()
    for held in roles:
        old = held.title.lower()
        if not (new in old or old in new):
            continue
        if role.organisation is None or held.organisation is None:
            return held
        if held.organisation == role.organisation or within(held.organisation, role.organisation):
            return held
    return None


def _country_of(actor: Actor | None) -> str | None:
    """The country an organisation belongs to: its own id for a Country, else its field."""
    if actor is None:
        return None
    return actor.id if actor.type == "Country" else actor.country
