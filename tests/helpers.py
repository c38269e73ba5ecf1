"""Helpers for tests that run the real ``brandstudio`` command."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Completed:
    """What a command printed and how it exited."""

    status: int
    stdout: str
    stderr: str


def run_command(args: Sequence[str | Path], cwd: Path | None = None) -> Completed:
    """Run ``python -m brandstudio ARGS...`` as a separate process."""
    result = subprocess.run(
        [sys.executable, "-m", "brandstudio", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Completed(result.returncode, result.stdout, result.stderr)


def gradient_photo(path: Path, size: tuple[int, int] = (2560, 1600)) -> Path:
    """A photo (JPEG q95 or PNG, by ``path``'s suffix) whose red grows with x and green with
    y (0 to 255 across it): where a pixel of a crop came from can be read off its colour."""
    import numpy as np
    from PIL import Image

    width, height = size
    pixels = np.empty((height, width, 3), np.uint8)
    pixels[..., 0] = np.linspace(0, 255, width).round().astype(np.uint8)[None, :]
    pixels[..., 1] = np.linspace(0, 255, height).round().astype(np.uint8)[:, None]
    pixels[..., 2] = 128
    Image.fromarray(pixels).save(path, quality=95, compress_level=1)
    return path
