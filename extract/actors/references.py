"""References: who a pronoun ("he", "they") or a nominal ("the minister", "the
ministry", "the government") stands for, within one doc.

A reference resolves to the nearest fitting actor before it, sentence by sentence,
subjects first (`antecedent`); `resolve_reference` answers for any token, and
`reference_pass` resolves every subject pronoun and nominal of a doc in order,
so that a later reference can reach a name through earlier ones. These functions only
read what they are given (`Resolved`: a `Collection` while the doc is read, the
`ActorIndex` after); an answer that needs an actor or span the doc does not hold yet
(a group a nominal describes, the government a capital or "the government" stands for)
carries it as `Reference.implied`, and only the build (`extract/actors/resolve.py`)
adds what it implies.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from extract.actors.collection import Collection, country_government, government_mention
from extract.actors.found import Found, to_mention
from extract.actors.names import actor_lexicon
from extract.actors.registry import Registry
from extract.records import Actor, Mention, normalise_name, slugify
from extract.syntax.doccache import tokens
from extract.text.quotemarks import DOUBLE_CLOSE, DOUBLE_OPEN

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many sentences back a pronoun or nominal looks for its antecedent.
REFERENCE_WINDOW = 8
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Nominals that, referring to nothing named before, mean the text's main government.
_GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet"})


class Resolved(Protocol):
    """What reference resolution reads: a doc's actors and resolved spans."""

    @property
    def doc(self) -> Doc: ...
    @property
    def registry(self) -> Registry: ...
    @property
    def offset(self) -> int: ...
    @property
    def actors(self) -> Mapping[str, Actor]: ...
    @property
    def found(self) -> Sequence[Found]: ...
    @property
    def by_token(self) -> Mapping[int, Found]: ...
    @property
    def refs(self) -> Mapping[int, Found]: ...
    @property
    def main_country(self) -> str | None: ...
    @property
    def sentences(self) -> Sequence[tuple[int, int]]: ...


@dataclass(frozen=True)
class Implied:
    """An actor an answer stands for that the doc's actors do not hold yet, with the
    span and mention that name it there (none for "the government" of the main
    country, which names no span of its own)."""

    actor: Actor
    found: Found | None = None
    mention: Mention | None = None


@dataclass(frozen=True)
class Reference:
    """The answer to "who does this token stand for": the actor (or None), how it
    was resolved, and what the answer implies beyond the doc's actors."""

    actor: Actor | None
    how: str
    implied: Implied | None = None


UNRESOLVED = Reference(None, "unresolved")


def government_of(resolved: Resolved, found: Found) -> Reference:
    """The government a capital's span stands for ("Baghdad has denied" -> the Iraqi
    government), as a "metonymy" reference; the capital itself when it has none."""
    stands_for = government_mention(resolved.doc, resolved.registry, found, resolved.offset)
    if stands_for is None:
        return Reference(resolved.actors.get(found.actor_id), "metonymy")
    government, mention = stands_for
    return Reference(government, "metonymy", Implied(government, mention=mention))


