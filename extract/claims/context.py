"""What every claim finder shares: resolving a token to an actor, confidence, evidence
spans, and building the `Claim` record (polarity and modality: `extract.syntax.modality`).

The finders themselves live in `extract.claims.quotes` (direct quotes), `extract.claims.speech`
(reported speech without quote marks) and `extract.claims.acts` (typed acts from the
dependency parse); `extract.extractor` runs them over one document. Actors come from
C1's `extract.actors.index.ActorIndex`, seen here only through the small `Resolver`
protocol, so rule tests can pass a stand-in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from extract.claims.registry import RULES
from extract.claims.speakers import organisation_of
from extract.lexicon.cues import Lexicon
from extract.records import Actor, ActorRef, Claim, claim_id
from extract.syntax.arguments import RELATIVE_TAGS
from extract.syntax.doccache import per_doc

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from extract.claims.voices import Voice


class Resolver(Protocol):
    """The part of `extract.actors.index.ActorIndex` the claim finders use."""

    def actor_at(self, token: Token, *, agent: bool = False) -> Actor | None:
        """The actor whose mention covers `token` (metonymy applied when `agent`)."""
        ...

    def resolve_reference(self, token: Token) -> tuple[Actor | None, str]:
        """The named actor a pronoun or nominal refers to, and how it was resolved."""
        ...

    def state_named(self, token: Token) -> Actor | None:
        """The state a nationality adjective names, whatever the noun it qualifies ("the
        Somali ambassador": Somalia)."""
        ...


#: Base confidence of each rule, by the name its claims carry: each rule declares its own
#: where it is registered (`extract.claims.registry`). First set by hand, then brought in
#: line with the precision each rule measured on the seed gold (gold/seeds.yaml,
#: 2026-11-24); a rule's rate, never a sentence's.
RULE_CONFIDENCE: Mapping[str, float] = RULES.confidence

#: How much a part's resolution keeps of the confidence (named > nominal/pronoun > none).
RESOLUTION_FACTOR: Mapping[str, float] = MappingProxyType(
    {
        "name": 1.0,
        "registry": 1.0,
        "ner": 1.0,
        "coref": 0.95,
        "metonymy": 0.95,
        "group": 0.9,
        "nominal": 0.85,
        "pronoun": 0.85,
        "speaker": 0.9,  # first person inside a quote -> the quote's speaker
        "instrument": 0.85,  # "a US drone strike" -> US
        "modifier": 0.8,  # "Hungarian officials" -> Hungary
        "antecedent": 0.75,  # "condemned the strike" -> who struck, a sentence before
        "unresolved": 0.6,
    }
)


@dataclass(frozen=True)
class Context:
    """One document's state shared by the finders."""

    doc_id: str
    resolver: Resolver
    lexicon: Lexicon
    offset: int = 0
    #: the document's text as read, when `doc.text` is a masked copy of part of it (evidence
    #: is cut from this text so that it equals ``document.text[start:end]``)
    source_text: str | None = None
    #: token index -> speaker of the direct quote the token is inside (None: unattributed)
    quoted: Mapping[int, Actor | None] = field(default_factory=lambda: MappingProxyType({}))
    #: token index -> who speaks in the first person there outside quote marks: a
    #: transcript turn's speaker, an issued statement's signer and institution
    voices: Mapping[int, Voice] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class Resolved:
    """An actor found for a token, and how (a key of `RESOLUTION_FACTOR`)."""

    actor: Actor | None
    how: str = "unresolved"

    @property
    def factor(self) -> float:
        """The confidence factor of this resolution."""
        return (
            RESOLUTION_FACTOR.get(self.how, 0.8) if self.actor else RESOLUTION_FACTOR["unresolved"]
        )


UNRESOLVED = Resolved(None)


#: Prepositions of a title's posting ("Senator from Vermont", "Ambassador to Germany").
_POSTING_PREPS = frozenset({"of", "from", "for", "to", "in"})


def _posting_holder(ctx: Context, token: Token) -> Actor | None:
    """The person named after a title's posting, where the parser takes the name for the
    posting's object: "United States Senator from Vermont Bernie Sanders endorsed ...",
    "US Ambassador to Germany Richard Grenell said" (the senator, not the United States)."""
    from extract.actors.names import actor_lexicon

    if token.lower_ not in actor_lexicon().title_words:
        return None
    names = [
        name
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in _POSTING_PREPS
        for name in prep.children
        if name.dep_ == "pobj" and name.pos_ == "PROPN"
    ]
    return _person_among(ctx, names, agent=True)


def _person_among(ctx: Context, names: list[Token], *, agent: bool) -> Actor | None:
    """The first of `names` that resolves to a person."""
    for name in names:
        actor = ctx.resolver.actor_at(name, agent=agent)
        if actor is not None and actor.type == "Person":
            return actor
    return None


def _speaker_as_third_person(ctx: Context, token: Token) -> bool:
    """Whether a third-person pronoun inside a quote would resolve to the quote's own
    speaker: in 'Jane Roe told reporters, "He had agreed to leave"' the speaker would say
    "I"; "he" is someone else, whom the nearest name does not tell."""
    if token.pos_ != "PRON" or token.i not in ctx.quoted:
        return False
    if token.lower_ in ctx.lexicon.first_person:
        return False
    speaker = ctx.quoted[token.i]
    actor = ctx.resolver.actor_at(token) or ctx.resolver.resolve_reference(token)[0]
    if speaker is None or actor is None:
        return False
    return actor.id == speaker.id or actor.id == speaker.parent


def own_side(speaker: Actor) -> frozenset[str]:
    """The ids of a speaker's own side: the speaker, its parent organisation and its
    country (a side accuses or praises others, not itself)."""
    return frozenset(side for side in (speaker.id, speaker.parent, speaker.country) if side)


#: Singular possessive pronouns and whether they stand for a person ("their" is left out:
#: in "Russia's elites and their families" it stands for the elites, not for Russia).
_POSSESSIVES = {"its": False, "his": True, "her": True}


def _coordinated_owner(ctx: Context, token: Token) -> Actor | None:
    """Whom a possessive pronoun stands for when its noun is coordinated with a noun a
    named actor possesses: "Russia's aggression toward Ukraine and its rejection of
    international law" (its = Russia, not the nearer Ukraine)."""
    person = _POSSESSIVES.get(token.lower_)
    if token.dep_ != "poss" or token.lower_ not in _POSSESSIVES:
        return None
    noun = token.head
    if noun.dep_ == "conj" and noun.head is not noun:
        partners = [noun.head]
    else:
        # the parser may give both nouns the same role ("X's aggression and its rejection
        # have accelerated": two subjects), with "and" between them
        doc = noun.doc
        partners = [
            sib
            for sib in noun.head.children
            if noun.head is not noun
            and sib.dep_ == noun.dep_
            and sib.i < noun.i
            and any(
                t.dep_ == "cc" and t.head in (sib, noun.head)
                for t in doc[sib.i + 1 : noun.left_edge.i]
            )
        ]
    for owner in (child for partner in partners for child in partner.children):
        if owner.dep_ != "poss" or owner.tag_ == "PRP$":
            continue
        actor = ctx.resolver.actor_at(owner)
        if actor is not None and (actor.type == "Person") == person:
            return actor
    return None


def resolve_token(
    ctx: Context, token: Token, *, agent: bool = False, modifiers: bool = False
) -> Resolved:
    """Resolve `token` (the head of a noun phrase) to an actor.

    Tries, in order: an actor mention covering the token; a first-person pronoun inside
    a quote (-> the quote's speaker) or a transcript turn or signed statement (-> who
    speaks there, `Context.voices`); a pronoun or nominal reference; a name in
    apposition; for subjects, an actor qualifying a group noun ("Hungarian officials");
    an attack instrument modified by an actor ("a US drone strike" -> US).

    Args:
        ctx: the document context.
        token: the head token of the phrase.
        agent: the phrase is the agent of a speech act, request or accusation (so a
            capital stands for its government).
        modifiers: the phrase is a subject or speaker: a nominal ("the minister") may
            resolve to the actor it refers to, and an unnamed group head ("Hungarian
            officials") to the actor that qualifies it.

    Returns:
        The actor and how it was found, or `UNRESOLVED`.
    """
    if (
        token.tag_ in RELATIVE_TAGS
        and token.dep_ in ("nsubj", "nsubjpass")
        and token.head.dep_ == "relcl"
    ):
        # "groups that undermine ..." : the relative pronoun stands for the noun modified
        token = token.head.head
    if (holder := _posting_holder(ctx, token)) is not None:
        return Resolved(holder, "name")  # "US Senator from Vermont Bernie Sanders"
    if _speaker_as_third_person(ctx, token):
        return UNRESOLVED
    actor = ctx.resolver.actor_at(token, agent=agent)
    if actor is not None and token.pos_ == "NOUN":
        # "former Israeli security official, Avinoam Idan": a described group ("Israeli
        # security official") gives way to the person the description is in apposition to
        person = _appositive_person(ctx, token, agent=agent)
        if person is not None:
            return Resolved(person, "name")
    if (
        actor is not None
        and modifiers
        and _is_nominal(ctx.resolver, token, ctx.lexicon.referring_determiners)
    ):
        # "the senior US diplomat said": a person the text named before, not the US
        referent, how = ctx.resolver.resolve_reference(token)
        if referent is not None and referent.type == "Person":
            return Resolved(referent, how)
    if actor is not None:
        return Resolved(actor, _how(ctx.resolver, token))
    lower = token.lower_
    if lower in ctx.lexicon.first_person and token.i not in ctx.quoted and token.i in ctx.voices:
        plural = lower in ctx.lexicon.first_person_plural
        voiced = ctx.voices[token.i].first_person(plural=plural, resolver=ctx.resolver)
        return Resolved(voiced, "speaker") if voiced else UNRESOLVED
    if lower in ctx.lexicon.first_person and token.i in ctx.quoted:
        speaker = ctx.quoted[token.i]
        if speaker is not None and lower in ctx.lexicon.first_person_plural:
            # GUIDE.md: "we" in a person's quote is the speaker's organisation when it is known
            speaker = organisation_of(ctx.resolver, speaker) or speaker
        return Resolved(speaker, "speaker") if speaker else UNRESOLVED
    if (owner := _coordinated_owner(ctx, token)) is not None:
        return Resolved(owner, "antecedent")  # "Russia's aggression ... and its rejection"
    if token.pos_ == "PRON" or (modifiers and token.pos_ in ("NOUN", "PROPN")):
        # nominal references ("the minister said") only for subjects and speakers: as
        # objects, "the charge" or "the region" are too often no actor at all
        referent, how = ctx.resolver.resolve_reference(token)
        if referent is not None and _fits_qualifier(ctx, token, referent):
            return Resolved(referent, how)
    for child in token.children:
        # "Idlib security chief Ghassan Bakir", "the envoy, Jane Doe": the name beside the title
        if child.pos_ == "PROPN" and (
            child.dep_ == "appos" or (child.dep_ == "compound" and token.pos_ == "PROPN")
        ):
            actor = ctx.resolver.actor_at(child, agent=agent)
            if actor is not None:
                return Resolved(actor, "name")
    if token.lower_ in ctx.lexicon.stand_ins:
        # "14 members of Kataib Hezbollah", "the office of X", "militia targets"
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                actor = ctx.resolver.actor_at(child, agent=agent)
                if actor is not None:
                    return Resolved(actor, "modifier")
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.tag_ not in RELATIVE_TAGS:
                        actor = ctx.resolver.actor_at(pobj, agent=agent)
                        if actor is not None:
                            return Resolved(actor, "modifier")
    if token.pos_ in ("NOUN", "NUM"):
        # "Hungarian officials agreed", "thousands of Iraqi Kurds demonstrated": when the
        # group itself is no actor, the actor that qualifies it acts through it (PLOVER
        # codes such agents by their country or organisation the same way). For objects
        # a possessor counts ("praised Haiti's efforts" -> Haiti), and any qualifier of a
        # plural group ("released the Swedish prisoners").
        deps = (
            ("amod", "compound", "poss", "nmod") if modifiers or token.tag_ == "NNS" else ("poss",)
        )
        for child in token.children:
            if child.dep_ in deps:
                actor = ctx.resolver.actor_at(child, agent=agent)
                if actor is not None:
                    return Resolved(actor, "modifier")
            if modifiers and child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = ctx.resolver.actor_at(pobj, agent=agent)
                        if actor is not None:
                            return Resolved(actor, "modifier")
    if token.lemma_.lower() in ctx.lexicon.instruments:
        for child in token.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss"):
                actor = ctx.resolver.actor_at(child, agent=agent)
                if actor is not None:
                    return Resolved(actor, "instrument")
    return UNRESOLVED


def _appositive_person(ctx: Context, token: Token, *, agent: bool) -> Actor | None:
    """The person a common noun is in apposition with ("the mayor, Jane Doe")."""
    names = [child for child in token.children if child.dep_ == "appos" and child.pos_ == "PROPN"]
    return _person_among(ctx, names, agent=agent)


def _fits_qualifier(ctx: Context, token: Token, referent: Actor) -> bool:
    """Whether a nominal's referent agrees with the actor its own modifier names: "the
    Jordanian government" cannot refer back to the US government named before. A person
    ("the US envoy" -> the envoy named before) is not checked: a person's side is seldom
    known."""
    if referent.type == "Person":
        return True
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss"):
            qualifier = ctx.resolver.actor_at(child)
            if qualifier is not None:
                sides = {referent.id, referent.country, referent.parent}
                return qualifier.id in sides or (
                    qualifier.country is not None and qualifier.country in sides
                )
    return True


def _is_nominal(resolver: Resolver, token: Token, determiners: frozenset[str]) -> bool:
    """A definite singular common noun that no mention covers ("the top diplomat"): its
    actor, if any, came from a modifier ("US"), and it may refer to a named person."""
    found_at = getattr(resolver, "found_at", None)
    if found_at is None or found_at(token) is not None or token.tag_ != "NN":
        return False
    return any(child.dep_ == "det" and child.lower_ in determiners for child in token.children)


def _how(resolver: Resolver, token: Token) -> str:
    """How the resolver found the actor at `token`, when it says (ActorIndex.found_at)."""
    found_at = getattr(resolver, "found_at", None)
    found = found_at(token) if found_at is not None else None
    how = getattr(found, "how", None)
    return how if isinstance(how, str) and how in RESOLUTION_FACTOR else "name"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc (spaCy joins the tokens anew at every access)."""
    return per_doc(doc, "claimgraph.text", lambda: doc.text)


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token bounds of each sentence of `doc`, computed once per doc.

    `Token.sent` walks the sentence each time it is asked; the finders ask often.
    """
    return per_doc(doc, "claimgraph.sents", lambda: [(s.start, s.end) for s in doc.sents])


def entity_bounds(doc: Doc, label: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) token bounds of `doc`'s entities labelled `label`, computed once
    per doc and label (`Span.ents` builds every entity of the doc at each access)."""
    return per_doc(
        doc,
        f"claimgraph.ents.{label}",
        lambda: tuple((ent.start, ent.end) for ent in doc.ents if ent.label_ == label),
    )


def sentence_of(doc: Doc, i: int) -> int:
    """Index (in `sentence_spans(doc)`) of the sentence holding token `i`."""
    spans = sentence_spans(doc)
    return max(0, bisect_right(spans, (i, len(doc) + 1)) - 1)


def evidence_bounds(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character bounds in `doc.text` of the sentences holding tokens `first`..`last`.

    Leading and trailing whitespace is trimmed so the evidence reads as a sentence.
    """
    spans = sentence_spans(doc)
    sent_first = spans[sentence_of(doc, first)]
    sent_last = spans[sentence_of(doc, last)]
    start = doc[sent_first[0]].idx
    last_token = doc[sent_last[1] - 1]
    end = last_token.idx + len(last_token.text)
    text = doc_text(doc)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_claim(
    ctx: Context,
    doc: Doc,
    *,
    relation: str,
    subject: Actor | None,
    object_: Actor | None,
    speaker: Actor | None,
    cue: str,
    quote: str | None,
    bounds: tuple[int, int],
    polarity: str = "affirmed",
    modality: str = "asserted",
    confidence: float,
    rule: str,
) -> Claim:
    """Build the `Claim` record; `bounds` index `doc.text`, the claim's index the document.

    Args:
        ctx: the document context (its offset is added to `bounds`).
        doc: the parsed text.
        relation: the relation code.
        subject: who acts or asserts.
        object_: who is acted upon or addressed.
        speaker: who is quoted or reported as saying it.
        cue: the verb or noun as written.
        quote: the quoted words, without the marks.
        bounds: the evidence sentence(s) in `doc.text`.
        polarity: "affirmed" or "negated".
        modality: "asserted", "reported", "hypothetical" or "alleged".
        confidence: in 0..1.
        rule: name of the rule that fired.

    Returns:
        The claim, with its id set.
    """
    if object_ is not None and subject is not None and object_.id == subject.id:
        object_ = None
    subject_ref = _ref(subject)
    object_ref = _ref(object_)
    speaker_ref = _ref(speaker)
    start, end = bounds[0] + ctx.offset, bounds[1] + ctx.offset
    return Claim(
        id=claim_id(ctx.doc_id, relation, subject_ref, object_ref, speaker_ref, quote, start, end),
        doc_id=ctx.doc_id,
        relation=relation,
        subject=subject_ref,
        object=object_ref,
        speaker=speaker_ref,
        cue=cue,
        quote=quote,
        text=(
            ctx.source_text[start:end]
            if ctx.source_text is not None
            else doc_text(doc)[bounds[0] : bounds[1]]
        ),
        start=start,
        end=end,
        polarity=polarity,
        modality=modality,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        rule=rule,
    )


def _ref(actor: Actor | None) -> ActorRef | None:
    return actor.ref() if actor is not None else None
