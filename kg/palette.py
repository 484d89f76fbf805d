"""Colours of the page: actor types, and relation codes grouped into families.

A relation's family is read from the codebook's classes (`extract.relations.CODEBOOK`, as
declared in relations.yaml), so no relation list is repeated here; the rules give
PLOVER's four quad classes (verbal and material cooperation and conflict: the PLOVER
codebook's summary rows), plus claimgraph's statements and structure. Each family
has one hue of Paul Tol's colour-blind-safe "bright" scheme
(https://personal.sron.nl/~pault/), and the codes of a family differ in lightness, which
readers with a colour vision deficiency see too: ACCUSE and THREATEN (verbal conflict)
are two purples, COERCE and ASSAULT (material conflict) two reds of different lightness.
Codes of different families at similar lightness can look alike to them; the legend
groups codes by family and every tooltip and panel names the relation.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.records import CODEBOOK  # the codebook the records name relations by

#: Node colour of each actor type (records.ACTOR_TYPES).
TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",
    "Government": "#f28e2b",
    "ArmedGroup": "#e15759",
    "PoliticalParty": "#76b7b2",
    "Organization": "#59a14f",
    "Company": "#edc948",
    "Media": "#b07aa1",
    "Country": "#ff9da7",
    "Place": "#9c755f",
    "Group": "#bab0ac",
}
OTHER_COLOUR = "#cccccc"

_Rule = Callable[[frozenset[str]], bool]

#: Relation families: (name, hue, rule on a code's classes), the first matching rule wins.
FAMILY_RULES: tuple[tuple[str, str, _Rule], ...] = (
    ("structure", "#CCBB44", lambda c: "structural" in c),
    # Acts (not words) that force can back or that are announced as threats.
    (
        "material conflict",
        "#EE6677",
        lambda c: (
            bool(c & {"force", "announceable", "conditionable"})
            and not c & {"promisable", "verbal"}
        ),
    ),
    ("material cooperation", "#4477AA", lambda c: "promisable" in c),
    # Words a quote can sharpen a statement into: demands, charges, threats, denials.
    ("verbal conflict", "#AA3377", lambda c: "sharp_speech" in c),
    (
        "statement",
        "#BBBBBB",
        lambda c: "said" in c and not c & {"commitment", "symmetric", "event_target"},
    ),
    ("verbal cooperation", "#228833", lambda c: True),
)


def _family_of(classes: frozenset[str]) -> str:
    return next(name for name, _, rule in FAMILY_RULES if rule(classes))


#: Family of each relation code, in the codebook's order.
RELATION_FAMILY: dict[str, str] = {r.code: _family_of(r.classes) for r in CODEBOOK.relations}

#: Hue of each family, in FAMILY_RULES' order.
FAMILY_COLOURS: dict[str, str] = {name: hue for name, hue, _ in FAMILY_RULES}


def _mix(colour: str, toward: str, share: float) -> str:
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(toward[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b, strict=True))


def shades(hue: str, n: int, *, light: float = 0.35, dark: float = 0.55) -> list[str]:
    """Return `n` shades of `hue`, lightest first: mixed with white, then with black.

    Args:
        hue: "#rrggbb".
        n: how many shades.
        light: share of white in the lightest (kept low: light lines vanish on white).
        dark: share of black in the darkest.
    """
    if n == 1:
        return [hue.lower()]
    steps = [light - (light + dark) * i / (n - 1) for i in range(n)]
    return [
        _mix(hue, "#ffffff", t) if t > 0 else _mix(hue, "#000000", -t) if t < 0 else hue.lower()
        for t in steps
    ]


def _relation_colours() -> dict[str, str]:
    colours: dict[str, str] = {}
    for family, hue in FAMILY_COLOURS.items():
        members = [code for code, f in RELATION_FAMILY.items() if f == family]
        colours.update(zip(members, shades(hue, len(members)), strict=True))
    return {code: colours[code] for code in RELATION_FAMILY}


#: Edge colour of each relation code: its family's hue, lighter or darker per code.
RELATION_COLOURS: dict[str, str] = _relation_colours()
