"""What the finders read of a parsed doc again and again, built once per doc.

spaCy builds a new `Token` object at every `doc[i]` and at every step of `for token in
doc`; a dozen passes over each doc made about five million of them on the real-news
corpus, a fifth of the extraction's time. `tokens(doc)` is the doc's tokens built once
and kept in its `user_data`, with the doc's other per-doc caches (`per_doc`).
`release(doc)` drops the token list when extraction is done, so the doc serialises
again (msgpack cannot write a `Token`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_T = TypeVar("_T")

_TOKENS = "claimgraph.tokens"


def per_doc(doc: Doc, key: str, build: Callable[[], _T]) -> _T:
    """What `build` gives for `doc`, built at the first call and kept in its `user_data`."""
    cached = doc.user_data.get(key)
    if cached is None:
        cached = build()
        doc.user_data[key] = cached
    return cast("_T", cached)


def tokens(doc: Doc) -> list[Token]:
    """The tokens of `doc` in order, built once: `tokens(doc)[i]` is `doc[i]`."""
    return per_doc(doc, _TOKENS, lambda: list(doc))


def release(doc: Doc) -> None:
    """Drop `doc`'s token list (kept by `tokens`), which would stop it serialising."""
    doc.user_data.pop(_TOKENS, None)
