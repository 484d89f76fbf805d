"""Text signatures: a MinHash of a document's word shingles, to tell near-duplicate texts.

A syndicated wire story runs in several outlets with another headline, a byline, a
trimmed ending; counted as independent sources it would corroborate itself. Each
document's signature is computed once, when its graph is built (`kg.build`), and stored
on the document node (`cg:textSignature`, `cg:shingleCount`), so corroboration compares
stored signatures and never reads texts again.

The signature: the text's words (``\\w+``, lower-cased) in overlapping runs of
`SHINGLE_WORDS` (a text shorter than that is one shingle), hashed by `datasketch`'s
MinHash with `PERMUTATIONS` permutations of its "affine32" scheme and seed 1, stored as
base64 of the little-endian 32-bit hash values. Two texts are near-duplicates when
the estimated share of the smaller text's shingles found in the larger one
(containment, from the Jaccard estimate and both shingle counts) is at least
`NEAR_DUPLICATE`: a copy with a new headline, or cut to its first half, still counts as
a copy; two reports of the same event that share a quoted sentence do not.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

#: Words per shingle. Five words keep shared names and stock phrases ("the Popular
#: Mobilization Forces") from making independent reports look alike.
SHINGLE_WORDS = 5
#: MinHash permutations: the Jaccard estimate's standard error is below 0.045 (at 0.5).
PERMUTATIONS = 128
#: Lowest estimated containment of the smaller text in the larger for a near-duplicate.
NEAR_DUPLICATE = 0.6

_SCHEME = "affine32"
_SEED = 1
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    """A document's MinHash: base64 of its hash values, and how many shingles it hashed."""

    hashes: str
    shingles: int


def shingles(text: str) -> set[str]:
    """The distinct runs of `SHINGLE_WORDS` lower-cased words in `text` (fewer: one run)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


@cache
def _template() -> MinHash:
    """An empty MinHash, whose permutations every signature copies (drawn once)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME)


def signature(text: str) -> Signature:
    """Return the MinHash signature of `text` (see the module's docstring)."""
    import numpy as np

    runs = shingles(text)
    minhash = _template().copy()
    minhash.update_batch([run.encode("utf-8") for run in runs])
    values = np.asarray(minhash.hashvalues, dtype="<u4")
    return Signature(base64.b64encode(values.tobytes()).decode("ascii"), len(runs))


def _hash_values(sig: Signature):  # -> numpy array of uint32
    import numpy as np

    return np.frombuffer(base64.b64decode(sig.hashes), dtype="<u4")


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (datasketch's estimate).

    Raises:
        ValueError: the signatures are not of the same size (another `PERMUTATIONS`).
    """
    from datasketch import LeanMinHash

    first, second = (
        LeanMinHash(seed=_SEED, hashvalues=_hash_values(sig), scheme=_SCHEME) for sig in (a, b)
    )
    return float(first.jaccard(second))


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller text's shingles that the other text has too.

    From the Jaccard estimate J and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
    """
    if not a.shingles or not b.shingles:
        return 0.0
    similarity = jaccard(a, b)
    common = similarity * (a.shingles + b.shingles) / (1 + similarity)
    return min(1.0, common / min(a.shingles, b.shingles))


def near_duplicates(a: Signature, b: Signature) -> bool:
    """Whether two texts are copies of one text: containment at least `NEAR_DUPLICATE`."""
    try:
        return containment(a, b) >= NEAR_DUPLICATE
    except ValueError:  # signatures of another size cannot be compared: not copies
        return False
