"""Tests for extract.claims.registry: every claim rule registered once, with its name,
family, confidence and order, and the act constructions tried in that order."""

from __future__ import annotations

import pytest

import extract.extractor  # noqa: F401  (imports every finder, so every rule is registered)
from extract.claims.context import RULE_CONFIDENCE
from extract.claims.registry import RULES, Rule, RuleRegistry, reading, rule


def test_the_act_constructions_run_in_their_declared_order():
    names = [r.name for r in RULES.constructions("acts")]
    assert names == [
        "acts.membership",
        "acts.withholding",
        # before the verb rule, which takes every verb: "is committed to" read as a passive
        "acts.intent",
        "act.verb",
        "acts.joint_noun",
        "acts.reception",
        "acts.under_attack",
        "act.light",
        "act.noun",
    ]
    orders = [r.order for r in RULES.constructions("acts")]
    assert orders == sorted(orders)


def test_every_reading_a_construction_gives_is_registered_with_a_confidence():
    for entry in RULES:
        for name in entry.gives:
            assert name in RULE_CONFIDENCE, f"{entry.name} gives unregistered {name}"


def test_each_family_has_its_readings():
    families = {r.family for r in RULES}
    assert {"quotes", "speech", "acts"} <= families
    assert RULE_CONFIDENCE["quote.cue"] == 0.75
    assert RULE_CONFIDENCE["act.passive"] == 0.8
    assert RULES["act.light"].doc.startswith("An event noun of a light verb")


def test_a_name_is_registered_once():
    registry = RuleRegistry()
    registry.add(Rule(name="x.one", family="x", confidence=0.5))
    with pytest.raises(ValueError, match="registered twice"):
        registry.add(Rule(name="x.one", family="x", confidence=0.6))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (Rule(name="x.a", family="x", confidence=1.5), "not in"),
        (Rule(name="x.b", family="x", confidence=None), "needs a confidence"),
        (Rule(name="x.c", family="x", confidence=0.5, function=print), "needs an order"),
    ],
)
def test_a_malformed_rule_is_refused(entry, message):
    with pytest.raises(ValueError, match=message):
        RuleRegistry().add(entry)


def test_confidence_is_only_for_readings():
    assert "acts.joint_noun" in RULES
    assert "acts.joint_noun" not in RULE_CONFIDENCE
    with pytest.raises(KeyError):
        RULE_CONFIDENCE["acts.joint_noun"]


def test_the_decorator_and_reading_register_in_the_shared_registry(monkeypatch):
    registry = RuleRegistry()
    monkeypatch.setattr("extract.claims.registry.RULES", registry)

    @rule("test.first", family="test", order=2, confidence=0.5)
    def first(word, ctx):
        """Reads a first thing."""

    @rule("test.zeroth", family="test", order=1, gives=("test.seen",))
    def zeroth(word, ctx):
        return None

    reading("test.seen", family="test", confidence=0.4, doc="a reading")
    assert [r.name for r in registry.constructions("test")] == ["test.zeroth", "test.first"]
    assert registry["test.first"].gives == ("test.first",)
    assert registry["test.first"].doc == "Reads a first thing."
    assert registry.confidence["test.seen"] == 0.4
