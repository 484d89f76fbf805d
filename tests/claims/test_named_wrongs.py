"""A wrong a speaker names of another side is the speaker's accusation of it (PLOVER
ACCUSE), though the clause says something else: "in the face of Russia's aggression",
"help stop the Turkish aggression", "the crackdown by Somalia on journalists", "Iran's use
of violence". Not a wrong supposed or denied ("any aggression", "no interference"), the
speaker's own ("our crackdown on smugglers"), a wrong word that only names another noun
("crime rates") or one whose modifier may be the place or the victim ("Iraqi violence").
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_official_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our support for Ukraine in the face of Russia's aggression is unwavering, "
            "Antony Blinken said.",
            ("ACCUSE", "Antony Blinken", "Russia"),
        ),
        (
            "The SDF said the army would help stop the Turkish aggression.",
            ("ACCUSE", "Syrian Democratic Forces", "Turkish government"),
        ),
        (
            '"Kenyans remember the atrocities committed by al-Shabaab," William Ruto said.',
            ("ACCUSE", "William Ruto", "al-Shabaab"),
        ),
        (
            "Kenya said the crackdown by Somalia on journalists must end.",
            ("ACCUSE", "Kenya", "Somalia"),
        ),
        (
            "Amnesty International said Iran's use of violence against protesters was growing.",
            ("ACCUSE", "Amnesty International", "Iran"),
        ),
        (
            '"Voters in Georgia deserve an election free from Russian interference," '
            "Antony Blinken said.",
            ("ACCUSE", "Antony Blinken", "Russia"),
        ),
    ],
)
def test_a_named_wrong_accuses_its_doer(nlp, registry, text, expected):
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        "Sweden said it would respond to any Russian aggression.",
        "Kenya said Uganda had to act fast to counter possible Somali interference in the vote.",
        "The Kremlin said there had been no Russian interference in the vote.",
        '"We will answer any aggression," Javad Zarif said.',
        '"Our crackdown on smugglers will continue," Kenya\'s interior ministry said.',
        "Mexico said crime rates in Texas were rising.",
        "Kenya said Iraqi violence had fallen since the election.",
        "Kenya said Somalia had not committed any violation of the truce.",
    ],
)
def test_no_wrong_named_of_another_no_accusation(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    ("body", "accused"),
    [
        ("Our support for Ukraine in the face of Russia's aggression is unwavering.", "Russia"),
        ("The people of Iran deserve better than the brutal crackdown by Iran.", "Iran"),
        ("We stand with the families of those killed in the Houthi aggression.", "Houthis"),
        # a wrong told, not only named, in the text's own voice
        ("Iran has violated the ceasefire in Yemen.", "Iran"),
        ("Hamas is a terrorist organization.", "Hamas"),
    ],
)
def test_an_official_text_accuses_in_its_own_voice(nlp, registry, body, accused):
    assert ("ACCUSE", "US State Department", accused) in triples_of_official_text(
        nlp, registry, body
    )


def test_a_text_with_no_voice_accuses_no_one(nlp, registry):
    body = "Our support for Ukraine in the face of Russia's aggression is unwavering."
    assert not any(
        r == "ACCUSE" for r, _, _ in triples_of_official_text(nlp, registry, body, publisher=None)
    )


def test_a_wrong_another_speaker_names_is_theirs(nlp, registry):
    triples = triples_of_official_text(
        nlp, registry, "Kenya said the crackdown by Somalia must end."
    )
    assert ("ACCUSE", "Kenya", "Somalia") in triples
    assert ("ACCUSE", "US State Department", "Somalia") not in triples


@pytest.mark.parametrize(
    "body",
    [
        "Iran has not violated the deal.",
        "If Hezbollah breaks the truce, Israel will respond.",
        "We are not terrorists.",
        "Kenya said on Monday that Somalia had violated the truce.",
    ],
)
def test_no_wrong_of_another_in_the_voice(nlp, registry, body):
    triples = triples_of_official_text(nlp, registry, body)
    assert not any(r == "ACCUSE" and s == "US State Department" for r, s, _ in triples)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Kenya has suffered indiscriminate rocket attacks from al-Shabaab," President'
            " William Ruto said.",
            ("ACCUSE", "William Ruto", "al-Shabaab"),
        ),
        (
            "Antony Blinken said Ukraine had endured reckless and brutal air strikes by Russia.",
            ("ACCUSE", "Antony Blinken", "Russia"),
        ),
    ],
)
def test_force_a_word_condemns_is_a_wrong_named(nlp, registry, text, expected):
    """An act of force named with a word that condemns it ("indiscriminate rocket attacks
    from X", "reckless shelling by X") is a wrong named of its doer, as "aggression" is;
    force comes "from" its doer too."""
    assert expected in triples_of_text(nlp, registry, text)


@pytest.mark.parametrize(
    "text",
    [
        '"Kenya has suffered rocket attacks from al-Shabaab," President William Ruto said.',
        '"We will answer any indiscriminate attack from al-Shabaab," President William Ruto said.',
    ],
)
def test_force_named_plainly_or_supposed_is_no_wrong_named(nlp, registry, text):
    assert not any(r == "ACCUSE" for r, _, _ in triples_of_text(nlp, registry, text))
