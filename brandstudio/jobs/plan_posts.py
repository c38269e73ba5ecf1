"""A content plan's rows as posts the studio can show and edit: each row's rubric and slot
values, a small render of it, and the cells an edited post changes.

The studio's Plan view (``gui/plan_view.py``) draws a thumbnail of every row and opens a row
in the editor; both need what the plan job fills a row with. :class:`PostFiller` fills rows
exactly as :mod:`brandstudio.jobs.plan` does (the rubric found by :func:`find_rubric`, slot
columns mapped by merge's ``map_columns``, cells turned into content by ``row_content``, a
blank image cell keeping the template's photo), one rubric loaded once. Nothing here
imports Qt: the view calls it on a worker thread.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.merge import ColumnMap, RowContent, RowError, map_columns, row_content
from brandstudio.jobs.plan import ContentPlan, PlanRow, Rubric, find_rubric
from brandstudio.model.edits import hide_layers
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.tables import Row

THUMBNAIL_SIDE = 240
"""The longer side of a post's thumbnail, px."""


@dataclass(frozen=True)
class Post:
    """A row ready to show: its rubric, the content it fills in, its first preset, and which
    column fills which slot (to write edits back)."""

    row: PlanRow
    rubric: Rubric
    content: RowContent
    preset: Preset | None
    columns: ColumnMap
    folder: Path
    """The plan's folder: image cells are relative to it."""


class PostFiller:
    """Fills rows of ``plan`` as the plan job does; each rubric is found and mapped once.

    find: how a rubric name becomes a template (default :func:`find_rubric` with ``brand``).
    """

    def __init__(
        self,
        plan: ContentPlan,
        brand: str | None,
        *,
        find: Callable[[str], Rubric] | None = None,
    ) -> None:
        self.plan = plan
        folder = plan.path.parent
        self._find = find or (lambda name: find_rubric(name, brand, folder))
        self._table = dataclasses.replace(plan.table, columns=plan.slot_columns)
        self._rubrics: dict[str, tuple[Rubric, ColumnMap] | RowError] = {}

    def post(self, row: PlanRow) -> Post:
        """The row as a post; RowError (with its column) when it cannot be made."""
        if row.error is not None:
            raise RowError(row.error, row.column)
        rubric, columns = self._rubric(row.rubric)
        presets = [find_preset(preset_id) for preset_id in row.presets]
        for preset_id, found in zip(row.presets, presets, strict=True):
            if found is None:
                raise RowError(f"unknown preset {preset_id!r} (see brandstudio presets)", "presets")
        kept = {
            column: slot
            for column, slot in columns.slots.items()
            if row.values.get(column, "").strip() or rubric.template.slots[slot].type != "image"
        }
        mapped = ColumnMap(kept, columns.hide_lists, columns.hide_flags)
        cells = Row(row.number, row.values)
        content = row_content(cells, mapped, rubric.template, {}, self.plan.path.parent, roots=None)
        return Post(
            row, rubric, content, presets[0] if presets else None, columns, self.plan.path.parent
        )

    def _rubric(self, name: str) -> tuple[Rubric, ColumnMap]:
        if name not in self._rubrics:
            try:
                rubric = self._find(name)
                self._rubrics[name] = (rubric, map_columns(self._table, rubric.template))
            except RowError as error:
                self._rubrics[name] = error
            except FormatError as error:
                self._rubrics[name] = RowError(error.describe(), "template")
        found = self._rubrics[name]
        if isinstance(found, RowError):
            raise found
        return found


def post_thumbnail(post: Post, kit: BrandKit, side: int = THUMBNAIL_SIDE) -> Image.Image:
    """The post drawn at its first preset's shape (the template's canvas without one), its
    longer side ``side`` px: the same engine as the export, at a small size."""
    template = hide_layers(post.rubric.template, post.content.hidden)
    width, height = (
        (post.preset.width, post.preset.height)
        if post.preset is not None
        else (template.canvas.width, template.canvas.height)
    )
    width *= template.slides
    scale = side / max(width, height)
    size = Preset(
        id="plan-thumbnail",
        name="thumbnail",
        width=max(16, round(width * scale / template.slides)),
        height=max(16, round(height * scale)),
        source="plan",
        checked="-" * 10,
    )
    content = post.content.content
    assets = resolve_assets(template, content, kit, post.rubric.folder, [size])
    return render(template, content, assets, size).image


def row_edits(post: Post, content: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The cells an edited post changes (column -> new text), and the changed slots that no
    column of the plan fills (they cannot be written into the row).

    content: the post's slot values after editing. An image path is written relative to the
    plan's folder when it lies below or beside it, as the plan's own cells are.
    """
    folder = post.folder.absolute()
    before = post.content.content
    changed = {
        slot for slot in set(before) | set(content) if content.get(slot, "") != before.get(slot, "")
    }
    cells: dict[str, str] = {}
    written: set[str] = set()
    for column, slot in post.columns.slots.items():
        if slot not in changed:
            continue
        value = content.get(slot, "")
        if post.rubric.template.slots[slot].type == "image" and value:
            value = _relative(Path(value), folder)
        cells[column] = value
        written.add(slot)
    return cells, sorted(changed - written)


def _relative(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` (with ``..`` when needed) on the same drive, else as is."""
    try:
        return Path(os.path.relpath(path.absolute(), folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return str(path)
