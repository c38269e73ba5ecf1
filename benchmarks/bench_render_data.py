"""Bulk renders at stamping speed: ``render contest --data ROWS.csv`` against ``stamp``.

Both are the real commands, start-up included, run as a user would (the render's per-row check
on, JPEG q90, 2 workers), on the same 12 MP phone photos at the same size (instagram-portrait,
1080x1350): one photo per row, each row with its own headline, details, badge and QR link.
Runs are interleaved; the best of ``BENCH_RENDER_DATA_REPEAT`` (default 3) counts. The target
(issue 19): rows/s at least TARGET x the stamp's photos/s.

Photos: the phone-like 4032x3024 photos of the stamp corpus (see corpus.py), each used twice
(copied: every row decodes its own file), or, without the corpus, synthesised ones.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageFilter

from benchmarks.corpus import corpus_folder

ROWS = 88
TARGET = 0.7
PRESET = "instagram-portrait"
QUALITY = 90
WORKERS = 2
HEADLINES = (
    "Выиграй годовой запас кофе",
    "Кофе на весь год — тебе",
    "Розыгрыш: кофемашина и зерно",
    "Угадай сорт и забери пачку",
)


def _photos(folder: Path) -> list[Path]:
    """ROWS photo files in folder: the corpus's phone photos, or synthesised ones."""
    found = corpus_folder()
    sources = sorted(found.glob("*-phone-*.jpg")) if found is not None else []
    if not sources:
        print("render --data bench: no corpus, synthesising 12 MP photos")
        sources = [_synthesise(folder / f"synth-{n}.jpg", n) for n in range(8)]
    photos = []
    for index in range(ROWS):
        source = sources[index % len(sources)]
        target = folder / f"p{index:03d}-{source.name}"
        shutil.copyfile(source, target)
        photos.append(target)
    return photos


def _synthesise(path: Path, seed: int) -> Path:
    """A 4000x3000 JPEG with photo-like detail (blurred noise), deterministic."""
    small = Image.effect_noise((500, 375), 64 + seed * 8).convert("RGB")
    small = Image.merge("RGB", [small.getchannel(0).rotate(90 * seed)] * 3) if seed % 2 else small
    base = small.resize((4000, 3000), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    base.save(path, quality=92)
    return path


def _write_rows(path: Path, photos: list[Path]) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["photo", "headline", "details", "badge", "qr_url"])
        for index, photo in enumerate(photos):
            writer.writerow(
                [
                    photo.name,
                    f"{HEADLINES[index % len(HEADLINES)]} №{index + 1}",
                    f"Подпишись и отметь друга. Итоги {index % 28 + 1} декабря",
                    "Конкурс" if index % 3 else "Приз",
                    f"https://vk.com/brandstudio_demo?row={index}",
                ]
            )


def _run(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    seconds = time.perf_counter() - started
    if done != 0:
        print(f"  warning: {' '.join(argv[2:5])} ... exited with {done}", file=sys.stderr)
    return seconds


def main() -> None:
    repeat = int(os.environ.get("BENCH_RENDER_DATA_REPEAT", "3"))
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "sheet"
        folder.mkdir()
        photos = _photos(folder)
        rows = folder / "rows.csv"
        _write_rows(rows, photos)
        python = sys.executable
        common = ["--preset", PRESET, "--quality", str(QUALITY), "--jobs", str(WORKERS)]
        stamp = [python, "-m", "brandstudio", "stamp", *map(str, photos), "--format", "jpeg"]
        render = [python, "-m", "brandstudio", "render", "contest", "--data", str(rows)]
        best = {"stamp": float("inf"), "render": float("inf")}
        for attempt in range(repeat):
            for name, argv in (("stamp", stamp), ("render", render)):
                out = Path(temp) / f"{name}-{attempt}"
                best[name] = min(best[name], _run([*argv, *common, "--out", str(out)]))
                written = sum(1 for path in out.iterdir() if path.suffix == ".jpg")
                if written != ROWS:
                    print(f"  warning: {name} wrote {written} of {ROWS} images", file=sys.stderr)
                shutil.rmtree(out)
        stamp_rate = ROWS / best["stamp"]
        render_rate = ROWS / best["render"]
        ratio = render_rate / stamp_rate
        print(
            f"render --data ({ROWS} rows, 12 MP photos, {PRESET}, check on, -j {WORKERS}):"
            f" {render_rate:6.1f} rows/s ({best['render']:.2f} s)"
        )
        print(
            f"stamp, the same photos, same size:{'':24} {stamp_rate:6.1f} photos/s"
            f" ({best['stamp']:.2f} s)"
        )
        verdict = "met" if ratio >= TARGET else "NOT met"
        print(f"render --data / stamp: {ratio:.2f}x (target >= {TARGET}x: {verdict})")


if __name__ == "__main__":
    main()
