"""The plain records that flow out of extraction: documents, actors, mentions, claims.

Everything here is a frozen dataclass with no behaviour beyond conversion to plain
dicts. `extract/` produces these records, `kg/` turns them into RDF; nothing in this
module knows about spaCy or RDF, so records cross process boundaries cheaply.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from extract.relations import CODEBOOK

#: Relation codes (PLOVER categories plus claimgraph's own), in the order the README lists
#: them; what each one is: `extract.relations.CODEBOOK`.
RELATIONS: tuple[str, ...] = CODEBOOK.codes
#: The relation codes that are PLOVER categories (the others are claimgraph's own).
PLOVER_RELATIONS: frozenset[str] = CODEBOOK.plover

#: Actor types. Each maps to a schema.org / cg: class in kg/vocab.py.
ACTOR_TYPES: tuple[str, ...] = (
    "Person",
    "Government",
    "ArmedGroup",
    "PoliticalParty",
    "Organization",
    "Company",
    "Media",
    "Country",
    "Place",
    "Group",
)

POLARITIES: tuple[str, ...] = ("affirmed", "negated")
MODALITIES: tuple[str, ...] = ("asserted", "reported", "hypothetical", "alleged")


def content_hash(*parts: object, length: int = 16) -> str:
    """Return a short, stable hex digest of `parts` (joined with a separator)."""
    text = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Fold a name for comparison: accents, case, apostrophes, hyphens and spacing.

    "Kata'ib  Hezbollah", "kataib hezbollah" and "Kataib-Hezbollah" all fold to
    "kataib hezbollah". A leading "the" is dropped. Cached: the same names come back
    in every document.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = re.sub(r"['’‘`ʼ]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def slugify(text: str) -> str:
    """Return the id form of a name: "Kataib Hezbollah" -> "kataib-hezbollah"."""
    return normalise_name(text).replace(" ", "-") or "unnamed"


@dataclass(frozen=True)
class Document:
    """One article as read, before any cleaning.

    Attributes:
        id: stable key of the document (a hash of where it was read from, not of its
            text), so that changed text replaces the same document's graph.
        text: the text as read; claim offsets index this string.
        source: the path or URL it was read from (with ``#L<n>`` for a JSONL line).
        warnings: problems met while reading that did not stop it (e.g. bytes that
            could not be decoded).
    """

    id: str
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def text_hash(self) -> str:
        """Digest of the text and metadata; equal hashes mean nothing to re-ingest."""
        return content_hash(self.text, self.title, self.date, self.publisher, self.url, length=32)


@dataclass(frozen=True)
class Role:
    """A title or position an actor holds, as stated in text or in the registry."""

    title: str
    organisation: str | None = None  # actor id of the organisation, when known
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Actor:
    """A resolved actor: one node in the graph, however many names it appears under."""

    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    sector: str | None = None  # PLOVER/CAMEO sector code (GOV, MIL, REB, ...)
    country: str | None = None  # actor id of the country, when known
    parent: str | None = None  # actor id of the parent organisation, when known
    roles: tuple[Role, ...] = ()

    def ref(self) -> ActorRef:
        """Return the short reference used inside claim records."""
        return ActorRef(id=self.id, label=self.label, type=self.type)


@dataclass(frozen=True)
class ActorRef:
    """The {id, label, type} triple a claim record carries for each actor."""

    id: str
    label: str
    type: str


@dataclass(frozen=True)
class Mention:
    """A span of the document's text that names (or refers to) an actor.

    `how` says how the span was resolved: "registry", "ner", "coref" (short form of
    a name seen earlier), "metonymy" (a capital standing for its government),
    "pronoun" or "nominal" ("the minister").
    """

    actor_id: str
    text: str
    start: int
    end: int
    how: str


@dataclass(frozen=True)
class About:
    """What a claim concerns: the event or thing an accusation, denial, request or
    condemnation is about ("the drone attacks", "a defence system").

    Attributes:
        label: the phrase without its determiner ("drone attacks").
        text, start, end: the phrase as written and its offsets in the document's text
            (a denial of "the charge" carries the span of the accusation's matter).
        key: the lemmas of its content words, head last ("drone attack"), for matching
            claims about the same matter across documents.
    """

    label: str
    text: str
    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Response:
    """A claim answering another: a denial or rejection of an accusation.

    `claim_id` is the answered claim's id (same document); `rule` says how the link
    was found and `confidence` how sure it is.
    """

    claim_id: str
    rule: str
    confidence: float


#: Granularities of a claim's event date.
DATE_GRANULARITIES: tuple[str, ...] = ("day", "month", "year")


@dataclass(frozen=True)
class Claim:
    """One statement or act found in one sentence (see DESIGN.md, "Claims").

    `about`, `event_date` (ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` with
    `event_date_granularity` "day", "month" or "year") and `responds` are filled in
    after the claim is found; they take no part in its identity.
    """

    id: str
    doc_id: str
    relation: str
    subject: ActorRef | None
    object: ActorRef | None
    speaker: ActorRef | None
    cue: str
    quote: str | None
    text: str
    start: int
    end: int
    polarity: str = "affirmed"
    modality: str = "asserted"
    confidence: float = 0.5
    rule: str = ""
    about: About | None = None
    event_date: str | None = None
    event_date_granularity: str | None = None
    responds: tuple[Response, ...] = ()

    def key(self) -> tuple[Any, ...]:
        """What makes two claims the same claim, whatever their position."""
        return (
            self.relation,
            self.subject.id if self.subject else None,
            self.object.id if self.object else None,
            self.speaker.id if self.speaker else None,
            self.quote,
            self.polarity,
            self.text,
        )


def claim_id(
    doc_id: str,
    relation: str,
    subject: ActorRef | None,
    object_: ActorRef | None,
    speaker: ActorRef | None,
    quote: str | None,
    start: int,
    end: int,
) -> str:
    """Content-and-position hash that identifies a claim."""
    return content_hash(
        doc_id,
        relation,
        subject.id if subject else None,
        object_.id if object_ else None,
        speaker.id if speaker else None,
        quote,
        start,
        end,
        length=20,
    )


@dataclass(frozen=True)
class Extraction:
    """All that extraction found in one document."""

    document: Document
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Failure:
    """A document (or input) that could not be read or extracted, and why.

    `source` names the file (with ``#L<n>`` for a JSONL line); `reason` is one line
    a user can act on, beginning with `source` ("a.jsonl#L3: invalid JSON ...").
    """

    source: str
    reason: str


#: Head nouns that name the same kind of event when matters are compared.
_SAME_EVENT = {"strike": "attack", "assault": "attack", "airstrike": "attack"}


def same_matter(key: str, other: str) -> bool:
    """Whether two `About.key`s name the same matter: the same head (strikes and attacks
    are one kind of event) and the words of one among the words of the other ("drone
    attack" and "attack" agree; "drone attack" and "rocket attack" do not)."""
    words = [_SAME_EVENT.get(word, word) for word in key.split()]
    others = [_SAME_EVENT.get(word, word) for word in other.split()]
    if not words or not others or words[-1] != others[-1]:
        return False
    return set(words) <= set(others) or set(others) <= set(words)


def answers_for(responder: Actor, accused: Actor) -> bool:
    """Whether `responder` answers an accusation made against `accused`: it is the
    accused, the accused's parent organisation, a part of the accused (Kataib Hezbollah,
    a faction of the PMF, answering "groups within the PMF"), or the government of the
    country the accused belongs to ("Baghdad denied the charge" against the PMF, a state
    force)."""
    if accused.id in (responder.id, responder.parent) or responder.id == accused.parent:
        return True
    return (
        responder.type == "Government"
        and accused.type != "Country"
        and accused.country is not None
        and responder.country == accused.country
        and accused.type != "Government"
    )


def to_dict(record: Any) -> dict[str, Any]:
    """Plain-dict view of any record above (tuples become lists)."""
    return asdict(record)
