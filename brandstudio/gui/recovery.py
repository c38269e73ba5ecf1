"""Autosave and crash recovery: unsaved work is written aside every half minute.

Each running studio writes its open document to ``recovery/<session>.json`` in the library
home (atomically) while it has unsaved changes, and deletes it on a clean close or after a
save. At start, files left by a studio that is no longer running are offered for recovery.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from brandstudio.fileformat import FormatError
from brandstudio.fileformat.jsonio import read_json_file
from brandstudio.fileformat.template_io import template_from_data, template_to_data
from brandstudio.fsutil import atomic_write_text
from brandstudio.model.template import Template

AUTOSAVE_SECONDS = 30


@dataclass(frozen=True)
class Recovered:
    """A document a crashed studio left: the template, its content and where it came from."""

    file: Path
    template: Template
    content: dict[str, str]
    brand_folder: Path
    template_folder: Path
    location: dict[str, str] | None
    saved_at: float


def recovery_folder(home: Path) -> Path:
    """Where autosaves of the library at ``home`` go."""
    return home / "recovery"


def autosave_path(home: Path) -> Path:
    """This process's autosave file."""
    return recovery_folder(home) / f"session-{os.getpid()}.json"


def write_autosave(
    path: Path,
    template: Template,
    content: dict[str, str],
    brand_folder: Path,
    template_folder: Path,
    location: dict[str, str] | None,
    saved_at: float,
) -> None:
    """Write one autosave atomically (a kill mid-write leaves the previous one)."""
    data: dict[str, Any] = {
        "format": "brandstudio.autosave",
        "version": 1,
        "pid": os.getpid(),
        "saved_at": saved_at,
        "brand_folder": str(brand_folder),
        "template_folder": str(template_folder),
        "location": location,
        "content": content,
        "template": template_to_data(template),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1))


def remove_autosave(path: Path) -> None:
    """Forget this session's autosave (after a save or a clean close)."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def find_recoverable(home: Path) -> list[Recovered]:
    """Autosaves of studios that are no longer running, newest first (damaged ones skipped)."""
    found = []
    for path in sorted(recovery_folder(home).glob("session-*.json")):
        try:
            data = read_json_file(path)
            if not isinstance(data, dict) or data.get("format") != "brandstudio.autosave":
                continue
            if _alive(int(data.get("pid", -1))):
                continue
            template = template_from_data(data["template"], str(path)).template
            found.append(
                Recovered(
                    file=path,
                    template=template,
                    content={str(k): str(v) for k, v in dict(data.get("content", {})).items()},
                    brand_folder=Path(str(data["brand_folder"])),
                    template_folder=Path(str(data["template_folder"])),
                    location=data.get("location"),
                    saved_at=float(data.get("saved_at", 0.0)),
                )
            )
        except (FormatError, KeyError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda item: item.saved_at, reverse=True)
