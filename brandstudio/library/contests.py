"""Contests kept in the brand library: each is a folder under the brand's ``contests/``,
holding what ``brandstudio contest commit`` and ``draw`` write there (the entrants, the sealed
seed, the commitment, the draw and its cards).

A contest folder never leaves the machine with a ``.brandkit`` (bundles carry logos, photos,
fonts and templates only): its seed must stay secret until the draw, and its entrant lists
are people's names.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

from brandstudio.library.errors import LibraryError
from brandstudio.model.values import describe_invisible
from brandstudio.render.naming import safe_name

if TYPE_CHECKING:
    from brandstudio.library.store import Library

CONTESTS: Final = "contests"
"""The folder of a brand's contests, beside its templates."""
COMMITMENT_FILE: Final = "commitment.json"
"""Written by ``contest commit``: the list's hash and the commitment to the seed."""
DRAW_FILE: Final = "draw.json"
"""Written by ``contest draw``: the seed revealed, the winners and reserves."""

ContestState = Literal["new", "committed", "drawn"]


@dataclass(frozen=True)
class ContestEntry:
    """One contest of a brand: its name (the folder's), folder, state, entrant count (None
    before the commitment) and when its folder last changed (seconds since the epoch)."""

    name: str
    folder: Path
    state: ContestState
    count: int | None
    modified: float


def contests_dir(library: Library, brand: str) -> Path:
    """The brand's contests folder (made when missing; never a link)."""
    folder = library.brand_folder(brand) / CONTESTS
    if folder.is_symlink():
        raise LibraryError(f"{folder} is a link: contests are kept in a folder of their own")
    folder.mkdir(exist_ok=True)
    return folder


def contest_state(folder: Path) -> ContestState:
    """What has been done in a contest folder: drawn, committed, or nothing yet."""
    if (folder / DRAW_FILE).is_file():
        return "drawn"
    if (folder / COMMITMENT_FILE).is_file():
        return "committed"
    return "new"


def _count(folder: Path) -> int | None:
    try:
        with (folder / COMMITMENT_FILE).open("rb") as stream:
            data = json.loads(stream.read(1024 * 1024))
    except (OSError, ValueError):
        return None
    count = data.get("count") if isinstance(data, dict) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def list_contests(library: Library, brand: str) -> list[ContestEntry]:
    """The brand's contests, the most recently changed first."""
    found = []
    for entry in os.scandir(contests_dir(library, brand)):
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        folder = Path(entry.path)
        found.append(
            ContestEntry(
                entry.name,
                folder,
                contest_state(folder),
                _count(folder),
                entry.stat(follow_symlinks=False).st_mtime,
            )
        )
    return sorted(found, key=lambda contest: (-contest.modified, contest.name.casefold()))


def new_contest(library: Library, brand: str, name: str) -> Path:
    """Make the folder of a new contest called ``name`` in the brand's library; LibraryError
    for a name that cannot be a folder's or one already used."""
    text = name.strip()
    hidden = describe_invisible(text)
    if hidden is not None:
        raise LibraryError(f"{name!r} cannot be a contest name: {hidden}")
    if not text or safe_name(text) != text or text.startswith("."):
        raise LibraryError(f'{name!r} cannot be a contest name: avoid / \\ : * ? " < > |')
    folder = contests_dir(library, brand) / text
    try:
        folder.mkdir()
    except FileExistsError:
        raise LibraryError(f"brand {brand!r} already has a contest {text!r}") from None
    return folder
