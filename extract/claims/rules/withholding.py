"""Withholding is not denial: "denied them entry", "denying the fighters a way out".

"Deny" says two things in news. With a charge, a report or a role as its object, or a
clause ("denied that it had shelled the village"), it is a denial (DENY). With a person
or a group as its object, or a thing granted ("entry", "bail", "a way out"), it withholds
that thing from someone: nothing said against anyone is denied, and reading it as DENY
reverses its meaning. This construction takes such a verb before the verb acts see it,
and gives no claim (PLOVER would code some of these as COERCE; the text rarely says
enough to know which).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extract.claims.registry import rule

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.claims.context import Context

#: Object dependencies of a withholding verb: "denied [them] [entry]".
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})


@rule("acts.withholding", family="acts", order=15, gives=())
def withholding(word: Any, ctx: Context) -> list | None:
    """A verb of denial with a person or a granted thing as its object ("denied them
    entry", "denied bail to the journalists", "denying the militants a way out"), or its
    noun with a granted thing after "of" ("its denial of women's rights"): taken, with no
    claim."""
    token: Token = word.token
    if token.pos_ == "NOUN" and token.lemma_.lower() in ctx.lexicon.withholding_nouns:
        # "its denial of women's rights": what "of" names is withheld, no charge denied
        withheld = [
            obj
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        return [] if any(_withheld(obj, ctx) for obj in withheld) else None
    if not token.tag_.startswith("VB") or token.lemma_.lower() not in ctx.lexicon.withholding_verbs:
        return None
    objects = [child for child in token.children if child.dep_ in _OBJECT_DEPS]
    objects += [  # "denying the militants a way out": the second object hangs lower
        child for obj in objects for child in obj.children if child.dep_ == "npadvmod"
    ]
    objects += [child for child in token.children if child.dep_ == "npadvmod"]
    if any(_withheld(obj, ctx) or _someone(obj, ctx) for obj in objects):
        return []
    return None


def _withheld(token: Token, ctx: Context) -> bool:
    return token.lemma_.lower() in ctx.lexicon.withheld_objects


def _someone(token: Token, ctx: Context) -> bool:
    """Whether an object names the one something is withheld from: a person or group (a
    proper name, a named entity, a personal pronoun, "the militants")."""
    return (
        token.lower_ in ctx.lexicon.object_pronouns
        or token.pos_ == "PROPN"
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or (token.tag_ in ("NN", "NNS") and token.lower_ in ctx.lexicon.stand_ins)
    )
