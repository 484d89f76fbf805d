"""Typed acts between actors, read from the dependency parse.

A verb, verb phrase or event noun from the relation lexicon ("accused", "called on",
"claimed responsibility", "condemnation of") becomes a claim when its subject resolves
to an actor: the nominal subject in the active voice, the "by" agent in the passive
("killed by a US drone strike"), the controller of an infinitive ("asked the United
States to provide" -> the United States provides). Objects are direct objects,
datives and the objects of target prepositions ("met with", "attacks on"); in the
passive, the passive subject ("the PMF was accused") or the target of "blamed on".
Negation and modality come from `extract.claims`. An act inside a direct quote or a
reported clause keeps the reporter as its speaker.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.claims import (
    RULE_CONFIDENCE,
    UNRESOLVED,
    Context,
    Resolved,
    evidence_bounds,
    is_negated,
    make_claim,
    modality_of,
    resolve_token,
    with_conjuncts,
)
from extract.cues import phrase_relation
from extract.quotes import speaker_token
from extract.records import Actor, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Prepositions whose object is the target of an act ("met with", "fired at", "call on").
TARGET_PREPS = frozenset({"with", "on", "upon", "against", "to", "at", "from", "toward", "towards"})
#: Relations said rather than done: their subject is also their speaker, and a capital
#: as their subject stands for its government (metonymy).
VERBAL = frozenset(
    {
        "ACCUSE",
        "REQUEST",
        "DENY",
        "REJECT",
        "THREATEN",
        "STATEMENT",
        "SUPPORT",
        "CLAIM_RESPONSIBILITY",
    }
)
#: Light verbs whose subject does the act their object noun names ("held meetings with").
_LIGHT_OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


def _is_passive(verb: Token) -> bool:
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def subject_tokens(verb: Token) -> list[Token]:
    """The tokens naming who does `verb` (active voice), inherited through "and" and
    infinitives ("asked the US to provide" -> "US", "stressed ..., urging" -> subject)."""
    node = verb
    for _ in range(5):
        subjects = [child for child in node.children if child.dep_ == "nsubj"]
        if subjects:
            return [token for subject in subjects for token in with_conjuncts(subject)]
        if node.dep_ == "xcomp":
            controllers = [
                child for child in node.head.children if child.dep_ in ("dobj", "dative")
            ]
            if controllers:
                return list(with_conjuncts(controllers[0]))
            node = node.head
            continue
        if node.dep_ == "conj" or (node.dep_ == "advcl" and node.tag_ == "VBG"):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return [node.head]
        break
    return []


def _pobjs(prep: Token) -> Iterator[Token]:
    for child in prep.children:
        if child.dep_ == "pobj":
            yield from with_conjuncts(child)


def object_tokens(verb: Token, *, passive: bool, phrase: bool = False) -> list[Token]:
    """The tokens naming whom `verb` acts upon.

    For a verb phrase ("held talks with X", "claimed responsibility for"), the target
    may hang on the phrase's object noun as well as on the verb.
    """
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") or (passive and child.dep_ == "nsubjpass"):
            found.extend(with_conjuncts(child))
            if phrase:
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ in TARGET_PREPS:
                        found.extend(_pobjs(grand))
        elif child.dep_ in ("prep", "prt") and child.lower_ in TARGET_PREPS:
            found.extend(_pobjs(child))
    if passive and verb.dep_ == "acl":
        found.append(verb.head)
    return found


def agent_tokens(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb ("condemned by the US", "including by the UN")."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            found.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ == "including":
            for grand in child.children:
                if grand.dep_ in ("prep", "agent") and grand.lower_ == "by":
                    found.extend(_pobjs(grand))
    return found


def _verb_relation(verb: Token, ctx: Context) -> tuple[str | None, str]:
    lemma = verb.lemma_.lower()
    preps = [child.lower_ for child in verb.children if child.dep_ in ("prep", "prt")]
    objects = [
        child.lemma_.lower() for child in verb.children if child.dep_ in ("dobj", "nsubjpass")
    ]
    phrase = phrase_relation(ctx.lexicon, lemma, preps=preps, objects=objects)
    if phrase is not None:
        return phrase, "act.phrase"
    return ctx.lexicon.verbs.get(lemma), "act.verb"


def _reporter(token: Token, ctx: Context) -> Resolved | None:
    """The speaker of the quote or reported clause `token` stands in, if any."""
    if token.i in ctx.quoted:
        speaker = ctx.quoted[token.i]
        return Resolved(speaker, "name") if speaker else UNRESOLVED
    node = token
    for _ in range(6):
        head = node.head
        if head is node:
            return None
        if node.dep_ in ("ccomp", "parataxis") and ctx.lexicon.is_speech(head.lemma_.lower()):
            who = speaker_token(head, ctx.lexicon.sources)
            return resolve_token(ctx, who, agent=True) if who is not None else UNRESOLVED
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


def _content_of_act(verb: Token, ctx: Context) -> bool:
    """Whether `verb` is what another act asks for, threatens, refuses or agrees to
    ("threatened to withdraw", "refused to deliver"): PLOVER codes the outer act only."""
    return verb.dep_ == "xcomp" and _verb_relation(verb.head, ctx)[0] is not None


def _noun_parts(noun: Token) -> tuple[list[Token], list[Token]]:
    subjects: list[Token] = []
    objects: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            subjects.append(child)
        elif child.dep_ == "prep" and child.lower_ == "by":
            subjects.extend(_pobjs(child))
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS | {"of"}:
            objects.extend(_pobjs(child))
    return subjects, objects


def _light_verb_subjects(noun: Token, ctx: Context) -> list[Token]:
    """ "held a series of meetings with X": the holder does the meetings."""
    node = noun
    if (
        node.dep_ == "pobj"
        and node.head.lower_ == "of"
        and node.head.head.dep_ in _LIGHT_OBJECT_DEPS
    ):
        node = node.head.head
    verb = node.head
    if node.dep_ == "dobj" and verb.lemma_.lower() in ctx.lexicon.light_verbs:
        return subject_tokens(verb)
    return []


def find_acts(doc: Doc, ctx: Context) -> list[Claim]:
    """Typed act claims in `doc`.

    Args:
        doc: the parsed text.
        ctx: the document context (`ctx.quoted` gives acts inside quotes their speaker).

    Returns:
        The claims whose subject is an actor, or with an empty subject when the text
        says nobody ("no group has claimed") or hides the accuser (an agentless
        passive of an `agentless` relation); with an object when the relation needs one.
    """
    claims: list[Claim] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.tag_.startswith("VB"):
            relation, rule = _verb_relation(token, ctx)
            if relation is None or _content_of_act(token, ctx):
                continue
            passive = _is_passive(token)
            objects = object_tokens(token, passive=passive, phrase=rule == "act.phrase")
            if passive:
                subjects, rule = agent_tokens(token), "act.passive"
            else:
                subjects = subject_tokens(token)
        elif token.pos_ == "NOUN" and lemma in ctx.lexicon.nouns:
            relation, rule = ctx.lexicon.nouns[lemma], "act.noun"
            subjects, objects = _noun_parts(token)
            subjects = subjects or _light_verb_subjects(token, ctx)
        else:
            continue
        claims.extend(_claims_for(doc, ctx, token, relation, rule, subjects, objects))
    return claims


def _claims_for(
    doc: Doc,
    ctx: Context,
    token: Token,
    relation: str,
    rule: str,
    subject_toks: list[Token],
    object_toks: list[Token],
) -> Iterator[Claim]:
    verbal = relation in VERBAL
    if rule != "act.noun" and _no_subject(token, ctx):
        # "no group has claimed responsibility": a negated claim with nobody as subject
        subjects, rule = [UNRESOLVED], "act.negated_subject"
    else:
        subjects = [resolve_token(ctx, tok, agent=verbal, modifiers=True) for tok in subject_toks]
        subjects = [s for s in subjects if s.actor is not None]
    objects: list[Resolved] = []
    for tok in object_toks:
        if ctx.lexicon.is_content_noun(tok.lemma_.lower()):
            continue  # "denied the charge", "a reported U.S. threat": what, not whom
        resolved = resolve_token(ctx, tok)
        if resolved.actor is not None and all(o.actor is not resolved.actor for o in objects):
            objects.append(resolved)
    if not subjects:
        # "attacks blamed on pro-Iran groups": someone accuses them, the text says not who
        if not (
            rule == "act.passive"
            and not subject_toks
            and relation in ctx.lexicon.agentless
            and objects
        ):
            return
        subjects, rule = [UNRESOLVED], "act.agentless"
    if not objects and relation in ctx.lexicon.symmetric and len(subjects) > 1:
        # "Erbil and Baghdad reached an agreement": the first party with each other one
        subjects, objects = subjects[:1], subjects[1:]
    if not objects:
        if relation in ctx.lexicon.needs_object:
            return
        objects = [UNRESOLVED]
    reporter = _reporter(token, ctx)
    polarity = "negated" if is_negated(token, ctx.lexicon) else "affirmed"
    bounds = evidence_bounds(doc, token.i, token.i)
    for subject in subjects:
        speaker: Actor | None = subject.actor if verbal else None
        reported = False
        if reporter is not None and reporter.actor is not None:
            reported = subject.actor is None or reporter.actor.id != subject.actor.id
            speaker = reporter.actor
        modality = modality_of(token, ctx.lexicon, reported=reported)
        for obj in objects:
            if (
                obj.actor is not None
                and subject.actor is not None
                and obj.actor.id == subject.actor.id
            ):
                continue
            confidence = RULE_CONFIDENCE[rule] * subject.factor * (obj.factor if obj.actor else 0.9)
            yield make_claim(
                ctx,
                doc,
                relation=relation,
                subject=subject.actor,
                object_=obj.actor,
                speaker=speaker,
                cue=_cue_text(token),
                quote=None,
                bounds=bounds,
                polarity=polarity,
                modality=modality,
                confidence=confidence,
                rule=rule,
            )


def _no_subject(token: Token, ctx: Context) -> bool:
    """Whether the act's subject is a "no X" ("no group has claimed responsibility")."""
    return any(
        child.dep_ in ("nsubj", "nsubjpass")
        and any(
            g.dep_ == "det" and g.lower_ in ctx.lexicon.negating_determiners for g in child.children
        )
        for child in token.children
    )


def _cue_text(token: Token) -> str:
    """The verb as written, with its particle or phrase word ("called on")."""
    extras = [
        child
        for child in token.children
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.lower_ in ("on", "upon", "for"))
    ]
    if extras and token.lemma_.lower() == "call":
        return f"{token.text} {extras[0].text}"
    return token.text
