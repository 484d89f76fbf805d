"""What a direct quote says must or should be done, with no doer named, its speaker demands
of no one in particular (GUIDE: REQUEST, object empty): '"The prisoners must be released,"
Ruto said', '"Parliament should be recalled at once"'. Not in a reported clause ("Ruto said
the prisoners should be released": annotators took it for a statement), not a requirement
no one is quoted saying, not a negated one ('"must never be allowed"'), not an act told as
done; a doer named by "by" is the one asked. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        '"The prisoners must be released immediately," William Ruto said.',
        '"Parliament should be recalled at once," William Ruto said.',
        '"The status of the old fort as a museum must be maintained," William Ruto said.',
        'William Ruto told reporters: "The border crossings should be reopened this week."',
    ],
)
def test_a_quoted_requirement_with_no_doer_is_a_request_of_no_one(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("REQUEST", "William Ruto", None) in triples
    assert not [t for t in triples if t[0] == "RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto said the prisoners should be released.",
        "William Ruto said that all protesters should be released.",
        "The prisoners must be released before the holidays.",
        "There are details that need to be worked out, William Ruto said.",
        '"Somalia must never be allowed to build such a weapon," William Ruto said.',
        '"The prisoners were released on Monday," William Ruto said.',
    ],
)
def test_no_request_of_no_one_outside_a_quoted_requirement(nlp, registry, text):
    requests = [t for t in triples_of_text(nlp, registry, text) if t[0] == "REQUEST"]
    assert ("REQUEST", "William Ruto", None) not in requests


def test_a_doer_named_by_by_is_asked(nlp, registry):
    text = "William Ruto said the treaty should be ratified by Somalia."
    assert ("REQUEST", "William Ruto", "Somalia") in triples_of_text(nlp, registry, text)
