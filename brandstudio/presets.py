"""The network presets shipped with Brandstudio (``brandstudio/data/presets.json``)."""

from __future__ import annotations

import functools
from typing import Annotated, Literal

from annotated_types import Len

from brandstudio.fileformat.errors import FormatError, Problem
from brandstudio.fileformat.jsonio import read_json_file
from brandstudio.fileformat.validation import to_data, validate_as
from brandstudio.model._record import record
from brandstudio.model.preset import Preset
from brandstudio.resources import data_folder

PRESET_FIELDS = ("id", "name", "width", "height", "safe_zone", "source", "checked")


@record
class PresetFile:
    format: Literal["brandstudio.presets"]
    version: Literal[1]
    presets: Annotated[tuple[Preset, ...], Len(1, 500)]


@functools.cache
def load_presets() -> tuple[Preset, ...]:
    """Every shipped preset, in the order of the file."""
    path = data_folder() / "presets.json"
    presets = validate_as(PresetFile, read_json_file(path), str(path)).presets
    seen: set[str] = set()
    for index, preset in enumerate(presets):
        if preset.id in seen:
            problem = Problem(f"$.presets[{index}].id", f"duplicate preset id {preset.id!r}")
            raise FormatError(str(path), [problem])
        seen.add(preset.id)
    return presets


def find_preset(preset_id: str) -> Preset | None:
    """The preset with this id, or None."""
    return next((preset for preset in load_presets() if preset.id == preset_id), None)


def preset_to_data(preset: Preset) -> dict[str, object]:
    """A preset as JSON data with exactly ``PRESET_FIELDS``."""
    data: dict[str, object] = to_data(Preset, preset)
    return data
