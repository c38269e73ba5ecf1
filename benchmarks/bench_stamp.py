"""Bulk stamping against libvips, ImageMagick and a naive Pillow loop, on real photos.

Job A "stamp": each photo -> centre cover crop 1080x1080 -> logo bottom-right -> JPEG q90.
Job B "six presets": each photo decoded once -> six cover crops, each with the logo, JPEG q90.

Every competitor runs 2 workers, places the same logo the same way (pre-scaled once per size)
and writes JPEG q90 with full-resolution chroma (4:4:4, libvips' and brandstudio's choice at
q >= 90; ImageMagick and Pillow are told so, for a like-for-like comparison). Rows: the real
``brandstudio stamp`` command (start-up included), the same pipeline in a process pool, naive
Pillow, libvips (pyvips) and ImageMagick ``convert``. Runs are interleaved; the median counts.
Quality: mean PSNR of the decoded outputs against a reference = full decode, EXIF transpose,
``ImageOps.fit`` LANCZOS, the same logo, not re-encoded.

``BENCH_STAMP_REPEAT`` sets the runs per competitor (default 3); a run over SLOW_RUN seconds
is not repeated (its noise is small next to its length), which keeps the whole bench near
10 minutes on 2 cores. The libvips rows need the bench extra:
``pip install -c requirements/constraints.txt -e '.[bench]'``; ImageMagick comes from Debian's
imagemagick package and the photos from plasma-workspace-wallpapers (see corpus.py).
"""

from __future__ import annotations

import io
import math
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from benchmarks.corpus import corpus_folder, corpus_photos

Size = tuple[int, int]

JOBS: dict[str, tuple[Size, ...]] = {
    "A stamp": ((1080, 1080),),
    "B six presets": (
        (1080, 1080),
        (1080, 1350),
        (1080, 1920),
        (1200, 630),
        (1280, 720),
        (1590, 400),
    ),
}
WORKERS = 2
QUALITY = 90
LOGO_SCALE = 0.18  # longer side of the logo, as a fraction of the output's shorter side
LOGO_MARGIN = 0.03  # gap to the bottom and right edges, same unit
TARGET_VS_VIPS = 1.2
TARGET_VS_MAGICK = 5.0
TARGET_PSNR = 41.0  # dB
SLOW_RUN = 20.0  # s
CONVERT = Path("/usr/bin/convert")
REPO = Path(__file__).resolve().parent.parent
DEMO_LOGO = REPO / "assets" / "brands" / "demo" / "logos" / "zerno-dark.png"

CLI_ROW = "brandstudio stamp (CLI, start-up incl.)"
POOL_ROW = "brandstudio pipeline (in-process pool)"
NAIVE_ROW = "naive Pillow (2 processes)"
VIPS_ROW = "libvips thumbnail (pyvips, 2 processes)"
MAGICK_ROW = "ImageMagick convert (2 in parallel)"
MAGICK_HINT_ROW = "ImageMagick + jpeg:size hint (2 in par.)"


# --- logo placement, shared by every competitor ------------------------------------------------


def logo_box(size: Size, logo_size: Size) -> tuple[Size, Size]:
    """(logo size, top-left corner) in px on an output of size: longer side LOGO_SCALE of the
    output's shorter side (aspect kept, rounded), LOGO_MARGIN from the bottom-right corner."""
    short = min(size)
    longest = round(LOGO_SCALE * short)
    width, height = logo_size
    if width >= height:
        scaled = (longest, max(1, round(height * longest / width)))
    else:
        scaled = (max(1, round(width * longest / height)), longest)
    margin = round(LOGO_MARGIN * short)
    return scaled, (size[0] - margin - scaled[0], size[1] - margin - scaled[1])


def scaled_logo(logo: Image.Image, size: Size) -> tuple[Image.Image, Size]:
    """The logo scaled (LANCZOS) for an output of size, and where its top-left corner goes."""
    scaled, corner = logo_box(size, logo.size)
    return logo.resize(scaled, Image.Resampling.LANCZOS), corner


def load_logo() -> Image.Image:
    """The demo logo without its transparent border: ``brandstudio stamp`` sizes a logo by its
    visible part, so every competitor does the same."""
    with Image.open(DEMO_LOGO) as image:
        logo = image.convert("RGBA")
    bounds = logo.getchannel("A").getbbox()
    return logo.crop(bounds) if bounds else logo


