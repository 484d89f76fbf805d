"""A party word before a member's name or title names the member's party: "Republican
Kevin McCarthy", "Democratic committee chairman Jerrold Nadler", "Conservative MP Philip
Hammond", and "X is a Republican" (gold/GUIDE.md: NAME AFFILIATED_WITH party). The party
is the member's, never the title's organisation (a committee chairman does not lead his
party), and the word names the registry party only in a text about that party's country.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model

US = " The United States and the US government were named often in the United States."
UK = " The United Kingdom and Britain were named often in the United Kingdom."


def _affiliations(nlp, registry, text):
    return {
        (c.subject.label, c.object.label)
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "AFFILIATED_WITH" and c.subject and c.object
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Republican Kevin McCarthy said the bill would pass." + US,
            ("Kevin McCarthy", "Republican Party"),
        ),
        (
            "Democratic committee chairman Jerrold Nadler of New York spoke." + US,
            ("Jerrold Nadler", "Democratic Party"),
        ),
        (
            "Democrat Nancy Pelosi said the vote would go ahead." + US,
            ("Nancy Pelosi", "Democratic Party"),
        ),
        ("Donald Trump is a Republican." + US, ("Donald Trump", "Republican Party")),
        (
            "Conservative MP Philip Hammond said it was a mistake." + UK,
            ("Philip Hammond", "Conservative Party"),
        ),
        ("Labour MP Yvette Cooper asked for a vote." + UK, ("Yvette Cooper", "Labour Party")),
    ],
)
def test_a_party_word_names_the_members_party(nlp, registry, text, expected):
    assert expected in _affiliations(nlp, registry, text)


def test_the_party_is_not_the_titles_organisation(nlp, registry):
    claims = claims_of_text(
        nlp, registry, "Democratic committee chairman Jerrold Nadler of New York spoke." + US
    )
    assert not any(
        c.relation == "LEADS" and c.object and c.object.label == "Democratic Party" for c in claims
    )


@pytest.mark.parametrize(
    "text",
    [
        # a text about another country: no US party
        "Republican Gerry Adams spoke in Belfast. Ireland and the Irish government and "
        "Ireland were named often in Ireland.",
        # a minister of labour, not a Labour minister
        "Labour Minister Jane Porter opened the fair." + UK,
        # said not to be one
        "Donald Trump is not a Republican." + US,
    ],
)
def test_no_party_outside_its_country_or_for_a_ministry(nlp, registry, text):
    assert not any(
        party in {"Republican Party", "Labour Party"}
        for _, party in _affiliations(nlp, registry, text)
    )
