"""A release of a person is PLOVER RETREAT (CAMEO 0841: return, release persons): "released
Elizabeth Tsurkov", "freed X", a pardon ("pardoned X", "granted X a full pardon", also when
the small model takes the pardon for an apposition of the name), a commuted sentence. A
verb of release with another object releases nothing ("released a statement", "released
the report"). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kataib Hezbollah released Elizabeth Tsurkov.",
            ("RETREAT", "Kataib Hezbollah", "Elizabeth Tsurkov"),
        ),
        ("The Houthis freed Ahmed Karim after two years.", ("RETREAT", "Houthis", "Ahmed Karim")),
        (
            "Barham Salih pardoned Ahmed Karim on Monday.",
            ("RETREAT", "Barham Salih", "Ahmed Karim"),
        ),
        ("Ahmed Karim was pardoned by Barham Salih.", ("RETREAT", "Barham Salih", "Ahmed Karim")),
        (
            "Barham Salih granted Ahmed Karim Hassan a full and unconditional pardon.",
            ("RETREAT", "Barham Salih", "Ahmed Karim Hassan"),
        ),
        (
            "Barham Salih commuted Ahmed Karim's sentence.",
            ("RETREAT", "Barham Salih", "Ahmed Karim"),
        ),
        (
            # parsed with "pardon" as an apposition of the name
            "Donald Trump met Laila Nasser. Trump granted Laila Samira Nasser a full and"
            " unconditional pardon.",
            ("RETREAT", "Donald Trump", "Laila Samira Nasser"),
        ),
    ],
)
def test_a_release_of_a_person_is_a_retreat(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kataib Hezbollah released a statement on Monday.",
        "The Iraqi government released the report on Monday.",
        "Kataib Hezbollah released a video of the attack.",
    ],
)
def test_releasing_a_thing_is_no_retreat(nlp, registry, text):
    assert not any(r == "RETREAT" for r, _, _ in triples_of_text(nlp, registry, text))
