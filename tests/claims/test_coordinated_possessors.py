"""A possessive pronoun on a noun coordinated with one a named actor possesses stands for
that actor, not for the nearer name: in "Russia's aggression toward Ukraine and its
rejection of international law" the rejection is Russia's. "His"/"her" stand only for a
person, "its" for no person. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Russia's aggression toward Ukraine and its rejection of international law have "
        "accelerated.",
        "Russia's aggression toward Ukraine and its own rejection of international law grew.",
    ],
)
def test_its_is_the_coordinated_possessor(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("REJECT", "Russia", None) in triples
    assert not any(r == "REJECT" and s == "Ukraine" for r, s, _ in triples)


def test_their_is_not_taken_for_the_possessor(nlp, registry):
    text = "The United States will impose sanctions on Russia's elites and their family members."
    triples = triples_of_text(nlp, registry, text)
    assert ("SANCTION", "US government", "Russia") in triples
