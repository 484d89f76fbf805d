"""Official texts speak in the first person without quote marks (GUIDE.md, "Official
texts", "Transcripts"): a transcript's turn is its labelled speaker's, a signed
statement or one from an office of its publisher speaks for the issuing institution, a
statement headed "Statement by <a known person>" for that person's side. A text with
none of these keeps its "we" unresolved. Texts written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model

STATE = "U.S. Department of State"


def _triples(nlp, registry, text, *, publisher=None, title=None):
    return triples_of_text(nlp, registry, text, publisher=publisher, title=title)


TRANSCRIPT = (
    "Jane Roe, Secretary of Foreign Affairs\n\n"
    "SECRETARY ROE: Good afternoon, everyone. We strongly support Kenya in these talks.\n\n"
    "QUESTION: Will we see a deal with Somalia?\n\n"
    "FOREIGN MINISTER OMAR: I thank the United States for its help. We condemn al-Shabaab.\n"
)


def test_each_turn_is_its_speakers(nlp, registry):
    triples = _triples(nlp, registry, TRANSCRIPT, publisher=STATE)
    assert ("SUPPORT", "Jane Roe", "Kenya") in triples
    assert ("SUPPORT", "OMAR", "US government") in triples
    assert ("ACCUSE", "OMAR", "al-Shabaab") in triples


def test_a_question_turn_has_no_speaker(nlp, registry):
    triples = _triples(nlp, registry, TRANSCRIPT, publisher=STATE)
    assert not any(obj == "Somalia" and subject for _, subject, obj in triples)


@pytest.mark.parametrize(
    "opening",
    ["Ned Price, Department Spokesperson", "Office of the Spokesperson"],
)
def test_a_statement_speaks_for_the_issuing_institution(nlp, registry, opening):
    text = (
        f"{opening}\n\nWe call on the Houthis to end their attacks on Marib. "
        "Our support for Saudi Arabia is firm.\n"
    )
    triples = _triples(nlp, registry, text, publisher=STATE)
    assert ("REQUEST", "US State Department", "Houthis") in triples
    assert ("SUPPORT", "US State Department", "Saudi Arabia") in triples


@pytest.mark.parametrize(
    "title",
    [
        "Statement by President Biden on the Bombing in Nairobi",
        "Statement from President Joe Biden on the Bombing in Nairobi",
        "President Biden Statement on the Bombing in Nairobi",
    ],
)
def test_a_statement_by_a_known_person_speaks_for_their_side(nlp, registry, title):
    """ "We" is the side the heading's person speaks for, "I" the person, whether the
    heading puts the issuer after "Statement by" or first."""
    text = (
        "We condemn al-Shabaab for the bombing. I thank President William Ruto for his "
        "leadership.\n"
    )
    triples = _triples(nlp, registry, text, publisher="The White House", title=title)
    assert ("ACCUSE", "US government", "al-Shabaab") in triples
    assert ("SUPPORT", "Joe Biden", "William Ruto") in triples


def test_a_heading_that_names_no_person_gives_no_voice(nlp, registry):
    text = "We condemn al-Shabaab for the bombing.\n"
    title = "Presidential Message on the Anniversary of the Bombing in Nairobi"
    triples = _triples(nlp, registry, text, publisher="Wikinews", title=title)
    assert not any(r == "ACCUSE" and subject for r, subject, _ in triples)


@pytest.mark.parametrize(
    ("publisher", "title"),
    [("Wikinews", "Bombing in Nairobi"), (None, None), (STATE, "Bombing in Nairobi")],
)
def test_without_a_voice_we_stays_unresolved(nlp, registry, publisher, title):
    text = (
        "Residents said the town was quiet on Monday.\n\nWe condemn al-Shabaab for the bombing.\n"
    )
    triples = _triples(nlp, registry, text, publisher=publisher, title=title)
    assert not any(r == "ACCUSE" and subject for r, subject, _ in triples)


def test_a_question_asserts_nothing(nlp, registry):
    text = (
        "Office of the Spokesperson\n\n"
        "MODERATOR: Our first question goes to Jane Roe.\n\n"
        "QUESTION: Did Somalia attack the Kenyan base, and did the Houthis attack Marib?\n\n"
        "MR PRICE: We condemn al-Shabaab for the bombing.\n"
    )
    triples = _triples(nlp, registry, text, publisher=STATE)
    assert not any(r == "ASSAULT" for r, _, _ in triples)
    assert ("ACCUSE", "Ned Price", "al-Shabaab") in triples or (
        "ACCUSE",
        "US State Department",
        "al-Shabaab",
    ) in triples


def test_a_bare_title_is_the_person_the_heading_names(nlp, registry):
    text = "THE PRESIDENT: Thank you all. We condemn al-Shabaab for the bombing.\n"
    triples = _triples(
        nlp,
        registry,
        text,
        publisher="The White House",
        title="Remarks by President Biden and President Ruto of Kenya",
    )
    assert ("ACCUSE", "US government", "al-Shabaab") in triples


@pytest.mark.parametrize(
    "opening",
    ["Ned Price, Department Spokesperson", "Office of the Spokesperson"],
)
def test_what_an_official_text_says_must_be_done_it_demands(nlp, registry, opening):
    text = f"{opening}\n\nThe Houthis must end their attacks on Marib at once.\n"
    triples = _triples(nlp, registry, text, publisher=STATE)
    assert ("REQUEST", "US State Department", "Houthis") in triples
    assert not any(r == "ASSAULT" for r, _, _ in triples)


def test_without_a_voice_a_requirement_is_no_demand(nlp, registry):
    text = "Residents said the town was quiet.\n\nThe Houthis must end their attacks on Marib.\n"
    triples = _triples(nlp, registry, text, publisher="Wikinews", title="Marib")
    assert not any(r in ("REQUEST", "ASSAULT") for r, _, _ in triples)
