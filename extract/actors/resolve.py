"""Actor resolution: which actor every name, group, pronoun and capital in a doc stands for.

`resolve_actors` reads a parsed spaCy `Doc` (with the registry's entity ruler installed)
and returns the doc's actor index: the actors mentioned, their mentions (document
offsets), and the structural claims found inside noun phrases (titles, appositions,
"X-backed" compounds). The claim finders then ask the index who a token stands for
(`actor_at`) or who a pronoun or "the ministry" refers to (`resolve_reference`).

The index is built by the passes of `ACTOR_PASSES`, run in their declared order over
one `Collection` (`extract/actors/collection.py`): the mentions
(`extract/actors/mentions.py`; entity cleaning in `spans.py`, unnamed groups in
`groups.py`), then roles and structural claims (`roles.py`, compound claims in
`compounds.py`), then subject references (`references.py`). Name cleaning and matching
live in `names.py`; the word lists in `extract/lexicon/actors.yaml`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.actors.collection import Collection
from extract.actors.index import ActorIndex
from extract.actors.mentions import collect_mentions
from extract.actors.names import actor_lexicon
from extract.actors.references import reference_pass
from extract.actors.registry import Registry
from extract.actors.roles import find_roles_and_claims

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ACTOR_PASSES", "ActorIndex", "ActorPass", "resolve_actors"]


@dataclass(frozen=True)
class ActorPass:
    """One pass of the actors stage: its name, what it does, and whether it needs
    sentence boundaries (claims carry their sentence; references look back sentence
    by sentence: a pipeline without a parser or sentencizer gets the mentions only)."""

    name: str
    run: Callable[[Collection], None]
    needs_sentences: bool = False


def _roles(collection: Collection) -> None:
    claims = find_roles_and_claims(collection, lexicon=actor_lexicon(), doc_id=collection.doc_id)
    collection.claims.extend(claims)


#: The passes of the actors stage, in the order they run; each reads what the ones
#: before it found. References come after roles: "the minister" needs them.
ACTOR_PASSES: tuple[ActorPass, ...] = (
    ActorPass("mentions", collect_mentions),
    ActorPass("roles", _roles, needs_sentences=True),
    ActorPass("references", reference_pass, needs_sentences=True),
)


def resolve_actors(
    doc: Doc, registry: Registry, *, offset: int = 0, doc_id: str = ""
) -> ActorIndex:
    """Resolve every actor mention of `doc`.

    Args:
        doc: a parsed doc (tagger, parser and NER; the registry ruler if installed).
        registry: the known actors.
        offset: where `doc.text` starts in the document text; added to all offsets.
        doc_id: the document id the structural claims are filed under.

    Returns:
        The frozen index: actors, mentions, structural claims, and lookups by token. A
        doc without sentence boundaries (no parser) gets mentions but no claims.
    """
    collection = Collection(doc=doc, registry=registry, offset=offset, doc_id=doc_id)
    sentences = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    for actor_pass in ACTOR_PASSES:
        if sentences or not actor_pass.needs_sentences:
            actor_pass.run(collection)
    _prune(collection)
    return ActorIndex.of(collection)


def _prune(collection: Collection) -> None:
    """Drop actors nothing points at (a capital that only ever acted as its government)."""
    used = {found.actor_id for found in (*collection.found, *collection.refs.values())}
    for claim in collection.claims:
        used.update(ref.id for ref in (claim.subject, claim.object) if ref is not None)
    for actor in list(collection.actors.values()):
        used.update(role.organisation for role in actor.roles if role.organisation)
    for actor_id in list(collection.actors):
        if actor_id not in used:
            del collection.actors[actor_id]
