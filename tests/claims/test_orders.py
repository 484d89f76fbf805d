"""Telling someone to act asks it of them (PLOVER REQUEST; GUIDE.md: ask, demand): "told
Iran to stop", "told the United Nations to leave". Telling what one thinks is no request
("told reporters he wanted to stop"). An order to one's own forces is not read as a
request ("Russia ordered its troops to deploy": the deployment is the act), nor is a
court's order (a ruling). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Joe Biden told Iran to stop the enrichment.", ("REQUEST", "Joe Biden", "Iran")),
        (
            "The Kenyan government told the United Nations to leave Kismayo.",
            ("REQUEST", "Kenyan government", "United Nations"),
        ),
        (
            "On Monday William Ruto told Somalia to withdraw its forces from the border.",
            ("REQUEST", "William Ruto", "Somalia"),
        ),
    ],
)
def test_telling_someone_to_act_asks_it(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden told reporters he wanted to stop the war.",
        "Russia has ordered its troops to deploy into eastern Ukraine.",
        "The International Court of Justice ordered Kenya to pay Somalia.",
    ],
)
def test_no_request_from_a_telling_an_order_or_a_ruling(nlp, registry, text):
    assert not any(r == "REQUEST" for r, _, _ in triples_of_text(nlp, registry, text))
