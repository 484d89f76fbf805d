"""Accusations and attacks told by construction rather than by a relation verb.

Blame that moves onto someone ("suspicion fell on X"), a passive link to an act of force
("X has been linked to the rocket attacks"), a target that "came under attack", and an
ongoing act of force that a speaker describes ("the militias are attacking us"), which
PLOVER codes as the speaker's accusation (ACCUSE) rather than as a dated attack, and a
speaker's word that its own side did no such act, a denial (DENY).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.claims.context import RULE_CONFIDENCE, evidence_bounds, make_claim
from extract.claims.parties import own_side
from extract.claims.registry import reading
from extract.claims.reporters import reporter_of
from extract.relations import CODEBOOK
from extract.syntax.arguments import pobjs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from extract.claims.context import Context, Resolved
    from extract.records import Claim

reading(
    "act.charge",
    family="acts",
    confidence=0.6,
    relations=("ACCUSE",),
    doc="'X are attacking us,' said Y: Y accuses X (an ongoing act of force told)",
)
reading(
    "act.denial",
    family="acts",
    confidence=0.6,
    relations=("DENY",),
    doc="'the party had never attacked Iran,' its spokesman said: a denial",
)


#: Acts of force that, told as ongoing by a speaker, are the speaker's accusation.
CHARGEABLE = CODEBOOK.having("chargeable")


def blame_subject(verb: Token, ctx: Context) -> bool:
    """Whether `verb`'s subject is a noun of blame ("suspicion fell on X")."""
    return any(
        child.dep_ == "nsubj" and child.lemma_.lower() in ctx.lexicon.blame_nouns
        for child in verb.children
    )


def _force(ctx: Context) -> set[str]:
    """Nouns of an act of force: the ASSAULT nouns and the instruments of force."""
    return {lemma for lemma, code in ctx.lexicon.nouns.items() if code == "ASSAULT"} | set(
        ctx.lexicon.instruments
    )


def linked_to_force(verb: Token, ctx: Context) -> bool:
    """Whether `verb` links its subject "to" an act of force ("linked to the attacks")."""
    force = _force(ctx)
    return any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(pobj.lemma_.lower() in force for pobj in pobjs(child))
        for child in verb.children
    )


def attributes_harm(verb: Token, ctx: Context) -> bool:
    """Whether `verb` puts an act of force or harm down to someone: what it attributes
    (its object, its passive subject, or the noun it modifies in "another attack ascribed
    to X") is such an act, and a "to"/"on" phrase names to whom."""
    harms = _force(ctx) | ctx.lexicon.harms
    if verb.dep_ == "acl":
        attributed = [verb.head]
    else:
        attributed = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    # the "to"/"on" phrase hangs on the verb, or on its object ("pinned the attack on X")
    holders = [verb, *attributed] if verb.dep_ != "acl" else [verb]
    return any(token.lemma_.lower() in harms for token in attributed) and any(
        child.dep_ in ("prep", "dative") and child.lower_ in ("to", "on")
        for holder in holders
        for child in holder.children
    )


def charged_with_duty(verb: Token, ctx: Context) -> bool:
    """Whether `verb` charges its object with a task, not a crime: "is charged with
    overseeing the elections", "charged with 'promoting women's rights'", "charged with
    the task of ..." (`duty_charge_verbs`, `duties`); not "charged with murdering two
    officers", "charged with fraud" or "charged with organising the attack"."""
    if verb.lemma_.lower() not in ctx.lexicon.duty_charge_verbs:
        return False
    tasks = [
        task
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for task in prep.children
        if task.dep_ in ("pcomp", "pobj")
    ]
    wrongs = _force(ctx) | ctx.lexicon.harms | ctx.lexicon.condemning_words
    return bool(tasks) and all(
        task.lemma_.lower() in ctx.lexicon.duties
        # "charged with organising the attack": the task is itself a wrong
        and not any(
            word.lemma_.lower() in wrongs
            for child in task.children
            if child.dep_ == "dobj"
            for word in (child, *child.children)
            if word is child or word.dep_ in ("compound", "amod")
        )
        for task in tasks
    )


def blamed(verb: Token, preps: frozenset[str]) -> list[Token]:
    """Who blame moves onto: the objects of the verb's "to", "on", "at", "toward"."""
    return [
        pobj
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ in preps
        for pobj in pobjs(child)
    ]


def under_attack(noun: Token) -> Token | None:
    """The verb of "X came under attack", "X was under fire", whose subject is attacked."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "under" and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def ongoing(verb: Token) -> bool:
    """Whether `verb` tells an ongoing or habitual act in the present ("are killing",
    "have been attacking", "attacks us"), not a dated event ("attacked the base on
    Friday", "were targeting the airport")."""
    node = verb
    for _ in range(4):
        if node.tag_ in ("VBZ", "VBP"):
            return True
        if node.tag_ == "VBG" and any(
            # "are targeting", "have been attacking"; "were targeting" tells a dated event
            child.dep_ == "aux" and child.tag_ in ("VBZ", "VBP")
            for child in node.children
        ):
            return True
        if node.dep_ == "conj" and node.head is not node:
            node = node.head
            continue
        break
    return False


def charges(
    doc: Doc,
    ctx: Context,
    token: Token,
    reporter: Resolved,
    doers: list[Resolved],
    *,
    negated: bool,
) -> Iterator[Claim]:
    """The reporter's accusations of those who, it says, keep doing an act of force:
    "the militias are attacking the United States," Schenker said -> Schenker ACCUSE the
    militias (a characterisation, not a dated attack). The reporter's own side is skipped."""
    assert reporter.actor is not None
    for doer in doers:
        if doer.actor is None or doer.actor.id == reporter.actor.id or own_side(doer, reporter):
            continue
        yield make_claim(
            ctx,
            doc,
            relation="ACCUSE",
            subject=reporter.actor,
            object_=doer.actor,
            speaker=reporter.actor,
            cue=token.text,
            quote=None,
            bounds=evidence_bounds(doc, token.i, token.i),
            polarity="negated" if negated else "affirmed",
            modality="asserted",
            confidence=RULE_CONFIDENCE["act.charge"] * reporter.factor * doer.factor,
            rule="act.charge",
        )


def denies(doc: Doc, ctx: Context, token: Token, doers: list[Resolved]) -> Claim | None:
    """The reporter's denial when it says that it, or the side it speaks for, did not do
    an act of force: "Hamas said it had not fired the rockets", "the party had never
    attacked Iran," its spokesman said -> the reporter DENY (GUIDE.md: "said the group was
    not involved"). None when the act is not reported, or a doer is another side (the
    reporter then tells of someone else's restraint)."""
    reporter = reporter_of(token, ctx)
    if reporter is None or reporter.actor is None or not doers:
        return None
    speaker = reporter.actor
    if not all(
        doer.actor is not None and (doer.actor.id == speaker.id or own_side(doer, reporter))
        for doer in doers
    ):
        return None
    return make_claim(
        ctx,
        doc,
        relation="DENY",
        subject=speaker,
        object_=None,
        speaker=speaker,
        cue=token.text,
        quote=None,
        bounds=evidence_bounds(doc, token.i, token.i),
        polarity="affirmed",
        modality="asserted",
        confidence=RULE_CONFIDENCE["act.denial"] * reporter.factor,
        rule="act.denial",
    )
