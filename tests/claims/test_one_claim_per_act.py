"""A sharp act with a quote inside its sentence is one claim, not two: "denounced the vote
as "a violation of international law"" is found as the denunciation and as the quote its
cue types, and with no object on either side they are the same claim (GUIDE.md: one claim
per sentence, relation, subject and object). The claim keeps the quote. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation", "speaker", "quoted"),
    [
        (
            'The Kenyan foreign ministry denounced the vote as "a violation of international law".',
            "ACCUSE",
            "Kenyan foreign ministry",
            "violation of international law",
        ),
        (
            'Chris Smith denounced the decision as a "national embarrassment".',
            "ACCUSE",
            "Chris Smith",
            "national embarrassment",
        ),
        (
            'Maria Lopez urged the rival factions to "put down their weapons at once".',
            "REQUEST",
            "Maria Lopez",
            "put down their weapons",
        ),
        (
            'Kenya rejected the proposal, calling it "an insult to our people".',
            "REJECT",
            "Kenya",
            None,
        ),
    ],
)
def test_a_quoted_act_is_one_claim(nlp, registry, text, relation, speaker, quoted):
    claims = [c for c in claims_of_text(nlp, registry, text) if c.relation == relation]
    assert len(claims) == 1
    (claim,) = claims
    assert claim.subject is not None and claim.subject.label == speaker
    if quoted is not None:
        assert claim.quote is not None and quoted in claim.quote


def test_two_quotes_of_no_known_speaker_stay_two(nlp, registry):
    # (clauses: a phrase in marks with nobody saying it is a term, no quote at all)
    text = 'The report found that "planning was poor" and that "residents were not warned".'
    quoted = [c.quote for c in claims_of_text(nlp, registry, text) if c.quote]
    assert len(quoted) == 2
