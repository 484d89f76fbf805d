""" "Hold X accountable", "deem X responsible" accuse X also when the parser reads "X
accountable" as a small clause of its own, with X the subject of the adjective; the names
listed with X are accused too, and a negated holding stays negated. Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _accusations(nlp, registry, text):
    return {
        (c.subject.label if c.subject else None, c.object.label if c.object else None, c.polarity)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States will hold Russia accountable for its crimes.",
            ("US government", "Russia", "affirmed"),
        ),
        (
            "Canada and its partners will hold Iran accountable for the downing of the jet.",
            ("Canada", "Iran", "affirmed"),
        ),
        (
            "France holds Syria and Iran accountable for the attacks on civilians.",
            ("France", "Iran", "affirmed"),
        ),
        (
            "Germany does not hold Russia accountable.",
            ("Germany", "Russia", "negated"),
        ),
    ],
)
def test_whom_a_holding_calls_accountable_is_accused(nlp, registry, text, expected):
    assert expected in _accusations(nlp, registry, text)


def test_a_holding_with_an_object_of_its_own_keeps_it(nlp, registry):
    # the object the parser gives a holding is the one accused, once, not doubled
    text = "The United States held Russia responsible for the attack."
    assert _accusations(nlp, registry, text) == {("US government", "Russia", "affirmed")}
