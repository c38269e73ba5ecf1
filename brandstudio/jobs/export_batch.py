"""The studio's Export as a batch: one item per size, for a render cluster's workers.

:func:`brandstudio.jobs.export.run_export` renders the open template in the studio's own
process, one size after another. When a render cluster is configured, the Export dialog
plans the same export here instead and runs it through the batch engine
(:func:`brandstudio.batch.runner.run_batch`): the same names, the same fingerprint in the
output folder's journal (so a local export and a cluster one replace each other's files,
never a third job's: ``-2``), the same report entries and notes. The worker renders as the
studio's renderer does (photos decoded for the largest shipped preset, letters no font has
failing the file) and encodes as ``run_export`` does, so the files are byte-identical.

A size is skipped on a later run only when none of the files it reads has changed (its
resume key carries their identities): Cancel, then Export again, does the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from brandstudio.batch.journal import OutputJournal
from brandstudio.batch.pool import ItemError
from brandstudio.batch.report import ItemReport
from brandstudio.batch.runner import PlannedItem, PlannedItems, WorkResult, resume_or_plan
from brandstudio.batch.writer import write_output
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.common import (
    Plan,
    content_identity,
    encode_output,
    file_identity,
    folder_files,
    load_job_files,
    template_files,
)
from brandstudio.jobs.export import (
    ExportSettings,
    cap_note,
    claim_outputs,
    open_export_journal,
    size_label,
)
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.presets import load_presets
from brandstudio.render.assets import Assets, resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import ImageFormat, split_slides


@dataclass(frozen=True)
class ExportItem:
    """One size: the preset (None: the template's canvas) and its files (a carousel: one per
    slide, in order)."""

    preset: Preset | None
    targets: tuple[Path, ...]


@dataclass(frozen=True)
class ExportJob:
    """The template, brand, content and encoding of one export; loaded once per worker.

    ``template_path`` is a saved copy of the template; ``asset_presets`` the sizes its photos
    are decoded for (the studio decodes them once, for every shipped preset).
    """

    template_path: Path
    template_folder: Path
    brand_folder: Path
    content: Mapping[str, str] = field(default_factory=dict)
    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None
    asset_presets: tuple[Preset | None, ...] = (None,)

    def start(self) -> Callable[[ExportItem], WorkResult]:
        """Load template and brand, return the per-size function."""
        template, kit = load_job_files(self.template_path, self.brand_folder)
        resolved: list[Assets] = []  # once per worker, on the first size (as the studio's cache)

        def process(item: ExportItem) -> WorkResult:
            if not resolved:
                resolved.append(self._assets(template, kit))
            return self._make(template, resolved[0], item)

        return process

    def _assets(self, template: Template, kit: BrandKit) -> Assets:
        photos = {name for name, slot in template.slots.items() if slot.type == "image"}
        content = {name: value for name, value in self.content.items() if name in photos}
        try:
            return resolve_assets(template, content, kit, self.template_folder, self.asset_presets)
        except Exception as error:  # as run_export reports a size that cannot render
            raise ItemError(str(error) or type(error).__name__) from None

    def _make(self, template: Template, assets: Assets, item: ExportItem) -> WorkResult:
        try:
            rendered = render(
                template, self.content, assets, item.preset, allow_missing_glyphs=False
            )
            pieces = split_slides(rendered.image, len(item.targets))
            encoded = [encode_output(p, self.fmt, self.quality, self.max_kb) for p in pieces]
        except ItemError:
            raise
        except Exception as error:  # as run_export reports a size that cannot render
            raise ItemError(str(error) or type(error).__name__) from None
        outputs, notes = [], []
        for target, file in zip(item.targets, encoded, strict=True):
            size, digest = write_output(target, file.data)
            outputs.append((target, size, digest))
            if self.max_kb is not None:
                notes.append(cap_note(file.quality, size, self.max_kb))
        warnings = tuple(dict.fromkeys(rendered.warnings))
        return WorkResult(tuple(outputs), warnings, tuple(notes))


def studio_asset_presets(presets: Sequence[Preset | None]) -> tuple[Preset | None, ...]:
    """The sizes the studio's renderer decodes a template's photos for: the canvas, every
    shipped preset, and any other size asked for."""
    shipped: list[Preset | None] = [None, *load_presets()]
    return (*shipped, *(p for p in presets if p not in shipped))


def content_photos(template: Template, content: Mapping[str, str]) -> dict[str, Path]:
    """The photo files the content puts into the template's image slots (those that exist),
    by slot."""
    paths = {
        name: Path(content[name])
        for name, slot in sorted(template.slots.items())
        if slot.type == "image" and content.get(name)
    }
    return {name: path for name, path in paths.items() if path.is_file()}


def plan_export(
    settings: ExportSettings,
    template_path: Path,
    template_folder: Path,
    out: Path,
    *,
    overwrite: bool = False,
) -> Plan:
    """One item per size, named and claimed as :func:`run_export` does.

    ``template_path``: ``settings.template`` saved (the workers load it). Raises PlanError or
    NamePatternError before anything is written when the settings cannot work; OSError when
    the folder cannot be made.
    """
    journal = open_export_journal(settings, out, overwrite=overwrite)
    try:
        inputs = _inputs_digest(settings, template_path, template_folder)
        items = PlannedItems(_plan_size(settings, p, journal, inputs) for p in settings.presets)
    except BaseException:
        journal.close()
        raise
    job = ExportJob(
        template_path,
        template_folder,
        settings.brand_folder,
        dict(settings.content),
        settings.fmt,
        settings.quality,
        settings.max_kb,
        studio_asset_presets(settings.presets),
    )
    return Plan(items, job, journal)


def _plan_size(
    settings: ExportSettings, preset: Preset | None, journal: OutputJournal, inputs: str
) -> PlannedItem:
    label = size_label(settings, preset)
    targets = tuple(claim_outputs(settings, preset, journal))
    payload = ExportItem(preset, targets)
    item = PlannedItem(ItemReport(label, "failed"), f"{label}|{inputs}", payload)
    item.targets = targets
    resume_or_plan(journal, item)
    return item


def _inputs_digest(settings: ExportSettings, template_path: Path, template_folder: Path) -> str:
    """What the pictures are made of: the template's bytes and the identity (size, time) of
    every file it reads (those a cluster's workers are sent), so a size whose inputs changed
    is made again."""
    template = settings.template
    files = [
        *template_files(template, template_folder),
        *content_photos(template, settings.content).values(),
        *folder_files(settings.brand_folder),
    ]
    identities = [content_identity(template_path), *(file_identity(path) for path in files)]
    return hashlib.sha256("\n".join(identities).encode("utf-8")).hexdigest()[:16]
