"""A progress line for long batches: count, percentage, rate and time left, on stderr."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


def format_duration(seconds: float) -> str:
    """Seconds as ``42 s``, ``3:07`` or ``1:02:03``."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}:{secs:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class Progress:
    """Counts finished items of ``total`` and shows a bar.

    On a terminal the bar redraws in place (at most ten times a second); into a file or pipe it
    prints a plain line at every tenth of the way, so logs stay short.
    """

    def __init__(
        self,
        total: int,
        *,
        unit: str = "photos",
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.done = 0
        self.unit = unit
        self._stream = stream if stream is not None else sys.stderr
        self._clock = clock
        self._start = clock()
        self._last_draw = 0.0
        self._last_tenth = 0
        self._interactive = bool(getattr(self._stream, "isatty", lambda: False)())
        self._drawn = False

    def rate(self) -> float:
        """Items per second so far (0 before the first one)."""
        elapsed = self._clock() - self._start
        return self.done / elapsed if elapsed > 0 and self.done else 0.0

    def seconds_left(self) -> float | None:
        """Estimated seconds to the end, None until there is a rate."""
        rate = self.rate()
        return (self.total - self.done) / rate if rate else None

    def line(self, width: int = 24) -> str:
        """The progress as text: bar, count, percentage, rate, time left."""
        fraction = self.done / self.total if self.total else 1.0
        filled = round(fraction * width)
        bar = "#" * filled + "-" * (width - filled)
        text = f"[{bar}] {self.done}/{self.total} {fraction:4.0%}"
        rate = self.rate()
        if rate:
            text += f" · {rate:.1f} {self.unit}/s"
        left = self.seconds_left()
        if left is not None and self.done < self.total:
            text += f" · {format_duration(left)} left"
        return text

    def advance(self, count: int = 1) -> None:
        """Count finished items and redraw when it is time."""
        self.done += count
        now = self._clock()
        if self._interactive:
            if now - self._last_draw >= 0.1 or self.done >= self.total:
                self._last_draw = now
                self._stream.write("\r" + self.line() + "\x1b[K")
                self._stream.flush()
                self._drawn = True
            return
        tenth = int(10 * self.done / self.total) if self.total else 10
        if tenth > self._last_tenth and self.total >= 20:
            self._last_tenth = tenth
            self._stream.write(self.line() + "\n")
            self._stream.flush()

    def finish(self) -> None:
        """End the bar's line so the next message starts on a new one."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False