def output_name(photo: Path, size: Size) -> str:
    """How every competitor names its outputs (as ``brandstudio stamp`` does)."""
    return f"{photo.stem}_{size[0]}x{size[1]}.jpg"


# --- worker processes ----------------------------------------------------------------------------

_logos: dict[Size, tuple[Image.Image, Size]] = {}
_vips_logos: dict[Size, Any] = {}


def _init_worker() -> None:
    """Import what the worker needs before the clock starts (the logo is scaled lazily, once
    per size, which every competitor pays the same)."""
    import brandstudio.render.export
    import brandstudio.render.resample  # noqa: F401


def _init_naive_worker() -> None:
    """Nothing beyond Pillow, already imported with this module."""


def _init_vips_worker() -> None:
    import pyvips

    pyvips.cache_set_max(0)


def _pillow_logo(size: Size) -> tuple[Image.Image, Size]:
    if size not in _logos:
        _logos[size] = scaled_logo(load_logo(), size)
    return _logos[size]


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _warm(_: int) -> int:
    time.sleep(0.05)
    return _peak_kib()


def brandstudio_item(task: tuple[Path, tuple[Size, ...], Path]) -> int:
    """Our pipeline: decode once at the scale the sizes allow, fast cover crops, logo, JPEG."""
    from brandstudio.render.export import encode
    from brandstudio.render.resample import CoverSource

    path, sizes, out = task
    source = CoverSource.open(path, sizes)
    for size in sizes:
        image = source.cover(size)
        logo, corner = _pillow_logo(size)
        image.paste(logo, corner, logo)
        data = encode(image, "jpeg", QUALITY, progressive=False).data
        (out / output_name(path, size)).write_bytes(data)
    return _peak_kib()


def naive_item(task: tuple[Path, tuple[Size, ...], Path]) -> int:
    """What one writes first: full decode, exif_transpose, ImageOps.fit LANCZOS, paste, save."""
    path, sizes, out = task
    with Image.open(path) as opened:
        upright = ImageOps.exif_transpose(opened).convert("RGB")
    for size in sizes:
        fitted = ImageOps.fit(upright, size, Image.Resampling.LANCZOS)
        logo, corner = _pillow_logo(size)
        fitted.paste(logo, corner, logo)
        fitted.save(out / output_name(path, size), quality=QUALITY, subsampling="4:4:4")
    return _peak_kib()


def vips_item(task: tuple[Path, tuple[Size, ...], Path]) -> int:
    """libvips' own way: thumbnail (shrink-on-load, centre crop, auto-rotate), composite, save."""
    import pyvips

    path, sizes, out = task
    for width, height in sizes:
        image = pyvips.Image.thumbnail(str(path), width, height=height, crop="centre")
        if image.bands < 3:
            image = image.colourspace("srgb")
        logo, (x, y) = _vips_logo((width, height))
        stamped = image.composite2(logo, "over", x=x, y=y)[0:3].cast("uchar")
        stamped.jpegsave(str(out / output_name(path, (width, height))), Q=QUALITY)
    return _peak_kib()


def _vips_logo(size: Size) -> tuple[Any, Size]:
    import pyvips

    if size not in _vips_logos:
        logo, corner = _pillow_logo(size)
        buffer = io.BytesIO()
        logo.save(buffer, "PNG")
        _vips_logos[size] = (
            pyvips.Image.new_from_buffer(buffer.getvalue(), "").copy_memory(),
            corner,
        )
    image, corner = _vips_logos[size]
    return image, corner


def reference_psnrs(task: tuple[Path, tuple[Size, ...], dict[str, Path]]) -> dict[str, list[float]]:
    """PSNR (dB) of each competitor's outputs for one photo against the reference rendering."""
    path, sizes, folders = task
    with Image.open(path) as opened:
        upright = ImageOps.exif_transpose(opened).convert("RGB")
    scores: dict[str, list[float]] = {name: [] for name in folders}
    for size in sizes:
        reference = ImageOps.fit(upright, size, Image.Resampling.LANCZOS)
        logo, corner = _pillow_logo(size)
        reference.paste(logo, corner, logo)
        for name, folder in folders.items():
            output = folder / output_name(path, size)
            if output.is_file():
                with Image.open(output) as written:
                    scores[name].append(psnr(written.convert("RGB"), reference))
    return scores


