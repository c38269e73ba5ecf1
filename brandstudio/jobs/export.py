"""The export job: the open template (or a template file) written at each chosen size.

``brandstudio render`` and the studio's Export run :func:`run_export`: the same names, the
same fingerprint in the output folder's journal (a re-export replaces its own files; a file
of another job gets ``-2``), the same atomic writer and the same ``report.json``. A few
files, so they are rendered in this process, one size after another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from PIL import Image

from brandstudio.batch.journal import OutputJournal, is_disk_full
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import BatchReport, ItemReport
from brandstudio.batch.runner import STOPPED_BY_USER, disk_full_stop, save_report
from brandstudio.batch.writer import write_output
from brandstudio.jobs.common import PlanError, check_output_folder, encode_output
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.render.export import EXTENSIONS, ImageFormat, split_slides
from brandstudio.render.naming import format_name, job_fingerprint, slide_stem

EXPORT_PATTERN: Final = "{template}_{preset}"
"""The default name of an exported file."""


RenderOne = Callable[[Preset | None], tuple[Image.Image, Sequence[str]]]
"""Renders the document at a preset (None: its canvas); returns the image and warnings."""


def export_name_values(stem: str, preset: Preset | None, template: Template) -> dict[str, object]:
    """The export name pattern's fields: {template}, {preset}, {width}, {height}."""
    width = preset.width if preset else template.canvas.width
    height = preset.height if preset else template.canvas.height
    return {
        "template": stem,
        "preset": preset.id if preset else f"{width}x{height}",
        "width": width,
        "height": height,
    }


@dataclass(frozen=True)
class ExportSettings:
    """One export of the open template: which sizes, how to encode and name them."""

    template: Template
    template_stem: str
    identity: str
    """What the template is (its file, else its name): a re-export replaces its own files."""
    content: Mapping[str, str]
    brand_folder: Path
    presets: tuple[Preset | None, ...]
    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None
    pattern: str = EXPORT_PATTERN


def export_fingerprint(settings: ExportSettings) -> str:
    """The export's identity in the journal (as ``brandstudio render`` builds it)."""
    return job_fingerprint(
        {
            "template": settings.identity,
            "content": dict(settings.content),
            "brand": str(settings.brand_folder),
            "format": settings.fmt,
            "quality": settings.quality,
            "max_kb": settings.max_kb,
            "name": settings.pattern,
        }
    )


def export_names(settings: ExportSettings) -> list[str]:
    """The file names the export would write, before suffixes (NamePatternError if unusable);
    a carousel's slides each get their own, ``…_01`` to ``…_NN``."""
    extension = EXTENSIONS[settings.fmt]
    count = settings.template.slides
    return [
        slide_stem(
            format_name(
                settings.pattern,
                export_name_values(settings.template_stem, preset, settings.template),
            ),
            k,
            count,
        )
        + extension
        for preset in settings.presets
        for k in range(1, count + 1)
    ]


def size_label(settings: ExportSettings, preset: Preset | None) -> str:
    """How the report names one size: ``"x-post (1600x900)"``."""
    values = export_name_values(settings.template_stem, preset, settings.template)
    return f"{values['preset']} ({values['width']}x{values['height']})"


def claim_outputs(
    settings: ExportSettings, preset: Preset | None, journal: OutputJournal
) -> list[Path]:
    """The paths of one size's files (a carousel: one per slide), claimed in ``journal``."""
    values = export_name_values(settings.template_stem, preset, settings.template)
    name = format_name(settings.pattern, values)
    count = settings.template.slides
    extension = EXTENSIONS[settings.fmt]
    return [
        journal.claim(PurePosixPath(slide_stem(name, k, count)), extension)
        for k in range(1, count + 1)
    ]


def open_export_journal(settings: ExportSettings, out: Path, *, overwrite: bool) -> OutputJournal:
    """The output folder's journal for an export (the folder made if need be), after the
    checks that fail before any file: no size chosen or a bad pattern (PlanError,
    NamePatternError), an unusable folder (PlanError); OSError when it cannot be made."""
    if not settings.presets:
        raise PlanError("choose at least one size")
    export_names(settings)  # a bad pattern fails here, before any file
    check_output_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    return OutputJournal(out, export_fingerprint(settings), overwrite=overwrite)


def run_export(
    settings: ExportSettings,
    out: Path,
    render_one: RenderOne,
    *,
    overwrite: bool = False,
    on_output: Callable[[Path], None] = lambda path: None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    stopping: Callable[[], bool] = lambda: False,
    save: bool = True,
) -> BatchReport:
    """Render, encode and write each preset in turn (no worker processes: a few files).

    Same semantics as the batch engine: paths claimed in the journal, atomic writes recorded
    with size and hash, another job's file never replaced (``-2``), report entries per preset,
    saved as report.json unless ``save`` is False (the demo campaign's many templates).
    Raises PlanError or NamePatternError before writing anything when the settings cannot work.
    """
    journal = open_export_journal(settings, out, overwrite=overwrite)
    reports: list[ItemReport] = []
    report = BatchReport(reports)
    total = len(settings.presets)
    on_progress(0, total)
    try:
        journal.remove_stale_temp_files()
        for done, preset in enumerate(settings.presets):
            label = size_label(settings, preset)
            if stopping():
                report.stopped = report.stopped or STOPPED_BY_USER
                reports.append(ItemReport(label, "failed", error="not done: the export stopped"))
                continue
            targets = claim_outputs(settings, preset, journal)
            item = ItemReport(label, "failed")
            reports.append(item)
            try:
                image, said = render_one(preset)
                written = []
                journal.pending("export", targets)
                for target, piece in zip(targets, split_slides(image, len(targets)), strict=True):
                    encoded = encode_output(piece, settings.fmt, settings.quality, settings.max_kb)
                    written.append((target, *write_output(target, encoded.data), encoded))
            except ItemError as error:
                item.error = error.reason
                if error.disk_full:
                    report.stopped = disk_full_stop(error.reason)
                    stopping = _always_stop
            except OSError as error:  # the journal's own writes
                item.error = str(error)
                if is_disk_full(error):
                    report.stopped = disk_full_stop(error)
                    stopping = _always_stop
            except Exception as error:  # a render that fails: this size fails, the rest go on
                item.error = str(error) or type(error).__name__
            else:
                item.status = "ok"
                item.warnings.extend(dict.fromkeys(said))
                for target, size, digest, encoded in written:
                    journal.done("export", target, size, digest)
                    item.outputs.append(str(target))
                    if settings.max_kb is not None:
                        item.notes.append(cap_note(encoded.quality, size, settings.max_kb))
                    on_output(target)
            on_progress(done + 1, total)
    finally:
        journal.remove_stale_temp_files()
        if save:
            report.saved_to = save_report(journal, report)
        journal.close()
    return report


def _always_stop() -> bool:
    return True


def cap_note(quality: int | None, size: int, max_kb: int) -> str:
    """The report's note on a file encoded under a size cap: the quality it took, its size."""
    shown = f"quality {quality}, " if quality is not None else ""
    return f"{shown}{size // 1024} KB (cap {max_kb} KB)"
