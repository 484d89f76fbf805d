"""The working record the actors stage's passes fill while one doc is read.

`Collection` holds what the passes have found so far: the actors by id, the resolved
spans (`Found`) in the order found and by token, the mention records, the nationality
words, the structural claims and the subject references. The passes of
`extract/actors/resolve.py` (`MENTION_PASSES`, then the role and reference passes) read
and extend it, in their declared order; once they are done it is frozen into an
`ActorIndex` (`extract/actors/index.py`), which lookups only read. Nothing outside the
build sees a `Collection`.

The state-actor helpers every stage of the build needs live here too: the actor of a
country id, the government acting for a country, the government a capital stands for,
and a city's own force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.actors.found import Found, to_mention
from extract.actors.names import actor_lexicon
from extract.actors.registry import Registry
from extract.records import Actor, Claim, Mention, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Collection:
    """What the passes over one doc have found so far (mutable while the doc is read).

    Attributes:
        doc: the parsed doc.
        registry: the known actors.
        offset: where `doc.text` starts in the document text.
        doc_id: the document id the structural claims are filed under.
        actors: every actor found so far, by id.
        found: the resolved spans in token offsets.
        by_token: the resolved span covering each token.
        mentions: the mention records (document offsets), once the mention passes ran.
        claims: the structural claims of the role passes.
        refs: subject pronouns and nominals resolved to an actor, by token.
        demonyms: nationality words that qualify a noun, by token: their country id.
        main_country: the country the text names most, if one leads.
        sentences: (start, end) token offsets of each sentence.
    """

    doc: Doc
    registry: Registry
    offset: int = 0
    doc_id: str = ""
    actors: dict[str, Actor] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    by_token: dict[int, Found] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    refs: dict[int, Found] = field(default_factory=dict)
    demonyms: dict[int, str] = field(default_factory=dict)
    main_country: str | None = None
    sentences: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = sentences_of(self.doc)

    def country_actor(self, country_id: str) -> Actor | None:
        """The actor of a country id (`country_actor`)."""
        return country_actor(self.registry, country_id)

    def as_government(self, found: Found) -> Actor | None:
        """The government a capital stands for, added to the actors with its
        "metonymy" mention; the capital's own actor when it has no government."""
        stands_for = government_mention(self.doc, self.registry, found, self.offset)
        if stands_for is None:
            return self.actors.get(found.actor_id)
        government, mention = stands_for
        self.actors.setdefault(government.id, government)
        if mention not in self.mentions:
            self.mentions.append(mention)
        return government


def government_mention(
    doc: Doc, registry: Registry, found: Found, offset: int
) -> tuple[Actor, Mention] | None:
    """The government the capital `found` names stands for, with the "metonymy" mention
    of it there; None when the capital has none."""
    span = doc[found.start : found.end]
    government = capital_government(registry, span.text)
    if government is None:
        return None
    return government, to_mention(span, government.id, "metonymy", offset)


def sentences_of(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The (start, end) token offsets of each sentence; a doc with no sentence
    boundaries (no parser) is one sentence."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return tuple((sent.start, sent.end) for sent in doc.sents)
    return ((0, len(doc)),)


def state_country(actor: Actor | None) -> str | None:
    """The country a state actor stands for: a Country's own id, a Government's country;
    None for any other actor (or a government with no country)."""
    if actor is None:
        return None
    if actor.type == "Country":
        return actor.id
    if actor.type == "Government":
        return actor.country or None
    return None


def country_actor(registry: Registry, country_id: str) -> Actor | None:
    """The actor of a country id from the registry or the country list ("chad" -> Chad)."""
    actor = registry.get(country_id)
    if actor is not None:
        return actor
    name = actor_lexicon().country_names.get(country_id)
    return Actor(id=country_id, label=name, type="Country") if name else None


def local_force(res: Collection, place: Found, city: Actor, force: Token) -> Actor:
    """The force of a city ("El Paso's police", "El Paso's police chief"): one actor, the
    one "the El Paso police" is too, placed in the city's country and added to `res`."""
    name = " ".join(res.doc[place.start : place.end].text.split())
    label = f"{name} {force.text}"
    return res.actors.setdefault(
        slugify(label),
        Actor(id=slugify(label), label=label, type="Government", country=city.country),
    )


#: Nouns that, after a nationality adjective, name the country's government.
GOVERNMENT_HEADS = frozenset({"government", "administration"})


def country_government(registry: Registry, country_id: str) -> Actor | None:
    """The government acting for a country: the registry's, else one named after the
    country's nationality ("Mexican government"), typed Government and placed in the
    country, so that "the Mexican government" is one actor in every text and not the
    country itself. None for an unknown country."""
    government = registry.government_of_country(country_id)
    if government is not None:
        return government
    country = country_actor(registry, country_id)
    if country is None:
        return None
    adjective = actor_lexicon().country_adjectives.get(country_id)
    label = f"{adjective} government" if adjective else f"Government of {country.label}"
    actor_id = slugify(label)
    return registry.get(actor_id) or Actor(
        id=actor_id, label=label, type="Government", country=country_id
    )


def capital_government(registry: Registry, text: str) -> Actor | None:
    """The government a capital's name stands for when it acts ("Tehran" -> Iran's
    government when the registry knows one, else Iran), or None."""
    government = registry.government_of_capital(text)
    if government is not None and government.type == "Country":
        # "Tehran denied": the government acting for the country, when one is known
        government = registry.government_of_country(government.id) or government
    return government