def resolve_reference(resolved: Resolved, token: Token) -> Reference:
    """Return the actor a speaker token refers to, and how it was resolved.

    Names resolve to themselves ("name"), groups to the group ("group"), a capital
    to its government ("metonymy"); pronouns ("he", "they") and nominals ("the
    minister", "the ministry") to the nearest fitting named actor before them
    ("pronoun", "nominal"). A generic nominal with a describing noun ("the protest
    movement") refers only to an actor with that word in its name, else it is a new
    group ("group"); "the government" with no government named before is the text's
    main country's; an expletive "it" ("it was unclear if") refers to nothing.
    Nothing fitting gives `UNRESOLVED`.
    """
    lexicon = actor_lexicon()
    if token.i in resolved.refs:
        ref = resolved.refs[token.i]
        return Reference(resolved.actors.get(ref.actor_id), ref.how)
    found = resolved.by_token.get(token.i)
    if found is not None:
        if found.capital:
            return government_of(resolved, found)
        how = {"group": "group", "metonymy": "metonymy"}.get(found.how, "name")
        return Reference(resolved.actors.get(found.actor_id), how)
    text = token.lower_
    if text in lexicon.pronouns:
        types = lexicon.pronouns[text] if not _expletive(token) else ()
        actor = antecedent(resolved, token, types=types, noun=None) if types else None
        return Reference(actor, "pronoun") if actor else UNRESOLVED
    lemma = token.lemma_.lower()
    if token.pos_ in {"NOUN", "PROPN"} or (
        text in lexicon.title_words and token.dep_ in SUBJECT_DEPS
    ):
        named = _apposed_name(resolved, token)
        if named is not None:
            return Reference(named, "name")  # "Iraq's national security adviser, Qasem al-Araji,"
        kinds = lexicon.nominals.get(lemma)
        if kinds is None and text in lexicon.title_words:
            kinds = ("Person",)  # "the Chargé d'Affaires said"
        if kinds is not None and definite(token):
            generic = lemma in lexicon.generic_nominals
            described = _description(token) if generic else None
            if described is not None:
                # "the protest movement" refers to no movement but one named "protest"
                actor = antecedent(resolved, token, types=kinds, noun=described.lower_)
                if actor is None:
                    return _described_group(resolved, token, described)
            else:
                actor = antecedent(resolved, token, types=kinds, noun=normalise_name(token.text))
            if actor is None and lemma in _GOVERNMENT_NOUNS:
                # "The government said" opening a text
                government = _main_government(resolved)
                if government is not None:
                    implied = None if government.id in resolved.actors else Implied(government)
                    return Reference(government, "nominal", implied)
            return Reference(actor, "nominal") if actor else UNRESOLVED
    modifier = modifier_found(resolved, token)
    if modifier is not None:
        return Reference(resolved.actors.get(modifier.actor_id), "name")
    return UNRESOLVED


def reference_pass(collection: Collection) -> None:
    """Resolve every pronoun or "the <noun>" subject, in order, as a reference mention.

    Done eagerly, when the doc is read, so that a later reference can reach a name
    through earlier ones; what an answer implies (a described group, the main
    government) is added to the collection then.
    """
    lexicon = actor_lexicon()
    doc = collection.doc
    for token in tokens(doc):
        if token.dep_ not in SUBJECT_DEPS or token.i in collection.by_token:
            continue
        if not (token.lower_ in lexicon.pronouns or definite(token)):
            continue
        reference = resolve_reference(collection, token)
        if reference.implied is not None:
            add_implied(collection, reference.implied)
        actor, how = reference.actor, reference.how
        if actor is None or how not in {"pronoun", "nominal"}:
            continue
        collection.refs[token.i] = Found(token.i, token.i + 1, actor.id, how)
        collection.mentions.append(
            to_mention(doc[token.i : token.i + 1], actor.id, how, collection.offset)
        )
    collection.mentions.sort(key=lambda mention: mention.start)


def add_implied(collection: Collection, implied: Implied) -> None:
    """Add what an answer implies to the collection: its actor, span and mention."""
    collection.actors.setdefault(implied.actor.id, implied.actor)
    if implied.found is not None:
        collection.found.append(implied.found)
        collection.found.sort(key=lambda f: f.start)
        for i in range(implied.found.start, implied.found.end):
            collection.by_token.setdefault(i, implied.found)
    if implied.mention is not None and (
        implied.found is not None or implied.mention not in collection.mentions
    ):
        collection.mentions.append(implied.mention)


def _main_government(resolved: Resolved) -> Actor | None:
    """The government of the country the text is about, when one leads it: the
    registry's, else one named after the country ("Afghan government",
    `country_government`)."""
    if not resolved.main_country:
        return None
    return country_government(resolved.registry, resolved.main_country)


def _described_group(resolved: Resolved, token: Token, described: Token) -> Reference:
    """ "The cross-sectarian protest movement": a group of its own, named by the
    descriptive noun and the head ("protest movement"), when no actor before it
    has that word in its name."""
    span = resolved.doc[described.i : token.i + 1]
    label = " ".join(span.text.split())
    actor = resolved.actors.get(slugify(label)) or Actor(
        id=slugify(label), label=label, type="Group", country=resolved.main_country or None
    )
    found = Found(span.start, span.end, actor.id, "group")
    mention = to_mention(span, actor.id, "group", resolved.offset)
    return Reference(actor, "group", Implied(actor, found=found, mention=mention))


