"""The registry's entity ruler: every alias of a known actor tagged as an entity with the
actor's id (`ent.ent_id_`), in any case, or exactly as written for an acronym.

It does what spaCy's `entity_ruler` does with phrase patterns on LOWER plus token patterns
of exact words (the longest match wins, then the earliest; matches overwrite the model's
entities), but reads the acronyms with a second phrase matcher on ORTH rather than with
the token `Matcher`: the `Matcher` tries each of its patterns at every token, and the
registry's few dozen acronyms cost it more than the phrase matcher's hundreds of aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import product
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: The pipeline component's factory name.
FACTORY = "claimgraph_registry_ruler"


class RegistryRuler:
    """Tags the aliases of `add_patterns` entries (entity-ruler pattern dicts: a string
    matched in any case, or a list of ``{"ORTH": word}`` / ``{"ORTH": {"IN": [...]}}``
    matched exactly)."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.vocab: Vocab = nlp.vocab
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}  # match key -> (label, actor id)

    def add_patterns(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        """Add entity-ruler pattern dicts, each with ``label``, ``pattern`` and ``id``."""
        from spacy.tokens import Doc

        phrases: dict[str, list[str]] = {}
        for entry in patterns:
            label, actor_id, pattern = entry["label"], entry["id"], entry["pattern"]
            # the key spaCy's entity_ruler gives a (label, id) pair: same keys, same order
            # of equal matches
            key = f"{label}||{actor_id}"
            self.labels[self.vocab.strings.add(key)] = (label, actor_id)
            if isinstance(pattern, str):
                phrases.setdefault(key, []).append(pattern)
            else:
                self.exact.add(
                    key, [Doc(self.vocab, words=list(words)) for words in _exact_words(pattern)]
                )
        for key, texts in phrases.items():
            self.any_case.add(key, [self.nlp.make_doc(text) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        found = {(key, start, end) for key, start, end in (*self.exact(doc), *self.any_case(doc))}
        ordered = sorted(
            (match for match in found if match[1] != match[2]),
            key=lambda match: (match[2] - match[1], -match[1]),
            reverse=True,
        )
        entities = list(doc.ents)
        new: list[Span] = []
        taken: set[int] = set()
        for key, start, end in ordered:
            if start in taken or end - 1 in taken:
                continue
            label, actor_id = self.labels[key]
            new.append(Span(doc, start, end, label=label, span_id=actor_id))
            entities = [ent for ent in entities if not (ent.start < end and ent.end > start)]
            taken.update(range(start, end))
        doc.ents = entities + new
        return doc


def _exact_words(pattern: list[Mapping[str, Any]]) -> list[tuple[str, ...]]:
    """Every word sequence a token pattern of exact words matches."""
    choices: list[list[str]] = []
    for part in pattern:
        orth = part.get("ORTH") if len(part) == 1 else None
        if isinstance(orth, str):
            choices.append([orth])
        elif isinstance(orth, Mapping) and set(orth) == {"IN"}:
            choices.append([str(word) for word in orth["IN"]])
        else:
            raise ValueError(f"registry ruler: not a pattern of exact words: {pattern!r}")
    return list(product(*choices))


def make_registry_ruler(nlp: Language, name: str) -> RegistryRuler:
    """The spaCy factory: an empty ruler; `add_patterns` fills it."""
    return RegistryRuler(nlp)
