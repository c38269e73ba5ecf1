"""The arguments ``render`` shares with ``render --data``: the template, sizes, slot values."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.cli.preset_args import UsageError, parse_presets
from brandstudio.fileformat import load_template
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.library.store import open_library
from brandstudio.model.layers import MAX_TEXT_CHARACTERS
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.resources import templates_folder


@dataclass(frozen=True)
class TemplateSource:
    """Where a template comes from: its file, the folder its asset paths start from, and its
    brand when it is a library template (BRAND/NAME: assets are relative to the brand)."""

    path: Path
    folder: Path
    brand: str | None = None


def template_source(text: str) -> TemplateSource:
    """The TEMPLATE argument: a file, a starter's name, or BRAND/NAME of the library."""
    path = Path(text).expanduser()
    if path.exists():
        return TemplateSource(path, path.parent)
    starter = templates_folder() / f"{text}.json"
    if "/" not in text and starter.is_file():
        return TemplateSource(starter, starter.parent)
    brand, slash, name = text.partition("/")
    if slash and "/" not in name:
        library = open_library()
        if library.has_brand(brand):
            folder = library.brand_folder(brand)
            return TemplateSource(library.template_path(brand, name), folder, folder.name)
    raise UsageError(f"TEMPLATE: no such file, starter or library template (BRAND/NAME): {text}")


def output_presets(values: list[str]) -> list[Preset | None]:
    """The --preset values as presets; none given: [None], the template's own canvas."""
    if not values:
        return [None]
    return [preset for preset in parse_presets(values) if isinstance(preset, Preset)]


def slot_values(values: list[str], template: Template) -> dict[str, str]:
    """The --set SLOT=VALUE pairs, checked against the template's slots."""
    content: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--set {item}: expected SLOT=VALUE")
        slot = template.slots.get(name)
        if slot is None:
            known = ", ".join(template.slots) or "none"
            raise UsageError(f"--set {name}: the template has no such slot (its slots: {known})")
        if slot.type == "image":
            value = str(Path(value).expanduser())
        elif len(value) > MAX_TEXT_CHARACTERS:
            raise UsageError(
                f"--set {name}: {len(value)} characters; a slot holds at most {MAX_TEXT_CHARACTERS}"
            )
        content[name] = value
    return content


def check_encoding(args: argparse.Namespace) -> None:
    """--quality and --max-kb in range (UsageError naming the flag)."""
    if not 1 <= args.quality <= 100:
        raise UsageError(f"--quality {args.quality}: must be 1 to 100")
    if args.max_kb is not None and args.max_kb < 1:
        raise UsageError(f"--max-kb {args.max_kb}: must be at least 1")


@dataclass(frozen=True)
class RenderArguments:
    """What ``render`` (with or without --data) was asked to draw, checked and loaded."""

    source: TemplateSource
    template: Template
    presets: list[Preset | None]
    content: dict[str, str]
    kit: BrandKit


def render_arguments(args: argparse.Namespace) -> RenderArguments:
    """TEMPLATE, --preset, --set, --brand, --quality and --max-kb, checked; the template and
    brand loaded (UsageError, FormatError or LookupError naming what is wrong)."""
    check_encoding(args)
    source = template_source(args.template)
    template = load_template(source.path).template
    presets = output_presets(args.preset)
    content = slot_values(args.values, template)
    kit = find_brand(args.brand or source.brand or DEFAULT_BRAND)
    return RenderArguments(source, template, presets, content, kit)
