"""A verb that carries a named speaker on into a quote is the quote's cue
('Johnson continued, "..."', '"...," she went on'), but only bare: with a complement of
its own ("continued to work", "continued its attacks", "went on a visit") it tells no
words. "Going on" is a strike only with the strike named ("went on strike", "went on a
hunger strike"), never bare. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model

BEFORE = '"We will rebuild every school in the valley," the mayor, Ana Silva, told reporters. '


def _speakers(nlp, registry, text, word):
    return {
        c.speaker.label if c.speaker else None
        for c in claims_of_text(nlp, registry, text)
        if c.quote and word in c.quote
    }


#: a speaker before, whom the sentence before would wrongly give the quote
MET = "The envoy Omar Said met the mayor, Ana Silva, in the valley. "
SAID = '"We will rebuild every school," Said told reporters. '


@pytest.mark.parametrize(
    "text",
    [
        MET + SAID + '"The border will stay shut," Silva continued.',
        MET + SAID + 'Silva continued, "The border will stay shut."',
        MET + SAID + 'Ana Silva went on: "The border will stay shut for now."',
        MET + 'Ana Silva, the mayor, continued: "The border will stay shut for now."',
    ],
)
def test_a_bare_carrying_verb_cues_the_quote(nlp, registry, text):
    assert _speakers(nlp, registry, text, "border") == {"Ana Silva"}


@pytest.mark.parametrize(
    "text",
    [
        'Ana Silva continued to work at the clinic. "The border will stay shut," a guard said.',
        'Ana Silva continued her visit. "The border will stay shut," a guard said.',
        'Ana Silva went on a visit to the camp. "The border will stay shut," a guard said.',
    ],
)
def test_a_carrying_verb_with_its_own_complement_does_not(nlp, registry, text):
    assert "Ana Silva" not in _speakers(nlp, registry, text, "border")


@pytest.mark.parametrize(
    ("text", "protest"),
    [
        ("The Iraqi Teachers Union went on strike on Monday.", True),
        ("The Iraqi Teachers Union went on a hunger strike in March.", True),
        ("The Iraqi Teachers Union went on a tour of Europe.", False),
        (BEFORE + '"It will take years," the Iraqi Teachers Union went on.', False),
    ],
)
def test_going_on_is_a_strike_only_with_the_strike(nlp, registry, text, protest):
    protests = {t for t in triples_of_text(nlp, registry, text) if t[0] == "PROTEST"}
    assert bool(protests) is protest
