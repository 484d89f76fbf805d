"""Appreciation and gratitude expressed for someone's efforts back them (GUIDE: SUPPORT,
praise): "expressed appreciation for the efforts of Uganda", "voiced gratitude to Uganda
for its help", "recognized Museveni's efforts and leadership". Recognising a fact
("recognized the risks") backs no one. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _backed(nlp, registry, text):
    return {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "SUPPORT" and c.subject and c.subject.label == "William Ruto" and c.object
    }


@pytest.mark.parametrize(
    ("text", "backed"),
    [
        ("William Ruto expressed appreciation for the efforts of Uganda in the talks.", "Uganda"),
        ("William Ruto reiterated Kenya's appreciation for Uganda's efforts.", "Uganda"),
        ("William Ruto expressed gratitude to Uganda for its help.", "Uganda"),
        ("William Ruto voiced his appreciation of Uganda's role in the talks.", "Uganda"),
        ("William Ruto conveyed his thanks to Uganda for hosting the talks.", "Uganda"),
        (
            "William Ruto recognized Yoweri Museveni's personal efforts and leadership.",
            "Yoweri Museveni",
        ),
        ("William Ruto acknowledged the contribution of Uganda to the peace talks.", "Uganda"),
    ],
)
def test_appreciation_of_someones_efforts_backs_them(nlp, registry, text, backed):
    assert backed in _backed(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto recognized the risks of the Ugandan plan.",
        "William Ruto acknowledged Uganda's concerns about the border.",
        "William Ruto expressed concern about Uganda's efforts.",
    ],
)
def test_recognising_a_fact_or_concern_backs_no_one(nlp, registry, text):
    assert "Uganda" not in _backed(nlp, registry, text)
