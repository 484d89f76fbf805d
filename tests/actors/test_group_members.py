"""A group's members are the group: the fighters or forces of a named armed group are
that group ("Islamic State militants", "IS fighters" even when the model tags "IS" as a
verb, "peshmerga forces"), and one state's service members are its military ("U.S.
troops", "Iraqi soldiers"); forces of a backer or of two states stay groups. Sentences
written for this test."""

from __future__ import annotations

import pytest

from extract.actors.resolve import resolve_actors

pytestmark = pytest.mark.model


def _actor_of(nlp, registry, text, word):
    doc = nlp(text)
    index = resolve_actors(doc, registry, doc_id="t")
    (token,) = [t for t in doc if t.text == word]
    actor = index.actor_at(token)
    return actor.label if actor is not None else None


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("Islamic State militants attacked the village.", "militants", "Islamic State"),
        ("Islamic State fighters shelled the road to Kirkuk.", "fighters", "Islamic State"),
        ("IS fighters stormed the town of Sinjar.", "fighters", "Islamic State"),
        ("Kurdish peshmerga forces recaptured the town.", "forces", "Peshmerga"),
        ("Hezbollah fighters fired rockets at the border post.", "fighters", "Hezbollah"),
    ],
)
def test_the_fighters_of_a_named_armed_group_are_the_group(nlp, registry, text, word, actor):
    assert _actor_of(nlp, registry, text, word) == actor


@pytest.mark.parametrize(
    ("text", "word", "actor"),
    [
        ("U.S. troops killed two gunmen near the border.", "troops", "US military"),
        ("US forces raided a house in Tikrit.", "forces", "US military"),
        ("Iraqi soldiers manned the checkpoint.", "soldiers", "Iraqi Security Forces"),
    ],
)
def test_one_states_service_members_are_its_military(nlp, registry, text, word, actor):
    assert _actor_of(nlp, registry, text, word) == actor


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Iran-backed forces shelled the base.", "forces"),
        ("US and Iraqi troops patrolled the border.", "troops"),
    ],
)
def test_forces_of_a_backer_or_of_two_states_are_no_military(nlp, registry, text, word):
    assert _actor_of(nlp, registry, text, word) not in ("US military", "Iranian military", "Iran")


def _referent(nlp, registry, text, word):
    doc = nlp(text)
    index = resolve_actors(doc, registry, doc_id="t")
    (token,) = [t for t in doc if t.text == word]
    actor, _how = index.resolve_reference(token)
    return actor


def test_it_does_not_refer_to_service_members(nlp, registry):
    # "it" is singular: "American forces" (a plural phrase, though one actor) is not its
    # antecedent; the organisation qualifying officials may be ("KRG officials ... its")
    text = (
        "American forces returned in 2014 to help battle the Islamic State group "
        "after it seized vast areas."
    )
    assert _referent(nlp, registry, text, "it").label == "Islamic State"
    text = "KRG officials praised the deal, but Iraqi officials opposed some of its terms."
    assert _referent(nlp, registry, text, "its").label == "Kurdistan Regional Government"


def test_it_still_refers_to_a_plural_name(nlp, registry):
    text = "The United States sent envoys to Doha. It said the talks would resume."
    actor = _referent(nlp, registry, text, "It")
    assert actor is not None and "united-states" in (actor.id, actor.country)


def test_it_after_a_thing_named_by_a_place_is_the_thing(nlp, registry):
    text = "Officials signed the Busia deal; traders rejected it."
    assert _referent(nlp, registry, text, "it") is None
