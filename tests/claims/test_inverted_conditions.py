"""A condition told by inversion ("should Russia decide to attack", "had Iran attacked",
"were Iran to attack") supposes its act: no request of its subject in an official voice
(the United States does not ask Russia to escalate), and no act told as done. A
question asks no one, also at the end of a text; a plain obligation still asks. Sentences
written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_official_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "body",
    [
        "We are ready to impose costs should Russia decide to attack Ukraine.",
        "Should Russia continue down the path of escalation, we will increase our support.",
        "We will respond firmly should Iran choose to expand its attacks on shipping.",
    ],
)
def test_an_inverted_condition_asks_nothing(nlp, registry, body):
    assert not {t for t in triples_of_official_text(nlp, registry, body) if t[0] == "REQUEST"}


@pytest.mark.parametrize(
    "text",
    [
        "Had Iran attacked Israel, the United States would have responded.",
        "Were Iran to attack Israel, the United States would respond.",
        "Should Iran attack Israel, the United States will respond.",
    ],
)
def test_an_inverted_condition_tells_no_act(nlp, registry, text):
    assert not {t for t in triples_of_text(nlp, registry, text) if t[0] == "ASSAULT"}


def test_a_question_at_the_end_of_a_text_asks_no_one(nlp, registry):
    assert not {
        t
        for t in triples_of_official_text(nlp, registry, "Should Iraq hold new elections?")
        if t[0] == "REQUEST"
    }


def test_a_plain_obligation_still_asks(nlp, registry):
    triples = triples_of_official_text(nlp, registry, "Iran should stop its attacks on shipping.")
    assert ("REQUEST", "US State Department", "Iran") in triples


def test_a_plain_act_is_told(nlp, registry):
    assert ("ASSAULT", "Iran", "Israel") in triples_of_text(nlp, registry, "Iran attacked Israel.")
