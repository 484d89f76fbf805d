"""Members listed together are each a member ("X, Y and Z are all members of the
party"), also where the parser hangs the list on the first name as an apposition; a
plural title said of them gives each the role ("X and Y are directors of Z"); a general
manager, a chancellor or a commandant leads. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "John Smith, Mary Jones and Ali Hassan are all members of the Liberal Party.",
            ("John Smith", "Mary Jones", "Ali Hassan"),
        ),
        (
            "John Smith and Mary Jones are members of the Liberal Party.",
            ("John Smith", "Mary Jones"),
        ),
        (
            "John Smith and Mary Jones are both part of the Liberal Party.",
            ("John Smith", "Mary Jones"),
        ),
        (
            "John Smith and Mary Jones are directors of Gulf Media Group.",
            ("John Smith", "Mary Jones"),
        ),
    ],
)
def test_each_listed_member_belongs(nlp, registry, text, members):
    triples = triples_of_text(nlp, registry, text)
    whole = "Gulf Media Group" if "Gulf" in text else "Liberal Party"
    for member in members:
        assert ("AFFILIATED_WITH", member, whole) in triples


def test_listed_non_members_do_not_belong(nlp, registry):
    text = "John Smith and Mary Jones are not members of the Liberal Party."
    assert not any(r == "AFFILIATED_WITH" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    "text",
    [
        "The general manager of Gulf Media Group, Omar Haddad, resigned on Monday.",
        "Omar Haddad, general manager of Gulf Media Group, resigned on Monday.",
        "Gulf Media Group's chancellor, Omar Haddad, resigned on Monday.",
    ],
)
def test_a_general_manager_or_chancellor_leads(nlp, registry, text):
    assert ("LEADS", "Omar Haddad", "Gulf Media Group") in triples_of_text(nlp, registry, text)


def test_a_deputy_general_manager_does_not_lead(nlp, registry):
    text = "Omar Haddad, deputy general manager of Gulf Media Group, resigned on Monday."
    triples = triples_of_text(nlp, registry, text)
    assert ("AFFILIATED_WITH", "Omar Haddad", "Gulf Media Group") in triples
    assert ("LEADS", "Omar Haddad", "Gulf Media Group") not in triples
