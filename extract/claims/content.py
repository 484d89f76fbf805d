"""Acts that are only the content of another act, which PLOVER does not code as events.

"threatened to withdraw", "refused to deliver", "set a deadline for X to withdraw", "would
like to see X withdraw": the withdrawal has not happened; "rejected a US request",
"welcomed the agreement": the noun is what the outer act is about; "calls for a
withdrawal": what is asked for. The outer act is the claim (`extract.claims.acts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.reporters import reported_by_actor
from extract.claims.verbs import noun_relation, obliged, verb_relation
from extract.lexicon.cues import phrase_relation
from extract.relations import CODEBOOK
from extract.syntax.arguments import for_clause, mandated_clause, necessity_noun
from extract.syntax.modality import is_negated

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.claims.context import Context


#: Verbs whose passive states what an act requires ("is needed to", "is required to").
_REQUIREMENT_VERBS = frozenset({"need", "require"})


def content_of_act(verb: Token, ctx: Context) -> bool:
    """Whether `verb` is what another act asks for, threatens, refuses or agrees to
    ("threatened to withdraw", "refused to deliver"): PLOVER codes the outer act only.
    A verb coordinated with such a verb, with no subject of its own, is content with it
    ("urged X to halt the raids and withdraw its troops": no withdrawal done)."""
    if (
        verb.dep_ == "conj"
        and verb.head is not verb
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
    ):
        return content_of_act(verb.head, ctx)
    head = verb.head
    if (
        verb.dep_ in ("advcl", "acl", "relcl")
        and head.lemma_.lower() in ctx.lexicon.necessity_nouns
        and head.head.lemma_.lower() in ctx.lexicon.necessity_verbs
    ):
        return True  # "stressed the need for X to withdraw": what is asked for
    if (
        verb.dep_ == "advcl"
        and (for_clause(verb) or verb.tag_ == "VBG")
        and head.lemma_.lower() in ctx.lexicon.necessity_verbs
        and (noun := necessity_noun(head, ctx.lexicon.necessity_nouns)) is not None
        and noun.i < verb.i
    ):
        # the same, with "for X to withdraw" or "(of X) pulling out" hung on the verb
        return True
    if (
        verb.dep_ == "pcomp"
        and head.lower_ in ("of", "for")
        and head.head.lemma_.lower() in ctx.lexicon.necessity_nouns
    ):
        return True  # "the importance of X withdrawing": asked for, not done
    if (
        verb.dep_ in ("xcomp", "ccomp")
        and head.lemma_.lower() == "see"
        and head.dep_ == "xcomp"
        and {head.head.lemma_.lower(), head.head.lower_} & ctx.lexicon.wish_verbs
    ):
        return True  # "we want to see the siege lifted": wished, not done
    if (
        verb.dep_ in ("xcomp", "advcl")
        and head.lemma_.lower() in _REQUIREMENT_VERBS
        and any(child.dep_ == "auxpass" for child in head.children)
    ):
        return True  # "a majority is needed to impeach an official": a rule, no act
    if (
        verb.dep_ in ("ccomp", "xcomp")
        and head.lemma_.lower() in ctx.lexicon.refusal_threats
        and is_negated(head, ctx.lexicon)
    ):
        return True  # "will not allow Hamas to attack Israel": refused, not done
    if verb.dep_ == "ccomp" and verb_relation(head, ctx)[0] == "DENY":
        return True  # "denied that it attacked X": the attack is what is denied, not told
    if mandated_clause(verb) and (
        verb_relation(head, ctx)[0] == "REQUEST"
        or head.lemma_.lower() in ctx.lexicon.mandative_cues
    ):
        # "demanded that Somalia withdraw its troops", "insisted that Somalia withdraw":
        # asked for, not done
        return True
    if (
        verb.dep_ in ("acl", "ccomp")
        and head.dep_ == "dobj"
        and any(child.dep_ == "mark" and child.lower_ == "that" for child in verb.children)
        and verb_relation(head.head, ctx)[0] == "DENY"
    ):
        return True  # "rejected claims that its troops had attacked X": denied, not told
    if for_clause(verb) and verb_relation(head.head if head.dep_ == "dobj" else head, ctx)[0]:
        return True  # "set a deadline for X to withdraw": what the ultimatum demands
    if verb.dep_ != "xcomp":
        return False
    # "X should stop blaming Y": what the obliged party is asked to do (or stop) is the
    # content of the demand, not an act of its own
    return verb_relation(verb.head, ctx)[0] is not None or (
        obliged(verb.head, ctx) and reported_by_actor(verb.head, ctx)
    )


#: Relations a noun can name as the content of another act ("rejected a US request",
#: "denied the accusations"): a physical act ("condemned the attack") still happened.
SAID = CODEBOOK.having("said")


#: Relations of a standing backing, which a talk about it does not make only possible.
_STANDING = frozenset({"SUPPORT", "AID"})


def content_of_verb(noun: Token, ctx: Context) -> bool:
    """Whether the event noun is what another act is about ("rejected calls by X for
    aid", "welcomed the agreement"): PLOVER codes the outer act only."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ in ("prep", "prt") and verb.head is not verb:
        # "came out against the deals", "called for talks": the object of the phrase's
        # own preposition is what the act is about ("in his meetings with X, he reiterated
        # his support": "in" is no part of the phrase, the meetings are acts of their own)
        host = verb.head
        phrase = phrase_relation(ctx.lexicon, host.lemma_.lower(), preps=[verb.lower_], objects=())
        return phrase is not None and host.tag_.startswith("VB")
    if noun.dep_ not in ("dobj", "nsubjpass") or verb is noun:
        return False
    if verb.lemma_.lower() in ctx.lexicon.light_verbs:
        return False
    if (
        verb.lemma_.lower() in ctx.lexicon.topic_verbs
        and noun_relation(noun, ctx) in _STANDING
        and not any(child.tag_ == "PRP$" for child in noun.children)
    ):
        # "discussed President Biden's support for Israel": support talked about stands
        # (a topic is often an act still to come, "discussed a prisoner exchange", which
        # stays only talked about; "discussed their commitment to X" is the talkers' own,
        # which the pronoun does not say)
        return False
    return verb_relation(verb, ctx)[0] is not None or ctx.lexicon.is_speech(verb.lemma_.lower())


def asked_for(noun: Token, ctx: Context) -> bool:
    """Whether the event noun is what a request asks for ("calls for a withdrawal",
    "calls grew for more troop withdrawals", the parser hanging "for" on the verb; "called
    for X's resignation", "demanded Somalia's withdrawal"): what is asked for has not
    happened (PLOVER codes the request only)."""
    prep = noun.head
    if noun.dep_ == "dobj" and prep.tag_.startswith("VB"):
        # "demanded Somalia's withdrawal": the object of a request verb
        return verb_relation(prep, ctx)[0] == "REQUEST"
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head is prep:
        return False
    holder = prep.head
    if holder.pos_ == "NOUN":
        askers = [holder]
    else:
        if verb_relation(holder, ctx)[0] == "REQUEST":
            return True  # "called for X's resignation", "asked for a ceasefire"
        askers = [child for child in holder.children if child.dep_ == "nsubj"]
    return any(noun_relation(asker, ctx) == "REQUEST" for asker in askers)
