"""A past act negated "until" a time happened then: "Sanders did not endorse Clinton until
July" endorses her (in July), "Kenya did not withdraw its troops until 2020" withdrew
them. It had been read as a negated act, the reverse of what the sentence says. A future
"will not ... until" is a condition, never an act told; a plain negation stays negated.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import polarities_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Bernie Sanders did not endorse Hillary Clinton until July.", "SUPPORT"),
        ("Kenya did not condemn the Somali raid until a week later.", "ACCUSE"),
        ("Turkey didn't withdraw its troops from Syria until 2020.", "RETREAT"),
        ("Ghana had not praised Togo until the elections were held.", "SUPPORT"),
    ],
)
def test_a_past_act_negated_until_a_time_happened(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"affirmed"}


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya did not condemn the Somali raid on Friday.", "ACCUSE"),
        ("Bernie Sanders did not endorse Hillary Clinton.", "SUPPORT"),
    ],
)
def test_a_plain_negation_stays_negated(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"negated"}


def test_a_future_negation_until_tells_no_act(nlp, registry):
    text = "Turkey will not withdraw its troops from Syria until the war ends."
    assert "affirmed" not in polarities_of_text(nlp, registry, text, "RETREAT")
