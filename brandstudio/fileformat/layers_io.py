"""Copied layers as clipboard text: a template file's JSON inside a small versioned envelope.

``{"format": "brandstudio.layers", "version": 1, "folder": "...", "template": {...}}``: the
template holds the copied layers and the slots they show (see ``model.clipboard``) and goes
through the template format both ways, so a paste is read like a file from a stranger:
refused if newer, migrated, validated. ``folder`` is where the copy's relative asset paths
resolve (so a paste elsewhere can bring its files along); a hint, never trusted as a path
inside the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from brandstudio.fileformat.errors import FormatError, Problem
from brandstudio.fileformat.jsonio import MAX_JSON_BYTES, dump_json, parse_json
from brandstudio.fileformat.template_io import template_from_data, template_to_data
from brandstudio.model.template import Template

LAYERS_FORMAT: Final = "brandstudio.layers"
LAYERS_VERSION: Final = 1
SOURCE: Final = "clipboard"
MAX_FOLDER_CHARACTERS: Final = 4096


@dataclass(frozen=True)
class CopiedLayers:
    """Layers read from the clipboard: as a template, and the folder they were copied from."""

    template: Template
    folder: str | None


def dump_layers(copied: Template, folder: str | None = None) -> str:
    """Copied layers (a template from ``model.clipboard.copy_layers``) as clipboard JSON."""
    data = {
        "format": LAYERS_FORMAT,
        "version": LAYERS_VERSION,
        "folder": folder,
        "template": template_to_data(copied),
    }
    return dump_json(data)


def parse_layers(text: str) -> CopiedLayers:
    """Clipboard JSON -> copied layers; FormatError (source ``clipboard``) when unusable."""
    if len(text) > MAX_JSON_BYTES:
        raise FormatError(SOURCE, [Problem("$", "too large to be copied layers")])
    data = parse_json(text, SOURCE)
    problems = _envelope_problems(data)
    if problems:
        raise FormatError(SOURCE, problems)
    template = template_from_data(data["template"], SOURCE).template
    if not template.layers:
        raise FormatError(SOURCE, [Problem("$.template.layers", "holds no layer to paste")])
    folder = data.get("folder")
    return CopiedLayers(template, folder if isinstance(folder, str) and folder else None)


def _envelope_problems(data: object) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem("$", "must be a JSON object (Brandstudio layers)")]
    if data.get("format") != LAYERS_FORMAT:
        return [Problem("$.format", f"must be {LAYERS_FORMAT!r}: these are not layers")]
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return [Problem("$.version", "must be a whole number from 1")]
    if version > LAYERS_VERSION:
        return [
            Problem(
                "$.version",
                f"version {version} is newer than this Brandstudio reads "
                f"(up to {LAYERS_VERSION}): update Brandstudio to paste these layers",
            )
        ]
    unknown = sorted(set(data) - {"format", "version", "folder", "template"})
    if unknown:
        return [Problem(f"$.{unknown[0]}", "unknown key")]
    folder = data.get("folder")
    if folder is not None and (not isinstance(folder, str) or len(folder) > MAX_FOLDER_CHARACTERS):
        return [Problem("$.folder", "must be a folder path or null")]
    if "template" not in data:
        return [Problem("$.template", "required key is missing")]
    return []
