"""Plural references back to the parties last named together.

"Iraq and Iran signed a pact. ... the two sides agreed to coordinate" and "Blinken praised
both sides": a definite plural of a party noun ("both sides", "the two governments", "the
parties", `pair_nouns` in `lexicon/nouns.yaml`) stands for the actors the text last
coordinated as the subject of a clause or after "between" ("the Saudi-led coalition and the
Houthis had accepted the truce"). A list named as the agent or target of something else
("condemned by the US, Britain and France") is no antecedent: parties act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.context import resolve_token, sentence_of, sentence_spans
from extract.relations import CODEBOOK
from extract.syntax.arguments import with_conjuncts

if TYPE_CHECKING:
    from collections.abc import Collection

    from spacy.tokens import Token

    from extract.claims.context import Context
    from extract.records import Actor

#: Counts a reference may give ("the two sides", "all three parties").
_COUNTS = {"two": 2, "three": 3, "four": 4}
#: Where a coordinated list names parties: subjects, objects ("urged the army and the RSF
#: to"), and the objects of "between" and "with".
_PARTY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def is_pair_reference(token: Token, nouns: Collection[str], determiners: Collection[str]) -> bool:
    """Whether `token` heads a definite plural party noun with no description of its own:
    "both sides", "the two governments", "the warring parties" (not "parties in Yemen",
    which names a new set)."""
    if token.tag_ != "NNS" or token.lemma_.lower() not in nouns:
        return False
    if any(child.dep_ == "prep" for child in token.children):
        return False
    return any(
        child.dep_ in ("det", "predet", "nummod") and child.lower_ in determiners
        for child in token.children
    )


def pair_antecedents(token: Token, ctx: Context, nouns: Collection[str]) -> list[Actor]:
    """The actors a party reference (`is_pair_reference`) stands for: the nearest earlier
    list of two or more actors named as a subject, an object or after "between" or "with"
    (as many as the reference counts, if it does; a "by" list of commenters is none);
    empty when there is none."""
    if not is_pair_reference(token, nouns, ctx.lexicon.pair_determiners):
        return []
    count = next(
        (_COUNTS[child.lower_] for child in token.children if child.lower_ in _COUNTS), None
    )
    doc = token.doc
    for i in range(token.i - 1, -1, -1):
        head = doc[i]
        if head.dep_ == "conj" or not any(child.dep_ == "conj" for child in head.children):
            continue
        if head.dep_ not in _PARTY_DEPS and head.head.lower_ not in ctx.lexicon.party_preps:
            continue
        members = list(with_conjuncts(head))
        if count is not None and count != len(members):
            continue
        actors = _parties(ctx, [(member, True) for member in members])
        if len(actors) >= 2:
            return actors
    return []


def _parties(ctx: Context, members: list[tuple[Token, bool]]) -> list[Actor]:
    """The distinct actors, places aside, that `members` name; each member with whether a
    modifier may name the actor ("US officials" -> US)."""
    actors: list[Actor] = []
    for member, modifiers in members:
        actor = resolve_token(ctx, member, agent=True, modifiers=modifiers).actor
        if actor is not None and actor.type != "Place" and actor not in actors:
            actors.append(actor)
    return actors


#: Relations a meeting's parties do together ("They discussed ...", "The two agreed").
_SYMMETRIC = CODEBOOK.having("symmetric")
#: How many sentences back a meeting may be told.
_MEETING_REACH = 2


def meeting_parties(token: Token, ctx: Context, nouns: Collection[str]) -> list[Actor]:
    """The parties of the meeting a plural subject of a joint act refers back to: in "X
    spoke with Y on Monday. They discussed the ceasefire", "they" is X and Y (not the
    nearest plural named before). The meeting is the nearest earlier verb of a symmetric
    relation (`CODEBOOK.having("symmetric")`: met, spoke with, agreed) with a subject and a
    party object, in the subject's sentence or the two before it; empty when there is none.
    The subject is "they", "both" or "the two" (`together_words`) or a party reference
    ("the two leaders": `is_pair_reference` with the party nouns `nouns`)."""
    party = is_pair_reference(token, nouns, ctx.lexicon.pair_determiners)
    if token.lower_ not in ctx.lexicon.together_words and not party:
        return []
    doc = token.doc
    spans = sentence_spans(doc)
    first = spans[max(0, sentence_of(doc, token.i) - _MEETING_REACH)][0]
    for i in range(token.i - 1, first - 1, -1):
        verb = doc[i]
        if not verb.tag_.startswith("VB") or not _meets(verb, ctx):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        parties = [c for c in verb.children if c.dep_ == "dobj"] + [
            grand
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in ctx.lexicon.party_preps
            for grand in child.children
            if grand.dep_ == "pobj"
        ]
        if not subjects or not parties:
            continue
        if subjects[0].lower_ in ctx.lexicon.together_words:
            # "They discussed X. The two also discussed Y": the same meeting, told before
            return meeting_parties(subjects[0], ctx, nouns)
        named = [(member, True) for member in with_conjuncts(subjects[0])]
        # a party is named, not read from a modifier ("discussed U.S. efforts" is no party)
        actors = _parties(ctx, named + [(member, False) for member in parties])
        return actors if len(actors) >= 2 else []
    return []


def _meets(verb: Token, ctx: Context) -> bool:
    """Whether `verb` names an act of a symmetric relation: a verb of the lexicon, or a
    verb of one of its phrases with the phrase's preposition ("spoke with")."""
    lemma = verb.lemma_.lower()
    if ctx.lexicon.verbs.get(lemma) in _SYMMETRIC:
        return True
    preps = {child.lower_ for child in verb.children if child.dep_ == "prep"}
    return any(
        phrase.verb == lemma and phrase.relation in _SYMMETRIC and phrase.preps & preps
        for phrase in ctx.lexicon.phrases
    )
