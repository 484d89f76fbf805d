"""When a warning is a threat, and whom a threat targets.

PLOVER codes THREATEN when an actor announces a coercive step of its own: a warning about
its own action ("warned it would retaliate"), a refusal with a modal ("will not tolerate
attacks by X"), an open-ended measure ("will take whatever actions are necessary"), an
ultimatum. `extract.claims.acts` asks this module whether a warning verb threatens and who is
threatened: the object of the threatened act of force, the country a threatened step is
taken against ("recall its ambassador from X"), whoever must meet the threat's condition
("unless the government stops ..."), or the agent of the act the speaker refuses to bear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from extract.claims.context import Context, resolve_token
from extract.relations import CODEBOOK
from extract.syntax.arguments import event_agents, for_clause, pobjs, subject_tokens, with_conjuncts

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.lexicon.cues import Lexicon

#: Acts of force, whose object a threat to do them threatens.
FORCE = CODEBOOK.having("force")

#: Acts that, announced for the future by their doer, threaten (PLOVER THREATEN covers
#: threats of force, of sanctions, of protest such as boycotts and strikes).
ANNOUNCEABLE = CODEBOOK.having("announceable")
#: Acts that threaten when made conditional with "unless" ("will withdraw its troops unless
#: X stops ...").
CONDITIONABLE = CODEBOOK.having("conditionable")
#: Cooperative acts that, announced for the future by their doer, are a promise (PLOVER
#: AGREE: "agree to, offer, promise ... to provide aid, to withdraw, to cooperate").
PROMISABLE = CODEBOOK.having("promisable")
#: Clause dependencies searched for the condition of a threat.
_CLAUSE_DEPS = frozenset({"ccomp", "acl", "xcomp", "advcl", "relcl"})


def open_threat(verb: Token, ctx: Context) -> bool:
    """Whether `verb` announces an open-ended measure with a future modal ("will take
    whatever actions are necessary", "would use all means")."""
    lemma = verb.lemma_.lower()
    phrases = [p for p in ctx.lexicon.modal_threats if p.verb == lemma]
    if not phrases or not _future(verb, ctx.lexicon):
        return False
    measures = [child for child in verb.children if child.dep_ == "dobj"]
    # "take whatever actions are necessary" may be parsed as a clause on "actions"
    measures += [
        grand
        for child in verb.children
        if child.dep_ == "ccomp"
        for grand in child.children
        if grand.dep_ == "nsubj"
    ]
    return any(
        any(measure.lemma_.lower() in p.objects for p in phrases)
        and any(tok.lower_ in ctx.lexicon.open_ended for tok in measure.subtree)
        for measure in measures
    )


#: Reflexive pronouns: a refusal of what one lets oneself do threatens no one ("we cannot
#: allow ourselves to become numb").
_REFLEXIVES = frozenset({"ourselves", "myself", "itself", "themselves", "yourself", "yourselves"})


def modal_refusal(verb: Token, ctx: Context) -> bool:
    """Whether `verb` is negated and has a modal of the future or of ability ("will not",
    "can't", "won't"), and is not refused of the speaker's own self ("cannot allow
    ourselves to ...")."""
    children = list(verb.children)
    negated = any(child.dep_ == "neg" for child in children)
    modal = any(
        child.dep_ == "aux" and child.lower_ in ctx.lexicon.refusal_modals for child in children
    )
    reflexive = any(
        tok.lower_ in _REFLEXIVES
        for child in children
        if child.dep_ in ("dobj", "ccomp", "xcomp")
        for tok in (child, *(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")))
    )
    return negated and modal and not reflexive


def threatens(verb: Token, ctx: Context) -> bool:
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
        # "warned the militias", "warned of consequences": someone or something warned of;
        # a warning verb with neither (often misparsed: "cautioned justice does not come"
        # read as a modifier of "justice") threatens no one
        return any(
            child.dep_ in ("dobj", "dative") or (child.dep_ == "prep" and child.lower_ == "of")
            for child in verb.children
        )
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
            if subject.lower_ in ctx.lexicon.self_pronouns:
                return True
            actor = resolve_token(ctx, subject, agent=True).actor
            if actor is not None and (actor.id in sides or actor.country in sides):
                return True
    return False


def threat_targets(verb: Token, ctx: Context) -> list[Token]:
    """Whom the infinitive of a threat acts upon: "threatened to retaliate against X",
    "warned it would strike X" (the object of a threatened act of force; "threatened to
    close its embassy" names no target)."""
    marks = ctx.lexicon.condition_marks
    found: list[Token] = list(condition_subjects(verb, marks))
    for child in verb.children:
        if child.dep_ == "dobj":
            found.extend(condition_subjects(child, marks))  # "issued an ultimatum that ... unless"
        for clause in (child, *(child.children if child.dep_ == "dobj" else ())):
            if for_clause(clause):
                # "set a deadline for the groups to disarm": who must comply is threatened
                found.extend(
                    tok
                    for sub in clause.children
                    if sub.dep_ in ("nsubj", "nsubjpass")
                    for tok in with_conjuncts(sub)
                )
    if verb.lemma_.lower() in ctx.lexicon.refusal_threats:
        # "will not tolerate attacks by X": X's doing is what is threatened
        for child in verb.children:
            if child.dep_ == "dobj":
                found.extend(
                    tok for tok in event_agents(child, "THREATEN") if tok.dep_ in ("pobj", "poss")
                )
    for child in verb.children:
        if child.dep_ not in ("xcomp", "ccomp"):
            continue
        forceful = ctx.lexicon.verbs.get(child.lemma_.lower()) in FORCE
        for grand in child.children:
            if grand.dep_ == "dobj":
                # "threatened to close its Baghdad embassy", "to recall its ambassador from
                # X": the country the step is taken against (a place resolves to no actor)
                # (not when the place is part of the object's own name, "its Baghdad
                # Embassy": that names the threatener's mission, whose host is elsewhere)
                found.extend(
                    sub
                    for sub in grand.children
                    if sub.dep_ == "compound" and sub.pos_ == "PROPN" and not grand.ent_type_
                )
                for sub in grand.children:
                    if sub.dep_ == "prep" and sub.lower_ in ctx.lexicon.threat_place_preps:
                        found.extend(pobjs(sub))
            elif grand.dep_ == "prep" and grand.lower_ in ctx.lexicon.threat_source_preps:
                found.extend(pobjs(grand))  # "threatened to withdraw from X"
            if grand.dep_ == "dobj" and forceful:
                found.extend(with_conjuncts(grand))
            elif grand.dep_ == "dobj" and ctx.lexicon.is_content_noun(grand.lemma_.lower()):
                # "warned it will not tolerate attacks by X": X's doing is what is threatened
                found.extend(
                    tok
                    for tok in event_agents(grand, "THREATEN")
                    if tok.dep_ == "pobj" or tok.dep_ == "poss"
                )
            elif grand.dep_ == "prep" and grand.lower_ in ctx.lexicon.threat_preps:
                found.extend(pobjs(grand))
    return found


def condition_subjects(token: Token, marks: frozenset[str]) -> Iterator[Token]:
    """Who must meet the condition of a threat or ultimatum: the subject of an "unless" or
    "if" clause inside what is threatened ("issued an ultimatum that the troops would leave
    unless the government stops the attacks" -> the government). `marks` are the
    lexicon's `condition_marks`."""
    stack = [(child, 0) for child in token.children if child.dep_ in _CLAUSE_DEPS]
    while stack:
        node, depth = stack.pop()
        if node.dep_ == "advcl" and any(
            child.dep_ == "mark" and child.lower_ in marks for child in node.children
        ):
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    yield from with_conjuncts(child)
        if depth < 3:
            stack.extend(
                (child, depth + 1) for child in node.children if child.dep_ in _CLAUSE_DEPS
            )


def noun_threat_targets(object_toks: list[Token], ctx: Context) -> list[Token]:
    """Whom a threat named by a noun targets through the act of force it threatens:
    "threats of sanctions on X", "the threat of strikes against X" -> X."""
    return [
        target
        for tok in object_toks
        if ctx.lexicon.nouns.get(tok.lemma_.lower()) in FORCE
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in ctx.lexicon.threat_preps
        for target in pobjs(prep)
    ]


def announces(verb: Token, relation: str, *, reported: bool, lexicon: Lexicon) -> bool:
    """Whether `verb` announces a coercive step rather than reporting it done: under a
    condition ("will withdraw unless X ..."), or with a future modal in a clause its doer
    reports ("said they would boycott the talks", "warned police will break up rallies").

    Args:
        verb: the act's verb.
        relation: the act's relation (any of `CONDITIONABLE` with "unless"; one of
            `ANNOUNCEABLE` with "if" or a future modal).
        reported: the clause is reported by a resolved actor.
        lexicon: the lexicon (`condition_marks`, `future_modals`).

    Returns:
        True when the act is a threat of that step.
    """
    if _conditional(verb):
        return True
    if relation not in ANNOUNCEABLE:
        return False
    if any(True for _ in condition_subjects(verb, lexicon.condition_marks)):
        return True
    return _future(verb, lexicon) and reported


def announces_legal_step(verb: Token, *, reported: bool, lexicon: Lexicon) -> bool:
    """Whether `verb` is a legal step (`legal_actions`) its doer announces rather than
    takes: with a future modal or as what it intends ("said it would sue", "said he
    intended to prosecute them"), in a clause its doer reports; not when negated."""
    if verb.lemma_.lower() not in lexicon.legal_actions or not reported:
        return False
    holder = (
        verb.head
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.intent_heads
        else verb
    )
    if any(child.dep_ == "neg" for child in holder.children):
        return False
    return holder is not verb or _future(holder, lexicon)


def _future(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` has a future modal of its own ("will withdraw", "would sue")."""
    return any(
        child.dep_ == "aux" and child.lower_ in lexicon.future_modals for child in verb.children
    )


def _conditional(verb: Token) -> bool:
    """Whether `verb` has an "unless" clause of its own."""
    return any(
        child.dep_ == "advcl"
        and any(grand.dep_ == "mark" and grand.lower_ == "unless" for grand in child.children)
        for child in verb.children
    )


def promises(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` announces a step of its own with "will" or "would", affirmed and
    unconditional ("will provide food aid", "said it would release the hostages")."""
    children = list(verb.children)
    future = _future(verb, lexicon)
    negated = any(child.dep_ == "neg" and child.lower_ in lexicon.negators for child in children)
    conditional = any(
        child.dep_ == "mark" and child.lower_ in lexicon.hypothetical_marks for child in children
    )
    return future and not negated and not conditional and not _conditional(verb)
