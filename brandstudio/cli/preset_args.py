"""``--preset`` values on the command line: preset ids, WIDTHxHEIGHT, or all."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset, load_presets

MIN_SIDE = 16
MAX_SIDE = 8192
_SIZE = re.compile(r"^(\d{1,5})x(\d{1,5})$")
_SUGGESTIONS = 5
"""How many close values an unknown ``--preset`` message names at most."""


class UsageError(Exception):
    """A command-line value that cannot be used; the message names the argument."""


def custom_preset(width: int, height: int) -> Preset:
    """A preset for a size typed as WIDTHxHEIGHT (no safe zone)."""
    label = f"{width}x{height}"
    return Preset(
        id=label, name=label, width=width, height=height, source="custom", checked="-" * 10
    )


def parse_presets(values: Sequence[str], *, extra: Sequence[str] = ()) -> list[Preset | str]:
    """The presets named by ``--preset`` values (comma lists allowed), duplicates dropped.

    ``extra``: words accepted as they are (``original`` for stamp) and returned as strings.
    Raises UsageError naming the value for an unknown preset or a size out of 16-8192 px.
    """
    chosen: list[Preset | str] = []
    for value in (part.strip() for item in values for part in item.split(",")):
        if value in extra:
            chosen.append(value)
        elif value == "all":
            chosen.extend(load_presets())
        else:
            chosen.append(_one_preset(value, extra))
    unique: dict[str, Preset | str] = {}
    for preset in chosen:
        unique.setdefault(preset if isinstance(preset, str) else preset.id, preset)
    return list(unique.values())


def _one_preset(value: str, extra: Sequence[str]) -> Preset:
    preset = find_preset(value)
    if preset is not None:
        return preset
    size = _SIZE.match(value)
    if size is None:
        close = suggestions(value, [p.id for p in load_presets()] + [*extra, "all"])
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise UsageError(f"--preset {value}: unknown preset{hint} (see brandstudio presets)")
    width, height = int(size[1]), int(size[2])
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise UsageError(f"--preset {value}: sides must be {MIN_SIDE} to {MAX_SIDE} px")
    return custom_preset(width, height)


def suggestions(value: str, choices: Sequence[str]) -> list[str]:
    """The ``choices`` a mistyped ``value`` may have meant, best first, at most five.

    Those starting with the value come first, then those containing it (both ignoring case, in
    the order given), then difflib's close matches.
    """
    wanted = value.casefold()
    if not wanted:
        return []
    folded = {choice: choice.casefold() for choice in choices}
    starting = [choice for choice, name in folded.items() if name.startswith(wanted)]
    containing = [choice for choice, name in folded.items() if wanted in name]
    close = difflib.get_close_matches(wanted, list(folded.values()), n=_SUGGESTIONS)
    similar = [choice for name in close for choice, other in folded.items() if other == name]
    return list(dict.fromkeys(starting + containing + similar))[:_SUGGESTIONS]
