"""A registry role counts in a document only on the dates it was held: a text of 2020
does not make Joe Biden, president from January 2021, "the president" it refers back
to, nor Antony Blinken its Secretary of State. An undated text keeps every role. Texts
written for this test."""

from __future__ import annotations

import pytest

from extract.actors.registry import held_on
from extract.records import Role


@pytest.mark.parametrize(
    ("role", "date", "held"),
    [
        (Role("President", start="2021-01", end="2025-01"), "2020-11-26", False),
        (Role("President", start="2021-01", end="2025-01"), "2021-01-20", True),
        (Role("President", start="2021-01", end="2025-01"), "2024-12-31", True),
        (Role("President", start="2021-01", end="2025-01"), "2025-02-01", False),
        (Role("President", start="2025-01"), "2026-03", True),
        (Role("President", end="2020"), "2019-05-01", True),
        (Role("President", end="2020"), "2020-05-01", False),
        (Role("President"), "1999", True),
    ],
)
def test_held_on(role, date, held):
    assert held_on(role, date) is held


def test_as_of_keeps_the_roles_held_then(registry):
    then = registry.as_of("2019-06-01")
    assert registry.as_of(None) is registry
    biden = registry.get("joe-biden")
    assert biden is not None and biden.roles
    assert then.get("joe-biden").roles == ()  # between his vice presidency and presidency
    titles = {role.title for role in registry.as_of("2022-06-01").get("joe-biden").roles}
    assert titles == {"President of the United States"}
    titles = {role.title for role in registry.as_of("2012-06").get("joe-biden").roles}
    assert titles == {"Vice President of the United States"}
    assert registry.as_of("2019-06-01") is then  # one copy per date


TEXT = "Joe Biden spoke in Delaware on Monday. The president criticised Kenya for the raid."


def _subjects_on(nlp, registry, date):
    from extract.nlp.pipeline import extract_documents
    from extract.records import Document

    document = Document(id="t", text=TEXT, source="t", date=date)
    (extraction,) = extract_documents([document], nlp=nlp, registry=registry)
    return {c.subject.label for c in extraction.claims if c.relation == "ACCUSE" and c.subject}


@pytest.mark.model
def test_the_president_is_the_one_in_office(nlp, registry):
    assert _subjects_on(nlp, registry, None) == {"Joe Biden"}  # undated: every role
    assert _subjects_on(nlp, registry, "2022-03-01") == {"Joe Biden"}
    assert "Joe Biden" not in _subjects_on(nlp, registry, "2020-11-26")  # not yet president
