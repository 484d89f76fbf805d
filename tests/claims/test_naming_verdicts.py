"""Verdicts name each actor they are passed on: "named both the PKK and the YPG as
terrorist organisations" and "described Somalia and Eritrea as reckless" accuse both
(naming is a verb of verdicts, as calling is; a post named for a person stays a choice,
SUPPORT). A call dated "on Monday" is no "call on" (no REQUEST), and a call whose object
holds the name given ("called Hamas and Hezbollah terrorist groups", misparsed as one
object) is no phone call (no CONSULT). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        (
            "Erdogan named both the PKK and the YPG as terrorist organisations.",
            {"Kurdistan Workers' Party", "People's Protection Units"},
        ),
        ("Kenya described Somalia and Eritrea as reckless.", {"Somalia", "Eritrea"}),
    ],
)
def test_a_verdict_on_several_actors_is_on_each(nlp, registry, text, accused):
    triples = triples_of_text(nlp, registry, text)
    assert accused <= {o for r, _, o in triples if r == "ACCUSE"}


def test_a_post_named_stays_a_choice(nlp, registry):
    triples = triples_of_text(nlp, registry, "Joe Biden named Kamala Harris as his running mate.")
    assert ("SUPPORT", "Joe Biden", "Kamala Harris") in triples
    assert not any(r == "ACCUSE" for r, _, _ in triples)


@pytest.mark.parametrize(
    "text",
    ["Joe Biden called Recep Tayyip Erdogan on Monday.", "Joe Biden called Erdogan on 4 May."],
)
def test_a_dated_call_asks_nothing(nlp, registry, text):
    assert not any(r == "REQUEST" for r, _, _ in triples_of_text(nlp, registry, text))


def test_a_call_on_a_day_for_calm_still_asks(nlp, registry):
    assert ("REQUEST", "Kenya", None) in triples_of_text(
        nlp, registry, "Kenya called on Monday for calm."
    )


def test_a_name_given_is_no_phone_call(nlp, registry):
    triples = triples_of_text(nlp, registry, "Israel called Hamas and Hezbollah terrorist groups.")
    assert not any(r == "CONSULT" for r, _, _ in triples)
