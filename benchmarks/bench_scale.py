"""Scale: 100,000 spreadsheet rows through ``brandstudio render --data``, the client's memory
sampled all along, to show it stays flat while the rows are made.

The template is the photo-less contest protocol drawn at 64x64 without the per-row check, so
the figure is the engine's (planning, journal, pool, writer), not the renderer's. The real
command runs in a subprocess; its resident memory (``VmRSS`` of /proc/PID/status) is read
every half second with the number of files made. Printed: rows, seconds, rows per second,
the resident memory when the first files appear, at a quarter, half, three quarters and when
the last file is made ("end"), the peak after it (report.json being written), and the peak of
the whole run. Flat: from the first files to the end and through the report, the client grows
by at most ``FLAT_MB``, whatever the row count (docs/design/0021-flat-batch-memory.md).

``BENCH_SCALE_ROWS`` sets the row count (default 100,000); ``BENCH_SCALE_CLUSTER`` (e.g.
``local:2``) runs the same rows on a Dask cluster too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(os.environ.get("BENCH_SCALE_ROWS", "100000"))
SAMPLE_SECONDS = 0.5
FLAT_MB = 30
"""Growth from the first files to the end (report included) still called flat."""


def rss_mb(pid: int) -> float | None:
    """Resident memory of ``pid`` in MB (None once it has ended or off Linux)."""
    try:
        with Path(f"/proc/{pid}/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def made(out: Path) -> int:
    """How many JPEG files are in ``out``."""
    try:
        return sum(1 for entry in os.scandir(out) if entry.name.endswith(".jpg"))
    except FileNotFoundError:
        return 0


def run(rows: Path, out: Path, extra: list[str]) -> None:
    command = [sys.executable, "-m", "brandstudio", "render", "contest-protocol", "--data"]
    command += [str(rows), "--preset", "64x64", "--no-check", "--out", str(out), *extra]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples: list[tuple[int, float]] = []  # (files made, MB)
    while process.poll() is None:
        memory = rss_mb(process.pid)
        if memory is not None:
            samples.append((made(out), memory))
        time.sleep(SAMPLE_SECONDS)
    seconds = time.monotonic() - started
    _, stderr = process.communicate()
    if process.returncode != 0:
        print(f"  failed ({process.returncode}): {stderr.decode()[-400:]}")
        return
    running = [(done, memory) for done, memory in samples if done > 0]
    if not running:
        print("  too quick to sample")
        return

    def at(fraction: float) -> float:
        wanted = fraction * ROWS
        return next((memory for done, memory in running if done >= wanted), running[-1][1])

    peak = max(memory for _, memory in samples)
    first = running[0][1]
    end = next((memory for done, memory in running if done >= ROWS), running[-1][1])
    report = max((memory for done, memory in running if done >= ROWS), default=end)
    growth = max(end, report) - first
    label = " ".join(extra) or "local pool"
    print(
        f"  {label:<22} {ROWS} rows in {seconds:6.1f} s ({ROWS / seconds:6.0f} rows/s);"
        f" client RSS MB: first files {first:.0f}, 25% {at(0.25):.0f}, 50% {at(0.5):.0f},"
        f" 75% {at(0.75):.0f}, end {end:.0f}, peak while the report is written {report:.0f},"
        f" peak {peak:.0f}"
    )
    verdict = "flat" if growth <= FLAT_MB else "NOT flat"
    print(f"  {verdict}: {growth:+.1f} MB from the first files to the end (bound {FLAT_MB} MB)")


def main() -> None:
    print(f"scale: {ROWS} rows, contest-protocol at 64x64, no check")
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as folder:
        rows = Path(folder) / "rows.csv"
        lines = ["title", *(f"Протокол {n}" for n in range(ROWS))]
        rows.write_text("\n".join(lines), encoding="utf-8")
        run(rows, Path(folder) / "local", [])
        cluster = os.environ.get("BENCH_SCALE_CLUSTER", "")
        if cluster:
            run(rows, Path(folder) / "cluster", ["--cluster", cluster])


if __name__ == "__main__":
    main()
