"""Support talked about stands: "discussed President Biden's support for Israel" tells that
Biden supports Israel (SUPPORT, as the noun on its own would), and "discussed US military
aid to Ukraine" US AID to Ukraine; whom it was discussed with is no party of it. Other acts
that are a topic are often still to come ("discussed a prisoner exchange", "the withdrawal
of US troops") and stay only talked about. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two also discussed President Biden's unprecedented support for Israel.",
            ("SUPPORT", "Joe Biden", "Israel"),
        ),
        (
            "They discussed the United States' unwavering support for Israel.",
            ("SUPPORT", "US government", "Israel"),
        ),
        (
            "Joe Biden discussed US military aid to Ukraine with Volodymyr Zelensky.",
            ("AID", "US military", "Ukraine"),
        ),
    ],
)
def test_support_talked_about_stands(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


def test_whom_it_was_discussed_with_is_no_party(nlp, registry):
    triples = triples_of_text(
        nlp, registry, "Joe Biden discussed US support for Ukraine with Volodymyr Zelensky."
    )
    assert ("SUPPORT", "US government", "Ukraine") in triples
    assert not any(r == "SUPPORT" and o == "Volodymyr Zelensky" for r, _, o in triples)


@pytest.mark.parametrize(
    "text",
    [
        "Joe Biden discussed the withdrawal of US troops from Iraq.",
        "Jake Sullivan and Yoav Gallant discussed a prisoner exchange with Hamas.",
    ],
)
def test_other_acts_talked_about_are_not_told_as_done(nlp, registry, text):
    assert not any(r in ("RETREAT", "AGREE") for r, _, _ in triples_of_text(nlp, registry, text))


def test_a_commitment_of_theirs_is_not_given_to_another(nlp, registry):
    text = (
        "Islamic State fighters attacked Mosul. Joe Biden and Mohammed Shia al-Sudani "
        "discussed their commitment to a stable and secure Iraq."
    )
    triples = triples_of_text(nlp, registry, text)
    assert not any(r == "SUPPORT" and s == "Islamic State" for r, s, _ in triples)
