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

from extract.claims.context import resolve_token
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
        actors: list[Actor] = []
        for member in members:
            actor = resolve_token(ctx, member, agent=True, modifiers=True).actor
            if actor is not None and actor.type != "Place" and actor not in actors:
                actors.append(actor)
        if len(actors) >= 2:
            return actors
    return []
