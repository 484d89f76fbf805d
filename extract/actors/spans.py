"""Entity spans: the names a doc's NER and registry ruler give, cleaned to actor names.

`SpanRules` is mixed into the mention collector (`extract/actors/mentions.py`). It trims each
entity to the name (no "the", possessive, title, nationality or "pro-" prefix; a royal
or religious title kept on a one-word name), drops what cannot be an actor (page clutter,
menu lines, a country before a title, lone common nouns, pairs like "U.S.-Iraq"), and
finds person names the NER missed when a title, an apposition or a verb of saying marks
them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.actors.names import (
    ActorLexicon,
    clean_span,
    is_generic_institution,
    is_junk,
    is_title_token,
    normalise_name,
)
from extract.syntax.doccache import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.registry import Registry

#: NER labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


class SpanRules:
    """Entity-span rules over the collector's doc."""

    doc: Doc
    lexicon: ActorLexicon
    registry: Registry
    given_aliases: set[int]  # starts of names whose given name is an alias ("Badr ...")
    longer_names: set[int]  # starts of names a registry acronym ends ("Mazars USA")

    def _entity_spans(self) -> list[tuple[Span, str]]:
        """Entity spans cleaned of "the", possessives, titles and "pro-" prefixes."""
        spans: list[tuple[Span, str]] = []
        taken = 0  # the end of the last name carried over a particle
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS and not ent.ent_id_:
                continue
            if ent.ent_id_ and self.registry.get(ent.ent_id_):
                if (person := self._alias_as_given_name(ent)) is not None:
                    spans.append((person, "PERSON"))  # "Badr Abdelatty": a person, no Badr
                    self.given_aliases.add(person.start)
                    taken = person.end
                    continue
                if (named := self._name_ending_in(ent, spans)) is not None:
                    spans.append((named, "ORG"))  # "Mazars USA": a firm, not the US
                    self.longer_names.add(named.start)
                    continue
                if (company := self._company_of(ent)) is not None:
                    spans.append((company, "ORG"))  # "Qatar Airways": a firm, not Qatar
                    self.longer_names.add(company.start)
                    continue
                if (body := self._institution_of(ent)) is not None:
                    # "the United States District Court", "members of UK parliament": the
                    # court or the parliament, not the state
                    spans.append((body, "ORG"))
                    self.longer_names.add(body.start)
                    continue
                spans.append((ent, ent.label_))
                continue
            span = clean_span(ent, lexicon=self.lexicon, strip_titles=ent.label_ == "PERSON")
            if span is not None and ent.label_ == "PERSON":
                while len(span) > 1 and span[0].lower_ in self.lexicon.demonyms:
                    # "Jordanian King Abdullah": the nationality is read by roles.py
                    span = clean_span(span[1:], lexicon=self.lexicon, strip_titles=True)
                    if span is None:
                        break
            label = ent.label_
            if span is not None and label in ("PERSON", "ORG", "GPE"):
                named = self._without_posting(span)
                if named is not span:
                    # "Senator from | Vermont Bernie Sanders": a title's holder is a person
                    span, label = named, "PERSON"
            if span is not None and label == "PERSON":
                span = self._naming_title(self._given_name(span), ent)
                span = self._over_particle(span) if span is not None else None
            if span is not None and span.start < taken:
                continue  # "Leyen" after "Ursula von der": already part of the name
            span = self._strip_prefix(span)
            if span is not None and label == "ORG":
                span = self._without_holder_title(span)
                span = self._with_of_name(self._with_nationality(span))
                surnamed = self._with_missed_surname(span)
                if surnamed is not span:
                    spans.append((surnamed, "PERSON"))  # "Ruben" + "Vardanyan": a person
                    continue
            if (
                span is not None
                and len(span) > 1
                and span[0].lower_ in self.lexicon.compounds
                and span.start > 0
                and self.doc[span.start - 1].text == "-"
            ):
                span = span[1:]  # "Iran-Aligned Militia": NER took "Aligned Militia"
            if span is None or is_junk(span.text, lexicon=self.lexicon):
                continue
            if (
                len(span) == 1
                and span[0].lower_ not in self.lexicon.one_word_bodies
                and (
                    span[0].lower_ in self.lexicon.nominals
                    or span[0].lemma_.lower() in self.lexicon.group_nouns
                )
            ):
                # "Militia", "Ministry": a common noun capitalised in a headline ("the
                # Senate", "the Court" name the body of the text)
                continue
            if self._bilateral(span):
                continue  # "U.S.-Iraq" talks: a pair of actors used as an adjective
            if all(token.lower_ in self.lexicon.title_words for token in span) and not (
                len(span) > 1 and span[-1].lower_ in self.lexicon.institution_heads
            ):
                # "Army" in "Army Colonel Wayne Marotto" is part of a title; a name ending
                # in an institution ("Supreme National Security Council") is no title
                continue
            if not ent.ent_id_ and self._menu_line(span):
                continue  # "Rojava Hasaka Qamishli", "Floor": page links, not a sentence
            if self._title_phrase(span):
                continue  # "U.S. Chargé d'Affaires": a title, read by roles.py
            if span[-1].lower_ in self.lexicon.event_heads and not self._titled_body(span):
                continue  # "Assyrian Martyrs Day", "GMT"
            if (
                len(span) == 1
                and ent.label_ != "NORP"
                and span[0].tag_ not in {"NNP", "NNPS"}
                and not self.registry.lookup(span.text)
                and not (span[0].is_upper and span[0].is_alpha and len(span[0]) >= 3)
            ):
                # a common word the NER took for a name ("Defenses"); an acronym the
                # tagger took for an adjective ("USAID chief") stays a name
                continue
            if self._titled_name(span, label) or self._norp_name(span, label):
                label = "PERSON"
            if span.end > ent.end:
                taken = span.end
            spans.append((span, label))
        return spans

    def _name_ending_in(self, ent: Span, spans: list[tuple[Span, str]]) -> Span | None:
        """The name a country's acronym ends ("Mazars USA", "Amnesty International UK"):
        capitalised name words right before it, with no comma between, none a title; a
        name already taken for them (an organisation the NER found, "Kamau Holdings") is
        replaced by the longer one. None for the acronym on its own or after a person or
        place."""
        actor = self.registry.get(ent.ent_id_)
        if actor is None or actor.type not in ("Country", "Government") or not ent.text.isupper():
            return None
        doc, start = self.doc, ent.start
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].is_title
            and not doc[start - 1].is_sent_start
            and doc[start - 1].lower_ not in self.lexicon.title_words
        ):
            start -= 1
        if start == ent.start:
            return None
        if spans and spans[-1][0].end > start:
            before, label = spans[-1]
            if label in ("PERSON", "GPE", "LOC", "NORP") or before.end != ent.start:
                return None
            spans.pop()
            start = min(start, before.start)
        return doc[start : ent.end]

    def _titled_body(self, span: Span) -> bool:
        """Whether a name with an event's head is a body someone holds a title in
        ("deputy director of the Greek Energy Forum", "chairman of the Munich Security
        Conference"): a forum or conference that has officers is an organisation."""
        root = span.root
        prep = root.head
        return (
            root.dep_ == "pobj"
            and prep.lower_ in {"of", "at"}
            and prep.head is not prep
            and prep.head.lower_ in self.lexicon.title_words
        )

    def _company_of(self, ent: Span) -> Span | None:
        """A registry name followed by a company's last word ("Qatar Airways", "Turkish
        Airlines"): the company's name, else None."""
        doc = self.doc
        if ent.end >= len(doc):
            return None
        suffix = doc[ent.end]
        if not suffix.is_title or suffix.lower_ not in self.lexicon.company_suffixes:
            return None
        return doc[ent.start : ent.end + 1]

    def _institution_of(self, ent: Span) -> Span | None:
        """A registry name (a state's, an international body's) that modifies a court, a
        legislature or a commission ("the United States District Court", "UK parliament",
        "the UN Commission on the Status of Women"): the institution's name, through the
        capitalised words between, else None. An institution the registry knows by the
        whole name is read from it as before."""
        doc = self.doc
        root = ent.root
        if root.dep_ != "compound" or root.head.i < ent.end:
            return None
        head = root.head
        if head.lower_ not in self.lexicon.separate_institutions:
            return None
        between = doc[ent.end : head.i]
        if not all(t.is_title and t.dep_ == "compound" for t in between):
            return None
        body = doc[ent.start : head.i + 1]
        return None if self.registry.lookup(body.text) else body

    def _alias_as_given_name(self, ent: Span) -> Span | None:
        """A one-word alias that is a person's given name before a surname nobody
        tagged ("Badr" + "Abdelatty said"): the two words, else None."""
        doc, lexicon = self.doc, self.lexicon
        if len(ent) != 1 or ent.text.isupper() or ent.end + 1 >= len(doc):
            return None
        surname, after = doc[ent.end], doc[ent.end + 1]
        if not (surname.is_title and surname.pos_ == "PROPN" and not surname.ent_type_):
            return None
        if after.is_title or (ent.start > 0 and doc[ent.start - 1].text == "-"):
            return None  # "Hezbollah Fires Rockets": a headline, not a name
        word = surname.lower_
        if (
            word in lexicon.title_words
            or surname.lemma_.lower() in lexicon.group_nouns
            or word in lexicon.org_heads
            or word in lexicon.institution_words
            or word in lexicon.place_nouns
            or word in lexicon.company_suffixes  # "Qatar Airways": a company, no person
            or self.registry.lookup(surname.text) is not None
        ):
            return None
        return doc[ent.start : ent.end + 1]

    def _without_posting(self, span: Span) -> Span:
        """A person's name without the place the title before it names: "First Minister of
        | Scotland Nicola Sturgeon", "Senator from | Vermont Bernie Sanders", "Prime
        Minister of | Kenya Jane Roe" (the small model may tag the place as the first
        words of the name). The place is a country or a region of the lexicon, and the
        name keeps two words at least."""
        doc, lexicon = self.doc, self.lexicon
        if span.start < 2 or doc[span.start - 1].lower_ not in ("of", "from", "for"):
            return span
        if not is_title_token(doc[span.start - 2], lexicon):
            return span
        for size in (3, 2, 1):
            if len(span) - size < 2:
                continue
            place = normalise_name(doc[span.start : span.start + size].text)
            if place in lexicon.regions or place in lexicon.countries:
                return doc[span.start + size : span.end]
        return span

    def _over_particle(self, span: Span) -> Span:
        """Carry a personal name the NER cut after a lowercase particle over the
        capitalised word that follows: "Ursula von der" + "Leyen"."""
        last, doc = span[-1], self.doc
        if not last.is_lower or last.lower_ not in self.lexicon.name_particles:
            return span
        if span.end >= len(doc) or not doc[span.end].is_title:
            return span
        return doc[span.start : span.end + 1]

    def _norp_name(self, span: Span, label: str) -> bool:
        """A "nationality" of two or more capitalised words none of which is a
        nationality, country or plural: a personal name ("Ruben Vardanyan")."""
        if label != "NORP" or len(span) < 2 or span[-1].text.endswith("s"):
            return False
        if span.root.dep_ in {"amod", "compound"}:
            return False  # "Sunni Arab leaders": the creed of a group
        lexicon = self.lexicon
        return all(
            token.is_title
            and token.pos_ == "PROPN"
            and token.lower_ not in lexicon.demonyms
            and token.lower_ not in lexicon.countries
            and token.lower_ not in lexicon.bloc_adjectives
            for token in span
        )

    def _with_of_name(self, span: Span) -> Span:
        """Extend an organisation name over an "of" phrase its acronym spells: "the
        Association of the Petroleum Industry" + "of Kurdistan (APIKUR)"."""
        doc, j = self.doc, span.end + 1
        if j >= len(doc) or doc[span.end].lower_ != "of":
            return span
        while (
            j < len(doc)
            and doc[j].text != "("
            and (doc[j].is_title or doc[j].lower_ in {"the", "of", "and"})
        ):
            j += 1
        if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
            return span
        acronym, whole = doc[j + 1].text, doc[span.start : j]
        if not (acronym.isupper() and acronym.isalpha()):
            return span
        initials = "".join(token.text[0] for token in whole if token.is_title)
        shorter = "".join(token.text[0] for token in span if token.is_title)
        return whole if len(initials) > len(shorter) and acronym.startswith(initials) else span

    def _with_missed_surname(self, span: Span) -> Span:
        """ "Ruben" (ORG) + untagged "Vardanyan" heading it, with a title in apposition
        ("Ruben Vardanyan, a former head of ..."): the NER cut a person's name short."""
        if len(span) != 1 or span.end >= len(self.doc):
            return span
        head = self.doc[span.end]
        if (
            span.root.dep_ != "compound"
            or span.root.head.i != head.i
            or head.tag_ != "NNP"
            or head.ent_type_
            or not head.is_title
            or head.lower_ in self.lexicon.title_words
            or self.registry.lookup(head.text)
        ):
            return span
        whole = self.doc[span.start : span.end + 1]
        return whole if self._person_evidence(whole) else span  # the same object if not

    def _titled_name(self, span: Span, label: str) -> bool:
        """An "organisation" (or "place") of two or three plain name words that a person's
        title describes: right after a lower-case title ("USAID chief Samantha Power"), or
        heading an apposition to it ("Gáspár Maróth, the government commissioner"). The
        NER took a person for an organisation or a place."""
        if label not in ("ORG", "GPE", "LOC") or not 2 <= len(span) <= 3:
            return False
        before = self.doc[span.start - 1] if span.start else None
        titled = (
            label == "ORG"
            and before is not None
            and before.is_lower
            and before.lower_ in self.lexicon.title_words
        )
        if not (titled or self._person_apposition(span)):
            return False
        lexicon = self.lexicon
        return (
            not self.registry.lookup(span.text)
            and normalise_name(span.text) not in lexicon.countries
            and all(
                token.is_alpha
                and token.is_title
                and token.lower_ not in lexicon.org_types
                and token.lower_ not in lexicon.institution_words
                and token.lower_ not in lexicon.title_words
                for token in span
            )
        )

    def _person_apposition(self, span: Span) -> bool:
        """Whether an apposition to `span` is headed by a title only a person holds
        ("X, the Hungarian government commissioner"), not by a word that also names a
        body or a place ("council", "region", "office")."""
        lexicon = self.lexicon
        return any(
            child.dep_ == "appos"
            and child.tag_ == "NN"
            and child.lower_ in lexicon.title_words
            and child.lower_ not in lexicon.org_types
            and child.lower_ not in lexicon.institution_words
            and child.lower_ not in lexicon.institution_heads
            and child.lower_ not in lexicon.place_nouns
            and child.lower_ not in lexicon.title_joiners
            for child in span.root.children
        )

    def _menu_line(self, span: Span) -> bool:
        """Whether `span` sits on a line that is no sentence: names only, no verb.

        A line (between line breaks) of capitalised words with no verb, no lowercase
        word and no closing punctuation is a menu, tag list or caption. The scan stops
        at the first word that makes the line a sentence.
        """
        doc = self.doc
        i = span.start - 1
        while i >= 0 and "\n" not in doc[i].text:
            if _sentence_word(doc[i]):
                return False
            i -= 1
        last = None
        for token in doc[span.start :]:
            if "\n" in token.text:
                break
            if _sentence_word(token):
                return False
            last = token
        return last is None or last.text not in {".", "!", "?", ":", '"', "”", ";"}

    def _naming_title(self, span: Span, ent: Span) -> Span:
        """Put back a royal or religious title that a one-word name is known by.

        "King Abdullah" stays "King Abdullah" (lexicon rule `naming_titles`); "Ayatollah
        Ali al-Sistani" keeps the stripped "Ali al-Sistani".
        """
        start = span.start
        if len(span) != 1:
            return span
        while start > ent.start and self.doc[start - 1].lower_ in self.lexicon.naming_titles:
            start -= 1
        return self.doc[start : span.end]

    def _title_phrase(self, span: Span) -> bool:
        """A country (name or adjective) followed only by title words: a title, no actor."""
        first, rest = span[0], span[1:]
        if not len(rest) or not all(is_title_token(token, self.lexicon) for token in rest):
            return False
        return first.lower_ in self.lexicon.demonyms or self.registry.names_a_country(first.text)

    def _given_name(self, span: Span) -> Span:
        """ "Haider Mansour Hadi" where the NER tagged only "Mansour Hadi"."""
        doc, start = self.doc, span.start
        while start > 0:
            before = doc[start - 1]
            if (
                before.tag_ != "NNP"
                or not before.text[:1].isupper()
                or before.ent_type_
                or before.head.i not in range(span.start, span.end)
                or before.dep_ != "compound"
                or is_title_token(before, self.lexicon)
                or before.lower_ in self.lexicon.demonyms
            ):
                break
            start -= 1
        return doc[start : span.end]

    def _with_nationality(self, span: Span) -> Span:
        """ "Iraqi Kurdish Security Agency": a capitalised nationality the NER left out of
        an organisation's name is part of it, as when the NER takes it in ("Iraqi National
        Intelligence Service"). Not for registry names ("Iraqi" + "Popular Mobilization
        Forces") nor generic institutions ("Iraqi" + "Interior Ministry", whose country
        is read apart)."""
        if span.start == 0:
            return span
        before = self.doc[span.start - 1]
        if (
            before.lower_ not in self.lexicon.demonyms
            or not before.text[:1].isupper()
            or before.dep_ not in {"amod", "compound"}
            or not span.start <= before.head.i < span.end
            or self.registry.lookup(span.text)
            or is_generic_institution(span.text, lexicon=self.lexicon)
        ):
            return span
        return self.doc[span.start - 1 : span.end]

    def _without_holder_title(self, span: Span) -> Span:
        """An organisation's name without the post of the person named after it, which the
        NER may take into the name: "Coast Guard Commandant | Admiral Elson Hermogino" ->
        "Coast Guard" (the title is read by roles.py). Only words of leadership that are no
        institution ("European Council President X" keeps "Council"; "Office of Monetary
        Affairs" keeps "Affairs"), before a person."""
        lexicon, doc = self.lexicon, self.doc
        posts = frozenset(word for word in lexicon.leadership if " " not in word)
        after = span.end
        while after < len(doc) and doc[after].lower_ in lexicon.title_words:
            after += 1
        if after >= len(doc) or doc[after].ent_type_ != "PERSON":
            return span
        end = span.end
        while (
            end - span.start > 1
            and doc[end - 1].lower_ in posts
            and doc[end - 1].lower_ not in lexicon.institution_heads
            and doc[end - 1].lower_ not in lexicon.title_joiners
            and doc[end - 1].pos_ in ("NOUN", "PROPN")
        ):
            end -= 1
        if end == span.end or doc[end - 1].lower_ in lexicon.title_words:
            return span  # nothing trimmed, or no name left before the title
        return doc[span.start : end]

    def _strip_prefix(self, span: Span | None) -> Span | None:
        """ "pro-Iran" -> "Iran" (the prefix makes a claim, read in roles.py)."""
        if span is None or len(span) < 3:
            return span
        if span[0].lower_ in self.lexicon.prefixes and span[1].text == "-":
            return span[2:]
        return span

    def _unlabelled_people(self, covered: set[int]) -> list[tuple[Span, str]]:
        """Capitalised names the NER missed, taken as people on clear evidence.

        Evidence: an apposition headed by a title ("Safeen Dizayee, head of ..."), a
        title word just before the name, or a verb of saying whose subject it is.
        """
        doc, lexicon = self.doc, self.lexicon
        words = tokens(doc)
        found: list[tuple[Span, str]] = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and self._name_part(words[j], covered):
                j += 1
            if j - i >= 2 and words[i].text != "-" and words[j - 1].text != "-":
                span = doc[i:j]
                if self._person_evidence(span):
                    found.append((span, "PERSON"))
            i = max(j, i + 1)
        return [
            (span, label)
            for span, label in found
            if not any(
                t.lower_ in lexicon.org_types or t.lower_ in lexicon.event_heads for t in span
            )
        ]

    def _name_part(self, token: Token, covered: set[int]) -> bool:
        if token.i in covered or "\n" in token.text_with_ws.rstrip(" "):
            return False
        if token.text == "-" or token.lower_ in {"al", "el"}:
            return True
        return (
            token.tag_ == "NNP"
            and token.text[:1].isupper()
            and token.lower_ not in self.lexicon.title_words
            and token.lower_ not in self.lexicon.demonyms
            and not self.registry.lookup(token.text)
        )

    def _person_evidence(self, span: Span) -> bool:
        root = span.root
        titles = self.lexicon.title_words
        if any(c.dep_ == "appos" and c.lower_ in titles for c in root.children):
            return True
        if root.dep_ == "appos" and root.head.lower_ in titles:
            return True
        before = span.start - 1
        if (
            before >= 0
            and self.doc[before].text[:1].isupper()
            and self.doc[before].lower_ in titles
        ):
            return True
        return root.dep_ == "nsubj" and root.head.lemma_.lower() in self.lexicon.speech_verbs

    def _bilateral(self, span: Span) -> bool:
        parts = [part for part in span.text.split("-") if part.strip()]
        return len(parts) == 2 and all(self.registry.lookup(part) for part in parts)


def _sentence_word(token: Token) -> bool:
    """A verb, or a lowercase word ("al-" aside): what a menu or tag line lacks."""
    if token.is_space or token.is_punct:
        return False
    if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
        return True
    return token.is_alpha and token.text[:1].islower() and token.lower_ not in {"al", "el"}
