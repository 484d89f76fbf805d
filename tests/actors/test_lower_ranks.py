"""A title nominal does not refer back to a holder of a lower rank of that title: "the
President" after "Vice President Ahmed Hassan" is the president named before him, "the
minister" is not the deputy minister, "the governor" not the lieutenant governor. A
nominal that carries the rank itself ("the vice president") still refers to its
holder. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "President Maria Lopez hosted the summit. Vice-President Ahmed Hassan opened the "
            "second session. The President thanked Canada for its support.",
            "Maria Lopez",
        ),
        (
            "President Maria Lopez spoke with Prime Minister John Smith on Monday. Vice "
            "President Ahmed Hassan joined the call. The President condemned the attack on "
            "the embassy.",
            "Maria Lopez",
        ),
        (
            "Foreign Minister Karim Nouri arrived in Amman on Sunday. Deputy Foreign Minister "
            "Sara Haddad joined him a day later. The minister praised Jordan for its help.",
            "Karim Nouri",
        ),
        (
            "Governor Tom Reed toured the flooded towns. Lieutenant Governor Ann Cole stayed "
            "in the capital. The governor criticized the power company Delta Energy.",
            "Tom Reed",
        ),
        (
            "Foreign Minister Karim Nouri arrived in Amman on Sunday. Deputy Foreign Minister "
            "Sara Haddad joined him a day later. The deputy minister praised Jordan for its "
            "help.",
            "Sara Haddad",
        ),
        (
            "President Maria Lopez hosted the summit. Vice President Ahmed Hassan opened the "
            "second session. The vice president thanked Canada for its support.",
            "Ahmed Hassan",
        ),
    ],
)
def test_the_nominal_refers_to_the_holder_of_its_own_rank(nlp, registry, text, subject):
    last = text.rsplit(". ", 1)[1]
    found = [c for c in claims_of_text(nlp, registry, text) if c.text == last]
    assert found and {c.subject.label for c in found if c.subject} == {subject}
