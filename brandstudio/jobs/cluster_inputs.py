"""What each job's items read from disk, so a cluster's workers get the bytes instead.

A cluster worker sees none of this computer's files. For every job that can run on a cluster,
a Shipping (:class:`brandstudio.batch.cluster.Shipping`) lists the job's own files (a
template, its sample photos and logos, the brand's folder with its fonts and logos: sent once
to every worker) and each item's files (a row's photos, a photo to stamp or slice: sent with
the item), then rebuilds the job and its items with the workers' copies
(``dataclasses.replace``). The job code itself is unchanged. Bundled fonts and starter
templates come with the installed package, the same version everywhere.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.batch.cluster import ClusterError, Shipping
from brandstudio.batch.pool import Job
from brandstudio.fileformat import FormatError, load_template
from brandstudio.jobs.common import folder_files, template_files
from brandstudio.jobs.export_batch import ExportJob, content_photos
from brandstudio.jobs.merge import MergeItem, MergeJob, RowContent
from brandstudio.jobs.plan import PlanJob
from brandstudio.jobs.slice import SliceItem, SliceJob
from brandstudio.jobs.stamp import LogoSpec, StampItem, StampJob
from brandstudio.model.template import Template

Moved = Callable[[Path], Path]
FilePair = tuple[Path, Path]


def shipping_for(job: Job) -> Shipping:
    """The Shipping of ``job``; ClusterError for a kind of job that cannot run on a cluster."""
    if isinstance(job, MergeJob):
        return MergeShipping.of(job)
    if isinstance(job, PlanJob):
        return PlanShipping.of(job)
    if isinstance(job, ExportJob):
        return ExportShipping.of(job)
    if isinstance(job, StampJob):
        return StampShipping(job)
    if isinstance(job, SliceJob):
        return SliceShipping(job)
    raise ClusterError(f"a {type(job).__name__} cannot run on a cluster")


def _folder_files(folder: Path) -> Iterator[FilePair]:
    return ((folder, path) for path in folder_files(folder))


def _named_files(template: Template, folder: Path) -> tuple[Path, ...]:
    """The files the template names in its folder (samples, logo files), inside it."""
    inside = folder.resolve()
    return tuple(p for p in template_files(template, folder) if p.resolve().is_relative_to(inside))


def _file(path: Path) -> FilePair:
    return path.parent, path


@dataclass(frozen=True)
class MergeShipping:
    """A data merge: the template file, its samples and own logos, the brand folder; per row,
    the photos of its image slots."""

    job: MergeJob
    image_slots: frozenset[str]
    named: tuple[Path, ...]
    """Files the template names in its folder (samples, logo files)."""

    @classmethod
    def of(cls, job: MergeJob) -> MergeShipping:
        """Read the template once, here, to learn its image slots and the files it names."""
        try:
            template = load_template(job.template_path).template
        except FormatError as error:
            raise ClusterError(error.describe()) from None
        slots = frozenset(name for name, slot in template.slots.items() if slot.type == "image")
        return cls(job, slots, _named_files(template, job.template_folder))

    def job_files(self) -> Sequence[FilePair]:
        """Template, the files it names, and the brand's folder."""
        job = self.job
        pairs = [_template_file(job.template_path, job.template_folder)]
        pairs += [(job.template_folder, path) for path in self.named]
        pairs.extend(_folder_files(job.brand_folder))
        return pairs

    def item_files(self, item: Any) -> Sequence[Path]:
        """The row's photos (image slots given in its content)."""
        content = item.content.content
        return [Path(content[slot]) for slot in sorted(self.image_slots) if content.get(slot)]

    def localise_job(self, moved: Moved) -> Job:
        """The job with the workers' template and brand folder."""
        return _merge_job_here(self.job, moved)

    def localise_item(self, item: Any, moved: Moved) -> Any:
        """The row with its photos' paths replaced by the copies sent with it."""
        return _merge_item_here(item, self.image_slots, moved)


def _merge_job_here(job: MergeJob, moved: Moved) -> MergeJob:
    template_path, template_folder = _template_here(job.template_path, job.template_folder, moved)
    return dataclasses.replace(
        job,
        template_path=template_path,
        template_folder=template_folder,
        brand_folder=moved(job.brand_folder),
    )


def _template_file(template_path: Path, template_folder: Path) -> FilePair:
    """A template file under its folder, or alone (a saved copy elsewhere)."""
    if template_path.is_relative_to(template_folder):
        return template_folder, template_path
    return _file(template_path)


def _template_here(template_path: Path, template_folder: Path, moved: Moved) -> tuple[Path, Path]:
    """The workers' template file and folder."""
    folder = moved(template_folder)
    if not template_path.is_relative_to(template_folder):
        return moved(template_path), folder
    return folder / template_path.relative_to(template_folder), folder


def _merge_item_here(item: MergeItem, image_slots: frozenset[str], moved: Moved) -> MergeItem:
    content = dict(item.content.content)
    for slot in image_slots:
        if content.get(slot):
            content[slot] = str(moved(Path(content[slot])))
    return dataclasses.replace(item, content=RowContent(content, item.content.hidden))


