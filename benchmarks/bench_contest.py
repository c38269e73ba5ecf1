"""A contest of 100,000 entrants (issue 17): reading, normalising and committing the list, then
the draw, against reading the same list with plain Python (``splitlines`` into a set). Seconds
and peak memory (tracemalloc, MiB) of each step; the aim is seconds, with memory a small
multiple of the list itself (the draw keeps only the winners and reserves in its heap)."""

from __future__ import annotations

import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from brandstudio.jobs.contest_draw import commit_contest, draw_contest
from brandstudio.jobs.contest_entrants import collect_entrants

ENTRANTS = 100_000
REPEATS = 5_000
"""Lines written twice in other forms (``@User``, a profile address): dropped as duplicates."""


def _write_list(path: Path) -> None:
    lines = [f"https://vk.com/id{n}" if n % 3 else f"user_{n}" for n in range(ENTRANTS)]
    lines += [f"@ID{n}" for n in range(1, 3 * REPEATS, 3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _measured(action: Callable[[], object]) -> tuple[float, float]:
    """Seconds and peak MiB of one call."""
    tracemalloc.start()
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak / (1024 * 1024)


def _line(name: str, figures: tuple[float, float]) -> None:
    seconds, mib = figures
    print(f"{name:<44} {seconds * 1000:9.1f} ms   peak {mib:7.1f} MiB")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-contest-") as temp:
        folder = Path(temp)
        listed = folder / "entrants.txt"
        _write_list(listed)

        def plain() -> object:
            return set(listed.read_text(encoding="utf-8").splitlines())

        def commit() -> object:
            entrants = collect_entrants([listed])
            assert len(entrants.ids) == ENTRANTS, len(entrants.ids)
            return commit_contest(entrants, folder / "contest")

        def draw() -> object:
            return draw_contest(folder / "contest", 10, 5, beacon="drand round 4521337")

        _line(f"plain Python: read {ENTRANTS:,} lines into a set", _measured(plain))
        _line("contest commit (read, normalise, write)", _measured(commit))
        _line("contest draw (10 winners, 5 reserves)", _measured(draw))


if __name__ == "__main__":
    main()
