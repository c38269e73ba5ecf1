"""The progress line: rate and time left from a controlled clock."""

from __future__ import annotations

import io

from brandstudio.batch.progress import Progress, format_duration


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rate_and_time_left() -> None:
    clock = Clock()
    stream = io.StringIO()
    progress = Progress(100, stream=stream, clock=clock)
    clock.now += 10
    progress.advance(25)
    assert progress.rate() == 2.5
    assert progress.line() == "[######------------------] 25/100  25% · 2.5 photos/s · 30 s left"


def test_a_log_gets_a_line_per_tenth() -> None:
    clock = Clock()
    stream = io.StringIO()
    progress = Progress(40, stream=stream, clock=clock)
    for _ in range(40):
        clock.now += 0.5
        progress.advance()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[-1].startswith("[########################] 40/40 100%")


def test_durations_read_naturally() -> None:
    assert [format_duration(s) for s in (4.4, 59.6, 187, 3723)] == [
        "4 s",
        "1:00",
        "3:07",
        "1:02:03",
    ]
