"""What someone says must or should be done, with no doer named, they demand of no one in
particular (GUIDE: REQUEST, object empty): "Ruto said the prisoners must be released",
'"Parliament should be recalled at once," Ruto said', "the museum's status must be
maintained". Not a requirement nobody is reported to state, not an act told as done, and
a doer named by "by" is the one asked. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto said the prisoners must be released immediately.",
        '"Parliament should be recalled at once," William Ruto said.',
        "William Ruto said the status of the old fort as a museum must be maintained.",
        "According to William Ruto, the border crossings should be reopened this week.",
        "William Ruto said that the election results must be published.",
    ],
)
def test_a_requirement_stated_with_no_doer_is_a_request_of_no_one(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("REQUEST", "William Ruto", None) in triples
    assert not [t for t in triples if t[0] == "RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "The prisoners must be released, the report concluded.",
        "William Ruto said the prisoners were released on Monday.",
        "The prisoners must be released before the holidays.",
    ],
)
def test_no_demand_without_a_speaker_or_a_requirement(nlp, registry, text):
    assert not [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]


def test_a_doer_named_by_by_is_asked(nlp, registry):
    text = "William Ruto said the treaty should be ratified by Somalia."
    assert ("REQUEST", "William Ruto", "Somalia") in triples_of_text(nlp, registry, text)
