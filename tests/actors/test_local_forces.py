"""A city's police are an actor of their own, one whether written "El Paso's police" or
"the El Paso police"; a title opening with the force after the city is a role in it
("El Paso's police chief Greg Allen" LEADS the El Paso police). Sentences written for
this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Chicago's police chief John Kamau said the suspect was armed.", "Chicago police"),
        ("Nairobi's police chief John Kamau said the suspect was armed.", "Nairobi police"),
    ],
)
def test_a_citys_police_chief_leads_its_police(nlp, registry, text, force):
    assert ("LEADS", "John Kamau", force) in triples_of_text(nlp, registry, text)


def test_one_police_in_both_wordings(nlp, registry):
    text = "Chicago's police said the suspect was armed. The Chicago police said he fled."
    forces = [m for m in extraction_of_text(nlp, registry, text).mentions if "police" in m.text]
    assert len(forces) == 2
    assert {m.actor_id for m in forces} == {"chicago-police"}


def test_a_countrys_police_chief_gives_no_claim(nlp, registry):
    text = "Kenya's police chief John Kamau said the suspect was armed."
    assert not any(r == "LEADS" for r, _, _ in triples_of_text(nlp, registry, text))
