"""A claim rejected is one of two things. A claim to something (land, waters: "Somalia's
claim to the waters", "claims over the islands") is a demand to hold it, and rejecting it
rejects the claimant (PLOVER REJECT); a claim that something happened is an account, and
rejecting it denies it (DENY), the act it tells not being told as done ("rejected claims
that its troops had attacked Somalia" is no attack). Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya rejected Somalia's claim to the waters.", ("REJECT", "Kenya", "Somalia")),
        ("China rejected Japan's claims over the islands.", ("REJECT", "China", "Japan")),
        ("Ukraine rejected Russia's claim to Crimea.", ("REJECT", "Ukraine", "Russia")),
    ],
)
def test_rejecting_a_claim_to_something_rejects_the_claimant(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not any(r == "DENY" for r, _, _ in triples)


@pytest.mark.parametrize(
    "text",
    [
        "Kenya rejected the claims on Twitter.",
        "Kenya dismissed the claims to reporters on Monday.",
        "Kenya rejected claims that its troops had attacked Somalia.",
    ],
)
def test_rejecting_an_account_denies_it(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("DENY", "Kenya", None) in triples
    assert not any(r in ("REJECT", "ASSAULT") for r, _, _ in triples)
