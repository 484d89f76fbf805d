"""A name the small model tags as an organisation or a place is a person when an
apposition headed by a person's title describes it ("Gáspár Maróth, the government
commissioner"), and its surname then names that person; an apposition headed by a word
that also names a body or a place ("the autonomous region", "the ruling council") keeps
the tag. The parses are the model's; the entity tags are set by hand to the model's
error, so the rule is tested whatever the model does with these names. Sentences
written for this test."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from extract.actors.collection import Collection
from extract.actors.mentions import collect_mentions

pytestmark = pytest.mark.model


def _actors(nlp, registry, text, name, label, *, more=()):
    """Actor labels and types of `text` with `name` (and the last occurrence of each of
    `more`) tagged `label`."""
    doc = nlp(text)
    ents = []
    for n, words in enumerate((name, *more)):
        start = text.rindex(words) if n else text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = [span for span in ents if isinstance(span, Span)]
    collection = Collection(doc, registry)
    collect_mentions(collection)
    by_token = {i: collection.actors[f.actor_id] for i, f in collection.by_token.items()}
    return {(a.label, a.type) for a in collection.actors.values()}, by_token, doc


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "The paper spoke to Gáspár Maróth, the government commissioner, on Monday.",
            "Gáspár Maróth",
            "ORG",
        ),
        (
            "Zsolt Bártfai, a senior adviser to the minister, declined the offer.",
            "Zsolt Bártfai",
            "GPE",
        ),
        ("Reporters met Ilona Varga, the chief negotiator, in the capital.", "Ilona Varga", "LOC"),
        ("Tarik Jazrawi, the provincial governor, opened the bridge.", "Tarik Jazrawi", "ORG"),
    ],
)
def test_a_titled_apposition_makes_a_person(nlp, registry, text, name, label):
    actors, _, _ = _actors(nlp, registry, text, name, label)
    assert (name, "Person") in actors


def test_the_surname_then_names_the_person(nlp, registry):
    text = (
        "The paper spoke to Gáspár Maróth, the government commissioner, on Monday. "
        "Maróth said the bid won."
    )
    _, by_token, doc = _actors(nlp, registry, text, "Gáspár Maróth", "ORG", more=("Maróth",))
    surname = [t for t in doc if t.text == "Maróth"][-1]
    assert by_token[surname.i].label == "Gáspár Maróth"


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a body's or a place's own apposition
        ("Delegates reached Bajor Valley, the border region, on Monday.", "Bajor Valley", "LOC"),
        ("The decree came from Tanu Brell, the ruling council, on Monday.", "Tanu Brell", "ORG"),
        # no apposition at all: the tag stands
        ("The paper spoke to Gáspár Maróth on Monday.", "Gáspár Maróth", "ORG"),
    ],
)
def test_without_a_persons_title_the_tag_stands(nlp, registry, text, name, label):
    actors, _, _ = _actors(nlp, registry, text, name, label)
    assert (name, "Person") not in actors
