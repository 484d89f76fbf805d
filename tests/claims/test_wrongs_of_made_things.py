"""A wrong told of something made is told of its makers: "Greece said the accord signed by
Turkey and Libya violates international law" accuses Turkey and Libya (GUIDE: ACCUSE, an
accusation made through what the accused did or made). The same holds for a verdict passed
on it ("called the deal between X and Y null and void") and for a condemning name that
names its own maker ("the plan was a ploy by X"). A harm's possessor is mostly its victim
("Nabil's murder was a crime"), so a harm names its doer only with "by". Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _accused(nlp, registry, text, accuser):
    return {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == "ACCUSE" and c.subject and c.subject.label == accuser and c.object
    }


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        (
            "Greece said the accord signed by Turkey and Libya violates international law.",
            "Greece",
            {"Turkey", "Libya"},
        ),
        (
            "Greece said the agreement between Turkey and Libya infringes upon its rights.",
            "Greece",
            {"Turkey", "Libya"},
        ),
        (
            "Greece said the deal between Turkey and Libya was illegal.",
            "Greece",
            {"Turkey", "Libya"},
        ),
        (
            '"The agreement signed by Egypt and Sudan is a breach of the treaty," Ethiopia said.',
            "Ethiopia",
            {"Egypt", "Sudan"},
        ),
        (
            "Raila Odinga said Kenya's decision to close the border was unlawful.",
            "Raila Odinga",
            {"Kenya"},
        ),
        ("Somalia said the attack by Kenya was a war crime.", "Somalia", {"Kenya"}),
        (
            'Greece called the deal signed by Turkey and Libya "null and void".',
            "Greece",
            {"Turkey", "Libya"},
        ),
        (
            "Egypt described the agreement between Ethiopia and Sudan as illegal.",
            "Egypt",
            {"Ethiopia", "Sudan"},
        ),
        (
            "Raila Odinga said the plan was a ploy by William Ruto to stay in power.",
            "Raila Odinga",
            {"William Ruto"},
        ),
        ('"This is a ploy by Kenya to delay the vote," Somalia said.', "Somalia", {"Kenya"}),
    ],
)
def test_a_wrong_told_of_a_made_thing_accuses_its_makers(nlp, registry, text, accuser, accused):
    assert _accused(nlp, registry, text, accuser) == accused


@pytest.mark.parametrize(
    ("text", "accuser"),
    [
        # a harm's possessor is its victim
        ("Kenya said Nabil's murder was a crime.", "Kenya"),
        ('"The killing of Ruto\'s guards was a crime," Kenya said.', "Kenya"),
        # praise, not a wrong
        ("Greece said the agreement between Egypt and Cyprus was historic.", "Greece"),
        # negated
        ("Greece said the deal signed by Egypt and Cyprus was not illegal.", "Greece"),
        # the speaker's own deal
        ("Turkey said the agreement signed by Turkey and Libya was legal.", "Turkey"),
    ],
)
def test_no_accusation_of_a_victim_or_without_a_wrong(nlp, registry, text, accuser):
    assert _accused(nlp, registry, text, accuser) == set()


def test_a_speaker_accuses_only_the_other_maker(nlp, registry):
    """A maker who tells the wrong accuses the other side of its own deal, not itself."""
    text = "Turkey said the deal signed by Libya and Egypt violates international law."
    assert _accused(nlp, registry, text, "Turkey") == {"Libya", "Egypt"}


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        (
            "Greece condemned the deal signed by Turkey and Libya, calling it illegal.",
            "Greece",
            {"Turkey", "Libya"},
        ),
        (
            "Egypt commented on the agreement signed by Ethiopia and Sudan, calling it a "
            "provocation.",
            "Egypt",
            {"Ethiopia", "Sudan"},
        ),
        ("Kenya criticised Somalia's decision, calling it reckless.", "Kenya", {"Somalia"}),
        (
            'Greece rejected the deal between Turkey and Libya, calling it "void".',
            "Greece",
            {"Turkey", "Libya"},
        ),
    ],
)
def test_it_of_a_participle_of_naming_is_the_verbs_object(nlp, registry, text, accuser, accused):
    """ "V-ed X, calling it Y": the "it" is X, and a verdict on X is one on its makers."""
    assert accused <= _accused(nlp, registry, text, accuser)


def test_it_of_a_participle_with_no_object_names_no_one(nlp, registry):
    text = "Kenya left the talks early, calling it a disgrace."
    assert _accused(nlp, registry, text, "Kenya") == set()
