"""An act aimed at a thing someone made or did (a deal, a decision, an attack) is aimed at
its makers, however the text names them: a "by" agent through a participle ("the deal
signed by X", "the proposal put forward by X") or a passive relative clause, the subject of
a relative clause ("the plan that X announced"), the parties "between" whom a joint act's
noun holds ("the agreement between X and Y"), and a "by" the parser hung on the active verb
("attacked the proclamation by X"). Coordinated makers are each a target. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya rejected the proposal put forward by Somalia.", {("REJECT", "Kenya", "Somalia")}),
        (
            "Kenya criticised the statement issued by the Somali foreign ministry.",
            {("ACCUSE", "Kenya", "Somali foreign ministry")},
        ),
        (
            "Kenya denounced the agreement signed by Turkey and Libya.",
            {("ACCUSE", "Kenya", "Turkey"), ("ACCUSE", "Kenya", "Libya")},
        ),
        ("Kenya praised the deal which was signed by Libya.", {("SUPPORT", "Kenya", "Libya")}),
        (
            "Kenya condemned the attack that al-Shabaab carried out on Monday.",
            {("ACCUSE", "Kenya", "al-Shabaab")},
        ),
        (
            "Kenya praised the plan that the European Union announced.",
            {("SUPPORT", "Kenya", "European Union")},
        ),
        (
            "Kenya commended the diplomatic efforts led by President Yoweri Museveni.",
            {("SUPPORT", "Kenya", "Yoweri Museveni")},
        ),
        (
            "Kenya denounced the agreement between Turkey and Libya.",
            {("ACCUSE", "Kenya", "Turkey"), ("ACCUSE", "Kenya", "Libya")},
        ),
        (
            "Kenya welcomed the talks between Somalia and Ethiopia.",
            {("SUPPORT", "Kenya", "Somalia"), ("SUPPORT", "Kenya", "Ethiopia")},
        ),
        (
            "Erdogan attacked the proclamation by Donald Trump.",
            {("ACCUSE", "Recep Tayyip Erdogan", "Donald Trump")},
        ),
    ],
)
def test_an_act_aimed_at_a_made_thing_targets_its_makers(nlp, registry, text, expected):
    assert expected <= triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        # the relative pronoun is the thing itself, not its maker
        "Kenya condemned the attack which killed ten soldiers.",
        # "by" names a means, not an actor
        "Kenya condemned the attack by phone.",
        # a thing condemned with no maker named
        "Kenya condemned the attack on the market.",
    ],
)
def test_no_maker_named_no_target(nlp, registry, text):
    triples = triples_of_text(nlp, registry, text)
    assert ("ACCUSE", "Kenya", None) in triples
    assert not [t for t in triples if t[0] == "ACCUSE" and t[2] is not None]


@pytest.mark.parametrize(
    ("text", "accused"),
    [
        # a participle describing a group, not an act made: its backer is not accused
        ("Kenya condemned al-Shabaab, a group backed by Eritrea.", "al-Shabaab"),
        (
            "Kenya blamed the attack on the Popular Mobilization Forces, an organization "
            "dominated by Iran-backed groups.",
            "Popular Mobilization Forces",
        ),
    ],
)
def test_a_participle_describing_a_group_names_no_maker(nlp, registry, text, accused):
    accusations = {t for t in triples_of_text(nlp, registry, text) if t[0] == "ACCUSE"}
    assert accusations == {("ACCUSE", "Kenya", accused)}
