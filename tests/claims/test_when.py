"""extract.claims.when: a claim's event date, resolved against its article's date across
month and year ends, on sentences written for these tests and run through the whole
extractor (the resolution itself is tested row by row in tests/text/test_dates.py)."""

from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_documents
from extract.records import Document


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "article", "event", "granularity"),
    [
        # back over a month end: Wednesday before Friday 1 August 2025
        ("Kataib Hezbollah on Wednesday denied any role in the drone attack.",
         "2025-08-01", "2025-07-30", "day"),
        # back over a year end: Tuesday before Friday 2 January 2026
        ("Kataib Hezbollah on Tuesday denied any role in the drone attack.",
         "2026-01-02", "2025-12-30", "day"),
        ("Kataib Hezbollah denied any role in the drone attack yesterday.",
         "2026-01-01", "2025-12-31", "day"),
        # a month named in January is last year's
        ("Kataib Hezbollah denied any role in the drone attack in December.",
         "2026-01-10", "2025-12", "month"),
    ],
)  # fmt: skip
def test_event_dates_across_month_and_year_ends(
    nlp, registry, sentence: str, article: str, event: str, granularity: str
) -> None:
    (extraction,) = extract_documents(
        [Document(id="t", text=sentence, source="t", date=article)], nlp=nlp, registry=registry
    )
    (denial,) = [claim for claim in extraction.claims if claim.relation == "DENY"]
    assert (denial.event_date, denial.event_date_granularity) == (event, granularity)
