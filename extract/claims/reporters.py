"""Who reports an act: the speaker of the quote or reported clause it stands in.

An act told inside a direct quote or a clause of speech ("Harris said Washington is
working with ...") keeps the reporter as its speaker; a pronoun subject that agrees with
the reporter is the reporter itself ("the United States affirmed it is working ..."); an
obliged act the reporter tells ("X said Y must withdraw") is the reporter's demand of Y
(PLOVER REQUEST). `extract.claims.acts` asks these questions of each act it builds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.claims.context import (
    RULE_CONFIDENCE,
    UNRESOLVED,
    Context,
    Resolved,
    evidence_bounds,
    make_claim,
    resolve_token,
)
from extract.claims.parties import own_side
from extract.claims.quotes import cue_speaker_token, opens_according_to
from extract.claims.registry import reading
from extract.syntax.modality import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from extract.lexicon.cues import Lexicon
    from extract.records import Claim

reading(
    "act.obligation",
    family="acts",
    confidence=0.6,
    relations=("REQUEST",),
    doc="'X said Y must ...': a demand read from a modal",
)


def parenthetical_cue(verb: Token, ctx: Context) -> Token | None:
    """The speech verb set into `verb`'s clause as an aside ("The talks, the minister said,
    will resume"; "Russian forces, Kyiv said, had shelled the city"): the parser hangs it
    on the clause it reports, as `parataxis`. It reports `verb`'s clause when it has a
    subject of its own and no clause of its own."""
    for child in verb.children:
        if (
            child.dep_ == "parataxis"
            and child.tag_.startswith("VB")
            and ctx.lexicon.is_speech(child.lemma_.lower())
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and not any(c.dep_ in ("ccomp", "parataxis") for c in child.children)
        ):
            return child
    return None


def _according_to(verb: Token) -> Token | None:
    """The "according" of an "according to X" phrase set on `verb`'s clause ("According to
    Ruto, al-Shabaab is backed by Eritrea"; "..., according to Kenya"): X reports it."""
    return next(
        (child for child in verb.children if child.dep_ == "prep" and opens_according_to(child)),
        None,
    )


def _speaker_of(cue: Token, ctx: Context) -> Resolved:
    """Who speaks through the speech verb `cue` ("a statement from X said": X)."""
    who = cue_speaker_token(cue, ctx.lexicon)
    return resolve_token(ctx, who, agent=True) if who is not None else UNRESOLVED


def reporter_of(token: Token, ctx: Context) -> Resolved | None:
    """The speaker of the quote or reported clause `token` stands in, if any: the speech
    verb the clause hangs on, one set into the clause as an aside, or the X of an
    "according to X" on it when X is an actor ("according to a KDP official" leaves the
    act to whoever else reports it)."""
    if token.i in ctx.quoted:
        speaker = ctx.quoted[token.i]
        return Resolved(speaker, "name") if speaker else UNRESOLVED
    node = token
    for _ in range(6):
        aside = parenthetical_cue(node, ctx)
        if aside is not None:
            return _speaker_of(aside, ctx)
        according = _according_to(node)
        if according is not None and (source := _speaker_of(according, ctx)).actor is not None:
            return source
        head = node.head
        if head is node:
            return None
        if (
            node.dep_ in ("ccomp", "parataxis")
            and ctx.lexicon.is_speech(head.lemma_.lower())
            and not _reports_another(head, node)
        ):
            return _speaker_of(head, ctx)
        if node.dep_ not in (
            "conj",
            "xcomp",
            "advcl",
            "ccomp",
            "relcl",
            "acl",
            "pcomp",
            "pobj",
            "prep",
        ):
            return None
        node = head
    return None


def voice_of(token: Token, ctx: Context) -> Resolved | None:
    """Who an official text speaks for at `token`, outside quote marks
    (`extract.claims.voices`: a transcript turn, a signed statement): "Iran must end its
    use of violence" in a statement the White House issues is the White House's demand.
    None where the text has no voice."""
    if token.i in ctx.quoted or token.i not in ctx.voices:
        return None
    side = ctx.voices[token.i].first_person(plural=True, resolver=ctx.resolver)
    return Resolved(side, "speaker") if side is not None else None


def _reports_another(cue: Token, clause: Token) -> bool:
    """Whether the speech verb `cue` reports a clause after it while `clause` stands
    before it: one verb reports one clause, so in "X denied the claims, however, a UN
    report concluded evidence supported ..." the denial is no part of the report (the
    parser hangs both clauses on "concluded")."""
    return clause.i < cue.i and any(
        child.dep_ == "ccomp" and child.i > cue.i for child in cue.children
    )


def reported_by_actor(token: Token, ctx: Context) -> bool:
    """Whether the clause `token` heads is reported by a resolved actor."""
    reporter = reporter_of(token, ctx)
    return reporter is not None and reporter.actor is not None


def reporter_as_subject(anchor: Token, ctx: Context, subject_toks: list[Token]) -> list[Resolved]:
    """The reporter, when the reported clause's only subject is a pronoun that agrees with
    it: "the United States affirmed it is working ..." (an organisation and "it", a person
    and "he"/"she"); the nearest earlier name is a weaker guess than the clause's reporter.
    Not inside quote marks: a speaker quoted says "I" or "we", so 'Roe told reporters, "He
    had agreed to leave"' is about someone else."""
    if len(subject_toks) != 1 or subject_toks[0].lower_ not in ctx.lexicon.reporter_pronouns:
        return []
    if subject_toks[0].i in ctx.quoted:
        return []
    reporter = reporter_of(anchor, ctx)
    if reporter is None or reporter.actor is None:
        return []
    person = reporter.actor.type == "Person"
    if (subject_toks[0].lower_ in ctx.lexicon.personal_pronouns) != person:
        return []
    return [Resolved(reporter.actor, "pronoun")]


def demands(
    doc: Doc,
    ctx: Context,
    token: Token,
    anchor: Token,
    reporter: Resolved,
    addressees: list[Resolved],
) -> Iterator[Claim]:
    """REQUEST claims of the reporter of an obliged act, one per party obliged; none of
    the reporter or the side a person reporter speaks for ('"we have to build trust,"
    the group's spokesman said' is a resolve, not a request)."""
    assert reporter.actor is not None
    for addressee in addressees or [UNRESOLVED]:
        if addressee.actor is not None and (
            addressee.actor.id == reporter.actor.id or own_side(addressee, reporter)
        ):
            continue
        yield make_claim(
            ctx,
            doc,
            relation="REQUEST",
            subject=reporter.actor,
            object_=addressee.actor,
            speaker=reporter.actor,
            cue=cue_text(token, ctx.lexicon),
            quote=None,
            bounds=evidence_bounds(doc, token.i, token.i),
            polarity="negated" if is_negated(anchor, ctx.lexicon) else "affirmed",
            modality="reported",
            confidence=RULE_CONFIDENCE["act.obligation"]
            * reporter.factor
            * (addressee.factor if addressee.actor else 0.9),
            rule="act.obligation",
        )


def cue_text(token: Token, lexicon: Lexicon) -> str:
    """The verb as written, with its particle or phrase word ("called on")."""
    extras = [
        child
        for child in token.children
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in lexicon.cue_preps)
    ]
    if extras and token.lemma_.lower() == "call":
        return f"{token.text} {extras[0].text}"
    return token.text
