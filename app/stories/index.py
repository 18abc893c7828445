"""The LSH band index a load searches: every stored claim's band keys, in numpy arrays.

Per band, the keys of all claims stored before the load sit in one sorted array; claims
the load adds go into a second, small sorted array that is folded into the first now
and then. A lookup
finds, per band, the few most recent claims with an equal key, so a bucket of a
thousand claims costs a handful of candidates, not a thousand.
"""

from __future__ import annotations

import numpy as np

PER_BUCKET = 2  # candidates taken from one bucket of equal keys, the most recent first
FOLD_AT = 200_000  # claims in the small part before it is folded into the large one


class BandIndex:
    """Key ids by band key, for one load: a large sorted part and a small sorted part."""

    def __init__(self, ids: np.ndarray, keys: np.ndarray) -> None:
        self.bands = keys.shape[1]
        self.sorted_keys: list[np.ndarray] = []
        self.sorted_ids: list[np.ndarray] = []
        for band in range(self.bands):
            order = np.argsort(keys[:, band], kind="stable")
            self.sorted_keys.append(keys[order, band])
            self.sorted_ids.append(ids[order])
        self.new_keys = [np.zeros(0, dtype=np.uint64) for _ in range(self.bands)]
        self.new_ids = [np.zeros(0, dtype=np.int64) for _ in range(self.bands)]

    def add(self, ids: np.ndarray, keys: np.ndarray) -> None:
        """Index claims the load has written (into the small part, kept sorted)."""
        for band in range(self.bands):
            order = np.argsort(keys[:, band], kind="stable")
            column, column_ids = keys[order, band], ids[order]
            at = np.searchsorted(self.new_keys[band], column, side="right")
            self.new_keys[band] = np.insert(self.new_keys[band], at, column)
            self.new_ids[band] = np.insert(self.new_ids[band], at, column_ids)
        if len(self.new_ids[0]) >= FOLD_AT:
            self.fold()

    def fold(self) -> None:
        """Merge the small part into the large one."""
        for band in range(self.bands):
            at = np.searchsorted(self.sorted_keys[band], self.new_keys[band], side="right")
            self.sorted_keys[band] = np.insert(self.sorted_keys[band], at, self.new_keys[band])
            self.sorted_ids[band] = np.insert(self.sorted_ids[band], at, self.new_ids[band])
            self.new_keys[band] = self.new_keys[band][:0]
            self.new_ids[band] = self.new_ids[band][:0]

    def lookup(self, keys: np.ndarray) -> list[set[int]]:
        """For each row of band keys, the ids of claims sharing a band with it."""
        found: list[set[int]] = [set() for _ in range(len(keys))]
        for band in range(self.bands):
            column = keys[:, band]
            for ordered, ids in (
                (self.sorted_keys[band], self.sorted_ids[band]),
                (self.new_keys[band], self.new_ids[band]),
            ):
                ends = np.searchsorted(ordered, column, side="right")
                starts = np.maximum(
                    np.searchsorted(ordered, column, side="left"), ends - PER_BUCKET
                )
                for row in np.flatnonzero(ends > starts).tolist():
                    found[row].update(ids[starts[row] : ends[row]].tolist())
        return found
