"""An envoy named by the state it serves stands for that state when acted upon: "Kenya
expelled the Somali ambassador" is Kenya's SANCTION of Somalia (CAMEO 161/163: reduce
relations), as "expelled Somalia's ambassador" is; "summoned the Ugandan envoy" accuses
Uganda. An envoy with no state named names no one, and an envoy who speaks is not the
state ("the Somali ambassador said" is no statement of Somalia). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of_text

pytestmark = pytest.mark.model


def _objects(nlp, registry, text, relation):
    return {
        c.object.label
        for c in claims_of_text(nlp, registry, text)
        if c.relation == relation and c.subject and c.subject.label == "Kenya" and c.object
    }


@pytest.mark.parametrize(
    ("text", "relation", "state"),
    [
        ("Kenya expelled the Somali ambassador.", "SANCTION", "Somalia"),
        ("Kenya expelled the Somali ambassador to Kenya over the dispute.", "SANCTION", "Somalia"),
        ("Kenya recalled its envoy and expelled the Ugandan ambassador.", "SANCTION", "Uganda"),
        ("On Monday Kenya summoned the Ugandan ambassador over the raid.", "ACCUSE", "Uganda"),
    ],
)
def test_an_envoy_named_by_its_state_stands_for_it(nlp, registry, text, relation, state):
    assert state in _objects(nlp, registry, text, relation)


def test_an_envoy_of_no_named_state_names_no_one(nlp, registry):
    assert not _objects(nlp, registry, "Kenya expelled the ambassador.", "SANCTION")


def test_an_envoy_who_speaks_is_not_the_state(nlp, registry):
    claims = claims_of_text(nlp, registry, "The Somali ambassador said the border was calm.")
    assert not [c for c in claims if c.subject and c.subject.label == "Somalia"]
