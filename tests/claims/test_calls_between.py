"""A noun of calling is a call between parties (CONSULT) when it names a party after
"with", "to" or "between" and asks for nothing ("his call with Putin", "a call to King
Salman", "held a call with Putin on Monday"); it stays a request with something called
for ("a call for Somalia to withdraw", "a call to the UN for more aid", "a call on Iran
to stop", "a call to Somalia to end the raids"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


def _relations(nlp, registry, text):
    return {t[0] for t in triples_of_text(nlp, registry, text)} & {"CONSULT", "REQUEST"}


@pytest.mark.parametrize(
    "text",
    [
        "Biden's call with President Putin lasted an hour.",
        "Blinken gave a readout of his call with Russian Foreign Minister Lavrov.",
        "As President William Ruto reiterated in his call to President Samia Suluhu yesterday, "
        "Kenya is committed to Tanzania.",
        "Biden held a call with President Putin on Monday.",
    ],
)
def test_a_call_with_a_party_is_a_meeting(nlp, registry, text):
    assert _relations(nlp, registry, text) == {"CONSULT"}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya renewed its call for Somalia to withdraw.",
        "Kenya issued a call to the United Nations for more aid.",
        "The call by Kenya on Somalia to withdraw was ignored.",
        "Kenya made a call to Somalia to end the raids.",
    ],
)
def test_a_call_for_something_stays_a_request(nlp, registry, text):
    assert _relations(nlp, registry, text) == {"REQUEST"}
