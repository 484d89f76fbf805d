"""Resolving the parties of a typed act: its subjects and objects as actors.

`extract.claims.acts` finds the tokens naming who acts and who is acted upon
(`extract.syntax.arguments`); this module turns them into actors: a capital addressed as its
government, an event named instead of its doer ("condemned the Turkish shelling" ->
Turkey; "condemned the strike" -> whoever struck, a sentence before), the members of a
list of names ("his counterpart, X, and the speaker, Y"), the places behind a group
("partners in Erbil and Baghdad"), and places that only locate an act left out; also
whether a person speaks for a given side (`own_side`) and whether a verb names a
non-actor victim (`names_patient`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.context import (
    UNRESOLVED,
    Context,
    Resolved,
    resolve_token,
    sentence_of,
    sentence_spans,
)
from extract.claims.nouns import load_noun_lexicon, occupants
from extract.claims.pairs import meeting_parties, pair_antecedents
from extract.claims.threats import FORCE
from extract.relations import CODEBOOK
from extract.syntax.arguments import (
    agent_tokens,
    event_agents,
    hyphen_partners,
    is_passive,
    list_members,
    pobjs,
    prep_objects,
    subject_tokens,
    with_conjuncts,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.records import Actor

#: Relations said rather than done: their subject is also their speaker, and a capital
#: as their subject stands for its government (metonymy).
VERBAL = CODEBOOK.having("verbal")

#: Relations whose object, when the text names an event rather than an actor ("condemned
#: the Turkish shelling", "praised Haiti's efforts", "demanded the withdrawal of US
#: troops", "backed Iraq's fight against ISIS"), is the actor that does the event.
EVENT_TARGETS = CODEBOOK.having("event_target")

#: Relations whose object is addressed as a government: a capital as their object stands
#: for it ("called on Ankara to", "visited Washington"), as it does for their subject.
ADDRESSED = CODEBOOK.having("addressed")

#: Relations held between parties: their nouns name them after "between" ("the agreement
#: between Turkey and Libya").
SYMMETRIC = CODEBOOK.having("symmetric")

#: Relations kept with an empty object when the act's patient is named but is no actor.
PATIENT_ONLY = CODEBOOK.having("patient_only")


def resolved_subjects(
    ctx: Context, tokens: list[Token], *, agent: bool, joint: bool = False
) -> list[Resolved]:
    """The actors `tokens` resolve to (as subjects), without the unresolved ones; "the two
    sides" stands for the parties last named together (`extract.claims.pairs`), and, as
    the subject of a `joint` act (a symmetric relation), "they" or "the two" for the
    parties of the meeting just told."""
    pair_nouns = load_noun_lexicon().pair_nouns
    found: list[Resolved] = []
    for tok in tokens:
        pair = meeting_parties(tok, ctx, pair_nouns) if joint else []
        pair = pair or (_delegates_of(tok, ctx) if joint else [])
        pair = pair or pair_antecedents(tok, ctx, pair_nouns)
        found.extend(Resolved(actor, "antecedent") for actor in pair)
        if not pair:
            resolved = resolve_token(ctx, tok, agent=agent, modifiers=True)
            if resolved.actor is None and (owner := _relative_owner(tok, ctx)) is not None:
                resolved = resolve_token(ctx, owner, agent=agent)
            found.append(resolved)
    return [resolved for resolved in found if resolved.actor is not None]


def _delegates_of(token: Token, ctx: Context) -> list[Actor]:
    """The sides a plural noun of envoys stands for when it names two or more of them
    ("the foreign ministers of Egypt, Jordan and Qatar met", "the delegations of Cyprus,
    Greece and Israel", "leaders of France and Germany"): as the subject of a joint act,
    each side is a party. One side named ("the ministers of Egypt") makes no parties
    here."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in load_noun_lexicon().delegate_nouns:
        return []
    found: dict[str, Actor] = {}
    for side in prep_objects([token], ("of",)):
        actor = resolve_token(ctx, side).actor
        if actor is not None:
            found.setdefault(actor.id, actor)
    return list(found.values()) if len(found) > 1 else []


def _relative_owner(token: Token, ctx: Context) -> Token | None:
    """The antecedent of "whose" for a group noun it owns: "Eritrea, whose troops fought
    alongside ..." -> Eritrea (the troops stand for their owner)."""
    if token.lower_ not in ctx.lexicon.stand_ins:
        return None
    clause = token.head
    if clause.dep_ != "relcl" or not any(
        child.dep_ == "poss" and child.tag_ == "WP$" for child in token.children
    ):
        return None
    return clause.head


def resolved_objects(ctx: Context, relation: str, tokens: list[Token]) -> list[Resolved]:
    """The distinct actors `tokens` name as objects of `relation`.

    An event named instead of an actor ("condemned the Turkish shelling") stands for
    the actor doing it when the relation is in `EVENT_TARGETS`; otherwise content nouns
    ("denied the charge") are what, not whom.
    """
    objects: list[Resolved] = []
    addressed = relation in ADDRESSED
    # "met with his counterpart, X, Prime Minister Y and the head of Z, W": one party each
    if relation in FORCE:
        # "fired at bases housing US troops": the troops are the target, not the place
        verbs = load_noun_lexicon().occupancy_verbs
        tokens = [held for tok in tokens for held in (occupants(tok, verbs) or [tok])]
    expanded = {tok.i: tok for first in tokens for tok in list_members(first)}
    pair_nouns = load_noun_lexicon().pair_nouns
    for tok in sorted(expanded.values(), key=lambda tok: tok.i):
        pair = pair_antecedents(tok, ctx, pair_nouns)
        if pair:
            # "urged both governments to": each party last named together is addressed
            objects.extend(Resolved(a, "antecedent") for a in pair if a not in _actors(objects))
            continue
        if relation in EVENT_TARGETS:
            tok = _counted(tok)  # "came out against some of its plans": the plans
        content = ctx.lexicon.is_content_noun(tok.lemma_.lower())
        resolved = UNRESOLVED if content else resolve_token(ctx, tok, agent=addressed)
        made_by: list[Resolved] = []
        if resolved.actor is None and relation in EVENT_TARGETS and tok.pos_ == "NOUN":
            made_by = makers(tok, relation, ctx, addressed=addressed)
            if made_by:
                resolved = made_by[0]
            else:
                made_by = [Resolved(a, "antecedent") for a in antecedent_agents(tok, ctx)]
                resolved = made_by[0] if made_by else resolved
        owners = [child for child in tok.children if child.dep_ == "poss"]
        owned = bool(owners)
        if resolved.actor is None and relation in FORCE and tok.lower_ in ctx.lexicon.stand_ins:
            # "fired missiles at their camps": the camps' owner, named earlier, is the target
            for owner in owners:
                if owner.tag_ == "PRP$":
                    resolved = resolve_token(ctx, owner)
        if resolved.actor is None and tok.lemma_.lower() in ctx.lexicon.envoys and not owned:
            # "expelled the Somali ambassador": the envoy stands for the state it serves
            for child in tok.children:
                qualifies = child.dep_ in ("amod", "compound")
                state = ctx.resolver.state_named(child) if qualifies else None
                if state is not None:
                    resolved = Resolved(state, "modifier")
                    break
        if resolved.actor is None and tok.lower_ in ctx.lexicon.stand_ins and not owned:
            # "partners in Erbil and Baghdad", "officials in Kabul": the place's government
            # stands behind them, one party per place ("its troops in Tigray" are its own)
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for place in pobjs(prep):
                        actor = ctx.resolver.actor_at(place, agent=True)
                        if actor is None or actor.type == "Place":
                            continue  # "a depot in Jeddah": a city with no government locates
                        if all(o.actor is not actor for o in objects):
                            objects.append(Resolved(actor, "modifier"))
        for found in [resolved, *made_by[1:]]:
            if found.actor is not None and all(o.actor is not found.actor for o in objects):
                objects.append(found)
    return objects


def makers(
    tok: Token, relation: str, ctx: Context, *, addressed: bool, partners: bool = True
) -> list[Resolved]:
    """Who did or made what the event or thing `tok` names, for an act aimed at it:
    its agents (`event_agents`: "condemned the attack by X", "criticised its plans",
    "denounced the agreement signed by Turkey and Libya"), the parties "between" whom a
    joint act's noun holds ("denounced the agreement between Turkey and Libya"), and a
    "by" the parser hung on the active verb instead of on its object ("attacked the
    proclamation by Trump": an active verb has no agent). A clause names a maker only for
    an act or a thing authored ("the attack carried out by X", "the plan that X
    announced"), not for another noun ("an organisation dominated by X"). The first
    actor found, with the actors coordinated with it; empty when none is named. A harm's
    possessor or modifier is its victim as often as its doer ("Nabil's murder", "the
    Kenyan deaths"): a harm names its makers only with "by" or a clause. `partners` False
    leaves out whom it was done "with" ("the call with Zelensky" was not made by him
    alone)."""
    authored = ctx.lexicon.authored_nouns
    lemma = tok.lemma_.lower()
    made = (
        lemma in ctx.lexicon.nouns
        or lemma in authored
        or tok.lower_ in authored
        or lemma in load_noun_lexicon().wrong_nouns  # "the atrocities committed by X"
    )
    tokens = event_agents(tok, relation, authored, clauses=made)
    # "the deal, which was welcomed by X", "the plan the Herald praised": who judges a
    # thing in a clause on it did not make it
    tokens = [t for t in tokens if not _judged_in_clause(t, tok, ctx)]
    if lemma in ctx.lexicon.harms:
        tokens = [t for t in tokens if t.head.i != tok.i]
    if not partners:
        tokens = [t for t in tokens if t.head.lower_ != "with"]
    if ctx.lexicon.nouns.get(lemma) in SYMMETRIC:
        tokens += _between(tok)
    if ctx.lexicon.nouns.get(lemma) in FORCE:
        # "rocket attacks from Hamas": whom force comes from (a place drops out later)
        tokens += prep_objects([tok], ("from",))
    verb = tok.head
    if tok.dep_ == "dobj" and verb.pos_ == "VERB" and not is_passive(verb):
        tokens += [t for prep in verb.children if prep.lower_ == "by" for t in pobjs(prep)]
    # "the Turkish-Libyan agreement", "the US-Iraqi deal": the sides joined by a hyphen
    tokens = list({t.i: t for tok in tokens for t in (tok, *hyphen_partners(tok))}.values())
    found: list[Resolved] = []
    group: set[int] = set()
    for agent_tok in tokens:
        if found and agent_tok.i not in group:
            break
        actor = ctx.resolver.actor_at(agent_tok, agent=addressed)
        if actor is None and (agent_tok.dep_ == "pobj" or agent_tok.tag_ == "PRP$"):
            # "condemned the attack by X"; "criticised its plans": whom "its" means
            actor = resolve_token(ctx, agent_tok).actor
        if actor is None or any(f.actor is actor for f in found):
            continue
        if not found:
            group = {t.i for t in with_conjuncts(agent_tok)}
            group |= {t.i for t in hyphen_partners(agent_tok)}
        found.append(Resolved(actor, "modifier"))
    return found


#: Relations of a verb that judges a thing rather than making it.
_STANCES = frozenset({"SUPPORT", "ACCUSE", "REJECT", "PROTEST", "DENY"})


def _judged_in_clause(agent: Token, noun: Token, ctx: Context) -> bool:
    """Whether `agent` is the subject or "by" agent of a clause on `noun` whose verb only
    judges it ("the deal, which Somalia welcomed", "the plan criticised by Kenya")."""
    verb = agent.head
    if agent.dep_ == "pobj" and verb.dep_ in ("agent", "prep") and verb.lower_ == "by":
        verb = verb.head
    elif agent.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return (
        verb.dep_ in ("relcl", "acl")
        and verb.head.i == noun.i
        and ctx.lexicon.verbs.get(verb.lemma_.lower()) in _STANCES
    )


def _between(noun: Token) -> list[Token]:
    """The parties "between" whom a joint act's noun holds ("the agreement between X and
    Y"), also after a participle on it ("the agreement signed between X and Y")."""
    holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    return prep_objects(holders, ("between",))


def _actors(found: list[Resolved]) -> list[Actor | None]:
    return [resolved.actor for resolved in found]


#: Parts of speech of a quantity that stands before what it counts ("some of", "all of").
_QUANTITY_POS = frozenset({"PRON", "DET", "NUM"})


def _counted(token: Token) -> Token:
    """What a quantity counts: "some of its plans" -> "plans"; any other token as it is."""
    if token.pos_ not in _QUANTITY_POS:
        return token
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in pobjs(child):
                if pobj.pos_ == "NOUN":
                    return pobj
    return token


#: Relations whose definite event noun may refer back to an act of the same kind: acts of
#: force ("condemned the strike"), accusations ("criticised the inquiry") and agreements
#: ("denounced the deal").
_REFERRED = FORCE | {"ACCUSE", "AGREE"}


def antecedent_agents(noun: Token, ctx: Context) -> list[Actor]:
    """Who did the act a definite event noun refers back to ("Russian drones struck Odesa.
    Kyiv condemned the strike." -> Russia; "Kenya and Somalia signed a deal. Ethiopia
    denounced the deal." -> Kenya and Somalia): the doers of the nearest act of the same
    kind before it, in its sentence or the one before (a verb's subject or agent, a noun's
    makers or parties, or the subject of the verb whose object the noun is when that verb
    is no act of another kind: "reached an agreement", not "welcomed the agreement")."""
    relation = ctx.lexicon.nouns.get(noun.lemma_.lower())
    if relation not in _REFERRED or not any(
        child.dep_ == "det" and child.lower_ in ctx.lexicon.referring_determiners
        for child in noun.children
    ):
        return []
    kind = FORCE if relation in FORCE else frozenset({relation})
    doc = noun.doc
    spans = sentence_spans(doc)
    first = spans[max(0, sentence_of(doc, noun.i) - 1)][0]
    governing = {tok.i for tok in noun.ancestors}  # the act aimed at the noun itself
    for i in range(noun.i - 1, first - 1, -1):
        tok = doc[i]
        if i in governing:
            continue
        if tok.tag_.startswith("VB") and ctx.lexicon.verbs.get(tok.lemma_.lower()) in kind:
            agents = agent_tokens(tok) if is_passive(tok) else subject_tokens(tok)
        elif tok.pos_ == "NOUN" and ctx.lexicon.nouns.get(tok.lemma_.lower()) in kind:
            agents = event_agents(tok, relation)
            if relation in SYMMETRIC:
                agents += _between(tok)
            verb = tok.head
            if (
                not agents
                and tok.dep_ == "dobj"
                and verb.pos_ == "VERB"
                and ctx.lexicon.verbs.get(verb.lemma_.lower()) in (None, *kind)
            ):
                # "reached an agreement": the verb's subject made it ("welcomed the
                # agreement", an act aimed at it, did not)
                agents = agent_tokens(verb) if is_passive(verb) else subject_tokens(verb)
        else:
            continue
        found: list[Actor] = []
        for agent in (t for a in agents for t in with_conjuncts(a)):
            actor = resolve_token(ctx, agent, agent=True, modifiers=True).actor
            if actor is not None and actor.type != "Place" and actor not in found:
                found.append(actor)  # a place does nothing
        if found:
            return found
    return []


def is_site(actor: Actor | None, tokens: list[Token]) -> bool:
    """Whether `actor`, found among `tokens`, is a site rather than a polity: a place the
    text names without a geopolitical entity ("the Khor Mor gas field", "the district"),
    which neither acts nor is acted upon as an actor; a named country, region or city
    ("Bosnia", "Erbil") stands for its people or government and is no site."""
    if actor is None or actor.type != "Place":
        return False
    return not any(tok.ent_type_ == "GPE" for tok in tokens)


def is_locative(token: Token, preps: frozenset[str]) -> bool:
    """Whether `token` is the object of a locative preposition ("at the White House");
    `preps` are the lexicon's `locative_preps`."""
    head = token
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in preps


def own_side(subject: Resolved, reporter: Resolved) -> bool:
    """Whether `subject` is the country or organisation the person `reporter` speaks for."""
    speaker, actor = reporter.actor, subject.actor
    if speaker is None or actor is None or speaker.type != "Person" or actor.id == speaker.id:
        return False
    if actor.id in (speaker.country, speaker.parent):
        return True
    if any(role.organisation == actor.id for role in speaker.roles):
        return True
    same_country = speaker.country is not None and actor.country == speaker.country
    return same_country and actor.type in ("Government", "Country")


def keeps_empty_object(
    relation: str, token: Token, object_toks: list[Token], rule: str, ctx: Context
) -> bool:
    """Whether an act whose relation needs an actor as object is kept with none: a campaign
    of force launched ("launched an offensive"), an act of force or repression that names
    its non-actor patient (`names_patient`), or backing
    given to an accord or announcement ("backed the truce": PLOVER SUPPORT of a policy; the
    graph gets no edge to a thing; praise verbs, "welcomed the deal", are speech's)."""
    nouns = load_noun_lexicon()
    if (
        rule == "act.light"
        and token.lemma_.lower() in nouns.campaign_nouns
        and token.head.dep_ != "xcomp"
    ):
        # "launched a military offensive": a campaign of force is an event of the graph
        # whether or not its target is named (GUIDE.md: strikes with no actor as target);
        # one only threatened or planned ("threatened to launch an offensive") is not yet
        return True
    if relation in PATIENT_ONLY:
        return names_patient(token, object_toks, rule, ctx)
    endorsed = nouns.endorsed_acts
    return (
        relation == "SUPPORT"
        and rule != "act.noun"
        and token.tag_.startswith("VB")
        # verbs of praise ("welcomed the deal") are read as speech (`speech.endorse`)
        and ctx.lexicon.speech.get(token.lemma_.lower()) != "SUPPORT"
        and any(tok.dep_ == "dobj" and tok.lemma_.lower() in endorsed for tok in object_toks)
    )


def names_patient(token: Token, object_toks: list[Token], rule: str, ctx: Context) -> bool:
    """Whether a verb's direct object names who or what it acts upon ("killed 23 people",
    "shelled villages"); an event noun's, a pronoun's or a weapon's ("fired missiles",
    "launched rockets": the target is elsewhere) does not count."""
    if rule == "act.noun" or not token.tag_.startswith("VB"):
        return False
    return any(
        tok.dep_ in ("dobj", "nsubjpass")
        and tok.pos_ in ("NOUN", "PROPN", "NUM")
        and tok.lemma_.lower() not in ctx.lexicon.instruments
        and not ctx.lexicon.is_content_noun(tok.lemma_.lower())
        for tok in object_toks
    )
