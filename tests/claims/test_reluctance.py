"""A negated verb of reluctance affirms the act under it: "did not hesitate to condemn
the raid" condemns it, "will not hesitate to strike" is no strike denied. The negation
stops at the verb of reluctance; a negation on the act itself still negates it.
Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import polarities_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya did not hesitate to condemn the Somali raid.", "ACCUSE"),
        ("Kenya never hesitated to condemn the Somali raids on its border.", "ACCUSE"),
        ("Kenya will not hesitate to strike al-Shabaab again.", "ASSAULT"),
        ("Kenya did not hesitate to back the Somali government.", "SUPPORT"),
    ],
)
def test_a_negated_reluctance_affirms(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"affirmed"}


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("Kenya did not condemn the Somali raid.", "ACCUSE"),
        ("Kenya hesitated but did not condemn the Somali raid.", "ACCUSE"),
    ],
)
def test_a_negated_act_stays_negated(nlp, registry, text, relation):
    assert polarities_of_text(nlp, registry, text, relation) == {"negated"}
