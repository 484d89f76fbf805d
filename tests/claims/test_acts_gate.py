"""The act constructions are tried only on words `may_act` lets through (verbs, nouns,
adjectives of intent): every construction must give nothing (None) for any other word,
so that the gate changes no claim. Sentences written for this test, with adjectives,
adverbs, proper names, numbers and words the small model often mis-tags."""

from __future__ import annotations

import pytest

SENTENCES = [
    "The ministry was willing to send engineers, officials in Lisbon said on Tuesday.",
    "Rebels reportedly shelled the northern outskirts overnight, killing three farmers.",
    "Ready to strike, the navy massed ships near the strait, a spokesman claimed.",
    "Chile and Peru, long rivals, signed a fishing accord in Lima alongside Ecuador.",
    "Unwilling to wait, the union denied the company any further talks.",
    "Protesters, angry and tired, marched past the embassy of Norway twice.",
    "In partnership with UNICEF, the agency vaccinated 40,000 children in Chad.",
    "The town came under heavy attack from militants loyal to the former governor.",
    "Sweden's foreign minister, Ann Linde, condemned the raid as unacceptable.",
    "Very few observers expected the ceasefire between Armenia and Azerbaijan to hold.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_every_construction_passes_over_what_the_gate_drops(nlp, registry, text):
    from extract.actors.index import Asked
    from extract.actors.resolve import resolve_actors
    from extract.claims.acts import FAMILY, Word, may_act
    from extract.claims.context import Context
    from extract.claims.nouns import load_noun_lexicon
    from extract.claims.registry import RULES
    from extract.lexicon.cues import load_lexicon

    doc = nlp(text)
    lexicon = load_lexicon()
    ctx = Context(doc_id="t", resolver=Asked(resolve_actors(doc, registry)), lexicon=lexicon)
    nouns = load_noun_lexicon()
    constructions = [r.function for r in RULES.constructions(FAMILY) if r.function]
    dropped = [token for token in doc if not may_act(token, lexicon.intent_adjectives)]
    assert dropped, "the sentence should hold words the gate drops"
    for token in dropped:
        for construction in constructions:
            assert construction(Word(token, ctx, nouns), ctx) is None, (token.text, construction)
    kept = [token for token in doc if may_act(token, lexicon.intent_adjectives)]
    assert any(token.tag_.startswith("VB") for token in kept)
