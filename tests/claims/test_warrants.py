"""An arrest warrant issued for someone accuses them (GUIDE.md: legal acts are ACCUSE):
"issued an arrest warrant for X", "a warrant for X's arrest". A noun of accusation names
its target after "for" only where that is an actor: "faced criticism for the raid"
accuses no one named. Who receives a warrant or a complaint is its forum, not whom it
accuses ("Interpol received warrants from Iran"); criticism received still accuses its
receiver. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The International Criminal Court issued an arrest warrant for Tom Reed.",
        "The International Criminal Court issued a warrant for Tom Reed's arrest.",
        "Prosecutors in Kenya said the International Criminal Court had issued an arrest "
        "warrant for Tom Reed.",
    ],
)
def test_a_warrant_accuses_its_target(nlp, registry, text):
    found = triples_of_text(nlp, registry, text)
    assert ("ACCUSE", "International Criminal Court", "Tom Reed") in found


def test_criticism_for_a_thing_accuses_no_one_named(nlp, registry):
    found = triples_of_text(nlp, registry, "Uganda faced criticism for the raid on the camp.")
    assert all(o is None for r, _, o in found if r == "ACCUSE")


@pytest.mark.parametrize(
    ("text", "forum"),
    [
        ("Interpol did not say whether it received any arrest warrants from Iran.", "Interpol"),
        ("The World Court received a complaint from Kenya.", "International Court of Justice"),
    ],
)
def test_the_receiver_of_a_warrant_or_complaint_is_not_accused(nlp, registry, text, forum):
    found = triples_of_text(nlp, registry, text)
    assert not any(r == "ACCUSE" and o is not None and forum in o for r, _, o in found)


def test_criticism_received_still_accuses_the_receiver(nlp, registry):
    found = triples_of_text(nlp, registry, "Uganda received criticism from Kenya for the raid.")
    assert ("ACCUSE", "Kenya", "Uganda") in found
