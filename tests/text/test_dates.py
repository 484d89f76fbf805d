"""extract.text.dates: file-name dates, and relative dates resolved against the article date."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.text.dates import file_name_date, resolve
from extract.text.read import read_file


@pytest.mark.parametrize(
    ("expression", "article", "value", "granularity"),
    [
        ("on Friday", "2025-07-25", "2025-07-25", "day"),  # the article's own weekday: that day
        ("on Thursday", "2025-07-25", "2025-07-24", "day"),
        ("last Friday", "2025-07-25", "2025-07-18", "day"),
        ("on Wednesday", "2025-08-01", "2025-07-30", "day"),  # back over a month end
        ("on Tuesday", "2026-01-02", "2025-12-30", "day"),  # back over a year end
        ("yesterday", "2025-03-01", "2025-02-28", "day"),
        ("yesterday", "2026-01-01", "2025-12-31", "day"),
        ("two days ago", "2024-03-01", "2024-02-28", "day"),  # a leap year
        ("in May", "2026-01-10", "2025-05", "month"),  # the last May before the article
        ("in December", "2026-01-02", "2025-12", "month"),
        ("late July", "2025-08-02", "2025-07", "month"),
        ("earlier this month", "2025-07-25", "2025-07", "month"),
        ("last month", "2026-01-15", "2025-12", "month"),
        ("last week", "2025-07-25", "2025-07", "month"),  # 14-20 July: one month
        ("last week", "2025-08-04", "2025", "year"),  # 28 July - 3 August: two months
        ("last week", "2026-01-06", "2026", "year"),  # 29 Dec - 4 Jan: the year of its Thursday
        ("last year", "2026-01-15", "2025", "year"),
        ("in 2014", "2025-01-01", "2014", "year"),
        ("December 31", "2026-01-01", "2025-12-31", "day"),
        ("May 11, 2020", "2025-01-01", "2020-05-11", "day"),
    ],
)
def test_relative_dates_resolve_against_the_article(
    expression: str, article: str, value: str, granularity: str
) -> None:
    found = resolve(expression, article)
    assert found is not None
    assert (found.value, found.granularity) == (value, granularity)


@pytest.mark.parametrize(
    "expression", ["three years", "for two weeks", "every Friday", "recent weeks", "the weekend"]
)
def test_durations_and_frequencies_are_no_date(expression: str) -> None:
    assert resolve(expression, "2025-07-25") is None


def test_no_article_date_resolves_nothing() -> None:
    assert resolve("on Friday", "") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wire-2025-07-25.txt", "2025-07-25"),
        ("20250725_story.html", "2025-07-25"),
        ("2025_07_25-story.md", "2025-07-25"),
        ("000_a4299d0bd06ad380.txt", None),  # a hash is no date
        ("report-2025-13-01.txt", None),  # no 13th month
        ("id-1202507251.txt", None),  # inside a longer number
    ],
)
def test_file_name_date(name: str, expected: str | None) -> None:
    assert file_name_date(Path("some/2020-01-01/folder") / name) == expected


def test_a_file_name_date_is_used_only_when_the_text_has_none(tmp_path: Path) -> None:
    undated = tmp_path / "wire-2025-07-25.txt"
    undated.write_text("Officials met in the capital.\n\nThey talked for an hour.\n")
    dated = tmp_path / "wire-2025-07-26.txt"
    dated.write_text("Talks resume\n\nMarch 3, 2025\n\nOfficials met in the capital again.\n")
    (doc,) = read_file(undated)
    assert doc.date == "2025-07-25"
    (doc,) = read_file(dated)
    assert doc.date == "2025-03-03"  # the dateline wins over the name
