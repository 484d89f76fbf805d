"""An investigation is an accusation of whom it looks into (GUIDE: "launch an investigation
into" is ACCUSE; PLOVER folds INVESTIGATE into ACCUSE): "opened an inquiry into X", "began
a probe into X's finances", "the investigation into the conduct of X". Whose conduct,
finances or dealings are looked into is the one accused. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _accusations(nlp, registry, text):
    return {
        (c.subject.label if c.subject else None, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE" and c.object
    }


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        (
            "Kenya opened an investigation into William Ruto.",
            "Kenya",
            "William Ruto",
        ),
        ("Kenya launched an inquiry into the conduct of William Ruto.", "Kenya", "William Ruto"),
        ("Somalia began a probe into Kenya's activities in Gedo.", "Somalia", "Kenya"),
        ("Egypt started an investigation into the dealings of Ethiopia.", "Egypt", "Ethiopia"),
        ("Kenya ordered an inquiry into the finances of William Ruto.", "Kenya", "William Ruto"),
        ("An inquiry into William Ruto was opened by Kenya on Monday.", "Kenya", "William Ruto"),
    ],
)
def test_an_investigation_accuses_whom_it_looks_into(nlp, registry, text, accuser, accused):
    assert (accuser, accused) in _accusations(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # an inquiry into an event names nobody
        "Kenya opened an inquiry into the fire at the market.",
        # a question asked is no investigation
        "Kenya answered inquiries from Somalia about the visa rules.",
        # a space probe
        "Kenya launched a probe toward Mars.",
    ],
)
def test_no_accusation_without_someone_looked_into(nlp, registry, text):
    assert not _accusations(nlp, registry, text)
