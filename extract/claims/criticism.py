"""Attacks in words: a verb of force whose target is something said or decided.

"Erdogan attacked the proclamation", "the senator blasted the ruling" and "Trump attacked
Pelosi on Twitter" criticise; they are no act of force. PLOVER codes them ACCUSE (CAMEO
111, criticise or denounce). A verb of force (`verbal_attack_verbs`) attacks in words when
its direct object is something said, decided or proposed (`verbal_targets`), or when a
channel of speech carries it (`verbal_channels`: "on Twitter", "in a speech"). Read as an
ASSAULT such a sentence would put violence in the graph where there was a tweet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.syntax.arguments import pobjs

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.claims.context import Context


def attacks_in_words(verb: Token, ctx: Context) -> bool:
    """Whether `verb`, a verb of force, attacks in words (see the module docstring)."""
    if verb.lemma_.lower() not in ctx.lexicon.verbal_attack_verbs:
        return False
    objects = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if any(obj.lemma_.lower() in ctx.lexicon.verbal_targets for obj in objects):
        return True  # "attacked the decision", "the ruling was attacked"
    # "on Twitter", "in a speech": on the verb, or hung by the parser on its object
    preps = [child for head in (verb, *objects) for child in head.children if child.dep_ == "prep"]
    return any(
        noun.lemma_.lower() in ctx.lexicon.verbal_channels
        or noun.lower_ in ctx.lexicon.verbal_channels
        for prep in preps
        for noun in pobjs(prep)
    )
