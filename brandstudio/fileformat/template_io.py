"""Template files: read (parse, refuse newer, migrate, validate) and write (stable, atomic)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.fileformat.errors import FormatError, Problem
from brandstudio.fileformat.jsonio import dump_json, parse_json, read_json_file
from brandstudio.fileformat.migrations import migrate
from brandstudio.fileformat.template_checks import template_problems
from brandstudio.fileformat.validation import to_data, validate_as
from brandstudio.fsutil import atomic_write_text
from brandstudio.model.template import TEMPLATE_FORMAT, TEMPLATE_VERSION, Template


@dataclass(frozen=True)
class LoadedTemplate:
    """A template and how it was read: ``migrations`` names the steps that upgraded it."""

    template: Template
    migrations: tuple[str, ...]


def _envelope_problems(data: Any) -> list[Problem]:
    """Problems with the outer shape that must be settled before migrating."""
    if not isinstance(data, dict):
        return [Problem("$", "must be a JSON object (a Brandstudio template)")]
    if data.get("format") != TEMPLATE_FORMAT:
        return [Problem("$.format", f"must be {TEMPLATE_FORMAT!r}: this is not a template")]
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return [Problem("$.version", "must be a whole number from 1")]
    if version > TEMPLATE_VERSION:
        return [
            Problem(
                "$.version",
                f"version {version} is newer than this Brandstudio reads "
                f"(up to {TEMPLATE_VERSION}): update Brandstudio to open it",
            )
        ]
    return []


def template_from_data(data: Any, source: str) -> LoadedTemplate:
    """Parsed JSON -> Template: refuse newer versions, migrate, validate; FormatError if bad."""
    problems = _envelope_problems(data)
    if problems:
        raise FormatError(source, problems)
    data, applied = migrate(data)
    template = validate_as(Template, data, source)
    problems = template_problems(template)
    if problems:
        raise FormatError(source, problems)
    return LoadedTemplate(template, tuple(applied))


def parse_template(text: str, source: str = "<template>") -> Template:
    """A template from JSON text."""
    return template_from_data(parse_json(text, source), source).template


def load_template(path: Path) -> LoadedTemplate:
    """A template from a file; every problem is a FormatError naming the file."""
    return template_from_data(read_json_file(path), str(path))


def template_to_data(template: Template) -> dict[str, Any]:
    """A template as plain JSON data, keys in a fixed order."""
    data: dict[str, Any] = to_data(Template, template)
    return data


def dump_template(template: Template) -> str:
    """A template as JSON text (UTF-8 characters, 2-space indent, stable key order)."""
    return dump_json(template_to_data(template))


def save_template(template: Template, path: Path) -> None:
    """Write a template file atomically: the old file stays whole until the new one is complete."""
    atomic_write_text(path, dump_template(template))
