"""The QR mask choice in numpy: the same pattern the ``qrcode`` package picks, ~5x faster.

A QR code's data modules are XORed with one of 8 mask patterns; the encoder picks the one
whose symbol scores the fewest penalty points (ISO/IEC 18004, 7.8.3: runs of one colour,
2x2 blocks, finder-like 1:1:3:1:1 runs, the dark share). ``qrcode`` builds the symbol 8 times
and scores each with Python loops (~10 ms for a link, on every row of a bulk render). Here the
symbol is built once, the 8 variants are made by XOR on arrays and scored with the package's
own rules (its ``util.lost_point``, whose skips never change the count), so the choice, and so
every drawn code, stays the package's.
"""

from __future__ import annotations

import functools
from typing import Any, Final

import numpy as np
import qrcode
from numpy.typing import NDArray

Modules = NDArray[np.bool_]

_FINDER_LIKE: Final = (
    np.array([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0], dtype=bool),
    np.array([0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 1], dtype=bool),
)
_FINDER_CODES: Final = tuple(int("".join(str(int(bit)) for bit in run), 2) for run in _FINDER_LIKE)


class MaskProbe(qrcode.QRCode):  # type: ignore[misc]  # qrcode has no type hints
    """A ``QRCode`` that remembers which modules hold data (None before ``map_data``)."""

    data_modules: Modules | None = None

    def map_data(self, data: Any, mask_pattern: int) -> None:
        if self.data_modules is None:
            self.data_modules = np.array(
                [[cell is None for cell in row] for row in self.modules], dtype=bool
            )
        super().map_data(data, mask_pattern)


@functools.lru_cache(maxsize=8)
def mask_patterns(count: int) -> Modules:
    """The 8 mask patterns on a ``count`` x ``count`` symbol, (8, count, count): True flips."""
    i, j = np.indices((count, count))
    patterns = np.stack(
        [
            (i + j) % 2 == 0,
            i % 2 == 0,
            j % 3 == 0,
            (i + j) % 3 == 0,
            (i // 2 + j // 3) % 2 == 0,
            (i * j) % 2 + (i * j) % 3 == 0,
            ((i * j) % 2 + (i * j) % 3) % 2 == 0,
            ((i * j) % 3 + (i + j) % 2) % 2 == 0,
        ]
    )
    patterns.flags.writeable = False  # shared by every code of this size
    return patterns


def best_symbol(probe: MaskProbe) -> Modules:
    """The finished symbol (True = dark, no quiet zone) for ``probe``, whose version is
    fitted: masked with the lowest-penalty pattern (the first of equals, as
    ``QRCode.best_mask_pattern`` chooses), its format (and version) information written by
    the package itself, exactly what ``QRCode.make`` would build."""
    probe.data_modules = None
    probe.makeImpl(True, 0)  # type info left light, as the package scores its candidates
    data = probe.data_modules
    assert data is not None
    masked = np.array(probe.modules, dtype=bool)
    patterns = mask_patterns(len(masked))
    plain = masked ^ (patterns[0] & data)
    candidates = plain ^ (patterns & data)
    best = int(np.argmin(penalties(candidates)))  # the first of equal minima
    probe.setup_type_info(False, best)  # only format modules: never a data module
    if probe.version >= 7:
        probe.setup_type_number(False)
    symbol = np.array(probe.modules, dtype=bool)
    symbol[data] = candidates[best][data]
    return symbol


def penalties(symbols: Modules) -> NDArray[np.int64]:
    """Penalty points of each symbol in ``symbols`` (k, n, n), as ``qrcode.util.lost_point``
    counts them (its loops skip only what cannot score)."""
    across = np.swapaxes(symbols, 1, 2)
    return (
        _runs(symbols)
        + _runs(across)
        + _blocks(symbols)
        + _finder_like(symbols)
        + _finder_like(across)
        + _dark_share(symbols)
    )


def _runs(symbols: Modules) -> NDArray[np.int64]:
    """Each run of 5 or more modules of one colour along a row scores its length - 2."""
    k, n, _ = symbols.shape
    values = np.full((k, n, n + 1), 2, np.int8)  # a border after each row ends its last run
    values[:, :, :n] = symbols
    flat = values.reshape(k, -1)
    change = np.ones((k, flat.shape[1]), dtype=bool)  # True: a run starts here
    change[:, 1:] = flat[:, 1:] != flat[:, :-1]
    symbol, start = np.nonzero(change)
    ends = np.append(start[1:], flat.shape[1])  # the next start of the same symbol, or the end
    last = np.append(symbol[1:] != symbol[:-1], True)
    ends[last] = flat.shape[1]
    lengths = ends - start
    score = np.where(lengths >= 5, lengths - 2, 0)
    return np.bincount(symbol, weights=score, minlength=k).astype(np.int64)


def _blocks(symbols: Modules) -> NDArray[np.int64]:
    """Each 2x2 block of one colour scores 3."""
    top_left, top_right = symbols[:, :-1, :-1], symbols[:, :-1, 1:]
    low_left, low_right = symbols[:, 1:, :-1], symbols[:, 1:, 1:]
    same = (top_left == top_right) & (top_left == low_left) & (top_left == low_right)
    counts: NDArray[np.int64] = same.sum(axis=(1, 2), dtype=np.int64)
    return 3 * counts


def _finder_like(symbols: Modules) -> NDArray[np.int64]:
    """Each 1:1:3:1:1 run with 4 light modules before or after, along a row, scores 40."""
    width = symbols.shape[2] - len(_FINDER_LIKE[0]) + 1
    if width < 1:
        return np.zeros(len(symbols), np.int64)
    code = np.zeros((*symbols.shape[:2], width), np.int32)  # each window's 11 modules as bits
    for offset in range(len(_FINDER_LIKE[0])):
        code = (code << 1) | symbols[:, :, offset : offset + width]
    found = (code == _FINDER_CODES[0]) | (code == _FINDER_CODES[1])
    counts: NDArray[np.int64] = found.sum(axis=(1, 2), dtype=np.int64)
    return 40 * counts


def _dark_share(symbols: Modules) -> NDArray[np.int64]:
    """10 points for every whole 5% the dark share departs from 50%."""
    count = symbols.shape[1] ** 2
    dark = symbols.sum(axis=(1, 2))
    return np.array([int(abs(float(d) / count * 100 - 50) / 5) * 10 for d in dark], np.int64)
