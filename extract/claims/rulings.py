"""Rulings and findings: what a court orders and what an inquiry finds.

A judicial body that orders a party to act forces a decision upon it ("the tribunal
ordered Serbia to pay": GUIDE.md, "force a decision upon" -> COERCE); a finding that a
party broke a rule ("the court found that Russia had violated the convention") accuses
that party (PLOVER ACCUSE), whoever makes it, and so does taking a party before a court or
council ("took Iran to the Security Council"). The word lists are `judicial_bodies`,
`ruling_verbs`, `finding_verbs`, `breach_verbs`, `complaint_verbs` and `forum_nouns` in
`lexicon/nouns.yaml`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.claims.nouns import load_noun_lexicon
from extract.syntax.arguments import subject_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


def ruling_relation(verb: Token) -> str | None:
    """The relation a ruling or finding told by `verb` expresses, if it is one.

    Args:
        verb: a verb token of the parsed text.

    Returns:
        "COERCE" for a judicial body ordering a named party to act, "ACCUSE" for a finding
        that someone broke a rule, else None.
    """
    lexicon = load_noun_lexicon()
    lemma = verb.lemma_.lower()
    if (
        lemma not in lexicon.finding_verbs
        and lemma not in lexicon.ruling_verbs
        and lemma not in lexicon.complaint_verbs
    ):
        return None  # one set lookup for the verbs of no ruling (most of them)
    if breach_found(verb):
        return "ACCUSE"
    if _judicial_order(verb):
        return "COERCE"
    if _taken_to_a_forum(verb):
        return "ACCUSE"
    return None


def breach_found(verb: Token) -> list[Token]:
    """Who a finding says broke a rule: "found that Ankara had breached the treaty" ->
    [Ankara]; empty when `verb` is no finding of a breach."""
    lexicon = load_noun_lexicon()
    if verb.lemma_.lower() not in lexicon.finding_verbs or not verb.tag_.startswith("VB"):
        return []
    return [
        token
        for clause in verb.children
        if clause.dep_ == "ccomp" and clause.lemma_.lower() in lexicon.breach_verbs
        for token in subject_tokens(clause)
    ]


def _judicial_order(verb: Token) -> bool:
    """Whether a court or tribunal orders a named party to act ("ordered X to pay")."""
    lexicon = load_noun_lexicon()
    if verb.lemma_.lower() not in lexicon.ruling_verbs:
        return False
    ordered = any(child.dep_ == "dobj" for child in verb.children) and any(
        child.dep_ == "xcomp" for child in verb.children
    )
    return ordered and any(
        token.lemma_.lower() in lexicon.judicial_bodies for token in subject_tokens(verb)
    )


def _taken_to_a_forum(verb: Token) -> bool:
    """Whether a named party is taken to a court or council ("took Iran to the Security
    Council", "will take Kenya to court"): a formal complaint against it."""
    lexicon = load_noun_lexicon()
    if verb.lemma_.lower() not in lexicon.complaint_verbs:
        return False
    named = any(child.dep_ == "dobj" and child.pos_ == "PROPN" for child in verb.children)
    return named and any(
        child.dep_ == "prep"
        and child.lower_ == "to"
        and any(
            pobj.dep_ == "pobj" and pobj.lemma_.lower() in lexicon.forum_nouns
            for pobj in child.children
        )
        for child in verb.children
    )


def is_forum(token: Token) -> bool:
    """Whether `token` is the court or council an accusation is taken to or lodged with
    ("took X to the Security Council", "complained to the court"): where the complaint is
    heard, not whom it accuses."""
    lexicon = load_noun_lexicon()
    if token.dep_ != "pobj" or token.head.lower_ not in lexicon.forum_preps:
        return False
    if token.lemma_.lower() in lexicon.forum_nouns:
        return True
    # "lodged a complaint with the United Nations", "filed a lawsuit with X", "complained
    # to X": whoever hears a complaint or a suit is its forum, whatever it is called
    head = token.head.head
    return head.lemma_.lower() in lexicon.complaint_words or any(
        child.dep_ == "dobj" and child.lemma_.lower() in lexicon.complaint_words
        for child in head.children
    )
