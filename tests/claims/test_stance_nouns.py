"""A noun of support names its holder and, after "for" or "to", whom it backs: "France's
support for Kenya", "the United States' commitment to Kenya's security", '"Our
commitment to Kenya is unshakeable," X said' are SUPPORT of Kenya. Support ended, cut,
withdrawn or lacking is no SUPPORT, and a commitment to a thing backs no actor.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("France's support for Kenya is unwavering.", ("SUPPORT", "France", "Kenya")),
        ("France's backing for Kenya has angered Somalia.", ("SUPPORT", "France", "Kenya")),
        (
            "The United States' commitment to Kenya's security is unwavering.",
            ("SUPPORT", "US government", "Kenya"),
        ),
        (
            "Germany's solidarity with Kenya was on display at the summit.",
            ("SUPPORT", "Germany", "Kenya"),
        ),
        (
            '"Our commitment to Kenya is unshakeable," Jane Roe said.',
            ("SUPPORT", "Jane Roe", "Kenya"),
        ),
        (
            '"Our support for Kenya will not waver," Jane Roe said.',
            ("SUPPORT", "Jane Roe", "Kenya"),
        ),
    ],
)
def test_a_noun_of_support_backs_its_target(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "France ended its support for Kenya on Monday.",
        "France reduced its commitment to Kenya.",
        "France cut its support for Kenya after the vote.",
        "France's lack of support for Kenya angered Nairobi.",
        "France's commitment to the ceasefire is firm.",
    ],
)
def test_support_ended_or_lacking_or_for_a_thing_is_no_support(nlp, registry, text):
    assert not any(
        relation == "SUPPORT" and subject == "France"
        for relation, subject, _ in triples_of_text(nlp, registry, text)
    )
