"""Reported speech without quote marks: "X said that ...", "X told Rudaw ...", "according to X".

A speech cue whose relation is a plain STATEMENT (say, tell, stress, ...) and that
reports a clause (a "ccomp") or addresses someone ("told Rudaw") becomes a claim with
the cue's subject as speaker and modality "reported". Cues with a sharper relation
(accuse, urge, deny, warn) are typed acts and belong to `extract.acts`; cues already
attributed to a direct quote belong to `extract.quotes`.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from extract.claims import (
    RULE_CONFIDENCE,
    Context,
    evidence_bounds,
    is_negated,
    make_claim,
    resolve_token,
)
from extract.quotes import speaker_token
from extract.records import Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def _reports_clause(cue: Token) -> bool:
    return any(child.dep_ in _CLAUSE_DEPS for child in cue.children)


def _addressee(cue: Token) -> Token | None:
    for child in cue.children:
        if child.dep_ in ("dative", "dobj") and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def find_reported_speech(doc: Doc, ctx: Context, *, used_cues: Collection[int] = ()) -> list[Claim]:
    """Claims for reported speech in `doc`.

    Args:
        doc: the parsed text.
        ctx: the document context (tokens inside direct quotes are in `ctx.quoted`).
        used_cues: token indexes of cues already attributed to a direct quote.

    Returns:
        One STATEMENT claim per reporting cue whose speaker resolves to an actor.
    """
    claims: list[Claim] = []
    for token in doc:
        if token.i in used_cues or token.i in ctx.quoted:
            continue
        lemma = token.lemma_.lower()
        rule = None
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            rule, relation, cue = "speech.according_to", ctx.lexicon.according_to, "according to"
        elif (
            token.tag_.startswith("VB")
            and ctx.lexicon.is_speech(lemma)
            and lemma not in ctx.lexicon.verbs
            and ctx.lexicon.speech[lemma] == "STATEMENT"
            and (_reports_clause(token) or (lemma == "tell" and _addressee(token) is not None))
        ):
            rule, relation, cue = "speech.reported", "STATEMENT", token.text
        if rule is None:
            continue
        who = speaker_token(token, ctx.lexicon.sources)
        if who is None:
            continue
        speaker = resolve_token(ctx, who, agent=True, modifiers=True)
        if speaker.actor is None:
            continue
        target = _addressee(token) if rule == "speech.reported" else None
        obj = resolve_token(ctx, target).actor if target is not None else None
        claims.append(
            make_claim(
                ctx,
                doc,
                relation=relation,
                subject=speaker.actor,
                object_=obj,
                speaker=speaker.actor,
                cue=cue,
                quote=None,
                bounds=evidence_bounds(doc, token.i, token.i),
                polarity="negated" if is_negated(token, ctx.lexicon) else "affirmed",
                modality="reported",
                confidence=RULE_CONFIDENCE[rule] * speaker.factor,
                rule=rule,
            )
        )
    return claims
