"""Timing helpers: best-of-N medians so a busy machine disturbs the figures less."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def measure(action: Callable[[], object], repeat: int = 7, number: int = 20) -> float:
    """Median seconds per call of ``action`` over ``repeat`` rounds of ``number`` calls."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            action()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def report(name: str, seconds: float, baseline_name: str, baseline: float) -> None:
    """One line: the figure, the baseline, and their ratio."""
    print(
        f"{name:<38} {seconds * 1000:9.3f} ms   "
        f"{baseline_name}: {baseline * 1000:8.3f} ms   ratio {seconds / baseline:6.1f}x"
    )
