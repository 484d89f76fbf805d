"""A gendered pronoun does not refer back to a person whose title or honorific tells the
other gender: "he" after "Queen Elizabeth II" is the man named with her, "she" after
"King Charles" the woman. A person with no such title may be either. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Queen Elizabeth II met Tom Reed on Monday. He said the talks went well.", "Tom Reed"),
        ("King Charles met Anna Berg on Monday. She said the talks went well.", "Anna Berg"),
        ("Mrs. Anna Berg met Tom Reed on Monday. He said the talks went well.", "Tom Reed"),
        ("Mr. Tom Reed met Anna Berg on Monday. She said the talks went well.", "Anna Berg"),
        (
            "Queen Elizabeth II met Tom Reed on Monday. She said the talks went well.",
            "Queen Elizabeth II",
        ),
        ("Tom Reed met Anna Berg on Monday. He said the talks went well.", "Tom Reed"),
    ],
)
def test_the_pronoun_skips_the_other_gender(nlp, registry, text, speaker):
    said = [c for c in claims_of_text(nlp, registry, text) if c.text.startswith(("He", "She"))]
    assert said and {c.speaker.label for c in said if c.speaker} == {speaker}


def test_an_accusation_of_him_is_not_of_the_queen(nlp, registry):
    text = (
        "Queen Elizabeth II approved the request from Prime Minister Boris Johnson. He is "
        "widely suspected of asking for it to block the debate."
    )
    accused = {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE" and c.object
    }
    assert "Queen Elizabeth II" not in accused
