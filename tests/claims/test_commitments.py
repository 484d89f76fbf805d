"""Commitments and requirements that are not what their verb alone would say.

- Several parties making the same pledge ("Kenya and Uganda pledged troops") each commit
  to a third party; they reach no agreement with each other, as "Kenya and Uganda agreed"
  or "signed a deal" does.
- An apology or support offered is made ("offered an apology": CONCEDE; "pledged its
  support for X": SUPPORT), not promised (AGREE).
- A requirement the text states with nobody reported to ask it ("the treaty must be
  ratified by Kenya") is no event; said by someone it is their demand (REQUEST).

Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "pledgers"),
    [
        ("Kenya and Uganda pledged troops to the mission.", {"Kenya", "Uganda"}),
        (
            "China, Iran and Russia have pledged funds for the reconstruction.",
            {"China", "Iran", "Russia"},
        ),
        ("Kenya and Uganda promised to end the war.", {"Kenya", "Uganda"}),
        ("Kenya and Uganda vowed to restore order.", {"Kenya", "Uganda"}),
    ],
)
def test_a_shared_pledge_is_no_agreement_between_the_pledgers(nlp, registry, text, pledgers):
    triples = triples_of_text(nlp, registry, text)
    assert not [t for t in triples if t[1] in pledgers and t[2] in pledgers]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda agreed to reopen the border.",
        "Kenya and Uganda signed a deal.",
    ],
)
def test_an_agreement_is_between_its_parties(nlp, registry, text):
    assert ("AGREE", "Kenya", "Uganda") in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wu Daiwei offered an apology for the incident.", ("CONCEDE", "Wu Daiwei", None)),
        ("China offered Japan an apology.", ("CONCEDE", "China", "Japan")),
        ("China extended an apology to Japan.", ("CONCEDE", "China", "Japan")),
        ("Kenya pledged its support for Somalia.", ("SUPPORT", "Kenya", "Somalia")),
        ("Kenya offered its condolences to Somalia.", ("SUPPORT", "Kenya", "Somalia")),
    ],
)
def test_an_apology_or_support_offered_is_made(nlp, registry, text, expected):
    triples = triples_of_text(nlp, registry, text)
    assert expected in triples
    assert not [t for t in triples if t[0] == "AGREE"]


def test_an_offer_of_a_deal_stays_a_promise(nlp, registry):
    assert ("AGREE", "Kenya", "Somalia") in triples_of_text(
        nlp, registry, "Kenya offered Somalia a deal."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The treaty must be ratified by Kenya.",
        "For the budget to pass, it must be signed by President Ruto.",
        "Kenya must ratify the treaty before it takes effect.",
        "The border should be reopened by Uganda within a week.",
    ],
)
def test_a_requirement_stated_is_no_event(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert not [t for t in triples if t[0] not in ("LEADS", "AFFILIATED_WITH")]


def test_a_requirement_said_is_a_demand(nlp, registry):
    triples = triples_of_text(nlp, registry, "Somalia said the treaty must be ratified by Kenya.")
    assert ("REQUEST", "Somalia", "Kenya") in triples
    assert not [t for t in triples if t[0] == "AGREE"]
