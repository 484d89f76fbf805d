"""A verdict that names a wrong, an abuser or a sham accuses ("called the decision a
disgrace", "called X a bully", "described the attacks as a dastardly act", "called the plan
a power grab"); a neutral or approving name does not. The words are general words of
condemnation (extract/lexicon/cues.yaml, condemning_words). Sentences written for this
test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya's president called the decision a disgrace.", ("ACCUSE", "Kenya", None)),
        ("Erdogan called Trump a bully.", ("ACCUSE", "Recep Tayyip Erdogan", "Donald Trump")),
        (
            "Jordan's king described the attacks as a dastardly act.",
            ("ACCUSE", "Jordan", None),
        ),
        (
            "Jeremy Corbyn called the plan a power grab.",
            ("ACCUSE", "Jeremy Corbyn", None),
        ),
        (
            "Iran described the sanctions as a travesty of justice.",
            ("ACCUSE", "Iran", None),
        ),
        ("Venezuela branded the vote a hoax.", ("ACCUSE", "Venezuela", None)),
        # "as" parsed on the object, not on the verb
        (
            "Delfin Lorenzana described the attacks as a dastardly act.",
            ("ACCUSE", "Delfin Lorenzana", None),
        ),
        (
            "Ahmed Hassan characterised the raid as a cowardly crime.",
            ("ACCUSE", "Ahmed Hassan", None),
        ),
    ],
)
def test_a_condemning_name_accuses(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Trump characterized the call as perfectly fine.",
        "Turkey called the meeting productive.",
        "Kenya described the talks as long.",
        # a word that condemns only in some uses gives no accusation
        "Maria Lopez described him as a provocative force in science.",
    ],
)
def test_a_neutral_or_approving_name_accuses_nobody(nlp, registry, text):
    assert all(relation != "ACCUSE" for relation, _, _ in triples_of_text(nlp, registry, text))
