"""`kg eval`: run the extractor over a gold set and score it.

A gold YAML file or a folder of them (`extract.evaluation.gold`) is scored by
`extract.evaluation.annotated`; a JSONL file of `../shared/eval/` by
`extract.evaluation.public`, which recognises the set by its records.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from extract.evaluation.annotated import find_corpus, score_gold, seed_documents
from extract.evaluation.gold import load_gold
from extract.evaluation.public import evaluate_public

if TYPE_CHECKING:
    from spacy.language import Language

    from extract.actors.registry import Registry
    from extract.evaluation.scores import Report


def evaluate(
    gold: Path,
    *,
    nlp: Language,
    registry: Registry,
    corpus: Path | None = None,
    details: bool = False,
) -> Report:
    """Run the extractor over what `gold` describes and score it.

    A `.yaml`/`.yml` file, or a folder of them, is annotated gold (articles read from
    `corpus`, else from the gold's own `corpus` entry); a `.jsonl` file is one of the
    public sets in `shared/eval/`, recognised by its records. `details` (annotated gold
    only) lists misses and unmatched predictions in `figures`.

    Raises:
        EvaluationError: for an unreadable or unrecognised gold file.
    """
    from extract.nlp.pipeline import extract_documents

    gold = Path(gold)
    if gold.is_dir() or gold.suffix in (".yaml", ".yml"):
        annotated = load_gold(gold)
        documents = seed_documents(annotated, find_corpus(gold, annotated, corpus))
        results = extract_documents(documents, nlp=nlp, registry=registry)
        return score_gold(
            annotated, results, name=gold.name, details=details, registry_ids=registry.entries
        )
    return evaluate_public(gold, nlp=nlp, registry=registry)
