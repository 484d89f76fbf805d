"""Who may be a speaker: the speaker phrases that name no actor of their own.

"We" in a person's quote is the organisation the person speaks for, when known. An
unnamed single source ("an Iraqi official said") is an attribute of what it said,
not an actor node; a title coordinated with a person's name ("MP, Fatih coalition
spokesperson and senior PMF leader Ahmed al-Asadi") is that person, not a second
speaker. `extract.claims.quotes` and `extract.claims.speech` ask these questions of the speaker
tokens they find.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Token

    from extract.records import Actor


class _Resolved(Protocol):
    """A speaker phrase's resolution (`extract.claims.context.Resolved`): its actor."""

    @property
    def actor(self) -> Actor | None: ...


def is_title_of(
    token: Token, speaker: _Resolved, others: Sequence[_Resolved], *, named: bool = True
) -> bool:
    """Whether a coordinated speaker phrase is only another title of a person named in the
    same coordination: "said MP, Fatih coalition spokesperson and senior PMF leader Ahmed
    al-Asadi" is one speaker; "coalition spokesperson" is a title (a word of the actor
    lexicon's `title_words`) that reaches the coalition only through its modifier, and
    names no second speaker. So is the organisation the parser coordinates with a title
    carrying the name ("said University of Kent, Canterbury's chancellor, Jane Doe": the
    university is the chancellor's, not a speaker), and a common noun that names no actor
    itself (`named` False) but reaches one through its modifier ("Nairobi University
    economist and former treasury official, Jane Doe"). "The government and Prime
    Minister X said" keeps both."""
    from extract.actors.names import actor_lexicon

    titles = actor_lexicon().title_words
    if speaker.actor is None or speaker.actor.type == "Person":
        return False
    if not any(other.actor is not None and other.actor.type == "Person" for other in others):
        return False
    if token.pos_ == "NOUN" and (token.lower_ in titles or not named):
        return True
    return token.pos_ == "PROPN" and any(
        child.dep_ == "conj"
        and child.pos_ == "NOUN"
        and child.lower_ in titles
        and any(grand.dep_ == "appos" and grand.pos_ == "PROPN" for grand in child.children)
        for child in token.children
    )


def is_anonymous_source(token: Token, determiners: Collection[str]) -> bool:
    """Whether a speaker phrase is an unnamed single source: a singular common noun with
    an indefinite determiner and no name beside it ("an Iraqi official said", "a commander
    for the group told ..."). Such a source is an attribute of what it said, not an actor:
    all the anonymous officials of a corpus are not one node (GUIDE.md does not annotate
    them either). `determiners` are the indefinite ones (lexicon `indefinite_determiners`:
    "an official", "one commander")."""
    if token.tag_ != "NN":
        return False
    if not any(child.dep_ == "det" and child.lower_ in determiners for child in token.children):
        return False
    return not any(
        child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" for child in token.children
    )


def organisation_of(resolver: object, speaker: Actor) -> Actor | None:
    """The one organisation a person speaks for, when the document names it: the parent, or
    the organisation of the person's only role ("head of the Department of Foreign
    Relations"); None for organisations and for people with no or several affiliations.

    Args:
        resolver: the document's actor resolution (its `actors` mapping is read).
        speaker: the quote's speaker.

    Returns:
        The organisation, or None.
    """
    actors = getattr(resolver, "actors", None)
    if speaker.type != "Person" or not isinstance(actors, Mapping):
        return None
    ids = {speaker.parent} | {role.organisation for role in speaker.roles}
    ids.discard(None)
    found = [actors[i] for i in ids if i in actors]
    return found[0] if len(found) == 1 else None
