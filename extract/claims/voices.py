"""Who speaks in the first person outside quote marks: the turns of a transcript, and the
official or office that issues a statement.

Official texts speak in the first person without quote marks (GUIDE.md, "Official
texts" and "Transcripts"):

- A transcript gives each turn to the speaker its label names: in "SECRETARY BLINKEN:
  We welcome the truce." the "We" is Blinken's side. A label that names no person
  ("QUESTION:", "MODERATOR:") gives its turn no speaker, so its "we" and "I" stay
  unresolved.
- A statement signed on its first line ("Ned Price, Department Spokesperson"), or
  issued by an office of its publisher ("Office of the Spokesperson"), or headed
  "Statement by President Biden", speaks for the institution that issues it: "We call
  on Y to ..." is that institution's request (the publisher, when the registry knows
  it, else the signer's organisation), and "I" is the signer.

`find_voices` maps each such token to its `Voice`; `extract.claims.context.resolve_token`
reads it for first-person pronouns the way it reads a quote's speaker (a quote inside a
turn keeps its own speaker). Nothing else is read from it: a transcript's turns are
no quotes, and give no STATEMENT of their own (GUIDE.md: only the claims are listed).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from extract.claims.speakers import organisation_of
from extract.syntax.doccache import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from extract.actors.registry import Registry
    from extract.records import Actor, Document


class Resolver(Protocol):
    """The lookup the voices need of the document's actor resolution (the part of
    `extract.claims.context.Resolver` they use)."""

    def actor_at(self, token: Token, *, agent: bool = False) -> Actor | None:
        """The actor whose mention covers `token`."""
        ...


#: First words of the turn labels that ask or moderate: their turns assert nothing.
ASKING_LABELS = frozenset({"QUESTION", "Q", "MODERATOR", "OPERATOR", "STAFF", "INTERPRETER"})
#: Most words a turn label has ("PRIME MINISTER NETANYAHU", "SECRETARY BLINKEN").
LABEL_WORDS = 6
#: Most tokens a signature line has ("Antony J. Blinken, Secretary of State").
SIGNATURE_TOKENS = 14
#: A first line naming an office of the publisher that issues the text.
_OFFICE_LINE = re.compile(r"^Office of the [A-Z][\w ]{0,40}$")
#: A heading naming who issues a statement: "Statement by President Biden on ...", or
#: with the issuer first, "President Biden Statement on ...".
_STATEMENT_HEADING = re.compile(
    r"^(?:Statement|Remarks|Message)s? (?:by|from|of) (?P<who>.+?)"
    r"(?: on | to | at | for | regarding |$)"
    r"|^(?P<first>.+?) (?:Statement|Remarks|Message) (?:on|to|at|for|regarding) "
)


@dataclass(frozen=True)
class Voice:
    """Who speaks in the first person at a token outside quote marks.

    Attributes:
        speaker: the person speaking ("I"), if known.
        side: whom "we" stands for there, when it is not the speaker's own organisation
            (the institution that issues a statement).
    """

    speaker: Actor | None
    side: Actor | None = None

    def first_person(self, *, plural: bool, resolver: Resolver) -> Actor | None:
        """Whom "I" (or, `plural`, "we") stands for: "we" is the issuing side, else the
        speaker's one organisation (`organisation_of`), else the speaker."""
        if not plural:
            return self.speaker or self.side
        if self.side is not None:
            return self.side
        if self.speaker is None:
            return None
        return organisation_of(resolver, self.speaker) or self.speaker


@dataclass(frozen=True)
class Voices:
    """The voice of each token that has one, and the actors the voices name that the
    document's resolution does not hold (an issuing institution named only by the
    publisher)."""

    by_token: Mapping[int, Voice] = field(default_factory=lambda: MappingProxyType({}))
    actors: Mapping[str, Actor] = field(default_factory=lambda: MappingProxyType({}))
    #: character spans (in `doc.text`) of the turns that ask or moderate
    asked: tuple[tuple[int, int], ...] = ()

    def asserts(self, start: int) -> bool:
        """Whether text starting at `start` (a `doc.text` offset) is asserted, not a
        question's or a moderator's turn."""
        return not any(first <= start < last for first, last in self.asked)


