"""A one-word capital or country name after a person of that surname is named is that
person ("Finance minister Pedro Lima spoke. Lima said ...": Pedro Lima, not Peru), when
exactly one such person is named; alone it stays the place's government. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _speakers(nlp, registry, text):
    return {c.speaker.label for c in claims_of_text(nlp, registry, text) if c.speaker}


def test_the_person_named_before_speaks(nlp, registry):
    text = "Finance minister Pedro Lima spoke on Monday. Lima said the vote was fair."
    assert _speakers(nlp, registry, text) == {"Pedro Lima"}


def test_the_capital_alone_is_its_country(nlp, registry):
    assert _speakers(nlp, registry, "Lima said the vote was fair.") == {"Peru"}


def test_two_people_of_that_surname_leave_it_a_place(nlp, registry):
    text = (
        "Finance minister Pedro Lima met his brother, the economist Carlos Lima, on Monday. "
        "Lima said the vote was fair."
    )
    assert "Pedro Lima" not in _speakers(nlp, registry, text)
    assert "Carlos Lima" not in _speakers(nlp, registry, text)
