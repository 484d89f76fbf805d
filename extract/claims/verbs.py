"""Which relation a verb, an event noun or an adjective of intent expresses.

The relation lexicon gives most of it ("accused" -> ACCUSE); these rules add the
constructions that type a verb by its arguments: a phrase ("called on"), a request with an
infinitive ("expects X to"), a noun of necessity ("stressed the need for X to"), an actor
called responsible ("held X responsible"), blame that moves ("suspicion fell on X"), a
passive link to an act of force ("linked to the attacks"), open threats and refusals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.blame import (
    attributes_harm,
    blame_subject,
    charged_with_duty,
    linked_to_force,
)
from extract.claims.context import resolve_token
from extract.claims.criticism import attacks_in_words
from extract.claims.nouns import NounLexicon, load_noun_lexicon, supports_effort
from extract.claims.quotes import SHARP_RELATIONS
from extract.claims.rulings import ruling_relation
from extract.claims.threats import ANNOUNCEABLE, FORCE, modal_refusal, open_threat
from extract.lexicon.cues import phrase_relation
from extract.syntax.arguments import (
    called_responsible,
    for_clause,
    infinitive_addressee,
    is_passive,
    necessity_noun,
    object_tokens,
    pobjs,
    prep_objects,
    subject_tokens,
)
from extract.syntax.modality import inverted_condition, is_conditional, is_question

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token

    from extract.claims.context import Context
    from extract.lexicon.cues import Lexicon


def _releases_person(verb: Token, ctx: Context) -> bool:
    """Whether a verb of release takes a named person as its direct object, or as the
    subject of its passive ("Tsurkov was released")."""
    held = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    return any(
        child.pos_ == "PROPN"
        and (actor := resolve_token(ctx, child).actor) is not None
        and actor.type == "Person"
        for child in held
    )


def _confirms_person(verb: Token, ctx: Context) -> bool:
    """Whether a verb of confirmation takes a named person as its direct object, or as the
    subject of its passive ("confirmed Pierluisi", "Pierluisi was confirmed by the Senate"),
    says nothing of what the person is ("confirmed him dead", "confirmed that ...") and is
    no condition ("if the Senate confirms me, ..."). A pronoun is left alone: after "X
    appointed Y", "the House confirmed him" is Y, whom a subject-first reading misses."""
    if any(child.dep_ in ("oprd", "ccomp", "xcomp", "acomp") for child in verb.children):
        return False
    if is_conditional(verb, ctx.lexicon):
        return False
    held = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    return any(
        child.pos_ == "PROPN"
        and (actor := resolve_token(ctx, child).actor) is not None
        and actor.type == "Person"
        for child in held
    )


def _chosen_for_a_post(verb: Token, posts: frozenset[str]) -> bool:
    """Whether `verb` chooses someone "as" one of `posts` ("picked X as the candidate",
    "as his running mate", "as his choice for deputy")."""
    return any(
        post.lemma_.lower() in posts
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "as"
        for post in pobjs(child)
    )


def accord_undone(verb: Token, nouns: NounLexicon) -> Token | None:
    """The accord a verb's object names (a norm: "killed the Minsk agreements", "killed the
    grain deal"), which a verb of force undoes rather than attacks; None for other objects
    ("killed two soldiers")."""
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns.norms), None
    )


def _to_the_press(verb: Token, ctx: Context) -> bool:
    """Whether a verb of talking is said to the press: its "to"/"with" object is a media
    actor ("spoke to the BBC") or someone of one ("talked to John Smith of PBS")."""
    if verb.lemma_.lower() not in ctx.lexicon.call_verbs:
        return False
    heard = prep_objects([verb], ("to", "with"))
    heard += prep_objects(heard, ("of", "from"))
    return any(
        (actor := resolve_token(ctx, tok).actor) is not None and actor.type == "Media"
        for tok in heard
    )


