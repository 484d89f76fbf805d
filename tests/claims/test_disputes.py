"""What claims are about, their event dates, and denials linked to the accusation they
answer within one article (extract.claims.about, .when, .disputes), on texts written for
these tests and run through the whole extractor."""

from __future__ import annotations

import pytest

from extract.nlp.pipeline import extract_documents
from extract.records import Claim, Document, same_matter


def _claims(nlp, registry, text: str, date: str | None = None) -> tuple[Claim, ...]:
    (extraction,) = extract_documents(
        [Document(id="t", text=text, source="t", date=date)], nlp=nlp, registry=registry
    )
    return extraction.claims


def _one(claims, relation: str) -> Claim:
    found = [claim for claim in claims if claim.relation == relation]
    assert len(found) == 1, [(c.relation, c.text) for c in claims]
    return found[0]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "relation", "label"),
    [
        ("The KRG accused the PMF of carrying out the rocket attacks.", "ACCUSE", "rocket attacks"),
        ("The KRG blamed the PMF for the drone strike.", "ACCUSE", "drone strike"),
        ("Kataib Hezbollah denied any role in the drone strike.", "DENY", "drone strike"),
        (
            "Erbil asked the United States to provide the region with an air defence system.",
            "REQUEST",
            "air defence system",
        ),
    ],
)
def test_about_is_read_from_the_parse(nlp, registry, text: str, relation: str, label: str) -> None:
    claim = _one(_claims(nlp, registry, text), relation)
    assert claim.about is not None
    assert claim.about.label == label
    assert text[claim.about.start : claim.about.end] == claim.about.text


@pytest.mark.model
def test_a_denial_of_the_charge_answers_the_accusation_before_it(nlp, registry) -> None:
    text = (
        "The Kurdistan Regional Government accused Kataib Hezbollah of the drone attacks "
        "on the oil field. Kataib Hezbollah denied the charge."
    )
    claims = _claims(nlp, registry, text)
    accusation, denial = _one(claims, "ACCUSE"), _one(claims, "DENY")
    assert [r.claim_id for r in denial.responds] == [accusation.id]
    assert denial.responds[0].rule == "dispute.pointer"
    assert accusation.about is not None and denial.about == accusation.about
    assert accusation.about.label == "drone attacks"


@pytest.mark.model
def test_a_government_answers_for_a_force_of_its_country(nlp, registry) -> None:
    text = "The KRG accused the PMF of the drone attacks. Baghdad has denied the charge."
    claims = _claims(nlp, registry, text)
    accusation, denial = _one(claims, "ACCUSE"), _one(claims, "DENY")
    assert denial.subject is not None and denial.subject.id == "iraqi-government"
    assert [r.claim_id for r in denial.responds] == [accusation.id]
    assert denial.responds[0].confidence < 0.8  # answering for another is less sure


@pytest.mark.model
def test_a_denial_that_any_force_was_involved_points_back(nlp, registry) -> None:
    text = (
        "The KRG accused the PMF of carrying out the drone attacks. "
        "Baghdad denied that any force under its command was involved."
    )
    claims = _claims(nlp, registry, text)
    accusation, denial = _one(claims, "ACCUSE"), _one(claims, "DENY")
    assert [(r.claim_id, r.rule) for r in denial.responds] == [(accusation.id, "dispute.pointer")]
    assert denial.about == accusation.about


@pytest.mark.model
def test_a_faction_answers_an_accusation_of_its_organisation(nlp, registry) -> None:
    text = (
        "The KRG accused the PMF of the drone attacks on the oil fields. "
        "Kataib Hezbollah, a faction of the PMF, denied any role in the attacks."
    )
    claims = _claims(nlp, registry, text)
    accusation, denial = _one(claims, "ACCUSE"), _one(claims, "DENY")
    assert [r.claim_id for r in denial.responds] == [accusation.id]


@pytest.mark.model
def test_a_denial_of_the_same_matter_answers_it(nlp, registry) -> None:
    text = (
        "The KRG accused Kataib Hezbollah of the drone attack on Erbil airport. "
        "Kataib Hezbollah denied any role in the drone attack."
    )
    claims = _claims(nlp, registry, text)
    accusation, denial = _one(claims, "ACCUSE"), _one(claims, "DENY")
    assert [(r.claim_id, r.rule) for r in denial.responds] == [
        (accusation.id, "dispute.same_matter")
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the denier is not the accused, nor answers for it
        "The KRG accused Kataib Hezbollah of the drone attacks. Iran denied the charge.",
        # another matter
        "The KRG accused Kataib Hezbollah of the drone attacks. "
        "Kataib Hezbollah denied any role in the kidnapping.",
        # no denial: "did not deny"
        "The KRG accused Kataib Hezbollah of the drone attacks. "
        "Kataib Hezbollah did not deny the charge.",
    ],
)
def test_denials_that_do_not_agree_stay_unlinked(nlp, registry, text: str) -> None:
    claims = _claims(nlp, registry, text)
    assert all(not claim.responds for claim in claims)


@pytest.mark.model
def test_event_dates_come_from_the_cue_clause(nlp, registry) -> None:
    text = (
        "Kataib Hezbollah on Friday denied any role in the drone attack. "
        "The KRG blamed the September 30 attack on the PMF."
    )
    claims = _claims(nlp, registry, text, date="2026-01-01")
    denial = _one(claims, "DENY")
    assert (denial.event_date, denial.event_date_granularity) == ("2025-12-26", "day")
    accusation = _one(claims, "ACCUSE")
    assert accusation.event_date is None  # the date is the attack's, not the blame's


def test_same_matter() -> None:
    assert same_matter("drone attack", "attack")
    assert same_matter("drone strike", "drone attack")  # strikes and attacks are one kind
    assert not same_matter("drone attack", "rocket attack")
    assert not same_matter("attack", "kidnapping")


@pytest.mark.model
def test_seed_article_krg_accusation_of_the_pmf_is_answered_by_baghdad(
    nlp, registry, shared
) -> None:
    from extract.text.read import read_paths

    (document,) = read_paths([shared / "corpus" / "seeds" / "000_a4299d0bd06ad380.txt"])
    assert isinstance(document, Document)
    (extraction,) = extract_documents([document], nlp=nlp, registry=registry)
    (accusation,) = [
        c
        for c in extraction.claims
        if c.relation == "ACCUSE" and c.subject and c.subject.id == "krg"
        and c.object and c.object.id == "pmf"
    ]  # fmt: skip
    (denial,) = [c for c in extraction.claims if c.responds]
    assert denial.relation == "DENY" and denial.subject and denial.subject.id == "iraqi-government"
    assert [r.claim_id for r in denial.responds] == [accusation.id]
    assert accusation.about is not None and accusation.about.label == "drone attacks"
    assert denial.about == accusation.about
