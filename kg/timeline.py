"""The timeline of `kg timeline`: claims in date order, answers threaded under what they answer.

A claim is placed at its event date (`cg:eventDate`, "on Friday" resolved against the
article date) when it has one, else at its article's date; undated claims come last. A
denial or rejection whose answered claim is on the timeline is shown under that claim
rather than on its own line, however far apart their dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kg.store import Store


@dataclass
class Entry:
    """One claim on the timeline, with the answers threaded under it."""

    date: str | None  # event date, else article date
    granularity: str | None  # of `date`: day, month or year (article dates: day)
    claim: dict[str, Any]
    answers: list[Entry] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A plain dict: date, granularity, claim record and answers."""
        return {
            "date": self.date,
            "granularity": self.granularity,
            "claim": self.claim,
            "answers": [answer.to_dict() for answer in self.answers],
        }


def _placed(record: dict[str, Any]) -> Entry:
    if record.get("event_date"):
        return Entry(record["event_date"], record.get("event_date_granularity"), record)
    if record.get("date"):
        return Entry(record["date"][:10], "day", record)
    return Entry(None, None, record)


def _sort_key(entry: Entry) -> tuple[Any, ...]:
    claim = entry.claim
    return (entry.date is None, entry.date or "", claim["doc"], claim["start"], claim["id"])


def _within(entry: Entry, since: str | None, until: str | None) -> bool:
    if since is None and until is None:
        return True
    if entry.date is None:
        return False
    # a month or year overlaps [since, until] when its first day is not after until and
    # its last day not before since: compare on the common prefix
    width = len(entry.date)
    return (since is None or entry.date >= since[:width]) and (
        until is None or entry.date <= until[:width]
    )


def timeline_entries(
    store: Store, *, actor: str | None = None, since: str | None = None, until: str | None = None
) -> list[Entry]:
    """The claims of the store (or of one actor) in date order, answers threaded.

    Args:
        store: an open store.
        actor: keep claims whose subject, object or speaker is this actor, and the
            answers to them.
        since, until: keep claims whose timeline date lies in this ISO date range
            (a month or year counts when it overlaps it).

    Raises:
        ActorNotFound, AmbiguousActor: `actor` names no actor, or several.
        FilterError: a date is not an ISO date.
    """
    from kg.readback import actor_catalog, claim_records, iso_bound, resolve_actor

    since, until = iso_bound(since, "--since"), iso_bound(until, "--until")
    actor_id = resolve_actor(actor_catalog(store), actor).id if actor is not None else None
    records = list(claim_records(store))
    entries = {record["id"]: _placed(record) for record in records}

    def involves(record: dict[str, Any]) -> bool:
        return actor_id is None or actor_id in {
            (record[k] or {}).get("id") for k in ("subject", "object", "speaker")
        }

    shown = {cid for cid, entry in entries.items() if involves(entry.claim)}
    threaded: set[str] = set()
    for cid, entry in entries.items():
        for link in entry.claim["responds"]:
            host = link["claim"]
            if host in shown and host != cid and host in entries and cid not in threaded:
                entries[host].answers.append(entry)
                threaded.add(cid)
    for entry in entries.values():
        entry.answers.sort(key=_sort_key)
    top = [
        entries[cid] for cid in shown if cid not in threaded and _within(entries[cid], since, until)
    ]
    return sorted(top, key=_sort_key)


def _evidence(claim: dict[str, Any]) -> str:
    return f"“{claim['quote']}”" if claim["quote"] else claim["text"]


def _line(entry: Entry) -> str:
    claim = entry.claim
    subject = (claim["subject"] or {}).get("label", "?")
    target = (claim["object"] or {}).get("label")
    about = claim["about"]["label"] if claim.get("about") else None
    cue = ("not " if claim["polarity"] == "negated" else "") + claim["cue"]
    parts = [f"{entry.date or 'undated':<10}", claim["relation"], subject]
    if target:
        parts.append(f"-> {target}")
    if about:
        parts.append(f"[{about}]")
    parts.append(f"({cue})")
    return " ".join(parts)


def timeline_text(entries: Sequence[Entry]) -> str:
    """The timeline as text: one line per claim with its evidence, answers indented."""
    lines: list[str] = []

    def add(entry: Entry, depth: int) -> None:
        indent = "    " * depth
        arrow = "  ↳ " if depth else ""
        lines.append(f"{indent}{arrow}{_line(entry)}")
        lines.append(f"{indent}{'    ' if depth else ''}    {_evidence(entry.claim)}")
        for answer in entry.answers:
            add(answer, depth + 1)

    for entry in entries:
        add(entry, 0)
    lines.append(f"({len(entries)} claim{'' if len(entries) == 1 else 's'} on the timeline)")
    return "\n".join(lines) + "\n"


def timeline_listing(entries: Sequence[Entry], fmt: str) -> str:
    """`kg timeline` output: "table" (indented text) or "json"."""
    import json

    if fmt == "json":
        return json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2) + "\n"
    return timeline_text(entries)
