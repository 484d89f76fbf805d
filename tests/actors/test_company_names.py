"""A name a common noun says is a company is one, whatever the NER tagged it ("Iranian
airline Mahan Air" tagged a facility); its name without the company's last word names it
in the rest of the text ("Mahan's director"), unless that short form names something
known ("Qatar" of "Qatar Airways" stays the country); a registry name followed by a
company's last word is the company ("Qatar Airways"), never a person. Sentences written
for this test."""

from __future__ import annotations

import pytest

from tests.helpers import extraction_of_text, triples_of_text

pytestmark = pytest.mark.model

_TEXT = (
    "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation."
    " Mahan has been the subject of United States sanctions since 2011. Rudaw reports"
    " Mahan's director, Hamid Arabnejad Khanooki, has ties to the IRGC."
)


def test_a_company_named_as_such_is_an_organisation(nlp, registry):
    actors = {a.label: a.type for a in extraction_of_text(nlp, registry, _TEXT).actors}
    assert actors.get("Mahan Air") == "Organization"
    assert "Mahan" not in actors


def test_a_company_short_name_is_the_company(nlp, registry):
    triples = triples_of_text(nlp, registry, _TEXT)
    assert ("COERCE", "Germany", "Mahan Air") in triples
    assert ("LEADS", "Hamid Arabnejad Khanooki", "Mahan Air") in triples


def test_a_country_before_a_company_word_is_the_company(nlp, registry):
    text = "Qatar Airways resumed flights to Doha. Qatar said the talks went well."
    actors = {a.label: a.type for a in extraction_of_text(nlp, registry, text).actors}
    assert "Qatar Airways" in actors and actors["Qatar Airways"] != "Person"
    assert ("STATEMENT", "Qatar", None) in triples_of_text(nlp, registry, text)