@dataclass(frozen=True)
class ExportShipping:
    """The studio's export: the template file, its samples and own logos, the photos its
    content names and the brand folder, once; nothing per size."""

    job: ExportJob
    photos: tuple[tuple[str, Path], ...]
    """(slot, file): the photo files the content puts into image slots."""
    named: tuple[Path, ...]
    """Files the template names in its folder (samples, logo files)."""

    @classmethod
    def of(cls, job: ExportJob) -> ExportShipping:
        """Read the template once, here, to learn the files it and its content name."""
        try:
            template = load_template(job.template_path).template
        except FormatError as error:
            raise ClusterError(error.describe()) from None
        photos = tuple(content_photos(template, job.content).items())
        return cls(job, photos, _named_files(template, job.template_folder))

    def job_files(self) -> Sequence[FilePair]:
        """Template, the files it names, the content's photos, and the brand's folder."""
        job = self.job
        pairs = [_template_file(job.template_path, job.template_folder)]
        pairs += [(job.template_folder, path) for path in self.named]
        pairs += [_file(path) for _, path in self.photos]
        pairs.extend(_folder_files(job.brand_folder))
        return pairs

    def item_files(self, item: Any) -> Sequence[Path]:
        """Nothing: a size reads only the job's files."""
        return []

    def localise_job(self, moved: Moved) -> Job:
        """The job with the workers' template, brand folder and photos."""
        job = self.job
        template_path, template_folder = _template_here(
            job.template_path, job.template_folder, moved
        )
        content = dict(job.content) | {slot: str(moved(path)) for slot, path in self.photos}
        return dataclasses.replace(
            job,
            template_path=template_path,
            template_folder=template_folder,
            brand_folder=moved(job.brand_folder),
            content=content,
        )

    def localise_item(self, item: Any, moved: Moved) -> Any:
        """The size as it is."""
        return item


@dataclass(frozen=True)
class PlanShipping:
    """A content plan: every rubric's merge shipping; per row, its rubric's photos."""

    job: PlanJob
    rubrics: tuple[tuple[str, MergeShipping], ...]

    @classmethod
    def of(cls, job: PlanJob) -> PlanShipping:
        """Each rubric's template read once, here."""
        return cls(job, tuple((key, MergeShipping.of(m)) for key, m in job.rubrics.items()))

    def _rubric(self, key: str) -> MergeShipping:
        return dict(self.rubrics)[key]

    def job_files(self) -> Sequence[FilePair]:
        """Every rubric's template, its files and its brand's folder."""
        return [pair for _, shipping in self.rubrics for pair in shipping.job_files()]

    def item_files(self, item: Any) -> Sequence[Path]:
        """The row's photos."""
        return self._rubric(item.rubric).item_files(item.merge)

    def localise_job(self, moved: Moved) -> Job:
        """Each rubric's job with the workers' files (the rubric keys stay as they are)."""
        rubrics = {key: _merge_job_here(shipping.job, moved) for key, shipping in self.rubrics}
        return dataclasses.replace(self.job, rubrics=rubrics)

    def localise_item(self, item: Any, moved: Moved) -> Any:
        """The row with its photos' paths replaced."""
        slots = self._rubric(item.rubric).image_slots
        merge = _merge_item_here(item.merge, slots, moved)
        return dataclasses.replace(item, merge=merge)


def _stamp_job_files(job: StampJob) -> list[FilePair]:
    return [
        _file(path)
        for spec in job.logos
        for path in (spec.light, spec.dark, spec.mono)
        if path is not None
    ]


def _stamp_job_here(job: StampJob, moved: Moved) -> StampJob:
    def logo(spec: LogoSpec) -> LogoSpec:
        light, dark, mono = (
            None if path is None else moved(path) for path in (spec.light, spec.dark, spec.mono)
        )
        return dataclasses.replace(spec, light=light, dark=dark, mono=mono)

    return dataclasses.replace(job, logos=tuple(logo(spec) for spec in job.logos))


@dataclass(frozen=True)
class StampShipping:
    """Stamping: the logo files once; per item, the photo."""

    job: StampJob

    def job_files(self) -> Sequence[FilePair]:
        """The logos' variant files."""
        return _stamp_job_files(self.job)

    def item_files(self, item: Any) -> Sequence[Path]:
        """The photo to stamp."""
        return [item.source]

    def localise_job(self, moved: Moved) -> Job:
        """The job with the workers' logo files."""
        return _stamp_job_here(self.job, moved)

    def localise_item(self, item: Any, moved: Moved) -> Any:
        """The item with the workers' copy of its photo."""
        stamp: StampItem = item
        return dataclasses.replace(stamp, source=moved(stamp.source))


@dataclass(frozen=True)
class SliceShipping:
    """Slicing: the marks' logo files once; per item, the photo."""

    job: SliceJob

    def job_files(self) -> Sequence[FilePair]:
        """The logos' variant files, when the slices are marked."""
        return _stamp_job_files(self.job.marks) if self.job.marks is not None else []

    def item_files(self, item: Any) -> Sequence[Path]:
        """The photo to slice."""
        return [item.source]

    def localise_job(self, moved: Moved) -> Job:
        """The job with the workers' logo files."""
        marks = self.job.marks
        if marks is None:
            return self.job
        return dataclasses.replace(self.job, marks=_stamp_job_here(marks, moved))

    def localise_item(self, item: Any, moved: Moved) -> Any:
        """The item with the workers' copy of its photo."""
        piece: SliceItem = item
        return dataclasses.replace(piece, source=moved(piece.source))