def psnr(image: Image.Image, reference: Image.Image) -> float:
    """Peak signal-to-noise ratio in dB over all RGB samples (99 when identical; 0 when the
    sizes differ)."""
    import numpy as np

    if image.size != reference.size:
        return 0.0
    difference = np.asarray(image, dtype=np.float32) - np.asarray(reference, dtype=np.float32)
    mse = float(np.mean(difference * difference))
    return 99.0 if mse == 0 else 10 * math.log10(255 * 255 / mse)


# --- competitors ---------------------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_kib: int


@dataclass
class Competitor:
    """One row: how to run a whole job into a folder, and the runs measured so far."""

    name: str
    run: Callable[[tuple[Size, ...], Path], Measured]
    close: Callable[[], None] = lambda: None
    runs: list[Measured] = field(default_factory=list)
    outputs: Path | None = None
    psnrs: list[float] = field(default_factory=list)


def pool_competitor(
    name: str, item: Callable[[Any], int], photos: list[Path], initializer: Callable[[], None]
) -> Competitor:
    """Run item for every photo in a warm pool of WORKERS spawned processes."""
    pool: Pool = multiprocessing.get_context("spawn").Pool(WORKERS, initializer=initializer)
    pool.map(_warm, range(4 * WORKERS), chunksize=1)

    def run(sizes: tuple[Size, ...], out: Path) -> Measured:
        started = time.perf_counter()
        peaks = pool.map(item, [(path, sizes, out) for path in photos], chunksize=1)
        return Measured(time.perf_counter() - started, max(peaks))

    def close() -> None:
        pool.close()
        pool.join()

    return Competitor(name, run, close)


def run_commands(commands: Iterable[list[str]], parallel: int, env: dict[str, str]) -> Measured:
    """Run commands, at most parallel at a time; seconds in all and the largest peak RSS (KiB)
    of any of them (and of the processes each started)."""
    pending = list(commands)
    running: dict[int, list[str]] = {}
    peak = 0
    started = time.perf_counter()
    while pending or running:
        while pending and len(running) < parallel:
            argv = pending.pop(0)
            running[_spawn(argv, env)] = argv
        pid, status, usage = os.wait3(0)
        argv = running.pop(pid, [])
        if not argv:
            continue  # not ours
        if os.waitstatus_to_exitcode(status) != 0:
            print(f"  warning: {' '.join(argv[:5])} ... failed ({status})", file=sys.stderr)
        peak = max(peak, usage.ru_maxrss)
    return Measured(time.perf_counter() - started, peak)


def _spawn(argv: list[str], env: dict[str, str]) -> int:
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
    ]
    return os.posix_spawn(argv[0], argv, env, file_actions=actions)


def cli_competitor(corpus: Path, logo: Path) -> Competitor:
    def run(sizes: tuple[Size, ...], out: Path) -> Measured:
        presets = [arg for size in sizes for arg in ("--preset", f"{size[0]}x{size[1]}")]
        argv = [
            sys.executable, "-m", "brandstudio", "stamp", str(corpus), "--out", str(out),
            "--logo", str(logo), "--position", "bottom-right", "--scale", str(LOGO_SCALE),
            "--margin", str(LOGO_MARGIN), *presets, "--format", "jpeg",
            "--quality", str(QUALITY), "--jobs", str(WORKERS),
        ]  # fmt: skip
        return run_commands([argv], 1, dict(os.environ))

    return Competitor(CLI_ROW, run)


def magick_competitor(
    name: str, photos: list[Path], logos: dict[Size, Path], *, size_hint: bool
) -> Competitor:
    """One convert per photo (decoded once, every size cloned from it), 2 at a time, one thread
    each; with size_hint, libjpeg's DCT scaling via -define jpeg:size."""
    env = {**os.environ, "MAGICK_THREAD_LIMIT": "1"}

    def run(sizes: tuple[Size, ...], out: Path) -> Measured:
        commands = [_convert_argv(path, sizes, out, logos, size_hint=size_hint) for path in photos]
        return run_commands(commands, WORKERS, env)

    return Competitor(name, run)


