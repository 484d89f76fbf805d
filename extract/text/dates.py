"""Dates beyond the ones a document states in its metadata or dateline.

- `file_name_date`: a date written in a file's name ("wire-2025-07-25.txt",
  "20250725_story.html"), the third source of a document's date after its metadata and
  its dateline.
- `resolve`: a date expression of a sentence ("on Friday", "last week", "in May",
  "July 17", "two days ago") resolved against the article's date into an event date and
  its granularity (day, month or year), as NGEC/POLECAT keep it.

Parsing is dateparser's (with the article date as its relative base, dates preferred in
the past); two readings of news style are ours: a weekday names the latest such day on
or before the article date (an article of Friday saying "on Friday" means that day,
where dateparser would give the Friday before), and "early/mid/late May" or "earlier
this month" is the month. A week ("last week") is kept at the finest granularity that
holds all of it: its month, else its year, else (a week over New Year) the year of its
Thursday, as ISO 8601 numbers weeks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.records import Document

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# A file name date: 2025-07-25, 2025_07_25, 2025.07.25 or 20250725, not inside a longer
# number (a hash or an id).
_FILE_DATE = re.compile(
    r"(?<![0-9])(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-_.]?)(?P<month>[01][0-9])(?P=sep)"
    r"(?P<day>[0-3][0-9])(?![0-9])"
)


def file_name_date(path: str | Path) -> str | None:
    """The ISO date written in a file's name (not its folders), or None.

    Args:
        path: the file's path as read.

    Returns:
        ``YYYY-MM-DD`` for the first valid date in the name, else None.
    """
    for match in _FILE_DATE.finditer(Path(path).name):
        try:
            return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
        except ValueError:
            continue
    return None


def dated_by_file_name(document: Document, path: str | Path) -> Document:
    """`document` with the date of its file's name when it has no date of its own."""
    if document.date is not None:
        return document
    found = file_name_date(path)
    return document if found is None else replace(document, date=found)


@dataclass(frozen=True)
class EventDate:
    """A resolved date: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` and its granularity."""

    value: str
    granularity: str  # "day", "month" or "year"


# Words that make a date expression something other than a point in time: a duration
# ("for three years"), a frequency ("every Friday") or an age.
_NOT_A_POINT = re.compile(
    r"\b(?:for|during|over|every|each|since|until|till|through|old|decades?|centur(?:y|ies)"
    r"|hours?|minutes?|recent|coming|years? of|weekend)\b",
    re.IGNORECASE,
)
_COUNT_WITHOUT_AGO = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\s+"
    r"(?:days?|weeks?|months?|years?)\b(?!\s+ago)",
    re.IGNORECASE,
)
_PART_OF = re.compile(r"^(?:the\s+)?(?:early|mid|late|earlier|later|end of|beginning of)[\s-]+")
_LEADING = re.compile(r"^(?:on|in|at|by|from|of|the)\s+", re.IGNORECASE)
_WEEKDAY = re.compile(
    r"^(?:(?P<which>last|this|past)\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?$",
    re.IGNORECASE,
)
_WEEK = re.compile(r"^(?:(?P<which>last|this|next)\s+week|(?P<n>\w+)\s+weeks?\s+ago)$", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@lru_cache(maxsize=4096)
def resolve(expression: str, base: str) -> EventDate | None:
    """Resolve a date expression against the article's date (cached: a pure function of
    its two strings, and dateparser takes about a millisecond a call).

    Args:
        expression: the words of a DATE entity ("on Friday", "last week", "in May").
        base: the article's ISO date (``YYYY-MM-DD``).

    Returns:
        The event date with its granularity, or None for what is no point in time
        (a duration, a frequency) or not understood.
    """
    try:
        anchor = date.fromisoformat(base[:10])
    except ValueError:
        return None
    text = " ".join(expression.replace("’", "'").split()).strip(" ,.;")
    if not text or _NOT_A_POINT.search(text) or _COUNT_WITHOUT_AGO.search(text):
        return None
    while (stripped := _LEADING.sub("", text)) != text:
        text = stripped
    lowered = text.casefold()
    if weekday := _WEEKDAY.match(lowered):
        wanted = _WEEKDAYS.index(weekday["day"])
        back = (anchor.weekday() - wanted) % 7
        if weekday["which"] == "last" and back == 0:
            back = 7
        return EventDate((anchor - timedelta(days=back)).isoformat(), "day")
    if week := _WEEK.match(lowered):
        if week["which"]:
            shift = {"last": -1, "this": 0, "next": 1}[week["which"].casefold()]
        else:
            count = _NUMBERS.get(week["n"].casefold()) or (
                int(week["n"]) if week["n"].isdigit() else None
            )
            if count is None:
                return None
            shift = -count
        return _week(anchor + timedelta(weeks=shift))
    part = _PART_OF.match(lowered)
    if part:
        rest = lowered[part.end() :]
        if rest in ("this month", "the month"):
            return EventDate(anchor.isoformat()[:7], "month")
        if rest in ("this year", "the year"):
            return EventDate(str(anchor.year), "year")
        found = _parse(rest, anchor)
        if found is None:
            return None
        value, period = found
        return _coarse(value, "month" if period == "day" else period)
    found = _parse(text, anchor)
    if found is None:
        return None
    value, period = found
    if period == "week":
        return _week(value)
    return _coarse(value, period)


def _week(day: date) -> EventDate:
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return EventDate(monday.isoformat()[:7], "month")
    if monday.year == sunday.year:
        return EventDate(str(monday.year), "year")
    return EventDate(str((monday + timedelta(days=3)).year), "year")


def _coarse(value: date, period: str) -> EventDate | None:
    if period == "day":
        return EventDate(value.isoformat(), "day")
    if period == "month":
        return EventDate(value.isoformat()[:7], "month")
    if period == "year":
        return EventDate(str(value.year), "year")
    return None


def _parse(text: str, anchor: date) -> tuple[date, str] | None:
    parsed = _parser(anchor).get_date_data(text)
    if parsed is None or parsed.date_obj is None:
        return None
    found: datetime = parsed.date_obj
    if found.date() > anchor + timedelta(days=366):
        return None
    return found.date(), str(parsed.period or "day")


@lru_cache(maxsize=256)
def _parser(anchor: date) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": False,
    }
    return DateDataParser(languages=["en"], settings=settings)