def _apposed_name(resolved: Resolved, token: Token) -> Actor | None:
    """The person named in apposition to a title noun ("the adviser, Qasem al-Araji")."""
    children = list(token.children)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "to", "in", "of"}:
            # "the UN envoy for Iraq, NAME,": the parse hangs NAME on "Iraq"
            children += [c for p in prep.children if p.dep_ == "pobj" for c in p.children]
    for child in children:
        found = resolved.by_token.get(child.i) if child.dep_ == "appos" else None
        actor = resolved.actors.get(found.actor_id) if found else None
        if actor is not None and actor.type == "Person":
            return actor
    return None


def modifier_found(resolved: Resolved, token: Token) -> Found | None:
    """The mention in a compound modifier of `token` ("the KRG delegation" -> KRG)."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "compound" and child.i in resolved.by_token:
            found = resolved.by_token[child.i]
            if found.how != "group":
                return found
    return None


def antecedent(
    resolved: Resolved, token: Token, *, types: tuple[str, ...], noun: str | None
) -> Actor | None:
    """Nearest fitting actor before `token`, sentence by sentence, subjects first.

    Earlier resolved pronouns and nominals count as mentions, so "he ... he ...
    the diplomat" follows one chain back to the name.
    """
    doc = token.doc
    sentences = resolved.sentences
    starts = [start for start, _ in sentences]
    current = bisect.bisect_right(starts, token.i) - 1
    lowest = sentences[max(0, current - REFERENCE_WINDOW)][0]
    pool = [
        f
        for f in (*resolved.found, *resolved.refs.values())
        if lowest <= f.start < token.i
        and not _addressed_by(doc, f, token)
        and not _own_subject(doc, f, token)
    ]
    windows = range(current, max(-1, current - REFERENCE_WINDOW - 1), -1)
    lexicon = actor_lexicon()
    # A nominal that is not generic must name its referent: "the ministry" a
    # ministry, "the commander" a person with a commander's title.
    strict = noun is not None and noun not in lexicon.generic_nominals
    if noun is not None:
        # "the President" is not the vice president named before; "the vice president" is
        ranks = frozenset() if _lower_ranked(token) else lexicon.lower_ranks
        # "the Chargé d'Affaires": first the nearest actor whose name or title has
        # the word, anywhere in the window; then the nearest that fits at all
        # (people and generic nouns only: "the service" must name a service).
        if noun in lexicon.separate_institutions and (
            len({f.actor_id for f in pool if _names_noun(resolved, f, noun, ranks)}) > 1
        ):
            return None  # "the court" after two courts named: which one is not said
        for index in windows:
            named = _in_sentence(resolved, pool, index, token, types, noun)
            named = [f for f in named if _names_noun(resolved, f, noun, ranks)]
            if named:
                return _pick(resolved, named, doc)
        if strict:
            return None
    nearest = _plural_before(token) if token.lower_ in _PLURAL_PRONOUNS else None
    held = resolved.by_token.get(nearest) if nearest is not None else None
    blocker = nearest if held is None else None
    for index in windows:
        candidates = _in_sentence(resolved, pool, index, token, types, noun)
        if held is not None and held in candidates:
            # "stands with the brave women of Iran as they protest": the group they are
            return _pick(resolved, [held], doc)
        if blocker is not None:
            # "stands with the women of Iran as they protest": they are the women
            candidates = [f for f in candidates if f.start > blocker]
            if not candidates:
                return None
        if candidates:
            return _pick(resolved, candidates, doc)
    return None


#: Plural subject pronouns, whose antecedent the nearest plural noun before them may be
#: (a possessive "their" as often goes back further: "Saudi jets bombed their positions").
_PLURAL_PRONOUNS = frozenset({"they"})
#: Entity types of plural nouns that name no one ("two days later they ...").
_MEASURE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _plural_before(token: Token) -> int | None:
    """The nearest plural common noun before the pronoun `token` in its sentence that
    names no measure: the pronoun's likelier antecedent. When an actor mention covers it
    (a group: "the women of Iran as they protest") that group is the antecedent; when none
    does, no earlier actor may jump it ("the talks as they resumed"); None when there is
    none."""
    doc = token.doc
    for i in range(token.i - 1, token.sent.start - 1, -1):
        tok = doc[i]
        if (
            tok.tag_ == "NNS"
            and tok.pos_ == "NOUN"
            and tok.dep_ != "compound"
            and tok.ent_type_ not in _MEASURE_ENTITIES
        ):
            return i
    return None


#: Dependencies of a participle adjunct whose unnamed subject is the clause's subject
#: ("Speaking to X, he said", "After meeting X, she said": the one speaking is "he").
_ADJUNCT_DEPS = frozenset({"advcl", "pcomp", "xcomp"})


def _addressed_by(doc: Doc, found: Found, token: Token) -> bool:
    """Whether a mention is whom the subject pronoun `token` itself addresses: inside a
    participle adjunct before it with no subject of its own ("Speaking to Martin Smith of
    PBS, he said": he is not Martin Smith, nor PBS; "After meeting X, she said")."""
    if token.dep_ not in SUBJECT_DEPS or found.start >= token.i:
        return False
    node = doc[found.start : found.end].root
    while node.head.i != node.i:
        node = node.head
        if (
            node.dep_ in _ADJUNCT_DEPS
            and node.tag_ in ("VBG", "VBN")
            and node.i < token.i
            and not (node.left_edge.i <= token.i <= node.right_edge.i)
            and not any(child.dep_ in SUBJECT_DEPS for child in node.children)
        ):
            return True
    return False


#: Object pronouns that never stand for their own verb's subject ("Ruto called him a
#: liar": not Ruto, who would be "himself").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _own_subject(doc: Doc, found: Found, token: Token) -> bool:
    """Whether a mention is the subject of the verb whose object pronoun `token` is."""
    if token.lower_ not in _OBJECT_PRONOUNS or token.dep_ not in ("dobj", "dative"):
        return False
    node = doc[found.start : found.end].root
    return node.dep_ in SUBJECT_DEPS and node.head.i == token.head.i


def _in_sentence(
    resolved: Resolved,
    pool: list[Found],
    index: int,
    token: Token,
    types: tuple[str, ...],
    noun: str | None,
) -> list[Found]:
    start, end = resolved.sentences[index]
    return sorted(
        (
            found
            for found in pool
            if start <= found.start < end
            and found.end <= token.i
            and _fits(resolved, found, types=types, noun=noun)
            and not _other_gender(resolved, found, token)
            and not (
                token.lower_ in _SINGULAR_PRONOUNS
                and (_common_plural(token.doc, found) or _names_a_thing(resolved, token.doc, found))
            )
        ),
        key=lambda found: found.start,
    )


#: Pronouns of a man and of a woman.
_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


def _other_gender(resolved: Resolved, found: Found, pronoun: Token) -> bool:
    """Whether a gendered pronoun cannot refer to the person `found` names: "he" after
    "Queen Elizabeth II", "she" after "Mr. Vohor" (the person's label and titles tell
    one gender and the pronoun the other; no title, no judgement)."""
    text = pronoun.lower_
    if text not in _MALE_PRONOUNS and text not in _FEMALE_PRONOUNS:
        return False
    actor = resolved.actors.get(found.actor_id)
    if actor is None or actor.type != "Person":
        return False
    lexicon = actor_lexicon()
    words = {
        word for text_ in (actor.label, *(r.title for r in actor.roles)) for word in _words(text_)
    }
    female = not words.isdisjoint(lexicon.female_titles)
    male = not words.isdisjoint(lexicon.male_titles)
    if female == male:
        return False  # no gender told, or both (a title misread)
    return female if text in _MALE_PRONOUNS else male


#: Pronouns that take a singular antecedent.
_SINGULAR_PRONOUNS = frozenset({"it", "its", "itself"})


def _common_plural(doc: Doc, found: Found) -> bool:
    """Whether a mention is headed by a plural common noun ("American forces", "US
    troops"): "it" never refers to it, whatever single actor it resolved to. A plural
    name ("the United States", "the Houthis") may be "it"."""
    head = doc[found.start : found.end].root
    return head.tag_ == "NNS" and head.text.islower()


def _names_a_thing(resolved: Resolved, doc: Doc, found: Found) -> bool:
    """Whether a mention only qualifies a thing ("Sinjar" in "the Sinjar deal"): "it"
    after it is the thing, which is no actor. A mention qualifying people who are
    mentions themselves ("KRG officials ... its plans") stays an antecedent."""
    root = doc[found.start : found.end].root
    if root.dep_ != "compound" or root.head.i < found.end:
        return False
    head = root.head
    return head.pos_ == "NOUN" and head.i not in resolved.by_token


def _pick(resolved: Resolved, candidates: list[Found], doc: Doc) -> Actor | None:
    """Subjects first, then the nearest. A name's head word decides whether it is
    the subject ("the Patriotic Union of Kurdistan accused ..." is, by "Union"). A subject
    of the sentence's own narration comes before one inside a quotation it reports
    ('Leinen said "Munk was a treasure." She described him ...': she is Leinen)."""
    subjects = [
        f
        for f in candidates
        if doc[f.end - 1].dep_ in SUBJECT_DEPS or doc[f.start : f.end].root.dep_ in SUBJECT_DEPS
    ]
    narrated = [f for f in subjects if not _inside_quote(doc, f.start)]
    # "Ruto flew to Kampala after Museveni invited him. He ...": the main clause's subject,
    # not one of a clause set in it
    main = [f for f in narrated if not _in_set_clause(doc[f.start : f.end].root)]
    return resolved.actors.get((main or narrated or subjects or candidates)[-1].actor_id)


#: Dependencies of clauses set into a sentence (adverbial, relative, adnominal): their
#: subjects are not what the sentence is about.
_SET_CLAUSES = frozenset({"advcl", "relcl", "acl"})


def _in_set_clause(token: Token) -> bool:
    """Whether the subject `token` belongs to an adverbial, relative or adnominal clause."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in _SET_CLAUSES


#: Quote-mark tokens that open and close a quotation (the marks of
#: `extract.text.quotemarks`, and spaCy's ``` `` ``` and `''`); a straight mark does either.
_OPENING_MARKS = frozenset(DOUBLE_OPEN) | {"``"}
_CLOSING_MARKS = frozenset(DOUBLE_CLOSE) | {"''"}


def _inside_quote(doc: Doc, index: int) -> bool:
    """Whether token `index` stands inside quotation marks opened in its sentence."""
    depth, straight = 0, 0
    for token in doc[doc[index].sent.start : index]:
        if token.text in _OPENING_MARKS or token.tag_ == "``" and token.text != '"':
            depth += 1
        elif token.text in _CLOSING_MARKS:
            depth = max(0, depth - 1)
        elif token.text == '"':
            straight += 1
    return depth > 0 or straight % 2 == 1


def _fits(resolved: Resolved, found: Found, *, types: tuple[str, ...], noun: str | None) -> bool:
    actor = resolved.actors.get(found.actor_id)
    if actor is None or found.capital or actor.type not in types:
        return False
    if noun is not None and actor.type == "Person":
        # "the minister", "the diplomat": a person known to hold some title.
        return bool(actor.roles)
    return True


def _names_noun(resolved: Resolved, found: Found, noun: str, ranks: frozenset[str]) -> bool:
    """Whether the actor's label or one of its titles has the word ("the ministry"),
    with none of `ranks` before it (a vice president's title does not hold
    "president", a deputy foreign minister's not "minister")."""
    actor = resolved.actors.get(found.actor_id)
    if actor is None:
        return False
    stem = noun[:-1] if noun.endswith("s") else noun  # "ministries" / "ministry"
    words = actor_lexicon().nominal_synonyms.get(stem, (stem,))
    titles = [normalise_name(role.title) for role in actor.roles]
    texts = (normalise_name(actor.label), *titles)
    return any(_holds(word, text, ranks) for word in words for text in texts)


def _holds(word: str, text: str, ranks: frozenset[str]) -> bool:
    """Whether `text` has `word` at the start of a word with none of `ranks` before it."""
    for match in re.finditer(rf"(?<!\w){re.escape(word)}", text):
        if ranks.isdisjoint(_words(text[: match.start()])):
            return True
    return False


def _lower_ranked(token: Token) -> bool:
    """ "the deputy minister", "the Vice-President": a nominal whose own words hold a
    lower rank."""
    words = _words(token.doc[token.left_edge.i : token.i + 1].text)
    return not actor_lexicon().lower_ranks.isdisjoint(words)


def _words(text: str) -> list[str]:
    """The lower-cased words of a title or label, hyphenated parts apart ("Vice-President"
    -> vice, president)."""
    return text.lower().replace("-", " ").split()


def definite(token: Token) -> bool:
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
