"""A party's nominee or candidate, named in apposition, is a member of the party
(AFFILIATED_WITH), as any title of an organisation is; a former candidacy gives no claim.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Mike Johnson, the Republican Party's presumptive nominee, said taxes would fall.",
        "Mike Johnson, the Republican Party's candidate, said taxes would fall.",
        "Mike Johnson, a candidate of the Republican Party, said taxes would fall.",
    ],
)
def test_a_candidate_is_a_member_of_the_party(nlp, registry, text):
    assert ("AFFILIATED_WITH", "Mike Johnson", "Republican Party") in triples_of_text(
        nlp, registry, text
    )


def test_a_former_candidacy_gives_no_claim(nlp, registry):
    text = "Mike Johnson, the former candidate of the Republican Party, said taxes would fall."
    assert not any(r == "AFFILIATED_WITH" for r, _, _ in triples_of_text(nlp, registry, text))
