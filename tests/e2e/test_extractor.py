"""Tests for the per-document extractor (extract.extractor) on the seed articles and on
texts written for these tests: evidence offsets, de-duplication, and the claims an
analyst expects from the seeds."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from extract.records import RELATIONS, Claim, Document, Extraction, Failure

pytestmark = pytest.mark.model

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "us"}


@pytest.fixture(scope="module")
def run(nlp, registry):
    """Extract documents through the real pipeline (clutter masking, spaCy, extract_doc)."""
    from extract.nlp.pipeline import extract_documents

    def extract(*documents: Document) -> list[Extraction]:
        results = list(extract_documents(documents, nlp=nlp, registry=registry))
        assert not [r for r in results if isinstance(r, Failure)], results
        return [r for r in results if isinstance(r, Extraction)]

    return extract


@pytest.fixture(scope="module")
def seeds(run, shared):
    files = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("no seed articles")
    documents = [
        Document(id=f.stem, text=f.read_text(encoding="utf-8"), source=str(f)) for f in files
    ]
    return {ex.document.id[:3]: ex for ex in run(*documents)}


def _label(ref):
    return ref.label if ref is not None else None


def _matching(claims, relation, **fields):
    return [
        claim
        for claim in claims
        if claim.relation == relation
        and all(_label(getattr(claim, name)) == value for name, value in fields.items())
    ]


def test_evidence_is_the_document_text_at_its_offsets(seeds):
    for extraction in seeds.values():
        text = extraction.document.text
        for claim in extraction.claims:
            assert claim.text == text[claim.start : claim.end], claim
            assert claim.text and not claim.text[0].isspace() and not claim.text[-1].isspace()


def test_claims_are_well_formed(seeds):
    for extraction in seeds.values():
        ids = [claim.id for claim in extraction.claims]
        assert len(ids) == len(set(ids))
        assert len({claim.key() for claim in extraction.claims}) == len(extraction.claims)
        for claim in extraction.claims:
            assert claim.relation in RELATIONS and claim.doc_id == extraction.document.id
            assert 0.0 <= claim.confidence <= 1.0 and claim.rule
            for ref in (claim.subject, claim.object, claim.speaker):
                assert ref is None or ref.label.casefold() not in PRONOUNS


@pytest.mark.parametrize(
    ("seed", "relation", "fields", "polarity"),
    [
        # "The KRG has directly accused Iraq's Popular Mobilization Forces (PMF) ..."
        (
            "000",
            "ACCUSE",
            {"subject": "Kurdistan Regional Government", "object": "Popular Mobilization Forces"},
            "affirmed",
        ),
        # "Baghdad has denied the charge." : the capital stands for its government
        ("000", "DENY", {"subject": "Iraqi government"}, "affirmed"),
        # "No group has claimed responsibility ..."
        ("000", "CLAIM_RESPONSIBILITY", {"subject": None}, "negated"),
        # "... Masrour Barzani ... called on Kadhimi to hold those responsible accountable."
        ("004", "REQUEST", {"subject": "Masrour Barzani"}, "affirmed"),
    ],
)
def test_seed_claims(seeds, seed, relation, fields, polarity):
    found = _matching(seeds[seed].claims, relation, **fields)
    assert found, [(c.relation, _label(c.subject), _label(c.object)) for c in seeds[seed].claims]
    assert found[0].polarity == polarity


def test_seed_quote_speaker(seeds):
    quotes = [c for c in seeds["001"].claims if c.quote and "defense systems" in c.quote]
    assert quotes and _label(quotes[0].speaker) == "Falah Mustafa"


def test_seed_quotes_are_mostly_attributed(seeds):
    quotes = [c for ex in seeds.values() for c in ex.claims if c.quote]
    attributed = [c for c in quotes if c.speaker is not None]
    assert len(quotes) >= 40 and len(attributed) / len(quotes) >= 0.75


TWICE = (
    "Norway accused Sweden of breaking the fishing accord.\n"
    "Norway accused Sweden of breaking the fishing accord.\n"
)


def test_same_claim_twice_is_one_claim(run):
    (extraction,) = run(Document(id="twice", text=TWICE, source="test"))
    accusations = [c for c in extraction.claims if c.relation == "ACCUSE"]
    assert len(accusations) == 1


@lru_cache(maxsize=1)
def _piece_text():
    return "Some preface that is not parsed.\n" + TWICE.splitlines()[0]


def test_offset_indexes_the_document_text(nlp, registry):
    from extract.extractor import extract_doc

    text = _piece_text()
    offset = text.index("Norway")
    document = Document(id="piece", text=text, source="test")
    extraction = extract_doc(nlp(text[offset:]), document, registry, offset=offset)
    claims: list[Claim] = [c for c in extraction.claims if c.relation == "ACCUSE"]
    assert claims and claims[0].start == offset
    assert claims[0].text == text[claims[0].start : claims[0].end]
    assert all(m.start >= offset for m in extraction.mentions)


HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"


def test_heldout_gold_is_consistent():
    from extract.evaluation.gold import check_gold, load_gold

    assert check_gold(load_gold(HELDOUT / "gold.yaml"), HELDOUT / "docs") == []


def test_heldout_claims(nlp, registry):
    """The held-out texts (written for this test, never used to write rules) keep their
    claim scores: a floor under what was measured (P 0.80, R 0.79 on 2026-11-24, with the
    sixth text added before that day's third round of claim rules; P 0.86, R 0.85 after
    it), so a change that loses general coverage fails here."""
    from extract.evaluation.run import evaluate

    report = evaluate(HELDOUT / "gold.yaml", nlp=nlp, registry=registry, corpus=HELDOUT / "docs")
    claims = report.fields["claims"]
    assert claims.n_gold == 99
    assert claims.precision >= 0.78, claims
    assert claims.recall >= 0.78, claims
    assert report.fields["quote_speakers"].recall == 1.0
    assert report.figures["person_merges"] == 0
