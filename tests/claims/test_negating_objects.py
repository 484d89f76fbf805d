"""An object that says nothing was done negates its act: "conceded nothing", "offered no
concessions", "blamed no one", "killed no civilians" (polarity negated, never an act told
as done); "nothing but praise" and a plain object leave it affirmed. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import polarities_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya conceded nothing to Somalia.", "CONCEDE"),
        ("Kenya offered no concessions to Somalia.", "AGREE"),
        ("Kenya blamed no one for the raid.", "ACCUSE"),
        ("The Somali strike killed no civilians, Kenya said.", "ASSAULT"),
    ],
)
def test_a_negating_object_negates(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"negated"}


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya conceded the point to Somalia.", "CONCEDE"),
        ("Kenya blamed Somalia for the raid.", "ACCUSE"),
        ("Kenya offered nothing but praise and support to Somalia.", "AGREE"),
    ],
)
def test_other_objects_leave_it_affirmed(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"affirmed"}
