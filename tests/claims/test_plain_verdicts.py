"""A verb of naming whose complement carries no stance ("classified the outbreak as a
pandemic", "described the talks as routine", "called it unlikely that ...") is a reported
assertion: the namer's STATEMENT, as a verdict that condemns is an ACCUSE; negated, it
reports nothing said. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The World Health Organization has classified the outbreak as a pandemic.",
            ("STATEMENT", "World Health Organization", None),
        ),
        ("Kenya described the talks as routine.", ("STATEMENT", "Kenya", None)),
        (
            "The Pentagon described the drone strike as a precision operation.",
            ("STATEMENT", "US Department of Defense", None),
        ),
        (
            "Finance Minister Ana Silva called it unlikely that the bank would raise rates.",
            ("STATEMENT", "Ana Silva", None),
        ),
        ("Kenya described the attack as a cowardly crime.", ("ACCUSE", "Kenya", None)),
    ],
)
def test_a_verdict_is_said(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    # a plain name condemns and backs no one
    assert expected[0] != "STATEMENT" or not {t for t in triples if t[0] in ("ACCUSE", "SUPPORT")}


def test_a_plain_verdict_negated_says_nothing(nlp, registry):
    assert not triples_of_text(nlp, registry, "Germany did not describe the talks as routine.")


@pytest.mark.parametrize(
    "text",
    [
        "The alliance runs a program called Shared Skies.",
        "In the synagogues we read a portion; it's called the Haftarah.",
        "She is generally treated as royalty by the Thai press.",
        "The Kenyan team named their robot Rafiki.",
    ],
)
def test_a_name_given_in_passing_states_no_view(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "STATEMENT"}


def test_a_plain_verdict_has_no_object(nlp, registry):
    # the object of a STATEMENT is its audience, and the one described is none
    text = "The State Department described Hamza bin Laden as an emerging figure."
    assert ("STATEMENT", "US State Department", None) in triples_of_text(nlp, registry, text)
