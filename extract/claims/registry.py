"""The claim rules: each registered once, with its name, family, relations, confidence
and order.

A rule is a named construction ("act.light": an event noun of a light verb, "held talks
with X") or a reading of one ("act.passive": a verb act read in the passive). A
reading's name is what a claim's `rule` field says, and its confidence is the base
confidence of the claims it gives (the share of them that are right when their parts
resolve). Every rule has a family (the module of rules it belongs to) and `relations`,
the codes it may give (empty: whatever the lexicon's cue word says). Constructions of a
finder that are tried one after another on each word (the typed acts) carry an `order`
and a function: the first one in order that takes the word gives its claims, and the
later ones do not see it.

Adding a construction is one function with one decorator, in the module of its family:

    @rule("act.light", family="acts", order=70, confidence=0.7)
    def light_verb_act(word, ctx):
        ...  # the claims, or None when the construction is not there
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One registered rule: a reading with a name and a base confidence, and, when it is a
    construction tried on each word, its function and order.

    Attributes:
        name: the rule's name; for a reading, the name its claims carry in `Claim.rule`.
        family: the finder family it belongs to ("quotes", "speech", "acts", ...).
        confidence: the base confidence of its claims (None: a construction whose claims
            carry the readings in `gives`, not a reading of its own).
        relations: the codes it may give; empty when the cue word decides.
        order: for a construction, when it is tried among its family's constructions.
        gives: the readings its claims may carry.
        function: the construction's function, or None for a reading given elsewhere.
        doc: what it reads, for people (the function's docstring, else given).
    """

    name: str
    family: str
    confidence: float | None
    relations: frozenset[str] = frozenset()
    order: int | None = None
    gives: tuple[str, ...] = ()
    function: Callable[..., Any] | None = field(default=None, repr=False, compare=False)
    doc: str = ""


class RuleRegistry:
    """Every rule by name; a name is registered once."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, entry: Rule) -> Rule:
        """Register `entry`.

        Raises:
            ValueError: the name is taken, the confidence is out of (0, 1], or a
                construction has no order.
        """
        if entry.name in self._rules:
            raise ValueError(f"rule {entry.name!r} is registered twice")
        if entry.confidence is not None and not 0.0 < entry.confidence <= 1.0:
            raise ValueError(f"rule {entry.name!r}: confidence {entry.confidence} not in (0, 1]")
        if entry.function is not None and entry.order is None:
            raise ValueError(f"rule {entry.name!r}: a construction needs an order")
        if entry.function is None and entry.confidence is None:
            raise ValueError(f"rule {entry.name!r}: a reading needs a confidence")
        self._rules[entry.name] = entry
        return entry

    def __getitem__(self, name: str) -> Rule:
        return self._rules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def constructions(self, family: str) -> tuple[Rule, ...]:
        """The rules of `family` with a function, in the order they are tried."""
        found = [r for r in self._rules.values() if r.family == family and r.function]
        return tuple(sorted(found, key=lambda r: (r.order or 0, r.name)))

    @property
    def confidence(self) -> Mapping[str, float]:
        """Reading name -> base confidence (a live view: later registrations are in it)."""
        return _ConfidenceView(self._rules)


class _ConfidenceView(Mapping[str, float]):
    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self._rules = rules

    def __getitem__(self, name: str) -> float:
        confidence = self._rules[name].confidence
        if confidence is None:
            raise KeyError(name)
        return confidence

    def __iter__(self) -> Iterator[str]:
        return (name for name, r in self._rules.items() if r.confidence is not None)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: The rules of the claim finders.
RULES = RuleRegistry()


def rule(
    name: str,
    *,
    family: str,
    order: int,
    confidence: float | None = None,
    relations: tuple[str, ...] = (),
    gives: tuple[str, ...] = (),
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as construction `name` of `family`, tried on each
    word in `order`. With a `confidence`, `name` is also the reading its claims carry;
    without, its claims carry the readings in `gives` (registered elsewhere).

    The function takes the word and the context and returns its claims (an empty list:
    the word is taken, with no claim) or None (not this construction: the next one in
    order is tried).
    """

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        RULES.add(
            Rule(
                name=name,
                family=family,
                confidence=confidence,
                relations=frozenset(relations),
                order=order,
                gives=(name, *gives) if confidence is not None else gives,
                function=function,
                doc=(function.__doc__ or "").strip(),
            )
        )
        return function

    return register


def reading(
    name: str, *, family: str, confidence: float, doc: str, relations: tuple[str, ...] = ()
) -> Rule:
    """Register reading `name`: a claim label with its base confidence, given by the
    function of some construction under a condition ("act.passive")."""
    return RULES.add(
        Rule(
            name=name,
            family=family,
            confidence=confidence,
            relations=frozenset(relations),
            doc=doc,
        )
    )
