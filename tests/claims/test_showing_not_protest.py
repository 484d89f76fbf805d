"""A verb of protest that also means showing or gathering protests only on its own: "Iran
has demonstrated through its denial of rights that it cannot be trusted" and "Kenya
demonstrated its commitment" had been PROTESTs by Iran and Kenya, the reverse of what an
analyst should read. With an object or a clause it shows or gathers; "demonstrated outside
the embassy" and "rallied against the tax" stay protests. Sentences written for this test."""

from __future__ import annotations

import pytest

from tests.helpers import triples_of_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Iran has demonstrated through its denial of women's rights that it cannot be trusted.",
        "Kenya demonstrated its commitment to the peace process.",
        "The Somali government demonstrated that it can hold elections.",
        "Ghana rallied support for the ceasefire among its neighbours.",
        "Kenya rallied its allies behind the plan.",
        "Ghana thanked Togo for the open spirit demonstrated throughout the negotiations.",
        "Great courage was demonstrated by the Kenyan rescuers.",
        # the parser reads the participle as a verb with a subject from further back
        "Kenya thanked Somalia for the goodwill demonstrated during the talks.",
        "President Erdogan expressed appreciation to President Aliyev, Speaker of Parliament"
        " Sahiba Gafarova, and Prime Minister Ali Asadov for the consultative and open spirit"
        " demonstrated throughout the negotiations.",
        "Ghana praised Togo, Benin and Niger for the resolve demonstrated in the crisis.",
    ],
)
def test_showing_or_gathering_is_no_protest(nlp, registry, text):
    assert not any(r == "PROTEST" for r, _, _ in triples_of_text(nlp, registry, text))


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan students demonstrated outside the parliament in Nairobi.",
        "Hundreds of Somali protesters rallied against the new tax.",
        "Kenyan teachers demonstrated against the pay cuts.",
        "Kenyan students marched and demonstrated in Nairobi.",
    ],
)
def test_a_crowd_demonstrating_protests(nlp, registry, text):
    assert any(r == "PROTEST" for r, _, _ in triples_of_text(nlp, registry, text))