def _carries_a_load(verb: Token, ctx: Context) -> bool:
    """Whether a verb of a journey carries something ("flies weapons to Syria"): an object
    between the verb and where it goes; then it is no visit. A date, or a word after the
    destination that the parser took for an object, is no load."""
    if verb.lemma_.lower() not in ctx.lexicon.journey_verbs:
        return False
    goal = next((c.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    return goal is not None and any(
        child.dep_ == "dobj" and child.i < goal and child.ent_type_ not in ("DATE", "TIME")
        for child in verb.children
    )


def _claim_of_possession(verb: Token, ctx: Context) -> bool:
    """Whether what a verb rejects is a claim to something ("Somalia's claim to the
    waters", "claims over the islands"; the parser may hang the "to" on the verb, right
    after the claim): a demand to hold it, not an account of events. What the claim is to
    is a thing or a place, not an audience or a channel ("dismissed the claims to
    reporters", "rejected the claims on Twitter")."""
    for claim in verb.children:
        if claim.dep_ != "dobj" or claim.lemma_.lower() != "claim":
            continue
        after = claim.right_edge.i + 1
        preps = [p for p in claim.children if p.dep_ == "prep" and p.lower_ in ("to", "over", "on")]
        preps += [
            p
            for p in verb.children
            if p.dep_ == "prep" and p.i == after and p.lower_ in ("to", "over")
        ]
        if any(_held_thing(obj, ctx) for prep in preps for obj in pobjs(prep)):
            return True
    return False


#: Who hears a claim, not what it is to ("dismissed the claims to reporters").
_AUDIENCES = frozenset({"reporter", "journalist", "press", "media", "audience", "lawmaker"})


def _held_thing(token: Token, ctx: Context) -> bool:
    """Whether `token` names what can be held (land, waters, a post), not who hears a claim
    or where it was made ("to reporters", "on Twitter")."""
    lemma = token.lemma_.lower()
    return (
        lemma not in ctx.lexicon.verbal_channels
        and lemma not in _AUDIENCES
        and token.ent_type_ not in ("PERSON", "NORP")
    )


def _of_time(prep: Token) -> bool:
    """Whether a preposition only dates the act ("called Erdogan on Monday"): it is then no
    particle of a phrase ("call on" asks, "call ... on Monday" does not)."""
    objects = list(pobjs(prep))
    return bool(objects) and all(obj.ent_type_ in ("DATE", "TIME") for obj in objects)


def _names_a_verdict(verb: Token, ctx: Context) -> bool:
    """Whether the object of a verb that both calls and names holds a word of condemnation
    or praise: the parser may miss the name given ("called Hamas and Hezbollah terrorist
    groups" read as one object), and a call is then no meeting."""
    words = ctx.lexicon.condemning_words | ctx.lexicon.approving_words | ctx.lexicon.praising_words
    return any(
        tok.lemma_.lower() in words or tok.lower_ in words
        for child in verb.children
        if child.dep_ == "dobj"
        for tok in child.subtree
    )


def verb_relation(verb: Token, ctx: Context) -> tuple[str | None, str]:
    """The relation `verb` expresses and the rule that found it.

    Args:
        verb: a verb token of the parsed text.
        ctx: the document context (its lexicon).

    Returns:
        (relation code or None, rule): "act.phrase", "act.verb", "act.necessity" (a noun
        of necessity: the addressee is read from the noun), "act.blame" (blame moving
        onto the object of a preposition) or "act.possession" (a claim to something
        rejected: the claimant is the object).
    """
    lemma = verb.lemma_.lower()
    preps = [
        child.lower_
        for child in verb.children
        if (child.dep_ in ("prep", "prt") and not _of_time(child))
        or (child.dep_ == "advmod" and child.lower_ == "together")
    ]  # "worked together": the adverb makes the phrase as a particle does
    if any(child.dep_ == "advcl" and for_clause(child) for child in verb.children):
        preps.append("for")  # "called for Iran to release X": the "for" marks the clause
    objects = [
        child.lemma_.lower() for child in verb.children if child.dep_ in ("dobj", "nsubjpass")
    ]
    # "granted Laila Nasser a full pardon": the small model may take the second object of a
    # double-object verb for an apposition of the first
    objects += [
        grand.lemma_.lower()
        for child in verb.children
        if child.dep_ == "dative"
        for grand in child.children
        if grand.dep_ == "appos" and grand.pos_ == "NOUN"
    ]
    prep_objects: dict[str, list[str]] = {}
    # the verb's phrases, and its object's ("challenged Ruto's victory in court", the
    # parser hanging "in court" on the object)
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    for child in (c for head in (verb, *direct) for c in head.children):
        if child.dep_ == "prep":
            prep_objects.setdefault(child.lower_, []).extend(
                g.lemma_.lower() for g in child.children if g.dep_ == "pobj"
            )
    phrase = phrase_relation(
        ctx.lexicon, lemma, preps=preps, objects=objects, prep_objects=prep_objects
    )
    if phrase == "CONSULT" and (_to_the_press(verb, ctx) or _carries_a_load(verb, ctx)):
        return None, "act.phrase"  # "spoke to the BBC", "flies weapons to Syria": no meeting
    if phrase == "DENY" and _claim_of_possession(verb, ctx):
        return "REJECT", "act.possession"  # "rejected Somalia's claim to the waters"
    if phrase is not None:
        return phrase, "act.phrase"
    if lemma in ctx.lexicon.request_control and infinitive_addressee(verb) is not None:
        return "REQUEST", "act.verb"
    if lemma in ctx.lexicon.choice_verbs and _chosen_for_a_post(verb, ctx.lexicon.choice_posts):
        return "SUPPORT", "act.verb"  # "chose X as his running mate" (GUIDE: SUPPORT)
    if lemma in ctx.lexicon.confirmation_verbs and _confirms_person(verb, ctx):
        return "SUPPORT", "act.verb"  # "the Senate confirmed X", "voters elected Y"
    if lemma in ctx.lexicon.necessity_verbs and necessity_noun(verb, ctx.lexicon.necessity_nouns):
        return "REQUEST", "act.necessity"  # "stressed the need for X to act" (PLOVER REQUEST)
    if lemma in ctx.lexicon.accountable_verbs and called_responsible(
        verb, ctx.lexicon.responsibility
    ):
        return "ACCUSE", "act.verb"  # "held X responsible for the attack"
    if lemma in ctx.lexicon.blame_shift_verbs and blame_subject(verb, ctx):
        return "ACCUSE", "act.blame"  # "blame has turned to X": X accused, by no one named
    if lemma in ctx.lexicon.link_verbs and is_passive(verb) and linked_to_force(verb, ctx):
        return "ACCUSE", "act.verb"  # "X has been linked to the rocket attacks"
    if lemma in ctx.lexicon.attribution_verbs:
        # "attributed the bombing to X": X accused; "attributed the rise to X": no act
        return ("ACCUSE" if attributes_harm(verb, ctx) else None), "act.verb"
    if any(child.dep_ == "oprd" for child in verb.children) and (
        ctx.lexicon.verbs.get(lemma) not in FORCE
    ):
        # "calling them baseless", "named him envoy": naming, no act ("shot him dead" is
        # one: the complement tells what the act of force did)
        return None, "act.verb"
    if lemma in ctx.lexicon.call_verbs and _by_phone(verb, ctx):
        return "CONSULT", "act.phrase"  # "X and Y spoke on the phone": a call (CAMEO 040)
    if open_threat(verb, ctx):
        return "THREATEN", "act.phrase"
    if lemma in ctx.lexicon.release_verbs and _releases_person(verb, ctx):
        return "RETREAT", "act.verb"  # "released Tsurkov" (CAMEO 0841: release persons)
    if lemma in ctx.lexicon.refusal_threats:
        # "we will not tolerate attacks": a refusal with a modal announces what the speaker
        # will do (PLOVER THREATEN); "did not tolerate" reports, and is no act
        return ("THREATEN" if modal_refusal(verb, ctx) else None), "act.verb"
    ruling = ruling_relation(verb)
    if ruling is not None:
        return ruling, "act.verb"  # "the court ordered X to pay", "found that X breached"
    relation = ctx.lexicon.verbs.get(lemma)
    if relation == "CONSULT" and lemma in ctx.lexicon.verdict_verbs and _names_a_verdict(verb, ctx):
        return None, "act.verb"  # "called Hamas and Hezbollah terrorist groups": no phone call
    if relation == "ASSAULT" and attacks_in_words(verb, ctx):
        return "ACCUSE", "act.verb"  # "attacked the ruling", "attacked X on Twitter"
    if relation == "ASSAULT" and accord_undone(verb, load_noun_lexicon()) is not None:
        return "REJECT", "act.verb"  # "Putin killed the Minsk agreements": an accord undone
    if (
        relation == "PROTEST"
        and lemma in ctx.lexicon.showing_verbs
        and (
            any(child.dep_ in ("dobj", "ccomp", "nsubjpass") for child in verb.children)
            or (verb.dep_ == "acl" and verb.tag_ == "VBN")
            or _participle_after_noun(verb, ctx.lexicon.shown_qualities)
        )
    ):
        # "demonstrated its commitment", "rallied support", "the spirit demonstrated
        # throughout the talks" (which the parser may also read as a verb with no subject
        # of its own, `_participle_after_noun`): shown or gathered, no protest
        return None, "act.verb"
    if relation == "ACCUSE" and charged_with_duty(verb, ctx):
        return None, "act.verb"  # "is charged with overseeing the elections": a task
    if relation == "AGREE" and any(
        child.dep_ == "dobj" and child.lemma_.lower() in load_noun_lexicon().enactments
        for child in verb.children
    ):
        return None, "act.verb"  # "signed a decree", "ratified the law": enacted, not agreed
    if relation == "SUPPORT" and supports_effort(verb, load_noun_lexicon()):
        return "AID", "act.verb"  # "backed Iraq's fight against ISIS": military support
    if relation == "REJECT" and any(
        child.dep_ == "xcomp" and child.lemma_.lower() in ctx.lexicon.comment_verbs
        for child in verb.children
    ):
        # "declined to comment", "refused to confirm": a refusal to speak says nothing, and
        # is no rejection of a proposal either (GUIDE.md: no claim; read as a statement it
        # would turn silence into an assertion)
        return None, "act.verb"
    return relation, "act.verb"


def _by_phone(verb: Token, ctx: Context) -> bool:
    """Whether a verb of talking is done over a line ("spoke on the phone", "talked by
    telephone", "spoke via video link")."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("on", "by", "over", "via")
        and any(
            pobj.dep_ == "pobj"
            and (
                pobj.lemma_.lower() in ctx.lexicon.call_lines
                or pobj.lower_ in ctx.lexicon.call_lines
            )
            for pobj in prep.children
        )
        for prep in verb.children
    )


def noun_relation(noun: Token, ctx: Context) -> str | None:
    """The relation an event noun names: a compound first ("hunger strike" is a protest,
    not an attack), then the noun alone; joint-action nouns cooperate."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in ("compound", "amod"):
            compound = ctx.lexicon.compound_nouns.get(f"{child.lemma_.lower()} {lemma}")
            if compound is not None:
                return compound
    if lemma in ctx.lexicon.nouns:
        relation = ctx.lexicon.nouns[lemma]
        if relation == "SUPPORT" and supports_effort(noun, load_noun_lexicon()):
            return "AID"  # "support for the campaign against ISIS": military support
        if relation == "REQUEST" and _call_between(noun, ctx):
            return "CONSULT"  # "his call with Putin", "a call to King Salman": a phone call
        return relation
    return "COOPERATE" if lemma in ctx.lexicon.joint_nouns else None


#: Prepositions of the parties of a call; of what a call asks for or of whom.
_CALL_PARTY_PREPS = frozenset({"with", "to", "between"})
_CALL_REQUEST_PREPS = frozenset({"for", "on", "upon"})


def _call_between(noun: Token, ctx: Context) -> bool:
    """Whether a noun of calling is a call between parties ("his call with Putin", "a call
    to King Salman") rather than a call for something ("a call for a ceasefire", "a call
    on Iran to stop", "his call to Iraqis to vote"): a named party after "with", "to" or
    "between", nothing asked for, no infinitive."""
    if noun.lemma_.lower() not in ctx.lexicon.call_lines:
        return False
    # the parser may hang what is called for on the verb the call is the object of
    # ("issued a call to the UN for more aid")
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
    if any(
        child.dep_ == "prep" and child.lower_ in _CALL_REQUEST_PREPS and not _of_time(child)
        for holder in holders
        for child in holder.children
    ):
        return False
    if any(tok.tag_ == "VB" and tok.i > noun.i for holder in holders for tok in holder.subtree):
        return False  # an infinitive: what the call asks someone to do
    return any(
        obj.pos_ == "PROPN"
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in _CALL_PARTY_PREPS
        for obj in pobjs(prep)
    )  # "held a call with Putin": the parties may hang on the light verb too


def _participle_after_noun(verb: Token, qualities: Collection[str]) -> bool:
    """Whether `verb` is a participle on the common noun it directly follows, which the
    parser read as a verb joined to the one before or as a clause: one with no subject of
    its own ("thanked Somalia for the goodwill demonstrated in the talks"), or one after
    a quality shown (`shown_qualities`) whatever subject the parser gave it ("thanked
    Berri and Mikati for the spirit demonstrated": "Berri" read as the subject).
    "Residents of the town demonstrated" has a subject and no quality; "marched and
    demonstrated" has its "and" between."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ not in ("VBD", "VBN") or before is None or before.pos_ != "NOUN":
        return False
    if before.lemma_.lower() in qualities:
        return True
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def is_intent(token: Token, ctx: Context) -> bool:
    """An adjective of intent with an infinitive or "to" complement ("is ready to help").
    The parser may read a policy adjective after "is" as a passive participle ("Norway
    is committed to Estonia": "committed" the root, "Norway" its passive subject); with
    a "to" phrase that is the same adjective."""
    if token.lower_ not in ctx.lexicon.intent_adjectives:
        return False
    to_phrase = any(child.dep_ == "prep" and child.lower_ == "to" for child in token.children)
    if token.dep_ != "acomp":
        return (
            token.lower_ in ctx.lexicon.policy_adjectives
            and to_phrase
            and any(child.dep_ == "auxpass" for child in token.children)
            and any(child.dep_ == "nsubjpass" for child in token.children)
        )
    return to_phrase or any(child.dep_ == "xcomp" for child in token.children)


def intended_act(adjective: Token, ctx: Context) -> tuple[str | None, list[Token]]:
    """What an adjective of intent announces, and the tokens naming whom it concerns.

    "ready to cooperate with Ankara" is intent to cooperate with Ankara (PLOVER AGREE);
    "ready to strike Israel" or "to impose sanctions on X" announces a coercive step, a
    threat (PLOVER THREATEN: force, sanctions, protest); "ready to condemn X", to reject,
    deny or demand, is neither an act yet nor intent to cooperate: no claim.

    Args:
        adjective: an adjective of intent (`is_intent`).
        ctx: the document context.

    An adjective of policy (`policy_adjectives`: "committed to") offers nothing: "to" an
    actor it backs it ("committed to Israel", "to the security of Israel": SUPPORT); to
    an act ("committed to working with the UN") it announces that act as any intent
    does, but only with another party named; to a cause ("committed to diplomacy",
    "to advancing human rights") it gives no claim.

    Returns:
        ("AGREE", "THREATEN", "SUPPORT" or None, the intended act's object tokens).
    """
    policy = adjective.lower_ in ctx.lexicon.policy_adjectives
    verb = next((child for child in adjective.children if child.dep_ == "xcomp"), None)
    if verb is None and policy:
        verb = next(
            (
                g
                for c in adjective.children
                if c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pcomp" and g.tag_ == "VBG"
            ),
            None,
        )
        if verb is None:
            backed = _backed(adjective, ctx)
            return ("SUPPORT", backed) if backed else (None, [])
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return "AGREE", []
    relation, rule = verb_relation(verb, ctx)
    if relation is None and verb.lemma_.lower() in ctx.lexicon.light_verbs:
        # "ready to impose sanctions on X", "to launch strikes": the act its noun names
        nouns = (child for child in verb.children if child.dep_ == "dobj")
        relation = next((r for noun in nouns if (r := noun_relation(noun, ctx))), None)
    if relation in SHARP_RELATIONS:
        return None, []  # "ready to condemn X": no act yet, and no cooperation
    objects = [
        tok
        for tok in object_tokens(verb, passive=False, phrase=rule == "act.phrase")
        if tok.lower_ not in ctx.lexicon.thing_pronouns
    ]
    if policy and (
        relation is None or not any(resolve_token(ctx, tok).actor is not None for tok in objects)
    ):
        # "committed to advancing human rights": a cause, no party; "committed to
        # protecting the system from X's abuses": no act of the lexicon done with X
        return None, []
    return ("THREATEN" if relation in ANNOUNCEABLE else "AGREE"), objects


def _backed(adjective: Token, ctx: Context) -> list[Token]:
    """Whom a policy adjective's "to" phrase backs: the actor it names, or the one whose
    security, sovereignty or people it names ("committed to Israel", "to Ukraine's
    sovereignty", "to the security of Israel"); empty for a cause ("to diplomacy")."""
    found = []
    for prep in adjective.children:
        if prep.lower_ != "to":
            continue
        for thing in pobjs(prep):
            if resolve_token(ctx, thing).actor is not None:
                found.append(thing)
                continue
            owners = [c for c in thing.children if c.dep_ == "poss"]
            owners += prep_objects([thing], ("of",))
            found += [o for o in owners if resolve_token(ctx, o).actor is not None]
    return found


#: Words opening a clause that asks which view holds ("agree on how the border runs").
_WH_WORDS = frozenset({"how", "what", "whether", "who", "which", "when", "where", "why"})


def holds_view(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb of agreeing (`opinion_verbs`) shares a view rather than makes a deal:
    it takes a question ("do not agree on how the border should run"), or, with one
    subject and no one agreed with, a clause or nothing ("Ruto agreed that the vote was
    fair", "Odinga agreed, saying ..."). "Agreed to reopen", "agreed on a new border",
    "agreed a deal" and two sides agreeing that troops withdraw ("Kenya and Uganda", "the
    leaders", "they") are agreements."""
    if verb.lemma_.lower() not in lexicon.opinion_verbs:
        return False
    children = list(verb.children)
    if any(
        child.dep_ == "prep"
        and child.lower_ in ("on", "about", "over")
        and any(t.lower_ in _WH_WORDS for g in child.children for t in g.subtree)
        for child in children
    ):
        return True  # "agree on how ...": which view holds
    if any(child.dep_ in ("xcomp", "dobj", "prep", "prt", "dative") for child in children):
        return False  # "agreed to reopen", "agreed a deal", "agreed on a border", "with X"
    subjects = subject_tokens(verb)  # also a coordinated verb's ("discussed ... and agreed")
    joint = len(subjects) > 1 or any(
        grand.dep_ == "conj"
        or grand.lower_ in lexicon.together_words
        or grand.tag_ in ("NNS", "NNPS")  # "the leaders agreed that ...": a joint position
        for subject in subjects
        for grand in (subject, *subject.children)
    )
    return not joint


def obliged(verb: Token, ctx: Context) -> bool:
    """Whether `verb` has a modal of obligation ("must withdraw", "should resign"), or is
    the infinitive of a verb of need that is not negated ("needs to withdraw", "has to
    resign", "ought to stop"). A question asks no one to act ("Should Iraq hold new
    elections?": the modal before its subject), nor does a condition ("should Russia
    continue"), a need told in a relative clause ("ensure that Israel has what it needs
    to defend itself") or a verb of knowing ("Iran must understand that ...")."""
    if not (
        obligation_modal(verb, ctx.lexicon) or (_needed(verb, ctx.lexicon) and not _relative(verb))
    ):
        return False
    if verb.lemma_.lower() in ctx.lexicon.knowing_verbs:
        return False  # "Iran must understand that ...": a warning, no act asked
    # "Should Iraq hold ...?"; "will act should Russia continue": a question, a condition
    return not (_asked_as_question(verb) or inverted_condition(verb))


def _asked_as_question(verb: Token) -> bool:
    """Whether the clause of `verb` is a question with its auxiliary before its subject
    ("Should Iraq hold ...?", "Must we wait ...?")."""
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    auxes = [c.i for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if not subjects or not auxes or min(auxes) > min(subjects):
        return False
    return is_question(verb)


def _relative(infinitive: Token) -> bool:
    """Whether the need an infinitive tells stands in a relative or free relative clause
    ("the help that it needs to defend itself", "what it needs to defend itself")."""
    need = infinitive.head
    return need.dep_ == "relcl" or any(
        child.tag_ in ("WP", "WDT")
        for holder in (need, infinitive)
        for child in holder.children
        if child.dep_ in ("dobj", "nsubj")
    )


def obligation_modal(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` has a modal of obligation ("must withdraw", "should resign")."""
    return any(
        child.dep_ == "aux" and child.lower_ in lexicon.obligation for child in verb.children
    )


def _needed(verb: Token, lexicon: Lexicon) -> bool:
    """Whether `verb` is the infinitive of a verb of need ("needs to withdraw") that is
    neither negated ("does not need to") nor past ("residents had to flee" tells what
    happened, asks nothing)."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in lexicon.obligation_heads
        and head.tag_ not in ("VBD", "VBN")
        and any(child.dep_ == "aux" and child.tag_ == "TO" for child in verb.children)
        and not any(child.dep_ == "neg" for child in head.children)
    )
