"""A verb that classes what it treats "as" something states a verdict on it, as "called"
does: "treating the stabbing as a terrorist incident", "investigating the shooting as an
act of terrorism", "regards X as a terrorist group" accuse (of whoever did it, or of the
actor classed); a neutral or approving class ("as a priority", "as a partner") accuses no
one. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan police said they were treating the stabbing as a terrorist incident.",
            ("ACCUSE", "Kenyan police", None),
        ),
        (
            "Kenyan police are investigating the shooting as an act of terrorism.",
            ("ACCUSE", "Kenyan police", None),
        ),
        (
            "Kenyan police are treating the death of the reporter as a homicide.",
            ("ACCUSE", "Kenyan police", None),
        ),
        ("Kenya regards the Somali raid as a war crime.", ("ACCUSE", "Kenya", "Somalia")),
        ("Kenya views al-Shabaab as a terrorist group.", ("ACCUSE", "Kenya", "al-Shabaab")),
        (
            "Kenya classified the bombing as a terrorist attack.",
            ("ACCUSE", "Kenya", None),
        ),
        # in the passive, its subject is what is classed and its agent classes it
        (
            "Al-Shabaab is viewed by Kenya as a threat to the region.",
            ("ACCUSE", "Kenya", "al-Shabaab"),
        ),
        (
            "Al-Shabaab has held the town for years but is regarded by Kenya as a terrorist group.",
            ("ACCUSE", "Kenya", "al-Shabaab"),
        ),
    ],
)
def test_a_class_that_condemns_accuses(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya treats the border dispute as a priority.",
        "Kenya views Uganda as a partner in the region.",
        "Kenya regards the agreement with Uganda as a milestone.",
    ],
)
def test_a_neutral_or_approving_class_accuses_no_one(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"]
