"""The LSH band index a load searches: every stored claim's band keys, in numpy arrays.

Per band, the keys of all claims stored before the load sit in one sorted array; claims
the load adds go to a small unsorted part that is folded in now and then. A lookup
finds, per band, the few most recent claims with an equal key, so a bucket of a
thousand claims costs a handful of candidates, not a thousand.
"""

from __future__ import annotations

import numpy as np

PER_BUCKET = 3  # candidates taken from one bucket of equal keys, the most recent first
FOLD_AT = 50_000  # claims in the unsorted part before it is folded into the sorted one


class BandIndex:
    """Key ids by band key, for one load."""

    def __init__(self, ids: np.ndarray, keys: np.ndarray) -> None:
        self.bands = keys.shape[1]
        self.sorted_keys: list[np.ndarray] = []
        self.sorted_ids: list[np.ndarray] = []
        for band in range(self.bands):
            order = np.argsort(keys[:, band], kind="stable")
            self.sorted_keys.append(keys[order, band])
            self.sorted_ids.append(ids[order])
        self.new_ids: list[np.ndarray] = []
        self.new_keys: list[np.ndarray] = []
        self.unsorted = 0

    def add(self, ids: np.ndarray, keys: np.ndarray) -> None:
        """Index claims the load has written."""
        self.new_ids.append(ids)
        self.new_keys.append(keys)
        self.unsorted += len(ids)
        if self.unsorted >= FOLD_AT:
            self.fold()

    def fold(self) -> None:
        """Merge the unsorted part into the sorted arrays."""
        if not self.new_ids:
            return
        ids, keys = np.concatenate(self.new_ids), np.concatenate(self.new_keys)
        for band in range(self.bands):
            all_keys = np.concatenate([self.sorted_keys[band], keys[:, band]])
            all_ids = np.concatenate([self.sorted_ids[band], ids])
            order = np.argsort(all_keys, kind="stable")
            self.sorted_keys[band], self.sorted_ids[band] = all_keys[order], all_ids[order]
        self.new_ids, self.new_keys, self.unsorted = [], [], 0

    def lookup(self, keys: np.ndarray) -> list[set[int]]:
        """For each row of band keys, the ids of claims sharing a band with it."""
        found: list[set[int]] = [set() for _ in range(len(keys))]
        new_ids = np.concatenate(self.new_ids) if self.new_ids else None
        new_keys = np.concatenate(self.new_keys) if self.new_keys else None
        for band in range(self.bands):
            column = keys[:, band]
            ordered = self.sorted_keys[band]
            ends = np.searchsorted(ordered, column, side="right")
            starts = np.maximum(np.searchsorted(ordered, column, side="left"), ends - PER_BUCKET)
            for row in np.flatnonzero(ends > starts).tolist():
                found[row].update(self.sorted_ids[band][starts[row] : ends[row]].tolist())
            if new_keys is not None and new_ids is not None:
                self._lookup_new(column, new_keys[:, band], new_ids, found)
        return found

    @staticmethod
    def _lookup_new(
        column: np.ndarray, new_keys: np.ndarray, new_ids: np.ndarray, found: list[set[int]]
    ) -> None:
        order = np.argsort(new_keys, kind="stable")
        ordered, ids = new_keys[order], new_ids[order]
        ends = np.searchsorted(ordered, column, side="right")
        starts = np.maximum(np.searchsorted(ordered, column, side="left"), ends - PER_BUCKET)
        for row in np.flatnonzero(ends > starts).tolist():
            found[row].update(ids[starts[row] : ends[row]].tolist())
