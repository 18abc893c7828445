"""Candidate pairs by MinHash and locality-sensitive hashing (LSH), with datasketch.

Each groupable claim gets a MinHash signature of its terms, cut into bands; two claims
sharing any band are a candidate pair, which `compare.relation` then judges. The
signature is datasketch's own MinHash (its permutations and hash, legacy scheme),
computed for a whole batch of claims at once with numpy: one `MinHash` object per claim
costs 35 µs, the batch a few. The band layout (how many bands of how many rows) is
datasketch's optimum for the Jaccard threshold below.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import numpy as np

NUM_PERM = 24
THRESHOLD = 0.3  # candidates from about this Jaccard similarity of the terms on
SEED = 1
SCHEME = "legacy"
MERSENNE_PRIME = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)
# Band keys are packed per band from the band's rows: random odd multipliers, so that
# equal rows give equal keys and unequal rows almost never do.
_PACK = np.random.RandomState(SEED).randint(1, 1 << 62, size=NUM_PERM, dtype=np.int64).astype(
    np.uint64
) * np.uint64(2) + np.uint64(1)


@cache
def band_layout() -> tuple[int, int]:
    """(bands, rows per band) that datasketch chooses for `THRESHOLD` and `NUM_PERM`."""
    from datasketch import MinHashLSH  # imported when a load first needs it: it is slow to import

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


@cache
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's permutations for our seed and size."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    a, b = template.permutations
    return np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)


@lru_cache(maxsize=500_000)
def term_hash(term: str) -> int:
    """datasketch's default 32-bit hash of a term."""
    from datasketch.hashfunc import sha1_hash32

    return int(sha1_hash32(term.encode("utf-8")))


def signatures(term_sets: Sequence[frozenset[str]]) -> np.ndarray:
    """MinHash values (one row of `NUM_PERM` per non-empty term set), as datasketch's."""
    lengths = np.fromiter((len(terms) for terms in term_sets), dtype=np.int64, count=len(term_sets))
    if not len(term_sets):
        return np.zeros((0, NUM_PERM), dtype=np.uint64)
    if (lengths == 0).any():
        raise ValueError("every term set needs at least one term")
    hashes = np.fromiter(
        (term_hash(term) for terms in term_sets for term in sorted(terms)),
        dtype=np.uint64,
        count=int(lengths.sum()),
    )
    a, b = permutations()
    permuted = np.bitwise_and((hashes[:, None] * a + b) % MERSENNE_PRIME, MAX_HASH)
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    return np.minimum.reduceat(permuted, starts, axis=0)


def band_keys(values: np.ndarray) -> np.ndarray:
    """One 64-bit key per band and claim: (claims, bands), equal keys for equal bands."""
    bands, rows = band_layout()
    keys = np.zeros((values.shape[0], bands), dtype=np.uint64)
    for band in range(bands):
        block = values[:, band * rows : (band + 1) * rows]
        packed = (block * _PACK[band * rows : (band + 1) * rows]).sum(axis=1, dtype=np.uint64)
        keys[:, band] = packed ^ np.uint64(band)  # no two bands share a key by construction
    return keys


def keys_of(term_sets: Sequence[frozenset[str]]) -> np.ndarray:
    """The band keys of each term set."""
    return band_keys(signatures(term_sets))