def find_voices(
    doc: Doc,
    resolver: Resolver,
    *,
    registry: Registry,
    document: Document | None = None,
    offset: int = 0,
) -> Voices:
    """The voice of each token of a transcript turn, or of an issued statement's body.

    Args:
        doc: the parsed text.
        resolver: the document's actor resolution (turn labels and signatures are names
            it has resolved; its `actors` mapping is read).
        registry: the known actors (publishers, and people a heading names).
        document: the document `doc` is read from (its publisher and title).
        offset: where `doc.text` starts in the document; a statement's voice is read
            from its opening, so only the first piece of a long text has one.

    Returns:
        The voices; empty for a text that is neither a transcript nor a statement.
    """
    starts = _line_starts(doc)
    labels = _turn_labels(doc, starts)
    institution = _institution(registry, document)
    if labels:
        heading = document.title if document is not None else None
        voices, asked = _turns(
            doc, resolver, labels, registry=registry, heading=heading, side=institution
        )
        return _collected(voices, resolver, asked=asked)
    if offset or not starts:
        return Voices()
    first_line = doc[starts[0] : starts[1] if len(starts) > 1 else len(doc)]
    signer, body = _signature(first_line, resolver)
    if signer is None:
        if _OFFICE_LINE.match(first_line.text.strip()):
            body = first_line.end  # "Office of the Spokesperson": the publisher's
        else:
            signer = _heading_person(registry, document.title if document else None)
    if signer is None and (institution is None or body == 0):
        return Voices()
    voice = Voice(signer, _office_of(registry, signer) or institution)
    return _collected(dict.fromkeys(range(body, len(doc)), voice), resolver)


def _collected(
    by_token: dict[int, Voice], resolver: Resolver, *, asked: tuple[tuple[int, int], ...] = ()
) -> Voices:
    """The voices, with the actors they name that the resolution does not hold."""
    known = getattr(resolver, "actors", None)
    held = known if isinstance(known, Mapping) else {}
    added = {
        actor.id: actor
        for voice in set(by_token.values())
        for actor in (voice.speaker, voice.side)
        if actor is not None and actor.id not in held
    }
    return Voices(MappingProxyType(by_token), MappingProxyType(added), asked=asked)


def _institution(registry: Registry, document: Document | None) -> Actor | None:
    """The registry's actor for the document's publisher, when it is a state body."""
    if document is None or not document.publisher:
        return None
    actor = registry.lookup(document.publisher.removeprefix("The ").strip())
    return actor if actor is not None and actor.type == "Government" else None


def _office_of(registry: Registry, person: Actor | None) -> Actor | None:
    """The one organisation the registry gives a person's roles ("Secretary of State"
    -> the State Department): the side a signed statement's "we" speaks for."""
    if person is None:
        return None
    known = registry.get(person.id) or person
    ids = {role.organisation for role in known.roles if role.organisation}
    return registry.get(ids.pop()) if len(ids) == 1 else None


def _state_of(registry: Registry, person: Actor | None) -> Actor | None:
    """The government a person's office is part of (the registry's parents followed up:
    a foreign ministry's minister speaks for the government): whom "we" stands for when
    an official speaks for their side in a meeting or a briefing."""
    office = _office_of(registry, person)
    seen: set[str] = set()
    while office is not None and office.parent and office.id not in seen:
        seen.add(office.id)
        office = registry.get(office.parent) or office
    return office


def _heading_person(registry: Registry, title: str | None) -> Actor | None:
    """The registry person a statement's heading names ("Statement by President Biden
    on ..." -> Joe Biden), if any."""
    match = _STATEMENT_HEADING.match(title or "")
    if match is None:
        return None
    words = (match.group("who") or match.group("first")).split()
    for start in range(len(words)):
        actor = _registry_name(registry, words[start:])
        if actor is not None:
            return actor if actor.type == "Person" else None
    return None


def _registry_name(registry: Registry, words: list[str]) -> Actor | None:
    """The registry actor `words` name: an alias, or one word a person's surname."""
    name = " ".join(words)
    return registry.lookup(name) or (registry.person_by_surname(name) if len(words) == 1 else None)


