"""A speaker described before being named ("the city's mayor, Jane Doe, said") is the
person named, not the place, institution or described group in the description; and a
second subject the parser hangs on a verb out of such an aside acts for nobody.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _label(ref):
    return ref.label if ref is not None else None


def _speakers(nlp, registry, text):
    return {_label(c.speaker) for c in claims_of_text(nlp, registry, text) if c.speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a coordination of descriptions, the name in apposition to the last
        (
            "Kent State University professor and former Ohio police officer, Mark Lowe, "
            "told reporters that the march would go ahead.",
            "Mark Lowe",
        ),
        (
            "Nairobi University economist and former Kenyan treasury official, Grace Wanjiru, "
            "said the new tax would not close the deficit.",
            "Grace Wanjiru",
        ),
        # the parser coordinates the institution with the title that carries the name
        (
            '"She was the finest teacher I have known," said University of Leeds, '
            "Yorkshire's chancellor, Edwin Carr.",
            "Edwin Carr",
        ),
        # a described group ("Kenyan security official") gives way to the person named
        (
            "A former Kenyan security official, Peter Kamau, said the border would stay shut.",
            "Peter Kamau",
        ),
    ],
)
def test_the_person_in_apposition_speaks_not_the_description(nlp, registry, text, speaker):
    assert _speakers(nlp, registry, text) == {speaker}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "According to the Nakuru mayor, Susan Kihika, police were searching the market.",
            "Susan Kihika",
        ),
        (
            "According to the Kenyan interior minister, Fred Matiangi, the talks failed.",
            "Fred Matiangi",
        ),
    ],
)
def test_according_to_a_title_reads_the_name_set_off_after_it(nlp, registry, text, speaker):
    assert _speakers(nlp, registry, text) == {speaker}


def test_the_name_of_the_aside_is_not_a_second_subject_of_the_verb(nlp, registry):
    text = "According to the Nakuru mayor, Susan Kihika, police were investigating the fire."
    acts = [c for c in claims_of_text(nlp, registry, text) if c.relation != "STATEMENT"]
    assert all(_label(c.subject) != "Susan Kihika" for c in acts)


def test_an_organisation_coordinated_with_its_spokesman_still_speaks(nlp, registry):
    text = "The Iraqi government and its spokesman, Basim al-Awadi, said the talks would resume."
    assert {"Iraqi government", "Basim al-Awadi"} <= _speakers(nlp, registry, text)
