"""Typed acts between actors, read from the dependency parse.

A verb, verb phrase or event noun from the relation lexicon ("accused", "called on",
"claimed responsibility", "condemnation of") becomes a claim when its subject resolves
to an actor: the nominal subject in the active voice, the "by" agent in the passive
("killed by a US drone strike"), the controller of an infinitive ("asked the United
States to provide" -> the United States provides). Objects are direct objects,
datives and the objects of target prepositions ("met with", "attacks on"); in the
passive, the passive subject ("the PMF was accused") or the target of "blamed on".
Negation and modality come from `extract.claims`. An act inside a direct quote or a
reported clause keeps the reporter as its speaker. Finding the arguments in the parse
is `extract.arguments`' job; this module decides which act a word names and builds
the claims: light verbs ("held talks with"), requests read from "expects X to" and from
a reported obligation ("said Y must withdraw"), warnings that threaten only when the
warner speaks of its own action, the target of a threatened act, an event named as
the object of an accusation ("condemned the US strike" -> the US), and event nouns
that are only the content of another act ("rejected a request") left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.arguments import (
    agent_tokens,
    event_agents,
    infinitive_addressee,
    is_passive,
    light_verb,
    light_verb_parts,
    noun_parts,
    object_tokens,
    pobjs,
    subject_tokens,
)
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
#: Relations whose object, when the text names an event rather than an actor ("condemned
#: the Turkish shelling", "praised Haiti's efforts", "demanded the withdrawal of US
#: troops"), is the actor that does the event.
EVENT_TARGETS = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
#: Relations whose object is addressed as a government: a capital as their object stands
#: for it ("called on Ankara to", "visited Washington"), as it does for their subject.
ADDRESSED = VERBAL | {"CONSULT", "SANCTION"}
#: Prepositions of the infinitive a threat names, whose object is the threatened actor
#: ("threatened to retaliate against American troops").
_THREAT_PREPS = frozenset({"against", "on", "at"})
#: Pronouns that, as the subject of a reported act, may stand for the reporter.
_REPORTER_PRONOUNS = frozenset({"it", "they", "he", "she"})
#: Acts of force, whose object a threat to do them threatens.
_FORCE = frozenset({"ASSAULT", "COERCE", "SANCTION"})


def _verb_relation(verb: Token, ctx: Context) -> tuple[str | None, str]:
    lemma = verb.lemma_.lower()
    preps = [child.lower_ for child in verb.children if child.dep_ in ("prep", "prt")]
    objects = [
        child.lemma_.lower() for child in verb.children if child.dep_ in ("dobj", "nsubjpass")
    ]
    phrase = phrase_relation(ctx.lexicon, lemma, preps=preps, objects=objects)
    if phrase is not None:
        return phrase, "act.phrase"
    if lemma in ctx.lexicon.request_control and infinitive_addressee(verb) is not None:
        return "REQUEST", "act.verb"
    if any(child.dep_ == "oprd" for child in verb.children):
        return None, "act.verb"  # "calling them baseless", "named him envoy": naming, no act
    return ctx.lexicon.verbs.get(lemma), "act.verb"


def _intent(token: Token, ctx: Context) -> bool:
    """An adjective of intent with an infinitive or "to" complement ("is ready to help")."""
    return (
        token.lower_ in ctx.lexicon.intent_adjectives
        and token.dep_ == "acomp"
        and any(
            child.dep_ == "xcomp" or (child.dep_ == "prep" and child.lower_ == "to")
            for child in token.children
        )
    )


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


def _reporter_actor(token: Token, ctx: Context) -> bool:
    """Whether the clause `token` heads is reported by a resolved actor."""
    reporter = _reporter(token, ctx)
    return reporter is not None and reporter.actor is not None


def _content_of_act(verb: Token, ctx: Context) -> bool:
    """Whether `verb` is what another act asks for, threatens, refuses or agrees to
    ("threatened to withdraw", "refused to deliver"): PLOVER codes the outer act only."""
    return verb.dep_ == "xcomp" and _verb_relation(verb.head, ctx)[0] is not None


#: Relations a noun can name as the content of another act ("rejected a US request",
#: "denied the accusations"): a physical act ("condemned the attack") still happened.
_SAID = VERBAL | {"AGREE", "CONSULT"}


def _content_of_verb(noun: Token, ctx: Context) -> bool:
    """Whether the event noun is what another act is about ("rejected calls by X for
    aid", "welcomed the agreement"): PLOVER codes the outer act only."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb is noun:
        return False
    if verb.lemma_.lower() in ctx.lexicon.light_verbs:
        return False
    return _verb_relation(verb, ctx)[0] is not None or ctx.lexicon.is_speech(verb.lemma_.lower())


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
            if relation is None and _obliged(token, ctx) and _reporter_actor(token, ctx):
                # "X said the group must stop its attacks": whatever is required, X demands
                # it (turned into the reporter's REQUEST in `_claims_for`)
                relation = "REQUEST"
            if relation is None or _content_of_act(token, ctx):
                continue
            if relation == "THREATEN" and not _threatens(token, ctx):
                relation = "STATEMENT"
            passive = is_passive(token)
            objects = object_tokens(
                token, passive=passive, phrase=rule == "act.phrase", blame_on=ctx.lexicon.blame_on
            )
            if passive:
                subjects, rule = agent_tokens(token), "act.passive"
            else:
                subjects = subject_tokens(token)
            if relation == "REQUEST" and (addressee := infinitive_addressee(token)) is not None:
                objects.append(addressee)  # "expects X to act": X is asked
        elif _intent(token, ctx):
            # "Norway is willing to send troops": intent to cooperate, done by the subject
            relation, rule = "AGREE", "act.verb"
            subjects, objects = subject_tokens(token.head), []
        elif token.pos_ == "NOUN" and lemma in ctx.lexicon.nouns:
            relation, rule = ctx.lexicon.nouns[lemma], "act.noun"
            if relation in _SAID and _content_of_verb(token, ctx):
                continue
            modifiers, objects = noun_parts(token, said=relation in VERBAL)
            verb = light_verb(token, ctx.lexicon.light_verbs)
            if verb is not None:
                # the light verb's subject does the act; its negation and modality hold
                subjects, verb_objects = light_verb_parts(verb)
                objects = [*objects, *verb_objects]
                claims.extend(
                    _claims_for(
                        doc,
                        ctx,
                        token,
                        relation,
                        "act.light",
                        subjects,
                        objects,
                        fallback=modifiers,
                        anchor=verb,
                    )
                )
                continue
            subjects = modifiers
        else:
            continue
        claims.extend(_claims_for(doc, ctx, token, relation, rule, subjects, objects))
    return claims


def _threatens(verb: Token, ctx: Context) -> bool:
    """Whether a warning verb is a threat: the warner speaks of its own action ("warned it
    would retaliate", "warned that Washington would act" by a US official) or warns
    someone outright ("warned the militias"); not advice ("warned the government against
    the purchase") nor a forecast ("warned that the sanctions would harm Europe")."""
    if verb.lemma_.lower() not in ctx.lexicon.conditional_threats:
        return True
    if any(child.dep_ == "prep" and child.lower_ == "against" for child in verb.children):
        return False
    clauses = [child for child in verb.children if child.dep_ == "ccomp"]
    if not clauses:
        return True
    warners = [resolve_token(ctx, tok, agent=True, modifiers=True) for tok in subject_tokens(verb)]
    sides = {
        side
        for warner in warners
        if warner.actor is not None
        for side in (warner.actor.id, warner.actor.country, warner.actor.parent)
        if side
    }
    for clause in clauses:
        for subject in clause.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if subject.lower_ in ("it", "we", "i"):
                return True
            actor = resolve_token(ctx, subject, agent=True).actor
            if actor is not None and (actor.id in sides or actor.country in sides):
                return True
    return False


def _threat_targets(verb: Token, ctx: Context) -> list[Token]:
    """Whom the infinitive of a threat acts upon: "threatened to retaliate against X",
    "warned it would strike X" (the object of a threatened act of force; "threatened to
    close its embassy" names no target)."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp"):
            continue
        forceful = ctx.lexicon.verbs.get(child.lemma_.lower()) in _FORCE
        for grand in child.children:
            if grand.dep_ == "dobj" and forceful:
                found.extend(with_conjuncts(grand))
            elif grand.dep_ == "dobj" and ctx.lexicon.is_content_noun(grand.lemma_.lower()):
                # "warned it will not tolerate attacks by X": X's doing is what is threatened
                found.extend(
                    tok
                    for tok in event_agents(grand, "THREATEN")
                    if tok.dep_ == "pobj" or tok.dep_ == "poss"
                )
            elif grand.dep_ == "prep" and grand.lower_ in _THREAT_PREPS:
                found.extend(pobjs(grand))
    return found


def _claims_for(
    doc: Doc,
    ctx: Context,
    token: Token,
    relation: str,
    rule: str,
    subject_toks: list[Token],
    object_toks: list[Token],
    *,
    fallback: list[Token] | None = None,
    anchor: Token | None = None,
) -> Iterator[Claim]:
    """Claims of the act `token` names; `fallback` subjects are tried when none of
    `subject_toks` resolves, and `anchor` (a light verb) carries negation, modality and
    the reporter when it is not `token` itself."""
    verbal = relation in VERBAL
    anchor = anchor if anchor is not None else token
    if rule != "act.noun" and _no_subject(anchor, ctx):
        # "no group has claimed responsibility": a negated claim with nobody as subject
        subjects, rule = [UNRESOLVED], "act.negated_subject"
    else:
        subjects = _resolved(ctx, subject_toks, agent=verbal)
        if not subjects and fallback:
            subjects = _resolved(ctx, fallback, agent=verbal)
        if not subjects and any(tok.lower_ in _REPORTER_PRONOUNS for tok in subject_toks):
            # "Switzerland said it had expelled ...": a pronoun subject of a reported clause
            # the text gives no other referent for is the reporter itself
            reporting = _reporter(anchor, ctx)
            if reporting is not None and reporting.actor is not None:
                subjects = [Resolved(reporting.actor, "pronoun")]
    objects = _objects(ctx, relation, object_toks)
    if not objects and relation == "THREATEN" and rule != "act.noun":
        objects = _objects(ctx, relation, _threat_targets(token, ctx))
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
    if rule != "act.noun" and _obliged(anchor, ctx):
        # "X said Y must withdraw": X demands it of Y (PLOVER REQUEST)
        reporter = _reporter(anchor, ctx)
        if reporter is not None and reporter.actor is not None:
            yield from _demands(doc, ctx, token, anchor, reporter, subjects)
            return
    if not objects and relation in ctx.lexicon.symmetric and len(subjects) > 1:
        # "Erbil and Baghdad reached an agreement": the first party with each other one
        subjects, objects = subjects[:1], subjects[1:]
    if not objects:
        if relation in ctx.lexicon.needs_object:
            return
        objects = [UNRESOLVED]
    reporter = _reporter(anchor, ctx)
    polarity = "negated" if is_negated(anchor, ctx.lexicon) else "affirmed"
    bounds = evidence_bounds(doc, token.i, token.i)
    for subject in subjects:
        speaker: Actor | None = subject.actor if verbal else None
        reported = False
        if reporter is not None and reporter.actor is not None:
            reported = subject.actor is None or reporter.actor.id != subject.actor.id
            speaker = reporter.actor
        modality = modality_of(anchor, ctx.lexicon, reported=reported)
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


def _resolved(ctx: Context, tokens: list[Token], *, agent: bool) -> list[Resolved]:
    """The actors `tokens` resolve to (as subjects), without the unresolved ones."""
    found = [resolve_token(ctx, tok, agent=agent, modifiers=True) for tok in tokens]
    return [resolved for resolved in found if resolved.actor is not None]


def _objects(ctx: Context, relation: str, tokens: list[Token]) -> list[Resolved]:
    """The distinct actors `tokens` name as objects of `relation`.

    An event named instead of an actor ("condemned the Turkish shelling") stands for
    the actor doing it when the relation is in `EVENT_TARGETS`; otherwise content nouns
    ("denied the charge") are what, not whom.
    """
    objects: list[Resolved] = []
    addressed = relation in ADDRESSED
    for tok in tokens:
        content = ctx.lexicon.is_content_noun(tok.lemma_.lower())
        resolved = UNRESOLVED if content else resolve_token(ctx, tok, agent=addressed)
        if resolved.actor is None and relation in EVENT_TARGETS and tok.pos_ == "NOUN":
            for agent_tok in event_agents(tok, relation):
                actor = ctx.resolver.actor_at(agent_tok, agent=addressed)
                if actor is None and agent_tok.dep_ == "pobj":
                    actor = resolve_token(ctx, agent_tok).actor
                if actor is not None:
                    resolved = Resolved(actor, "modifier")
                    break
        if resolved.actor is not None and all(o.actor is not resolved.actor for o in objects):
            objects.append(resolved)
    return objects


def _obliged(verb: Token, ctx: Context) -> bool:
    """Whether `verb` has a modal of obligation ("must withdraw", "should resign")."""
    return any(
        child.dep_ == "aux" and child.lower_ in ctx.lexicon.obligation for child in verb.children
    )


def _demands(
    doc: Doc,
    ctx: Context,
    token: Token,
    anchor: Token,
    reporter: Resolved,
    addressees: list[Resolved],
) -> Iterator[Claim]:
    """REQUEST claims of the reporter of an obliged act, one per party obliged."""
    assert reporter.actor is not None
    for addressee in addressees or [UNRESOLVED]:
        if addressee.actor is not None and addressee.actor.id == reporter.actor.id:
            continue
        yield make_claim(
            ctx,
            doc,
            relation="REQUEST",
            subject=reporter.actor,
            object_=addressee.actor,
            speaker=reporter.actor,
            cue=_cue_text(token),
            quote=None,
            bounds=evidence_bounds(doc, token.i, token.i),
            polarity="negated" if is_negated(anchor, ctx.lexicon) else "affirmed",
            modality="reported",
            confidence=RULE_CONFIDENCE["act.obligation"]
            * reporter.factor
            * (addressee.factor if addressee.actor else 0.9),
            rule="act.obligation",
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
