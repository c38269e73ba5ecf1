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

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.merge import ColumnMap, RowContent
from brandstudio.jobs.plan import ContentPlan, PlanRow, RowFiller, Rubric, find_rubric
from brandstudio.model.edits import hide_layers
from brandstudio.model.preset import Preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render

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
    """Fills rows of ``plan`` as the plan job does (:class:`~brandstudio.jobs.plan.RowFiller`,
    image cells from anywhere: the studio's own preview); each rubric is found and mapped once.

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
        self._filler = RowFiller(
            plan, find or (lambda name: find_rubric(name, brand, folder)), None
        )

    def post(self, row: PlanRow) -> Post:
        """The row as a post; RowError (with its column) when it cannot be made."""
        content, rubric, presets = self._filler.fill(row)
        _, columns = self._filler.rubric(row.rubric)
        folder = self.plan.path.parent
        return Post(row, rubric, content, presets[0] if presets else None, columns, folder)


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
