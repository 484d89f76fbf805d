"""Reported speech without quote marks: "X said that ...", "X told Rudaw ...", "according to X".

A speech cue whose relation is a plain STATEMENT (say, tell, stress, ...) and that
reports a clause (a "ccomp") or addresses someone ("told Rudaw") becomes a claim with
the cue's subject as speaker and modality "reported". A reported clause about
responsibility sharpens it: "X said it was not involved" is a DENY, "X said it was
behind the attack" a CLAIM_RESPONSIBILITY, "X said Iran was responsible" an ACCUSE of
Iran. Cues with a sharper relation (accuse, urge, deny, warn) are typed acts and belong
to `extract.claims.acts`; cues already attributed to a direct quote belong to
`extract.claims.quotes`.
A verb of telling with what it tells as its object ("reported sixteen deaths", "declared
a national emergency") states it too. Two stances need no clause: a verdict ("described
the strike as a crime": ACCUSE; "called the pact a milestone": SUPPORT, see
`extract.claims.stance`) and praise of something that is no actor ("welcomed the deal":
SUPPORT with no object).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from extract.claims.context import (
    RULE_CONFIDENCE,
    Context,
    Resolved,
    evidence_bounds,
    make_claim,
    own_side,
    resolve_token,
)
from extract.claims.quotes import cue_speaker_token, opens_according_to, or_none, phrase_speakers
from extract.claims.registry import reading
from extract.claims.reporters import parenthetical_cue, reporter_of, voice_of
from extract.claims.speakers import is_anonymous_source
from extract.claims.stance import (
    alleged,
    claimed_force,
    condemns_unnamed,
    named_wrongs,
    praised,
    verdict,
    verdict_objects,
    wrong_doers,
    wrongdoers,
)
from extract.lexicon.cues import phrase_relation
from extract.records import Actor, Claim
from extract.syntax.arguments import clause_verb, is_passive, mandated_clause, with_conjuncts
from extract.syntax.doccache import tokens
from extract.syntax.modality import is_conditional, is_negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


FAMILY = "speech"

for _name, _confidence, _doc in (
    ("speech.reported", 0.75, "reported speech: a cue verb and its clause"),
    ("speech.according_to", 0.75, "'..., according to X'"),
    ("speech.verdict", 0.7, "'called it a crime': a stance read from the words chosen"),
    ("speech.endorse", 0.65, "'welcomed the deal': praise of no actor"),
    ("speech.attitude", 0.65, "'expressed concern': a stance stated, its content unsaid"),
    ("speech.content", 0.6, "'reported sixteen deaths': what is told as the cue's object"),
    ("speech.responsibility", 0.7, "a reported clause on who did it (DENY, ACCUSE, ...)"),
    ("speech.praise", 0.7, "a reported clause praising another actor (SUPPORT)"),
    ("speech.voiced_wrong", 0.6, "an official text telling or naming another side's wrong"),
):
    reading(_name, family=FAMILY, confidence=_confidence, doc=_doc)


def _reported_clauses(cue: Token, ctx: Context) -> list[Token]:
    """The heads of the clauses `cue` reports: its clausal complements, or, for a cue set
    into a clause as an aside ("The talks, the minister said, will resume"), that clause."""
    clauses = [child for child in cue.children if child.dep_ in _CLAUSE_DEPS]
    if not clauses and cue.dep_ == "parataxis":
        aside = parenthetical_cue(cue.head, ctx)
        if aside is not None and aside.i == cue.i:
            clauses = [cue.head]
    return clauses


def _responsibility(
    cue: Token, speaker: Actor, ctx: Context
) -> tuple[str, list[Actor], Token] | None:
    """The sharper relation of a reported clause about responsibility, its objects and the
    clause's verb: DENY ("said it was not involved"), CLAIM_RESPONSIBILITY ("said it was
    behind the attack"), ACCUSE ("said Iran was responsible"); and of a clause praising
    another actor: SUPPORT ("said Ruto was an honest man"); None for other clauses."""
    words = ctx.lexicon.responsibility
    own = own_side(speaker)
    against = alleged(cue, ctx)  # the cue's own reading: the same for every clause
    contested = cue.lemma_.lower() in ctx.lexicon.contested_cues
    for clause in _reported_clauses(cue, ctx):
        if (
            cue.lemma_.lower() in ctx.lexicon.mandative_cues
            and mandated_clause(clause)
            and not is_negated(clause, ctx.lexicon)
        ):
            # "insisted that Congress include the funding": what must be done is asked of
            # the clause's subject (PLOVER REQUEST), not stated
            asked = [
                actor
                for subject in clause.children
                if subject.dep_ == "nsubj"
                for tok in with_conjuncts(subject)
                if (actor := resolve_token(ctx, tok).actor) is not None and actor.id not in own
            ]
            return "REQUEST", asked, clause
        broken = wrongdoers(clause, ctx) or ([against] if against is not None else [])
        if not broken and contested:
            broken = claimed_force(clause, ctx)  # "Kenya claimed X had attacked journalists"
        if broken:
            # "Kenya said Somalia had violated the truce", "Kenya alleged Somalia was
            # arming the rebels": Kenya accuses Somalia (not itself, of its own deal)
            others = [actor for actor in broken if actor.id not in own]
            return ("ACCUSE", others, clause) if others else None
        lauded = praised(clause, ctx)
        if lauded is not None:
            return ("SUPPORT", [lauded], clause) if lauded.id not in own else None
        if condemns_unnamed(clause, ctx):
            return "ACCUSE", [], clause  # "said the murder was a cowardly crime"
        predicate = clause.lemma_.lower() in words or any(
            (child.dep_ in ("acomp", "prep", "attr") and child.lower_ in words)
            or (child.dep_ == "xcomp" and child.lemma_.lower() in ctx.lexicon.owed_blame)
            for child in clause.children
        )  # "was responsible", "was behind", "was to blame"
        if not predicate:
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        subject = subjects[0]
        negated = is_negated(clause, ctx.lexicon)
        actor = resolve_token(ctx, subject, agent=True, modifiers=True).actor
        # a spokesperson speaks for the organisation: "the group", "the ministry" (a common
        # noun; "said the Islamic State was responsible" names another side, accused)
        spoken_for = (
            speaker.type == "Person"
            and actor is not None
            and actor.type != "Person"
            and subject.pos_ == "NOUN"
            and any(child.dep_ == "det" and child.lower_ == "the" for child in subject.children)
        )
        if (
            subject.lower_ in ctx.lexicon.self_pronouns
            or spoken_for
            or (actor is not None and actor.id in own)
        ):
            return ("DENY" if negated else "CLAIM_RESPONSIBILITY"), [], clause
        if actor is not None and not negated:
            return "ACCUSE", [actor], clause
        return None
    return None


def _wrongs_named(
    cue: Token, speaker: Actor, ctx: Context
) -> tuple[str, list[Actor], Token] | None:
    """An ACCUSE of the actors whose wrong a reported clause names, when nothing sharper
    is said of responsibility ("said the army would help stop the Turkish aggression":
    `named_wrongs`); None when it names none."""
    for clause in _reported_clauses(cue, ctx):
        wronged = named_wrongs(list(clause.subtree), speaker, ctx)
        if wronged:
            return "ACCUSE", wronged, clause
    return None


#: Relations an attitude verb's object noun states as the speaker's stance.
_STATED_STANCES = frozenset({"SUPPORT", "REJECT"})


def _attitude(cue: Token, ctx: Context) -> str:
    """The relation an attitude verb states through its object noun: SUPPORT or REJECT
    when the noun is one the relation lexicon's phrases of that verb give that stance
    ("expressed support for the truce", "voiced solidarity", "expressed appreciation for
    the efforts"; "expressed opposition to the plan", "voiced objections": a stance on
    what is no actor is the stance with no object, like "welcomed the deal"; one on an
    actor is the act finders' claim of it, which this claim folds into), else STATEMENT
    ("expressed concern about the strikes")."""
    nouns = [child.lemma_.lower() for child in cue.children if child.dep_ == "dobj"]
    found = phrase_relation(ctx.lexicon, cue.lemma_.lower(), preps=(), objects=nouns)
    return found if found in _STATED_STANCES else "STATEMENT"


def _states_attitude(cue: Token) -> bool:
    """Whether an attitude verb takes a common-noun object ("expressed concern")."""
    return cue.tag_.startswith("VB") and any(
        child.dep_ == "dobj" and child.pos_ == "NOUN" for child in cue.children
    )


def _tells_content(cue: Token, ctx: Context) -> bool:
    """Whether a verb of telling (`content_cues`: report, announce, declare, ...) takes as
    its object what is told ("reported sixteen deaths", "declared a national emergency",
    "reiterated the President's position"): a common noun that is no actor, no act
    another rule reads ("announced sanctions", "announced his resignation") and no thing
    a phrase of the lexicon names; nor a negated, passive or withheld verb."""
    if not cue.tag_.startswith("VB") or cue.dep_ == "amod" or _withheld(cue, ctx):
        return False
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in cue.children):
        return False
    if is_negated(cue, ctx.lexicon) or _reported_clauses(cue, ctx):
        return False  # a clause reported is the plain reported speech
    things = [child for child in cue.children if child.dep_ == "dobj"]
    return bool(things) and all(
        thing.pos_ == "NOUN"
        and not ctx.lexicon.is_content_noun(thing.lemma_.lower())
        and resolve_token(ctx, thing).actor is None
        for thing in things
    )


def _withheld(cue: Token, ctx: Context) -> bool:
    """Whether the speech verb is withheld ("declined to say whether ...", "refused to
    tell reporters ..."): then it reports nothing."""
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in ctx.lexicon.declining_heads


def _endorses_a_thing(cue: Token, ctx: Context) -> bool:
    """Whether a verb of praise ("welcomed", "praised", "hailed") takes a common-noun
    object that is no actor ("welcomed the agreement"): the act finders code praise of
    an actor; praise of a deal, a step or an announcement is the speaker's SUPPORT with
    no object. In the passive its "by" agent praises ("the plan was endorsed by the UN
    Security Council")."""
    if not cue.tag_.startswith("VB") or ctx.lexicon.speech.get(cue.lemma_.lower()) != "SUPPORT":
        return False
    if cue.dep_ == "amod":
        return False  # "the welcomed step": no speaker here
    if any(child.dep_ == "auxpass" for child in cue.children):
        if not any(child.dep_ == "agent" for child in cue.children):
            return False  # "the deal was welcomed": no speaker here
        things = [c for c in cue.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN"]
    else:
        things = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return bool(things) and all(
        resolve_token(ctx, thing).actor is None
        and not any(child.dep_ == "poss" for child in thing.children)
        for thing in things
    )


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
        One claim per reporting cue whose speaker resolves to an actor: a STATEMENT (or
        the sharper type its reported clause gives), a verdict's ACCUSE or SUPPORT, or
        the SUPPORT of praising something that is no actor.
    """
    claims: list[Claim] = []
    for token in tokens(doc):
        if token.i in used_cues or token.i in ctx.quoted:
            continue
        lemma = token.lemma_.lower()
        rule = None
        if opens_according_to(token):
            rule, relation, cue = "speech.according_to", ctx.lexicon.according_to, "according to"
        elif (
            token.tag_.startswith("VB")
            and ctx.lexicon.is_speech(lemma)
            and lemma not in ctx.lexicon.verbs
            and ctx.lexicon.speech[lemma] == "STATEMENT"
            and (
                _reported_clauses(token, ctx) or (lemma == "tell" and _addressee(token) is not None)
            )
            and not _withheld(token, ctx)
        ):
            rule, relation, cue = "speech.reported", "STATEMENT", token.text
        elif (judged := verdict(token, ctx.lexicon)) is not None and (
            judged[0] != "STATEMENT" or _states_a_view(token, ctx)
        ):
            # "described the strike as a crime": the speaker condemns or approves;
            # "classified the outbreak as a pandemic", "called it unlikely": a view stated
            rule, relation, cue = "speech.verdict", judged[0], token.text
        elif _endorses_a_thing(token, ctx):
            # "X welcomed the deal": praise of something no actor (GUIDE: SUPPORT by praise)
            rule, relation, cue = "speech.endorse", "SUPPORT", token.text
        elif lemma in ctx.lexicon.attitude_cues and _states_attitude(token):
            # "X expressed concern about ...": the object is what X said, not an audience;
            # "expressed support for the truce" backs what is no actor (`_attitude`)
            rule, relation, cue = "speech.attitude", _attitude(token, ctx), token.text
        elif lemma in ctx.lexicon.content_cues and _tells_content(token, ctx):
            # "X reported sixteen deaths", "announced the end of his campaign"
            rule, relation, cue = "speech.content", "STATEMENT", token.text
        if rule is None:
            continue
        # a word inside quote marks is never the speaker ('"... Barzani's visit" in May,
        # Ahmed added, highlighting that ...': the parser may hang the quote on the cue)
        who = cue_speaker_token(token, ctx.lexicon, ctx.quoted)
        if who is None:
            continue
        for speaker in _speakers(ctx, who):
            claims.extend(_reported_claims(doc, ctx, token, speaker, relation, cue, rule))
    return claims + _voiced_wrongs(doc, ctx)


def _states_a_view(verb: Token, ctx: Context) -> bool:
    """Whether a verdict with no stance is a view its subject states: a verb of describing
    (`describing_verbs`: "described the policy as ...", "classified the outbreak as a
    pandemic"), active, with a subject of its own; not a name given in passing ("something
    called I2-U2", "it's called the Haftarah", "named their robot Rob")."""
    return (
        verb.lemma_.lower() in ctx.lexicon.describing_verbs
        and verb.dep_ not in ("acl", "amod")
        and not is_passive(verb)
        and any(child.dep_ == "nsubj" for child in verb.children)
    )


def _voiced_wrongs(doc: Doc, ctx: Context) -> list[Claim]:
    """The accusations an official text makes in its own voice (GUIDE.md, "Official
    texts"), as a quote's are read from its words: a wrong told of another side ("Iran has
    violated the ceasefire", "Hamas is a terrorist organisation": `wrongdoers`) or one
    named ("Our support for Ukraine in the face of Russia's aggression is unwavering":
    `wrong_doers`), in a statement the State Department issues, is its ACCUSE of them. Not
    words in quote marks, nor a clause a named speaker reports: those are that speaker's.
    """
    claims: list[Claim] = []
    if not ctx.voices:
        return claims  # no official voice in this text
    for token in tokens(doc):
        verb = token.tag_.startswith("VB")
        if not (verb or token.pos_ == "NOUN") or token.i in ctx.quoted:
            continue
        voice = voice_of(token, ctx)
        if voice is None or voice.actor is None:
            continue
        own = own_side(voice.actor)
        accused = (
            [actor for actor in wrongdoers(token, ctx) if actor.id not in own]
            if verb
            else wrong_doers(token, voice.actor, ctx)
        )
        # the costlier checks last, on the few tokens that tell a wrong
        if not accused or reporter_of(token if verb else clause_verb(token), ctx) is not None:
            continue  # no wrong; or reported speech, though its speaker may be unresolved
        if verb and is_conditional(token, ctx.lexicon):
            continue  # "if Hezbollah breaks the deal, ...": a wrong only supposed
        claims.extend(
            make_claim(
                ctx,
                doc,
                relation="ACCUSE",
                subject=voice.actor,
                object_=doer,
                speaker=voice.actor,
                cue=token.text,
                quote=None,
                bounds=evidence_bounds(doc, token.i, token.i),
                confidence=RULE_CONFIDENCE["speech.voiced_wrong"],
                rule="speech.voiced_wrong",
            )
            for doer in accused
        )
    return claims


def _speakers(ctx: Context, who: Token) -> list[Resolved]:
    """The actors speaking through `who` (`phrase_speakers`); none for an unnamed single
    source ("an Iraqi official said": a source, but no actor to report it)."""
    if is_anonymous_source(who, ctx.lexicon.indefinite_determiners):
        return []
    return phrase_speakers(ctx, who)


def _reported_claims(
    doc: Doc, ctx: Context, cue: Token, speaker: Resolved, relation: str, cue_text: str, rule: str
) -> list[Claim]:
    """The reported-speech claims of `speaker` through `cue`: one, or one per actor
    its reported clause accuses ("Greece said the deal signed by Turkey and Libya
    violates the law")."""
    assert speaker.actor is not None
    target = _addressee(cue) if rule == "speech.reported" else None
    objects: list[Actor | None] = [resolve_token(ctx, target).actor if target is not None else None]
    if rule == "speech.verdict" and relation != "STATEMENT":
        judged = verdict(cue, ctx.lexicon)
        objects = or_none(verdict_objects(ctx, judged[1]) if judged is not None else [])
    sharper = _responsibility(cue, speaker.actor, ctx) if rule == "speech.reported" else None
    if sharper is None and rule == "speech.reported":
        sharper = _wrongs_named(cue, speaker.actor, ctx)
    if sharper is not None:
        # the clause's own negation is the DENY itself, not a negated claim
        relation, found, _clause = sharper
        objects = or_none(found)
        rule = "speech.praise" if relation == "SUPPORT" else "speech.responsibility"
    return [
        make_claim(
            ctx,
            doc,
            relation=relation,
            subject=speaker.actor,
            object_=obj,
            speaker=speaker.actor,
            cue=cue_text,
            quote=None,
            bounds=evidence_bounds(doc, cue.i, cue.i),
            polarity="negated" if is_negated(cue, ctx.lexicon) else "affirmed",
            modality="reported",
            confidence=RULE_CONFIDENCE[rule] * speaker.factor,
            rule=rule,
        )
        for obj in objects
    ]
