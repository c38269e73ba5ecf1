"""Template migrations: each step takes the raw data of version N to version N + 1.

Brands have their own steps in ``brand_migrations``, run by the same :func:`run_steps`.

Steps work on plain JSON data (before validation), are small and named, and never lose a
value: what a step cannot convert makes the file invalid, and validation says where.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from brandstudio.model.template import TEMPLATE_VERSION

Data = dict[str, Any]


@dataclass(frozen=True)
class Migration:
    """One step from ``from_version`` to ``from_version + 1``."""

    from_version: int
    name: str
    apply: Callable[[Data], Data]


def _v1_to_v2(data: Data) -> Data:
    """Version 1 wrote text sizes as ``props.font_size`` and opacity in percent (0-100).

    Version 2 calls the size ``props.size`` and keeps opacity as a fraction (0-1).
    """
    layers = data.get("layers")
    if isinstance(layers, list):
        for layer in layers:
            if not isinstance(layer, dict):
                continue
            opacity = layer.get("opacity")
            if isinstance(opacity, int | float) and not isinstance(opacity, bool):
                layer["opacity"] = opacity / 100
            props = layer.get("props")
            if isinstance(props, dict) and "font_size" in props and "size" not in props:
                props["size"] = props.pop("font_size")
    data["version"] = 2
    return data


def _v2_to_v3(data: Data) -> Data:
    """Version 3 adds ``revision`` (save counter, from 0) and ``tags`` after ``name``."""
    upgraded: Data = {}
    for key, value in data.items():
        upgraded[key] = value
        if key == "name":
            upgraded.setdefault("revision", 0)
            upgraded.setdefault("tags", [])
    upgraded.setdefault("revision", 0)
    upgraded.setdefault("tags", [])
    upgraded["version"] = 3
    return upgraded


def _v3_to_v4(data: Data) -> Data:
    """Version 4 adds ``translations`` (labels in other languages) after ``layers``."""
    data.setdefault("translations", {})
    data["version"] = 4
    return data


def _v4_to_v5(data: Data) -> Data:
    """Version 5 adds ``checks`` (limits and exceptions for ``brandstudio check``) after
    ``translations``, and a QR layer's optional ``utm`` tags; an old file has neither."""
    data.setdefault("checks", [])
    data["version"] = 5
    return data


def _v5_to_v6(data: Data) -> Data:
    """Version 6 adds a text layer's ``typography`` and ``hyphenate`` after ``fit``.

    Written out (``"auto"``, ``false``) rather than left to the model's defaults, so an old
    file keeps meaning what it meant when those defaults change; what a file already has is
    kept (validation judges it).
    """
    layers = data.get("layers")
    if isinstance(layers, list):
        for layer in layers:
            if not isinstance(layer, dict) or layer.get("type") != "text":
                continue
            props = layer.get("props")
            if isinstance(props, dict):
                props.setdefault("typography", "auto")
                props.setdefault("hyphenate", False)
    data["version"] = 6
    return data


def _v6_to_v7(data: Data) -> Data:
    """Version 7 adds a link slot's optional ``utm`` tags; an old file has none, which keeps
    its links as written."""
    data["version"] = 7
    return data


def _v7_to_v8(data: Data) -> Data:
    """Version 8 adds carousels: the template's ``slides`` (1: a single image) and each
    layer's ``slide`` (None: across the strip, which for one slide is the whole canvas)."""
    data["version"] = 8
    return data


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "text font_size renamed size; opacity from percent to fraction", _v1_to_v2),
    Migration(2, "revision and tags added", _v2_to_v3),
    Migration(3, "translations of the name, slot labels and layer names added", _v3_to_v4),
    Migration(4, "check settings and QR utm tags added", _v4_to_v5),
    Migration(5, "text typography and hyphenation added", _v5_to_v6),
    Migration(6, "UTM tags on link slots added", _v6_to_v7),
    Migration(7, "carousel slides added", _v7_to_v8),
)


def migrate(data: Data) -> tuple[Data, list[str]]:
    """Bring template data up to the current version; returns it and the names of the steps run.

    ``data["version"]`` must already be a whole number from 1 to the current version.
    """
    return run_steps(data, MIGRATIONS, TEMPLATE_VERSION)


def run_steps(
    data: Data, migrations: tuple[Migration, ...], current: int
) -> tuple[Data, list[str]]:
    """Run ``migrations`` on ``data`` up to version ``current``; the data and the steps' names.

    Shared by every versioned file (templates, brands): ``data["version"]`` must already be a
    whole number from 1 to ``current``.
    """
    steps = {step.from_version: step for step in migrations}
    applied: list[str] = []
    while data["version"] < current:
        step = steps[data["version"]]
        data = step.apply(data)
        applied.append(f"v{step.from_version} -> v{step.from_version + 1}: {step.name}")
    return data, applied
