"""A verb of leading ("leads", "is led by", "headed by", "chairs", "commands") gives LEADS
when a person or a state heads a body; leading a person or a country by a verb ("leads
Trump in the polls", "leads Uganda in exports") and leading an act ("led the raid") give
none; nor does leading a delegation, a campaign or the diplomacy of a body ("headed the
U.S. delegation", "led a delegation from the Treasury"). Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg leads the Green Party.",
        "The Green Party is led by Anna Berg.",
        "The Green Party, headed by Anna Berg, won the vote.",
        "Anna Berg has chaired the Green Party since 2015.",
    ],
)
def test_a_person_leading_a_body(nlp, registry, text):
    assert ("LEADS", "Anna Berg", "Green Party") in triples_of_text(nlp, registry, text)


def test_a_negated_lead_is_negated(nlp, registry):
    leads = [
        c
        for c in claims_of_text(nlp, registry, "Anna Berg does not lead the Green Party.")
        if c.relation == "LEADS"
    ]
    assert leads and {c.polarity for c in leads} == {"negated"}


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden leads Donald Trump in the polls.",
        "Kenya leads Uganda in coffee exports.",
        "Sanders led Biden by ten points in Nevada.",
        "The protests were led by students from Nairobi.",
        "Tom Reed headed the U.S. delegation to the talks.",
        "Anna Berg led a delegation from the Department of Energy and the Treasury.",
        "Tom Reed, who led the army's campaign against the rebels, was demoted.",
        "Relations with the gulf states, led by Saudi Arabia, improved.",
    ],
)
def test_leading_no_body_gives_no_lead(nlp, registry, text):
    assert not any(r == "LEADS" for r, _, _ in triples_of_text(nlp, registry, text))
