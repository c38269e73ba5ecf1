"""A set of file names in about 16 bytes a name: the names one batch has claimed.

A batch claims a name for every output before it starts, and must never hand one out twice;
for 500,000 rows a Python set of the names would hold ~60 MB. :class:`NameSet` keeps a 64-bit
BLAKE2b digest of each name in an open-addressing table (an ``array`` of integers, at most
half full). Two different names share a digest with odds near n²/2⁶⁵ (10⁻⁸ for a million
names); then the second is taken for used and gets the next free suffix (``-2``): a harmless
name, never an overwrite.
"""

from __future__ import annotations

import hashlib
from array import array
from typing import Final

_FIRST_SLOTS: Final = 1024


def _digest(name: str) -> int:
    """The name's 64-bit digest; never 0 (0 marks an empty slot)."""
    data = name.encode("utf-8", "surrogatepass")
    value = int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
    return value or 1


class NameSet:
    """Names added once, asked about often; nothing is ever removed."""

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * _FIRST_SLOTS))
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return self._find(_digest(name))[1]

    def add(self, name: str) -> None:
        """Hold ``name`` (nothing happens when it is held already)."""
        key = _digest(name)
        place, found = self._find(key)
        if found:
            return
        self._slots[place] = key
        self._count += 1
        if 2 * self._count > len(self._slots):
            self._grow()

    def _find(self, key: int) -> tuple[int, bool]:
        """Where ``key`` is (True), or the empty slot where it would go (False)."""
        slots = self._slots
        mask = len(slots) - 1
        place = key & mask
        while True:
            held = slots[place]
            if held == key:
                return place, True
            if held == 0:
                return place, False
            place = (place + 1) & mask

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(16 * len(old)))
        mask = len(self._slots) - 1
        for key in old:
            if key:
                place = key & mask
                while self._slots[place]:
                    place = (place + 1) & mask
                self._slots[place] = key
