"""Agreeing with a view is no agreement between parties (PLOVER AGREE is a deal, a pledge,
a yes to a request): "Ruto agreed that the vote was fair" and "Odinga agreed, saying ..."
state an opinion (STATEMENT), and "Kenya and Uganda do not agree on how the border should
be drawn" is a difference of views, no negated deal. "Agreed to reopen the border", "agreed
on a new border" and two sides agreeing that troops withdraw stay agreements. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _relations(nlp, registry, text):
    return {c.relation for c in claims_of_text(nlp, registry, text) if c.subject}


@pytest.mark.parametrize(
    "text",
    [
        "William Ruto agreed that the vote was fair.",
        "Raila Odinga agreed, saying the plan was unfair.",
    ],
)
def test_agreeing_with_a_view_is_no_agreement(nlp, registry, text):
    relations = _relations(nlp, registry, text)
    assert "AGREE" not in relations
    assert "STATEMENT" in relations


def test_views_that_differ_are_no_negated_deal_nor_statement(nlp, registry):
    text = "Kenya and Uganda do not agree on how the border should be drawn."
    assert not [c for c in claims_of_text(nlp, registry, text) if c.polarity == "negated"]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda agreed to reopen the border.",
        "Kenya and Uganda agreed on a new border.",
        "Kenya and Uganda agreed that their troops would withdraw by May.",
        "Kenya agreed with Uganda that the border should reopen.",
        "William Ruto met Yoweri Museveni. The leaders agreed that trade must grow.",
    ],
)
def test_agreements_stay_agreements(nlp, registry, text):
    assert "AGREE" in _relations(nlp, registry, text)