def _convert_argv(
    photo: Path, sizes: Sequence[Size], out: Path, logos: dict[Size, Path], *, size_hint: bool
) -> list[str]:
    argv = [str(CONVERT)]
    if size_hint:
        width, height = _stored_size_needed(photo, sizes)
        argv += ["-define", f"jpeg:size={width}x{height}"]
    argv += [str(photo), "-auto-orient"]
    for size in sizes:
        geometry = f"{size[0]}x{size[1]}"
        margin = round(LOGO_MARGIN * min(size))  # from the bottom-right corner, as logo_box
        argv += [
            "(", "+clone", "-resize", f"{geometry}^", "-gravity", "center", "-extent", geometry,
            str(logos[size]), "-gravity", "southeast", "-geometry", f"+{margin}+{margin}",
            "-composite", "-sampling-factor", "1x1", "-quality", str(QUALITY),
            "-write", str(out / output_name(photo, size)), "+delete", ")",
        ]  # fmt: skip
    return [*argv, "null:"]


def _stored_size_needed(photo: Path, sizes: Sequence[Size]) -> Size:
    """The smallest stored (not turned) size from which every cover crop needs no enlarging."""
    with Image.open(photo) as image:
        width, height = image.size
        turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    upright = (height, width) if turned else (width, height)
    scale = max(max(w / upright[0], h / upright[1]) for w, h in sizes)
    needed = (math.ceil(upright[0] * scale), math.ceil(upright[1] * scale))
    return (needed[1], needed[0]) if turned else needed


# --- the run -------------------------------------------------------------------------------------


def main() -> None:
    folder = corpus_folder()
    photos = corpus_photos()
    if folder is None or not photos:
        return
    repeat = max(1, int(os.environ.get("BENCH_STAMP_REPEAT", "3")))
    with tempfile.TemporaryDirectory(prefix="brandstudio-bench-") as scratch:
        logos = _write_logos(Path(scratch))
        for job, sizes in JOBS.items():
            competitors = _competitors(folder, photos, logos, size_hint=len(sizes) == 1)
            try:
                _measure(competitors, sizes, Path(scratch) / job.split()[0], repeat)
                _score(competitors, photos, sizes)
            finally:
                for competitor in competitors:
                    competitor.close()
            _print_table(job, sizes, len(photos), repeat, competitors)


def _write_logos(folder: Path) -> dict[Size, Path]:
    """Each size's scaled logo as a PNG, for the competitors that read files."""
    logo = load_logo()
    paths = {}
    for size in {size for sizes in JOBS.values() for size in sizes}:
        path = folder / f"logo_{size[0]}x{size[1]}.png"
        scaled_logo(logo, size)[0].save(path)
        paths[size] = path
    return paths


def _competitors(
    corpus: Path, photos: list[Path], logos: dict[Size, Path], *, size_hint: bool
) -> list[Competitor]:
    """Every row that can run here. size_hint adds ImageMagick with -define jpeg:size (job A
    only: with six sizes the 1080x1920 crop needs most photos at full scale anyway)."""
    rows: list[Competitor] = []
    if _has_stamp_command():
        rows.append(cli_competitor(corpus, DEMO_LOGO))
    else:
        print("  `brandstudio stamp` is not available yet: its row is skipped")
    rows.append(pool_competitor(POOL_ROW, brandstudio_item, photos, _init_worker))
    rows.append(pool_competitor(NAIVE_ROW, naive_item, photos, _init_naive_worker))
    try:
        import pyvips  # noqa: F401
    except Exception as error:  # ImportError, or OSError when libvips itself is missing
        print(f"  pyvips is not usable ({error}): pip install pyvips pyvips-binary")
    else:
        rows.append(pool_competitor(VIPS_ROW, vips_item, photos, _init_vips_worker))
    if CONVERT.is_file():
        rows.append(magick_competitor(MAGICK_ROW, photos, logos, size_hint=False))
        if size_hint:
            rows.append(magick_competitor(MAGICK_HINT_ROW, photos, logos, size_hint=True))
    else:
        print(f"  {CONVERT} is missing: apt-get install imagemagick; its rows are skipped")
    return rows


