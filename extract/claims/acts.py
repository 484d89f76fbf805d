"""Typed acts between actors, read from the dependency parse.

A verb, verb phrase or event noun from the relation lexicon ("accused", "called on",
"claimed responsibility", "condemnation of") becomes a claim when its subject resolves
to an actor: the nominal subject in the active voice, the "by" agent in the passive
("killed by a US drone strike"), the controller of an infinitive ("asked the United
States to provide" -> the United States provides). Objects are direct objects,
datives and the objects of target prepositions ("met with", "attacks on"); in the
passive, the passive subject ("the PMF was accused") or the target of "blamed on".
Negation and modality come from `extract.claims.context`. An act inside a direct quote or a
reported clause keeps the reporter as its speaker. Finding the arguments in the parse
is `extract.syntax.arguments`' job; this module decides which act a word names and builds
the claims: light verbs ("held talks with"), requests read from "expects X to" and from
a reported obligation ("said Y must withdraw"), warnings that threaten only when the
warner speaks of its own action, the target of a threatened act, an event named as
the object of an accusation ("condemned the US strike" -> the US), and event nouns
that are only the content of another act ("rejected a request") left out
(`extract.claims.content`). Whether a
warning threatens and whom is `extract.claims.threats`' question; turning argument tokens into
actors is `extract.claims.parties`'; court orders, findings of a breach and complaints taken
before a court or council are `extract.claims.rulings`'.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import extract.claims.rules  # noqa: F401  (registers the constructions of their own modules)
from extract.claims.blame import (
    CHARGEABLE,
    blamed,
    charges,
    denies,
    ongoing,
    under_attack,
)
from extract.claims.content import SAID, asked_for, content_of_act, content_of_verb
from extract.claims.context import (
    RULE_CONFIDENCE,
    UNRESOLVED,
    Context,
    Resolved,
    evidence_bounds,
    make_claim,
    resolve_token,
)
from extract.claims.nouns import (
    NounLexicon,
    accompaniment,
    load_noun_lexicon,
    member_of,
    reception,
    requested_at,
)
from extract.claims.parties import (
    PATIENT_ONLY,
    VERBAL,
    is_locative,
    is_site,
    keeps_empty_object,
    own_side,
    resolved_objects,
    resolved_subjects,
)
from extract.claims.registry import RULES, reading, rule
from extract.claims.reporters import (
    cue_text,
    demands,
    reported_by_actor,
    reporter_as_subject,
    reporter_of,
    voice_of,
)
from extract.claims.rulings import breach_found, is_forum
from extract.claims.stance import wrongdoers
from extract.claims.threats import (
    CONDITIONABLE,
    FORCE,
    PROMISABLE,
    announces,
    announces_legal_step,
    noun_threat_targets,
    promises,
    threat_targets,
    threatens,
)
from extract.claims.verbs import (
    accord_undone,
    holds_view,
    intended_act,
    is_intent,
    noun_relation,
    obligation_modal,
    obliged,
    verb_relation,
)
from extract.records import Actor, Claim
from extract.relations import CODEBOOK
from extract.syntax.arguments import (
    adverbial_host,
    agent_tokens,
    beneficiaries,
    held_responsible,
    hyphen_partners,
    infinitive_addressee,
    is_be_to,
    is_passive,
    joint_parties,
    light_verb,
    light_verb_parts,
    mandated_clause,
    measured_by,
    names_an_act,
    necessity_addressees,
    necessity_noun,
    noun_parts,
    object_tokens,
    prep_objects,
    recipients,
    source_noun,
    subject_tokens,
    with_conjuncts,
)
from extract.syntax.doccache import tokens
from extract.syntax.modality import estimated, is_conditional, is_negated, modality_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from extract.lexicon.cues import Lexicon

#: Speech acts that a person voices for the side they speak for.
_SPOKEN_FOR = CODEBOOK.having("spoken_for")
SYMMETRIC = CODEBOOK.having("symmetric")
_FOR_TARGET = CODEBOOK.having("for_target")
_FROM_GIVER = CODEBOOK.having("from_giver")
AGENTLESS = CODEBOOK.having("agentless")
#: Relations that mean nothing without a target actor.
NEEDS_OBJECT = CODEBOOK.needing_object
#: Parties of a joint act ("Cyprus, Greece and Israel met") that are each paired with each
#: other; a longer list pairs its first party with each other one.
MAX_JOINT_PARTIES = 4
#: Actor types that are never consulted: news outlets (the audience of an interview) and
#: places (where a visit goes, when the place does not stand for a government).
_NOT_CONSULTED = frozenset({"Media", "Place"})
#: What a verb of leading can have at its head, and what it can head: a person or a
#: state leads a party, a government, a force or a coalition ("she leads the party",
#: "Saudi Arabia leads the coalition"); no one leads a person, a country or an unnamed
#: group by a verb ("Biden leads Trump in the polls", "Kenya leads Uganda in exports",
#: "gulf states, led by Saudi Arabia").
_LEADERS = frozenset({"Person", "Country", "Government", "ArmedGroup", "PoliticalParty"})
_LED = frozenset({"Organization", "PoliticalParty", "ArmedGroup", "Government", "Media", "Company"})

FAMILY = "acts"

reading(
    "act.phrase",
    family=FAMILY,
    confidence=0.75,
    doc="a verb with the particle or object its lexicon phrase names ('called on X')",
)
reading("act.passive", family=FAMILY, confidence=0.8, doc="a verb act in the passive voice")
reading(
    "act.announced",
    family=FAMILY,
    confidence=0.6,
    relations=("THREATEN", "AGREE"),
    doc="a step announced with 'will': a threat (force) or a promise (cooperation)",
)
reading(
    "act.negated_subject",
    family=FAMILY,
    confidence=0.6,
    doc="an act whose subject is 'no X' ('no group has claimed'): negated, no subject",
)
reading(
    "act.agentless",
    family=FAMILY,
    confidence=0.6,
    doc="a passive with no agent: the subject stays empty ('attacks blamed on X')",
)


@dataclass(frozen=True)
class EventNoun:
    """An event noun of a relation ("the attack on X", "talks with Y") and its parts."""

    relation: str
    modifiers: list[Token]  # who does it: "US" in "a US strike"
    objects: list[Token]  # whom it targets: "X" in "an attack on X"


class Word:
    """A word of the doc as the act constructions see it; what they ask of it is worked
    out once."""

    def __init__(self, token: Token, ctx: Context, nouns: NounLexicon) -> None:
        self.token = token
        self.ctx = ctx
        self.nouns = nouns

    @cached_property
    def event(self) -> EventNoun | None:
        """The event noun this word is, unless it is only the content or the thing asked
        for of another act ("rejected a request", "asked for talks")."""
        token, ctx = self.token, self.ctx
        if token.pos_ != "NOUN":
            return None
        relation = noun_relation(token, ctx)
        if not relation:
            return None
        if (relation in SAID and content_of_verb(token, ctx)) or asked_for(token, ctx):
            return None
        if token.dep_ == "dobj" and token.head.lemma_.lower() in ctx.lexicon.stopping_verbs:
            return None  # "ended its support for X": the act stopped
        modifiers, objects = noun_parts(
            token, said=relation in VERBAL, for_target=relation in _FOR_TARGET
        )
        return EventNoun(relation, modifiers, objects)


def find_acts(doc: Doc, ctx: Context) -> list[Claim]:
    """Typed act claims in `doc`: each word is tried with the act constructions
    (`RULES.constructions("acts")`) in order, and the first that takes it gives its claims.

    Args:
        doc: the parsed text.
        ctx: the document context (`ctx.quoted` gives acts inside quotes their speaker).

    Returns:
        The claims whose subject is an actor, or with an empty subject when the text
        says nobody ("no group has claimed") or hides the accuser (an agentless
        passive of an `agentless` relation); with an object when the relation needs one.
    """
    claims: list[Claim] = []
    nouns = load_noun_lexicon()
    constructions = [r.function for r in RULES.constructions(FAMILY) if r.function]
    intent = ctx.lexicon.intent_adjectives
    for token in tokens(doc):
        if not may_act(token, intent):
            continue
        word = Word(token, ctx, nouns)
        for construction in constructions:
            found = construction(word, ctx)
            if found is not None:
                claims.extend(found)
                break
    return claims


def may_act(token: Token, intent_adjectives: Collection[str]) -> bool:
    """Whether any act construction can take `token`: a verb (tag VB*), a noun (every
    noun construction needs the word's `event` or a membership noun, both nouns), or an
    adjective of intent (`is_intent`). Every other word is passed over unasked; a
    construction for another kind of word widens this (tests/claims/test_acts_gate.py
    holds every construction to it)."""
    return token.pos_ == "NOUN" or token.tag_.startswith("VB") or token.lower_ in intent_adjectives


@rule(
    "acts.membership",
    family=FAMILY,
    order=10,
    relations=("AFFILIATED_WITH",),
    gives=("act.verb",),
)
def membership_act(word: Word, ctx: Context) -> list[Claim] | None:
    """AFFILIATED_WITH claims of a membership noun ("X, part of the alliance"), kept only
    when the whole is an actor. Membership verbs ("the alliance, which includes X") are
    read with the organisations found (`extract.actors.roles`)."""
    token = word.token
    if token.pos_ != "NOUN" or token.lemma_.lower() not in word.nouns.membership_nouns:
        return None
    parts, wholes = member_of(token, word.nouns.membership_nouns)
    if not parts or not resolved_objects(ctx, "AFFILIATED_WITH", wholes):
        return []
    return list(_claims_for(token.doc, ctx, token, "AFFILIATED_WITH", "act.verb", parts, wholes))


def _accord_left(verb: Token, nouns: NounLexicon, *, undone: bool) -> Token | None:
    """The accord a verb leaves or undoes: the object of a withdrawal's "from" when that
    names a norm ("withdrew from the treaty", "withdrew the US from the deal"), or, for a
    verb of force (`undone`), a norm as its object ("killed the Minsk agreements"); None
    otherwise ("withdrew its troops from the border", "lifted the sanctions", "killed two
    soldiers")."""
    if undone and (accord := accord_undone(verb, nouns)) is not None:
        return accord
    left = prep_objects([verb], ("from",))
    return next((obj for obj in left if obj.lemma_.lower() in nouns.norms), None)


def _owes_blame(verb: Token, ctx: Context) -> Token | None:
    """The subject of "be" in "X is to blame (for Y)": the one the blame is owed by."""
    if verb.lemma_.lower() not in ctx.lexicon.owed_blame or not is_be_to(verb):
        return None
    if any(c.dep_ == "dobj" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


@rule("act.verb", family=FAMILY, order=20, confidence=0.75)
def verb_act(word: Word, ctx: Context) -> list[Claim] | None:
    """A verb of the relation lexicon with its subject and objects ("X accused Y"); every
    verb is taken here, with or without a claim."""
    token = word.token
    if not token.tag_.startswith("VB"):
        return None
    doc = token.doc
    relation, rule_name = verb_relation(token, ctx)
    if (
        relation is None
        and obliged(token, ctx)
        and (reported_by_actor(token, ctx) or voice_of(token, ctx) is not None)
    ):
        # "X said the group must stop its attacks": whatever is required, X demands
        # it (turned into the reporter's REQUEST in `_claims_for`); so does the side an
        # official text speaks for
        relation = "REQUEST"
    if relation is None or content_of_act(token, ctx):
        return []
    if estimated(token, ctx.lexicon):
        return []  # "it is likely that Russia will attack": an estimate, no act nor promise
    if relation == "THREATEN" and not threatens(token, ctx):
        relation = "STATEMENT"
    elif relation == "AGREE" and holds_view(token, ctx.lexicon):
        # "Ruto agreed that the vote was fair": an opinion, no deal; views that differ ("do
        # not agree on how ...") are no statement of anyone's
        if is_negated(token, ctx.lexicon):
            return []
        relation = "STATEMENT"
    elif relation in CONDITIONABLE and announces(
        token, relation, reported=reported_by_actor(token, ctx), lexicon=ctx.lexicon
    ):
        # "they said they would boycott the talks", "will withdraw unless ...": an
        # announced coercive step is a threat (PLOVER THREATEN), not yet the act
        relation, rule_name = "THREATEN", "act.announced"
    elif relation == "ACCUSE" and announces_legal_step(
        token, reported=reported_by_actor(token, ctx), lexicon=ctx.lexicon
    ):
        # "said it would sue the ministry": legal action announced, not yet taken
        relation, rule_name = "THREATEN", "act.announced"
    elif relation in PROMISABLE and promises(token, ctx.lexicon):
        # "Finland will give Tanzania a grant", "Israel will evacuate the
        # settlements": a cooperative step announced is a promise (PLOVER AGREE)
        relation, rule_name = "AGREE", "act.announced"
    if relation == "ACCUSE" and (owing := _owes_blame(token, ctx)) is not None:
        # "Russia is to blame for the war": Russia is accused, by whoever says so; "said it
        # was not to blame" is the speaker's denial (`speech._responsibility`), no act
        reporting = reporter_of(token, ctx)
        blamed_one = resolve_token(ctx, owing, agent=True).actor
        if (
            reporting is not None
            and reporting.actor is not None
            and blamed_one is not None
            and blamed_one.id == reporting.actor.id
        ):
            return []
        return list(
            _claims_for(doc, ctx, token, relation, "act.passive", [], [owing], by_reporter=True)
        )
    if rule_name == "act.blame":
        # the blamed is the object of "to"/"on"/"at"; the accuser is not named
        objects = blamed(token, ctx.lexicon.blamed_preps)
        return list(_claims_for(doc, ctx, token, relation, "act.passive", [], objects))
    passive = is_passive(token)
    objects = object_tokens(
        token, passive=passive, phrase=rule_name == "act.phrase", blame_on=ctx.lexicon.blame_on
    )
    if token.lemma_.lower() in ctx.lexicon.topic_verbs:
        # "discussed U.S. efforts with X": the object is what is talked about; X is the party,
        # wherever the parser hangs "with": on the topic noun only a person ("discussed the
        # war with Zelensky"; in "discussed Israel's ties with Gulf states" they are the topic)
        topics = [tok for tok in objects if tok.dep_ == "dobj"]
        objects = [tok for tok in objects if tok.dep_ != "dobj"] + [
            party
            for topic in topics
            for prep in topic.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for party in prep.children
            if party.dep_ == "pobj" and party.ent_type_ == "PERSON"
        ]
    if passive:
        subjects, rule_name = agent_tokens(token, sources=ctx.lexicon.sources), "act.passive"
        if relation in FORCE and not subjects:
            subjects = _attack_doers(token, ctx)  # "were killed in an attack by Hamas"
    else:
        subjects = subject_tokens(token, sources=ctx.lexicon.sources)
        if not subjects and (glad := _factive_adjective(token, ctx.lexicon)) is not None:
            subjects = subject_tokens(glad.head)  # "X is proud to endorse Y": X endorses
        if relation in FORCE:
            subjects = _force_doers(token, subjects, ctx)
    if rule_name == "act.necessity":
        # "stressed the importance of X holding ...": X is asked; the noun is no target.
        # "stressed the need to address the threat", "the importance of de-escalating":
        # an act asked for with no one named to do it (GUIDE: REQUEST, no object); "the
        # importance of the partnership" asks for no act
        noun = necessity_noun(token, ctx.lexicon.necessity_nouns)
        objects = necessity_addressees(noun) if noun is not None else []
        if not objects and (noun is None or not names_an_act(noun)):
            return []
        rule_name = "act.phrase"
    elif relation == "REQUEST" and (addressee := infinitive_addressee(token)) is not None:
        objects.append(addressee)  # "expects X to act": X is asked
    elif relation == "REQUEST":
        objects.extend(_asked_to_act(token, ctx))  # "called for X's resignation": X is asked
    elif relation == "ACCUSE" and (breakers := breach_found(token)):
        objects.extend(breakers)  # "found that X had breached the treaty"
    elif relation == "ACCUSE" and not objects and (doers := _wrong_in_clause(token, ctx)):
        objects.extend(doers)  # "complained that Uganda had violated the agreement"
    elif relation == "ACCUSE" and token.lemma_.lower() in ctx.lexicon.accountable_verbs:
        # "will hold Russia accountable", parsed with "Russia" the subject of "accountable"
        objects.extend(held_responsible(token, ctx.lexicon.responsibility))
    if relation == "REQUEST" and (source := source_noun(token, ctx.lexicon.sources)):
        objects.extend(recipients(source))  # "sent a memo to X requesting ...
    if relation == "CONSULT":
        # "will speak to the American people", "met the Ukrainian people in Kyiv": a people
        # spoken to is an audience, no party met (PLOVER CONSULT: meetings and talks)
        objects = [tok for tok in objects if tok.lemma_.lower() not in ctx.lexicon.audience_nouns]
    if relation in ("SUPPORT", "AID"):
        # "support its partners in the defense of their territory from Houthi attacks",
        # "defend their freedom from Russian aggression", "backs Ukraine against Russia":
        # what one is shielded from names the attacker, who is no one supported
        # ("thanked the representatives from Burkina Faso": "from" there says who they are)
        wrongs = load_noun_lexicon().wrong_nouns
        objects = [
            tok
            for tok in objects
            if not (
                tok.head.lower_ == "against"
                or (
                    tok.head.lower_ == "from"
                    and (
                        tok.head.head.i == token.i
                        or noun_relation(tok, ctx) in FORCE
                        or tok.lemma_.lower() in wrongs
                    )
                )
            )
        ]
    if relation == "SUPPORT" and token.lemma_.lower() in ctx.lexicon.welcoming_verbs:
        # "welcomed the ministers to Rome, to the meeting of the coalition against ISIS":
        # where one is welcomed, and all named inside it, is no one supported
        objects = [tok for tok in objects if not _destined(tok, token)]
    if relation == "SUPPORT" and rule_name == "act.phrase":
        # "expressed support for X", "voted for X": whom the support is for; the noun of
        # support is no party ("reaffirmed the United States' commitment to Israel": the
        # United States is the side that supports, not the one supported), and a tie is
        # for no one party ("support for strong relations among X and Y")
        nouns = [tok for tok in objects if tok.dep_ == "dobj"]
        supported = [tok for tok in objects if tok.dep_ != "dobj"]
        supported += prep_objects([token, *nouns], ("for",))
        credited = [tok for tok in nouns if tok.lemma_.lower() in ctx.lexicon.credited_nouns]
        credited += [c for tok in credited for c in tok.children if c.dep_ == "conj"]
        # "confirmed X's nomination", "recognized X's efforts and leadership": X is backed
        supported += _holders(credited)
        thanks = [tok for tok in nouns if tok.lemma_.lower() in ctx.lexicon.gratitude_nouns]
        supported += prep_objects(thanks, ("to", "of"))  # "conveyed his thanks to X"
        ties = load_noun_lexicon().tie_nouns
        objects = [tok for tok in supported if tok.lemma_.lower() not in ties]
    if relation == "THREATEN" and token.lemma_.lower() in ctx.lexicon.refusal_threats:
        # "we will not allow Hamas to attack Israel": whom the refusal is aimed at is the
        # one not let act, not the target of the act refused
        objects = [
            tok
            for child in token.children
            if child.dep_ in ("ccomp", "xcomp")
            for tok in child.children
            if tok.dep_ == "nsubj"
        ] or [tok for tok in objects if tok.head is token]
    if rule_name == "act.possession":
        # "rejected Somalia's claim to the waters": the claimant is rejected, not the waters
        claims_made = [tok for tok in objects if tok.dep_ == "dobj"]
        objects = _holders(claims_made) + prep_objects(claims_made, ("by",))
        rule_name = "act.verb"
    undone = relation == "REJECT" and ctx.lexicon.verbs.get(token.lemma_.lower()) in FORCE
    if (relation == "RETREAT" or undone) and (
        accord := _accord_left(token, word.nouns, undone=undone)
    ):
        # "withdrew the US from the nuclear deal with Iran", "killed the Minsk agreements":
        # leaving or undoing an accord rejects it and the side it was made with (PLOVER
        # REJECT), no pull-back of forces; whom the verb withdraws is the leaver's own
        # side, and a place the accord is named after is no party
        relation = "REJECT"
        objects = prep_objects([accord], ("with",))
    if relation == "RETREAT" and rule_name == "act.phrase":
        # "commuted the sentence of X", "commuted X's sentence": X is released
        held = [
            tok
            for tok in objects
            if tok.dep_ == "dobj" and tok.lemma_.lower() in ctx.lexicon.held_nouns
        ]
        objects.extend(_holders(held))
    if relation == "SANCTION" and rule_name == "act.phrase":
        # "rescinded a waiver allowing X to ...": X loses what it was granted
        objects.extend(tok for obj in list(objects) for tok in beneficiaries(obj))
    return list(_claims_for(doc, ctx, token, relation, rule_name, subjects, objects))


def _force_doers(verb: Token, subjects: list[Token], ctx: Context) -> list[Token]:
    """Who does an act of force whose subject is a weapon or an attack: "launched missiles
    targeting US troops" (a participle on the weapon fired: whoever launched them),
    "attacks by Hamas targeted soldiers", "Hamas's attack killed two soldiers" (the
    attack's own doer). Other subjects are kept as they are."""
    instruments = ctx.lexicon.instruments
    weapon = verb.head
    if (
        not subjects
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and weapon.dep_ == "dobj"
        and weapon.lemma_.lower() in instruments
        and _fires(weapon.head, ctx)
    ):
        return subject_tokens(weapon.head, sources=ctx.lexicon.sources)
    doers: list[Token] = []
    for subject in subjects:
        if subject.pos_ != "NOUN" or subject.lemma_.lower() not in instruments:
            return subjects
        doers += _doers_of_attack(subject)
    return doers or subjects


def _wrong_in_clause(verb: Token, ctx: Context) -> list[Token]:
    """Whom an accusation with a clause accuses: the doer of the wrong or the act of force
    the clause tells ("complained that Uganda had violated the agreement", "alleged that
    he was punched by the minister"); none when the clause tells no wrong or its doer is
    the speaker ("complained that we were not consulted")."""
    doers: list[Token] = []
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not clause.tag_.startswith("VB"):
            continue
        if ctx.lexicon.verbs.get(clause.lemma_.lower()) not in FORCE and not wrongdoers(
            clause, ctx
        ):
            continue
        if is_negated(clause, ctx.lexicon):
            continue
        found = agent_tokens(clause) if is_passive(clause) else subject_tokens(clause)
        doers += [tok for tok in found if tok.lower_ not in ctx.lexicon.first_person]
    return doers


def _fires(host: Token, ctx: Context) -> bool:
    """Whether `host` carries out the attack or fires the weapon it takes as object
    ("launched missiles", "fired rockets", "conducted strikes"), not one that only speaks
    of it ("condemned the attack targeting X")."""
    lemma = host.lemma_.lower()
    return (
        lemma in ctx.lexicon.light_verbs
        and not ctx.lexicon.is_speech(lemma)
        or (ctx.lexicon.verbs.get(lemma) in FORCE)
    )


def _attack_doers(verb: Token, ctx: Context) -> list[Token]:
    """The doers of the attack a passive act of force happened in ("two soldiers were
    killed in an attack by Hamas", "in Hamas's attack")."""
    return [
        doer
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
        for attack in prep.children
        if attack.dep_ == "pobj" and attack.lemma_.lower() in ctx.lexicon.instruments
        for doer in _doers_of_attack(attack)
    ]


def _doers_of_attack(attack: Token) -> list[Token]:
    """Who an attack noun names as its doer: its possessor or its "by" phrase."""
    own = [child for child in attack.children if child.dep_ == "poss"]
    return own or prep_objects([attack], ("by",))


def _destined(tok: Token, verb: Token) -> bool:
    """Whether `tok` is in a destination of `verb`: under a "to" or "into" phrase between
    it and the verb ("welcomed them to Rome, to the meeting of X")."""
    node = tok
    while node.i != verb.i and node.head.i != node.i:
        if node.dep_ in ("prep", "dative") and node.lower_ in ("to", "into"):
            return True
        node = node.head
    return False


def _factive_adjective(verb: Token, lexicon: Lexicon) -> Token | None:
    """The emotive adjective whose infinitive `verb` is, when that tells the act done ("is
    proud to endorse X", `factive_adjectives`); none under a hypothetical copula ("would be
    glad to meet X")."""
    adjective = verb.head
    if not (
        verb.dep_ == "xcomp"
        and adjective.dep_ == "acomp"
        and adjective.lower_ in lexicon.factive_adjectives
    ):
        return None
    copula = adjective.head
    if any(c.dep_ == "aux" and c.lower_ in lexicon.hypothetical for c in copula.children):
        return None
    return adjective


@rule("acts.intent", family=FAMILY, order=17, gives=("act.verb",))
def intent_act(word: Word, ctx: Context) -> list[Claim] | None:
    """An adjective of intent: "Norway is willing to send troops" is intent to cooperate,
    done by the subject; "ready to strike X" is force announced, a threat
    (`extract.claims.verbs.intended_act`)."""
    token = word.token
    if not is_intent(token, ctx):
        return None
    relation, objects = intended_act(token, ctx)
    if relation is None:
        return []
    if token.dep_ == "acomp":
        subjects = subject_tokens(token.head)
    else:  # "Norway is committed to Estonia" read as a passive: its passive subject
        subjects = [child for child in token.children if child.dep_ == "nsubjpass"]
    return list(_claims_for(token.doc, ctx, token, relation, "act.verb", subjects, objects))


@rule(
    "acts.joint_noun",
    family=FAMILY,
    order=40,
    relations=("COOPERATE",),
    gives=("act.light",),
)
def joint_act(word: Word, ctx: Context) -> list[Claim] | None:
    """ "In partnership with X, the agency vaccinated ...": the verb's subject acts
    together with X (PLOVER COOPERATE)."""
    token, event = word.token, word.event
    if event is None or token.lemma_.lower() not in ctx.lexicon.joint_nouns:
        return None
    host = adverbial_host(token, ctx.lexicon.joint_preps)
    if host is None:
        return None
    subjects = agent_tokens(host) if is_passive(host) else subject_tokens(host)
    found = _claims_for(
        token.doc,
        ctx,
        token,
        "COOPERATE",
        "act.light",
        subjects,
        event.objects,
        fallback=event.modifiers,
        anchor=host,
    )
    return list(found)


@rule("acts.reception", family=FAMILY, order=50, gives=("act.light",))
def received_act(word: Word, ctx: Context) -> list[Claim] | None:
    """ "The raid drew condemnation from X", "emerged with the support of X": X does the
    act; the clause's subject receives it."""
    token, event = word.token, word.event
    if event is None:
        return None
    parts = reception(token, word.nouns)
    if parts is not None and token.lemma_.lower() in word.nouns.complaint_words:
        return []  # "received a complaint / warrants from X": the receiver is the forum
    if parts is None and event.relation in word.nouns.accompanying_relations:
        parts = accompaniment(token, word.nouns)
        if parts is not None and parts[0].lemma_.lower() in ctx.lexicon.negating_heads:
            # "with the support of the US, Russia has failed to ...": the support brought
            # the failure about; whoever fails is not the one supported
            return []
    if parts is None and event.relation == "REQUEST":
        parts = requested_at(token, word.nouns)  # "sent troops at the request of Iraq"
    if parts is None:
        return None
    receiver, doers, targets = parts
    found = _claims_for(
        token.doc, ctx, token, event.relation, "act.light", doers, targets, anchor=receiver
    )
    return list(found)


#: Acts besides force whose patient is the subject of "under": "under EU sanctions",
#: "came under criticism from X"; their agent may be a compound ("EU sanctions").
_UNDER_RELATIONS = frozenset({"SANCTION", "ACCUSE"})


@rule("acts.under_attack", family=FAMILY, order=60, gives=("act.noun",))
def under_attack_act(word: Word, ctx: Context) -> list[Claim] | None:
    """ "The bases came under (Israeli) attack", "Turkey is under EU sanctions", "the
    minister came under criticism from Kenya": the subject is attacked, sanctioned or
    criticised, by the noun's modifier ("EU sanctions"; not "rocket attack") or source, or
    by no one the clause names."""
    token, event = word.token, word.event
    if event is None or event.relation not in PATIENT_ONLY | _UNDER_RELATIONS:
        return None
    host = under_attack(token)
    if host is None:
        return None
    agents = event.modifiers
    if event.relation not in _UNDER_RELATIONS:
        agents = [tok for tok in agents if tok.dep_ != "compound"]
    found = _claims_for(
        token.doc,
        ctx,
        token,
        event.relation,
        "act.noun",
        agents,
        subject_tokens(host),
        anchor=host,
        agentless=True,
    )
    return list(found)


def _giver_of_amount(noun: Token, relation: str, ctx: Context) -> Token | None:
    """The verb that gives or announces an amount of what `noun` names: "is providing $100
    million in military assistance to Ukraine", "announced $54 million in aid for Yemen"
    (a light verb, or a verb of the noun's own relation, whose object the amount is)."""
    amount = measured_by(noun)
    if amount is None or amount.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = amount.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = verb.lemma_.lower()
    if lemma in ctx.lexicon.light_verbs or ctx.lexicon.verbs.get(lemma) == relation:
        return verb
    return None


@rule("act.light", family=FAMILY, order=70, confidence=0.7)
def light_verb_act(word: Word, ctx: Context) -> list[Claim] | None:
    """An event noun of a light verb ("held talks with X", "launched an attack on X"): the
    verb's subject does the act, and its negation and modality hold; the noun's target
    attaches less surely than a verb's."""
    token, event = word.token, word.event
    if event is None:
        return None
    verb = light_verb(token, ctx.lexicon.light_verbs) or _giver_of_amount(
        token, event.relation, ctx
    )
    if verb is None:
        return None
    subjects, verb_objects = light_verb_parts(verb)
    objects = [*event.objects, *verb_objects]
    if event.relation in _FROM_GIVER and (givers := prep_objects([token], ("from",))):
        # "announced $585 million in assistance from the United States to Yemen": the
        # giver named, not whoever announces it
        subjects, objects = givers, [o for o in objects if o.i not in {g.i for g in givers}]
    parties = _parties(token, event, subjects, ctx)
    if parties:
        subjects, objects = parties, []  # "talks between X and Y were held"
    found = _claims_for(
        token.doc,
        ctx,
        token,
        event.relation,
        "act.light",
        subjects,
        objects,
        fallback=event.modifiers,
        anchor=verb,
    )
    return list(found)


@rule("act.noun", family=FAMILY, order=80, confidence=0.4)
def event_noun_act(word: Word, ctx: Context) -> list[Claim] | None:
    """An event noun on its own ("a US strike on X", "Barzani's visit to Washington"):
    subject and object are guessed from its modifiers, hence the low confidence."""
    token, event = word.token, word.event
    if event is None:
        return None
    subjects, objects = event.modifiers, event.objects
    if token.dep_ == "dobj" and token.head.lemma_.lower() in ctx.lexicon.topic_verbs:
        # "discussed US support for Ukraine with Zelensky": whom it was discussed with
        objects = [tok for tok in objects if tok.head.lower_ != "with"]
    if event.relation in ("ACCUSE", "REJECT") and not objects:
        # "went ahead with the plan despite criticism from Greece": whoever goes ahead
        objects = _defiers(token, ctx.lexicon.defiance_preps)
    parties = _parties(token, event, subjects, ctx)
    if parties:
        subjects, objects = parties, []
    elif event.relation in SYMMETRIC:
        if event.relation == "AGREE":
            # "the Turkish-Libyan agreement": both sides the hyphen joins made it (talks and
            # partnerships so named are as often a round to come or a tie: "ahead of new
            # Iraq-US talks", "a strong US-Iraqi partnership")
            subjects = list({t.i: t for s in subjects for t in (s, *hyphen_partners(s))}.values())
        if (
            not objects
            and len(resolved_subjects(ctx, subjects, agent=True)) < 2
            and not any(s.dep_ == "poss" for s in subjects)
        ):
            # "the NATO treaty", "the Paris accord": a joint act's noun with one side as
            # its modifier names the accord, not who made it with whom
            return []
    return list(_claims_for(token.doc, ctx, token, event.relation, "act.noun", subjects, objects))


def _defiers(noun: Token, preps: Collection[str]) -> list[Token]:
    """Who acts in defiance of what `noun` names: the subject (or agent) of the verb its
    "despite", "amid", "in spite of" or "in the face of" phrase hangs on ("went ahead
    despite criticism from X" -> the one who went ahead); none otherwise."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return []
    if prep.lower_ == "of" and prep.head.lower_ in ("spite", "face"):
        prep = prep.head.head  # "in spite of", "in the face of"
        if prep.dep_ != "prep" or prep.lower_ != "in":
            return []
    elif prep.lower_ not in preps:
        return []
    verb = prep.head
    if not verb.tag_.startswith("VB"):
        return []
    return agent_tokens(verb) if is_passive(verb) else subject_tokens(verb)


def _parties(token: Token, event: EventNoun, subjects: list[Token], ctx: Context) -> list[Token]:
    """The parties a joint act's noun names together when nobody else is said to act:
    "talks between Kenya and Somalia (were held)", "the trilateral meeting of Cyprus,
    Greece and Israel"; empty when the act has an actor of its own ("US-hosted talks")."""
    if event.relation not in SYMMETRIC:
        return []
    if resolved_subjects(ctx, subjects, agent=True):
        return []
    parties = joint_parties(token)
    return parties if len(parties) > 1 else []


def _holders(nouns: list[Token]) -> list[Token]:
    """Whose nomination, effort or sentence `nouns` are: their possessors and "of" objects
    ("X's sentence", "the appointment of X")."""
    owners = [child for noun in nouns for child in noun.children if child.dep_ == "poss"]
    return owners + prep_objects(nouns, ("of",))


def _asked_to_act(verb: Token, ctx: Context) -> list[Token]:
    """Who a request asks to act when it names the act asked for: the possessor of the
    act ("called for X's resignation", "demanded Somalia's withdrawal"), the one who
    would resign or apologise ("called for the resignation of X"), or the subject of a
    clause of what must be done (`_mandated`: "demanded that Iran punish those
    responsible", "urged that Kenya should withdraw")."""
    nouns = [child for child in verb.children if child.dep_ == "dobj"]
    nouns += prep_objects([verb], ("for",))
    asked: list[Token] = list(_mandated(verb, ctx))
    for noun in nouns:
        relation = noun_relation(noun, ctx)
        if relation is None:
            continue
        asked.extend(child for child in noun.children if child.dep_ == "poss")
        if relation == "CONCEDE":
            asked.extend(prep_objects([noun], ("of",)))
    return asked


def _mandated(verb: Token, ctx: Context) -> list[Token]:
    """The subjects of a "that" clause of a request verb `verb` that says what must be
    done (`mandated_clause`: "demanded that Iran punish those responsible", "urged that
    Kenya should withdraw"), unless the clause has its own negation."""
    return [
        t
        for clause in verb.children
        if mandated_clause(clause) and not is_negated(clause, ctx.lexicon)
        for c in clause.children
        if c.dep_ == "nsubj"
        for t in with_conjuncts(c)
    ]


#: Entity types that name no party of an act: dates, times and amounts.
_NO_PARTY_ENTITIES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)


def _names_a_party(token: Token, ctx: Context) -> bool:
    """Whether an object of a joint act names a party outside its subjects: a name ("met
    Jane Roe"), a person's title or a group ("met the envoy", "met reporters"); not what
    they did or discussed together ("signed a deal", "talks on salaries"), a date, nor
    the subjects themselves ("met each other", "met together")."""
    from extract.actors.names import actor_lexicon

    lemma = token.lemma_.lower()
    if lemma in ctx.lexicon.together_words or lemma in ("other", "another", "each", "one"):
        return False
    if token.ent_type_ in _NO_PARTY_ENTITIES:  # "met on Sunday"
        return False
    if token.pos_ == "PROPN":
        return not ctx.lexicon.is_content_noun(lemma)
    people = actor_lexicon()
    titled = (  # a person's title, not a portfolio ("finance", "oil") or a joiner
        lemma in people.title_words
        and lemma not in people.institution_words
        and lemma not in people.title_joiners
    )
    return token.pos_ == "NOUN" and (titled or lemma in people.group_nouns)


def _quoted_demand(verb: Token, ctx: Context) -> bool:
    """Whether `verb` is a passive a direct quote says must or should be done, not negated
    ('"The prisoners must be released"', '"This truce must be respected"'). Reported in a
    clause ("X said the protesters should be released") annotators took it for a
    statement, and in transcripts and official texts "needs to be worked out", "has to
    be followed" are talk, not demands: those stay as they were."""
    return (
        verb.i in ctx.quoted
        and is_passive(verb)
        and obligation_modal(verb, ctx.lexicon)
        and not is_negated(verb, ctx.lexicon)
    )


def _in_instrument(verb: Token, ctx: Context) -> bool:
    """Whether a passive attack happened in a strike or an attack ("was killed in the
    January strike"): the attack noun is the act, with its own doer when the text names
    one, and the agentless passive adds nothing to it (an arrest "in an operation" is
    the operation's only telling of its captive, and stays)."""
    return any(
        pobj.lemma_.lower() in ctx.lexicon.instruments
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    )


def _in_mishap(verb: Token, ctx: Context) -> bool:
    """Whether a passive of force tells a mishap ("was killed in a car crash", "injured in
    an earthquake"): no one attacked."""
    return any(
        pobj.lemma_.lower() in ctx.lexicon.mishaps
        for pobj in prep_objects([verb], ("in", "during", "by"))
    )


def _obliged(subjects: list[Resolved], subject_toks: list[Token], ctx: Context) -> list[Resolved]:
    """Who an obligation asks to act. When what must stop is an act ("the detention of
    X must end", "the torture of prisoners like X must cease"), it is the act's doer, its
    possessor ("Iran's attacks must stop"), never whom the act is done to; an act with no
    doer named asks no one named."""
    acts = [tok for tok in subject_toks if tok.pos_ == "NOUN" and noun_relation(tok, ctx)]
    if not acts:
        return subjects
    # the parser may give the verb the act's patient as a second subject ("the torture
    # of prisoners like X must cease": X)
    owners = [
        child
        for tok in acts
        for noun in (tok, *tok.conjuncts)
        for child in noun.children
        if child.dep_ == "poss"
    ]
    return resolved_subjects(ctx, owners, agent=True)


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
    agentless: bool = False,
    by_reporter: bool = False,
) -> Iterator[Claim]:
    """Claims of the act `token` names; `fallback` subjects are tried when none of
    `subject_toks` resolves, and `anchor` (a light verb) carries negation, modality and
    the reporter when it is not `token` itself; an `agentless` act keeps an empty
    subject when it has an object; an act `by_reporter` is done by whoever says it, when
    a quote or a reported clause names who ("Kenya said Somalia was to blame")."""
    verbal = relation in VERBAL
    anchor = anchor if anchor is not None else token
    if rule != "act.noun" and _no_subject(anchor, ctx):
        # "no group has claimed responsibility": a negated claim with nobody as subject
        subjects, rule = [UNRESOLVED], "act.negated_subject"
    else:
        # a capital as a party of a meeting or deal stands for its government ("Erbil and
        # Baghdad reached an agreement"), as it does as the subject of a said act
        # (a pronoun stays a pronoun: "it" is resolved by reference, not as a place)
        agent = verbal or (
            relation in SYMMETRIC and all(tok.pos_ != "PRON" for tok in subject_toks)
        )
        subjects = reporter_as_subject(anchor, ctx, subject_toks) or resolved_subjects(
            ctx, subject_toks, agent=agent, joint=relation in SYMMETRIC
        )
        if not subjects and fallback:
            subjects = resolved_subjects(ctx, fallback, agent=agent)
        if not subjects and by_reporter:
            reporting = reporter_of(anchor, ctx)
            if reporting is not None and reporting.actor is not None:
                subjects = [reporting]
        if not subjects and any(
            tok.lower_ in ctx.lexicon.reporter_pronouns and tok.i not in ctx.quoted
            for tok in subject_toks
        ):
            # "Switzerland said it had expelled ...": a pronoun subject of a reported clause
            # the text gives no other referent for is the reporter itself
            reporting = reporter_of(anchor, ctx)
            if reporting is not None and reporting.actor is not None:
                subjects = [Resolved(reporting.actor, "pronoun")]
    if not verbal:
        # a place does nothing: in "the field came under attack, striking a tank" the
        # attack struck (PLOVER codes an actor as the source of an event)
        subjects = [s for s in subjects if s.actor is None or not is_site(s.actor, subject_toks)]
    if (
        relation not in FORCE
        and relation != "THREATEN"
        and not (relation == "ACCUSE" and rule == "act.phrase")
    ):
        # "hosted X at the White House": a place after "at"/"in" locates the act; after a
        # phrase of criticism ("lashed out at X", "took aim at X") "at" names the target
        object_toks = [
            tok for tok in object_toks if not is_locative(tok, ctx.lexicon.locative_preps)
        ]
    if relation == "ACCUSE":
        # "took X to court", "lodged a complaint with the Security Council": the forum
        # hears the accusation, it is not accused
        object_toks = [tok for tok in object_toks if not is_forum(tok)]
    if relation == "LEADS":
        # the body led is the object itself, not a delegation, a campaign or the diplomacy
        # of it ("headed the U.S. delegation", "led the military's campaign")
        # or a body a delegation came from ("led a delegation from the NSC")
        found_at = getattr(ctx.resolver, "found_at", None)
        object_toks = [
            tok
            for tok in object_toks
            if found_at is not None and found_at(tok) and _led_directly(tok, token)
        ]
    objects = resolved_objects(ctx, relation, object_toks)
    # "the gas field came under attack", "visited the border crossing": a site is where,
    # not whom (GUIDE.md: places that only locate something are no actors)
    objects = [o for o in objects if not is_site(o.actor, object_toks)]
    if relation == "CONSULT" and objects:
        # "speaking to Al Jazeera", "talked to the BBC": an interview, the outlet is the
        # audience of what is said, not a party the speaker consults (PLOVER CONSULT);
        # "will travel to Matera": a town that is no seat of government is where, not whom
        objects = [o for o in objects if o.actor is None or o.actor.type not in _NOT_CONSULTED]
        if not objects:
            return
    if relation == "LEADS":
        objects = [o for o in objects if o.actor is not None and o.actor.type in _LED]
        subjects = [s for s in subjects if s.actor is not None and s.actor.type in _LEADERS]
        if not objects or not subjects:
            return
    if not objects and relation == "THREATEN" and rule != "act.noun":
        objects = resolved_objects(ctx, relation, threat_targets(token, ctx))
    elif not objects and relation == "THREATEN":
        # "threats of sanctions on X": whom the threatened act of force targets
        objects = resolved_objects(ctx, relation, noun_threat_targets(object_toks, ctx))
    if (
        not objects
        and rule == "act.noun"
        and relation in ("THREATEN", "REQUEST")
        and not any(child.dep_ in ("acl", "ccomp") for child in token.children)
    ):
        # "the threat from ISIS", "responded to his request": a threat or demand addressed
        # to no one named and saying nothing ("demands that X grant ...") is a danger or a
        # thing asked for, not an act between actors
        return
    if not subjects and rule != "act.noun" and _quoted_demand(anchor, ctx):
        # '"The prisoners must be released," X said': an act a quote requires of no one
        # named is the speaker's demand, of no one (GUIDE: REQUEST)
        subjects = [UNRESOLVED]
    if not subjects:
        # "attacks blamed on pro-Iran groups": someone accuses them, the text says not who
        if not (
            (agentless or (rule == "act.passive" and relation in AGENTLESS and not subject_toks))
            and objects
        ):
            return
        if not agentless:
            # "six Mexican nationals were killed": with nobody named as doer, people of a
            # state are not the state (a group's operative still stands for the group:
            # "an ISIS operative was captured"); "X said all protesters should be released"
            # asks no one named (a statement; in a quote, `_quoted_demand`)
            objects = [
                obj
                for obj in objects
                if obj.how != "modifier"
                or obj.actor is None
                or obj.actor.type not in ("Country", "Government")
            ]
            if (
                not objects
                or obliged(anchor, ctx)
                or (
                    relation == "ASSAULT"
                    and (_in_instrument(anchor, ctx) or _in_mishap(anchor, ctx))
                )
            ):
                return
        subjects, rule = [UNRESOLVED], "act.agentless"
    if rule != "act.noun" and obliged(anchor, ctx):
        # "X said Y must withdraw": X demands it of Y (PLOVER REQUEST); in an official
        # text, the side it speaks for demands what it says must be done
        if any(tok.lower_ in ctx.lexicon.first_person for tok in subject_toks):
            return  # "I have to say", "we must act": the speaker's own resolve, no request
        reporter = reporter_of(anchor, ctx) or voice_of(anchor, ctx)
        if reporter is not None and reporter.actor is not None:
            yield from demands(
                doc, ctx, token, anchor, reporter, _obliged(subjects, subject_toks, ctx)
            )
        # else "the treaty must be ratified by Kenya": a requirement the text states, asked
        # by no one named, is no event of the graph
        return
    if rule != "act.announced" and is_conditional(anchor, ctx.lexicon):
        # "if Iran attacked Israel ...", "a withdrawal would change the war": a supposed
        # act is no event of the graph (PLOVER codes what happened or was said)
        return
    partners: dict[int, list[Resolved]] = {}
    if (
        not objects
        and relation in SYMMETRIC
        and len(subjects) > 1
        and token.lemma_.lower() not in ctx.lexicon.one_sided_commitments
        and not (relation == "CONSULT" and any(_names_a_party(tok, ctx) for tok in object_toks))
    ):
        # "Erbil and Baghdad reached an agreement", "Cyprus, Greece and Israel met": each
        # party with each other one; in a longer list the first with each other one (not
        # "Kenya and Uganda pledged funds": the same pledge, made to no one of them; nor
        # "Kenya and Uganda met the envoy": a meeting with someone else, though no actor
        # of the graph; an agreement "with" a third party still binds them to each other)
        parties = subjects
        if len(parties) <= MAX_JOINT_PARTIES:
            subjects = parties[:-1]
            partners = {n: parties[n + 1 :] for n in range(len(subjects))}
        else:
            subjects = parties[:1]
        objects = parties[1:]
    patient_factor = 1.0
    if not objects:
        if relation in NEEDS_OBJECT:
            if not keeps_empty_object(relation, token, object_toks, rule, ctx):
                return
            patient_factor = 0.8  # the patient is named, but is no actor of the graph
        objects = [UNRESOLVED]
    reporter = reporter_of(anchor, ctx)
    refusal = relation == "THREATEN" and anchor.lemma_.lower() in ctx.lexicon.refusal_threats
    # "will not tolerate": the negation is the threat itself
    negated = not refusal and is_negated(anchor, ctx.lexicon)
    polarity = "negated" if negated else "affirmed"
    bounds = evidence_bounds(doc, token.i, token.i)
    if (
        relation in CHARGEABLE
        and token is anchor
        and token.tag_.startswith("VB")
        and reporter is not None
        and reporter.actor is not None
        and ongoing(token)
    ):
        # "the militias are attacking the United States," Schenker said: an ongoing act of
        # force told by a speaker is the speaker's accusation (PLOVER ACCUSE)
        yield from charges(doc, ctx, token, reporter, subjects, negated=negated)
        return
    if relation in CHARGEABLE and negated and (denial := denies(doc, ctx, token, subjects)):
        # "the party had never attacked Iran," its spokesman said: a denial (PLOVER DENY)
        yield denial
        return
    if relation in _SPOKEN_FOR and reporter is not None and reporter.actor is not None:
        # "the United States will take whatever actions are necessary," said its envoy: a
        # threat or demand voiced in the name of the speaker's own side is the speaker's
        subjects = [
            Resolved(reporter.actor, subject.how) if own_side(subject, reporter) else subject
            for subject in subjects
        ]
    for n, subject in enumerate(subjects):
        speaker: Actor | None = subject.actor if verbal else None
        reported = False
        if reporter is not None and reporter.actor is not None:
            reported = subject.actor is None or reporter.actor.id != subject.actor.id
            speaker = reporter.actor
        elif reporter is not None and not verbal:
            # "his associates alleged he was poisoned", an unattributed quote: someone the
            # text names no actor for tells the act; the text does not assert it (a verbal
            # act is its subject's own saying: "the coalition said it supported the UN")
            reported = True
        modality = (
            ("reported" if reported else "asserted")
            if rule == "act.announced"  # the threat is made, whatever the modal says
            else modality_of(anchor, ctx.lexicon, reported=reported)
        )
        for obj in _others(subject, partners.get(n, objects), needs=relation in NEEDS_OBJECT):
            if relation == "SUPPORT" and rule == "act.phrase" and own_side(obj, subject):
                # "Biden reaffirmed the commitment to the partnership between Iraq and the
                # United States": a person's support names the other side, not their own
                continue
            confidence = (
                RULE_CONFIDENCE[rule]
                * subject.factor
                * (obj.factor if obj.actor else 0.9)
                * patient_factor
            )
            yield make_claim(
                ctx,
                doc,
                relation=relation,
                subject=subject.actor,
                object_=obj.actor,
                speaker=speaker,
                cue=cue_text(token, ctx.lexicon),
                quote=None,
                bounds=bounds,
                polarity=polarity,
                modality=modality,
                confidence=confidence,
                rule=rule,
            )


def _led_directly(tok: Token, verb: Token) -> bool:
    """Whether `tok` (or the first of a list it is in) is what `verb` leads itself: its
    direct object, its passive subject, or the noun a participle hangs on ("the party,
    headed by X"); not a body a delegation came from ("led a delegation from the NSC")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i == verb.i:
        return tok.dep_ in ("dobj", "nsubjpass")
    return verb.dep_ == "acl" and verb.head.i == tok.i


def _others(subject: Resolved, objects: list[Resolved], *, needs: bool) -> list[Resolved]:
    """The objects that are not the subject itself; when the only object is the subject's
    own ("urged its citizens", "reneged on his commitment"), the act stays with an empty
    object unless its relation needs one."""
    if subject.actor is None:
        return objects
    others = [o for o in objects if o.actor is None or o.actor.id != subject.actor.id]
    return others or ([] if needs else [UNRESOLVED])


def _no_subject(token: Token, ctx: Context) -> bool:
    """Whether the act's subject is a "no X" ("no group has claimed responsibility")."""
    return any(
        child.dep_ in ("nsubj", "nsubjpass")
        and any(
            g.dep_ == "det" and g.lower_ in ctx.lexicon.negating_determiners for g in child.children
        )
        for child in token.children
    )
