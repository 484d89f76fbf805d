"""A body named before a title is an organisation the person leads or belongs to, also
when the NER mis-tags or cuts its name: "Lake Basin Fishermen Association chairman John
Otieno" (tagged as a location: a name with "Association" is a body, not a place), "Union
of Kenyan Farmers (UKF) head Jane Wambui"; an entity the NER ends inside an open
parenthesis ("Organisation of East African Fishers (OEAF") is the name before it. Title
words alone name no body ("Former President Mwai Kibaki"). Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _roles(nlp, registry, text):
    return {
        (c.relation, c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation in ("LEADS", "AFFILIATED_WITH") and c.subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Eastern Africa Grain Council director Gerald Masila said prices rose.",
            ("LEADS", "Gerald Masila", "Eastern Africa Grain Council"),
        ),
        (
            "Union of Kenyan Farmers (UKF) head Jane Wambui said prices rose.",
            ("LEADS", "Jane Wambui", "Union of Kenyan Farmers"),
        ),
        (
            "Lake Basin Fishermen Association chairman John Otieno said the catch fell.",
            ("LEADS", "John Otieno", "Lake Basin Fishermen Association"),
        ),
        (
            "Coast Water Services Board spokesman Peter Mwangi said the pipes burst.",
            ("AFFILIATED_WITH", "Peter Mwangi", "Coast Water Services Board"),
        ),
    ],
)
def test_a_name_before_a_title_is_an_organisation(nlp, registry, text, role):
    assert role in _roles(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Former President Mwai Kibaki said prices rose.",
        "On Monday, director Gerald Masila said prices rose.",
    ],
)
def test_title_words_alone_name_no_body(nlp, registry, text):
    assert not _roles(nlp, registry, text)


def test_an_entity_left_inside_an_open_parenthesis_is_the_name_before_it():
    import spacy
    from spacy.tokens import Doc, Span

    from extract.actors.names import actor_lexicon, clean_span

    words = ["from", "Organisation", "of", "East", "African", "Fishers", "(", "OEAF", ")", "head"]
    doc = Doc(spacy.blank("en").vocab, words=words)
    span = clean_span(Span(doc, 1, 8), lexicon=actor_lexicon(), strip_titles=False)
    assert span is not None and span.text == "Organisation of East African Fishers"
    closed = clean_span(Span(doc, 1, 9), lexicon=actor_lexicon(), strip_titles=False)
    assert closed is not None and closed.text == "Organisation of East African Fishers"