def _has_stamp_command() -> bool:
    probe = [sys.executable, "-m", "brandstudio", "stamp", "--help"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def _measure(
    competitors: list[Competitor], sizes: tuple[Size, ...], scratch: Path, repeat: int
) -> None:
    """Interleaved runs: each round runs every competitor once, into a fresh folder (slow ones
    only in the first round)."""
    for round_number in range(repeat):
        for index, competitor in enumerate(competitors):
            if competitor.runs and competitor.runs[0].seconds > SLOW_RUN:
                continue
            out = scratch / f"{index}-{round_number}"
            out.mkdir(parents=True)
            competitor.runs.append(competitor.run(sizes, out))
            if competitor.outputs is not None:
                shutil.rmtree(competitor.outputs)
            competitor.outputs = out


def _score(competitors: list[Competitor], photos: list[Path], sizes: tuple[Size, ...]) -> None:
    """Every competitor's PSNRs against the reference, computed in WORKERS processes."""
    folders = {c.name: c.outputs for c in competitors if c.outputs is not None}
    tasks = [(path, sizes, folders) for path in photos]
    with multiprocessing.get_context("spawn").Pool(WORKERS) as pool:
        for scores in pool.imap_unordered(reference_psnrs, tasks):
            for competitor in competitors:
                competitor.psnrs.extend(scores.get(competitor.name, []))


def _print_table(
    job: str, sizes: tuple[Size, ...], photos: int, repeat: int, competitors: list[Competitor]
) -> None:
    names = ", ".join(f"{w}x{h}" for w, h in sizes)
    print(
        f"\njob {job}: {photos} photos -> {names}; {WORKERS} workers; "
        f"median of up to {repeat} interleaved runs; pools warm, the CLI from cold"
    )
    print(
        f"{'competitor':<42}{'photos/s':>9}{'s':>8}{'runs':>5}{'vs vips':>9}{'vs magick':>10}"
        f"{'RSS/worker':>12}{'PSNR dB':>9}{'min dB':>8}"
    )
    seconds = {c.name: statistics.median(run.seconds for run in c.runs) for c in competitors}
    vips, magick = seconds.get(VIPS_ROW), seconds.get(MAGICK_ROW)
    expected = photos * len(sizes)
    for competitor in competitors:
        s = seconds[competitor.name]
        peak_mib = max(run.peak_kib for run in competitor.runs) / 1024
        mean, low = _quality(competitor, expected)
        print(
            f"{competitor.name:<42}{photos / s:>9.1f}{s:>8.2f}{len(competitor.runs):>5}"
            f"{_ratio(vips, s):>9}"
            f"{_ratio(magick, s):>10}{peak_mib:>9.0f} MiB{mean:>9.2f}{low:>8.2f}"
        )
    for competitor in competitors:
        if competitor.name in (CLI_ROW, POOL_ROW):
            print(_verdict(competitor, seconds, expected))


def _quality(competitor: Competitor, expected: int) -> tuple[float, float]:
    """Mean and lowest PSNR; a missing output counts as 0 dB."""
    scores = competitor.psnrs + [0.0] * max(0, expected - len(competitor.psnrs))
    return statistics.fmean(scores), min(scores)


def _ratio(baseline: float | None, seconds: float) -> str:
    return "-" if baseline is None else f"{baseline / seconds:.2f}x"


def _verdict(competitor: Competitor, seconds: dict[str, float], expected: int) -> str:
    mine = seconds[competitor.name]
    checks = []
    if VIPS_ROW in seconds:
        checks.append((f">= {TARGET_VS_VIPS}x libvips", seconds[VIPS_ROW] / mine >= TARGET_VS_VIPS))
    if MAGICK_ROW in seconds:
        ratio = seconds[MAGICK_ROW] / mine
        checks.append((f">= {TARGET_VS_MAGICK:g}x ImageMagick", ratio >= TARGET_VS_MAGICK))
    checks.append((f"PSNR >= {TARGET_PSNR} dB", _quality(competitor, expected)[0] >= TARGET_PSNR))
    verdict = "PASS" if all(ok for _, ok in checks) else "FAIL"
    details = ", ".join(f"{label}: {'ok' if ok else 'no'}" for label, ok in checks)
    return f"  {verdict} {competitor.name}: {details}"
