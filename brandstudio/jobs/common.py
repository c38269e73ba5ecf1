"""What every job shares: the planned batch, the errors that stop one before it starts, the
identity of files in a fingerprint, encoding an output under the job's settings, and the
files a job reads (its template and brand)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from brandstudio.batch.inputs import InputItem, expand_inputs, nothing_usable
from brandstudio.batch.journal import OutputJournal, file_id
from brandstudio.batch.pool import ItemError, Job
from brandstudio.batch.runner import PlannedItem, PlannedItems, count_todo
from brandstudio.fileformat import FormatError, load_template
from brandstudio.fileformat.brand_io import BrandKit, load_brand
from brandstudio.model.layers import LogoLayer
from brandstudio.model.template import Template
from brandstudio.model.values import brand_role
from brandstudio.render.export import Encoded, ExportError, ImageFormat, encode, encode_under


class PlanError(Exception):
    """A batch that cannot start (no photos, the output folder is a file); ``str`` says why."""


@dataclass
class Plan:
    """A batch ready for ``run_batch``: the items, the job, and the journal that claimed paths."""

    items: Sequence[PlannedItem] | PlannedItems
    """The items; a long batch's are PlannedItems, which the run takes and lets go of."""
    job: Job
    journal: OutputJournal
    notes: list[str] = field(default_factory=list)

    @property
    def todo(self) -> int:
        """Items the workers will do (not failed or skipped during planning)."""
        return count_todo(self.items)


def open_photo_batch(
    inputs: Sequence[str],
    out: Path,
    fingerprint: str,
    *,
    verb: str,
    recursive: bool = False,
    overwrite: bool = False,
) -> tuple[OutputJournal, list[InputItem]]:
    """The photos of ``inputs`` to work on and ``out``'s journal, open for a job of
    ``fingerprint``: files the journal wrote (earlier outputs) are never inputs, and the
    inputs are protected from being written over. Raises PlanError for an unusable output
    folder or when no input holds a photo ("no photos to ``verb``: ...", nothing created);
    OSError when the folder cannot be made. The caller closes the journal."""
    check_output_folder(out, inputs)
    found = expand_inputs(inputs, recursive=recursive, exclude=[out])
    unusable = nothing_usable(found)
    if unusable is not None:
        raise PlanError(f"no photos to {verb}: {unusable}")
    out.mkdir(parents=True, exist_ok=True)
    journal = OutputJournal(out, fingerprint, overwrite=overwrite)
    try:
        photos = [item for item in found if not journal.knows(item.path)]  # outputs: never inputs
        journal.protect(item.identity for item in photos if item.identity)
    except BaseException:
        journal.close()
        raise
    return journal, photos


def check_output_folder(out: Path, inputs: Sequence[str] = ()) -> None:
    """PlanError when ``out`` is a file or one of the input files."""
    if out.exists() and not out.is_dir():
        raise PlanError(f"the output folder {out} exists and is not a folder")
    out_id = file_id(out)
    for text in inputs:
        if out_id is not None and file_id(Path(text)) == out_id and not Path(text).is_dir():
            raise PlanError(f"the output folder {out} is one of the photos")


def file_identity(path: Path) -> str:
    """Path, size and modification time: a changed file gives another identity."""
    try:
        info = path.stat()
    except OSError:
        return str(path)
    return f"{path.resolve()}|{info.st_size}|{info.st_mtime_ns}"


def content_identity(path: Path) -> str:
    """A short hash of the file's bytes (its path when it cannot be read)."""
    try:
        data = path.read_bytes()
    except OSError:
        return str(path)
    return hashlib.sha256(data).hexdigest()[:16]


def encode_output(
    image: Image.Image,
    fmt: ImageFormat,
    quality: int,
    max_kb: int | None,
    *,
    label: str = "",
    progressive: bool = True,
    exif: bytes | None = None,
) -> Encoded:
    """The encoded file: at ``quality``, or at the best quality under ``max_kb`` KB.

    Raises ItemError (prefixed with ``label``) when the image cannot be encoded or fit the cap.
    """
    try:
        if max_kb is None:
            return encode(image, fmt, quality, progressive=progressive, exif=exif)
        return encode_under(image, fmt, max_kb * 1024, quality, progressive=progressive)
    except ExportError as error:
        raise ItemError(f"{label}: {error}" if label else str(error)) from None


def load_job_files(template_path: Path, brand_folder: Path) -> tuple[Template, BrandKit]:
    """A worker's template and brand, loaded once when its job starts; ItemError (every item
    then fails with the reason) when either cannot be read."""
    try:
        return load_template(template_path).template, load_brand(brand_folder)
    except FormatError as error:
        raise ItemError(error.describe()) from None


def template_files(template: Template, template_folder: Path) -> list[Path]:
    """The files a template names in its own folder: sample photos and its own logo files
    (those that exist)."""
    names = [slot.sample for slot in template.slots.values() if slot.type == "image"]
    for layer in template.layers:
        if isinstance(layer, LogoLayer) and brand_role(layer.props.source) is None:
            names.append(layer.props.source)
    paths = (template_folder.joinpath(*name.split("/")) for name in names if name)
    return [path for path in dict.fromkeys(paths) if path.is_file()]


def folder_files(folder: Path) -> Iterator[Path]:
    """Every regular, visible file below ``folder``, in order (links leading out of it left
    out): what a brand folder holds for a job."""
    base = folder.resolve()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.resolve().is_relative_to(base):
            yield path