def _line_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that begin a line."""
    words = tokens(doc)
    return [
        token.i
        for token in words
        if not token.is_space and (token.i == 0 or "\n" in words[token.i - 1].text_with_ws)
    ]


def _turn_labels(doc: Doc, starts: list[int]) -> list[tuple[int, int]]:
    """(first token, colon token) of each turn label: a line (one of `starts`) opening
    with upper-case words and a colon ("SECRETARY BLINKEN:", "QUESTION:")."""
    found = []
    for start in starts:
        i = start
        words = 0
        while i < len(doc) and words <= LABEL_WORDS:
            token = doc[i]
            if token.text == ":":
                break
            if token.is_alpha and token.is_upper and len(token.text) > 1:
                words += 1
            elif token.text not in {".", "-", "'", "’"}:
                words = LABEL_WORDS + 1
                break
            i += 1
        if 0 < words <= LABEL_WORDS and i < len(doc) and doc[i].text == ":":
            found.append((start, i))
    return found


def _turns(
    doc: Doc,
    resolver: Resolver,
    labels: list[tuple[int, int]],
    *,
    registry: Registry,
    heading: str | None,
    side: Actor | None,
) -> tuple[dict[int, Voice], tuple[tuple[int, int], ...]]:
    """Each turn's voice: the person its label names ("SECRETARY BLINKEN"), or the one
    the heading names for a bare title ("THE PRESIDENT" in "Remarks by President Biden
    and ..."); an unnamed official ("SENIOR STATE DEPARTMENT OFFICIAL") speaks for the
    publisher; "we" is the government the registry puts the speaker's office in, else
    the speaker's organisation. A question or a moderator's turn asserts nothing: its
    claims are dropped (`Voices.asked`)."""
    voices: dict[int, Voice] = {}
    asked: list[tuple[int, int]] = []
    ends = [start for start, _ in labels[1:]] + [len(doc)]
    for (start, colon), end in zip(labels, ends, strict=True):
        words = doc[start:colon].text.split()
        if words and words[0] in ASKING_LABELS:
            asked.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1])))
            continue
        speaker = _person_in(doc, resolver, start, colon) or _titled_in_heading(
            registry, heading, words
        )
        voice = Voice(speaker, _state_of(registry, speaker) if speaker is not None else side)
        for i in range(colon + 1, end):
            voices[i] = voice
    return voices, tuple(asked)


def _titled_in_heading(registry: Registry, heading: str | None, label: list[str]) -> Actor | None:
    """The registry person a heading names with the title a bare label gives ("THE
    PRESIDENT" and "Remarks by President Biden and ..." -> Joe Biden)."""
    title = " ".join(word for word in label if word != "THE").title()
    if not heading or not title:
        return None
    match = re.search(rf"(?<!Vice )\b{re.escape(title)} ((?:[A-Z][\w'’.-]* ?){{1,3}})", heading)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        actor = _registry_name(registry, words[:size])
        if actor is not None and actor.type == "Person":
            return actor
    return None


def _person_in(doc: Doc, resolver: Resolver, start: int, end: int) -> Actor | None:
    """The one person the tokens `start`..`end` name, if any."""
    people = {
        actor.id: actor
        for token in doc[start:end]
        if (actor := resolver.actor_at(token)) is not None and actor.type == "Person"
    }
    return next(iter(people.values())) if len(people) == 1 else None


def _signature(line: Span, resolver: Resolver) -> tuple[Actor | None, int]:
    """The signer of a statement and where its body starts: a short first `line` that is
    a person's name, a comma and a title ("Ned Price, Department Spokesperson"); (None, 0)
    for a text that opens otherwise."""
    doc, first, end = line.doc, line.start, line.end
    words: list[Token] = [token for token in line if not token.is_space]
    if not words or len(words) > SIGNATURE_TOKENS or end == len(doc):
        return None, 0
    comma = next((token.i for token in words if token.text == ","), None)
    if comma is None or comma == first or comma == words[-1].i:
        return None, 0
    signer = _person_in(doc, resolver, first, comma)
    if signer is None or any(
        (actor := resolver.actor_at(token)) is not None and actor.id == signer.id
        for token in doc[comma:end]
    ):
        return None, 0
    return signer, end
