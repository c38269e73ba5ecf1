"""The contest's cards: the winners card and the protocol card, in the brand, after a draw.

Both go through the export job (:func:`brandstudio.jobs.export.run_export`) as ``brandstudio
render`` does: same names, journal, atomic writes and report.json. The winners card goes to
``DIR/cards/`` at the presets asked (default instagram-square and instagram-story), the
protocol card to ``DIR/protocol/`` at instagram-story. Templates are the starters ``winners``
and ``contest-protocol`` unless a path is given; each slot the template has is filled:

- winners card: ``prize``, ``winners`` (one per line, ``@iv***ov`` with ``mask``),
  ``entrants`` ("1 234 участника"), ``date`` ("6 декабря 2026"), ``commitment`` (16 hex + …);
- protocol card: ``title`` and ``protocol`` (everything needed to verify).

The brand is the one asked, else the library brand whose folder holds the contest folder,
else the demo brand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PIL import Image

from brandstudio.batch.report import BatchReport
from brandstudio.brands import DEFAULT_BRAND, find_brand
from brandstudio.fileformat import load_template
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.contest_draw import ALGORITHM, Draw
from brandstudio.jobs.contest_entrants import ContestError
from brandstudio.jobs.export import ExportSettings, run_export
from brandstudio.library.errors import LibraryError
from brandstudio.library.store import open_library
from brandstudio.model.preset import Preset
from brandstudio.presets import find_preset
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.resources import templates_folder

WINNERS_STARTER: Final = "winners"
PROTOCOL_STARTER: Final = "contest-protocol"
DEFAULT_PRESETS: Final = ("instagram-square", "instagram-story")
PROTOCOL_PRESET: Final = "instagram-story"
NBSP: Final = "\u00a0"

_MONTHS_RU: Final = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def mask(entrant: str) -> str:
    """``@iv***ov``: the first 2 and last 2 characters kept (an id of 4 or fewer: the first)."""
    if len(entrant) <= 4:
        return f"@{entrant[:1]}***"
    return f"@{entrant[:2]}***{entrant[-2:]}"


def grouped(number: int) -> str:
    """1234 -> "1 234" with a no-break space between thousands."""
    return f"{number:,}".replace(",", NBSP)


def entrants_text(count: int, language: str) -> str:
    """The count with its word: "1 участник", "3 участника", "5 участников"; "2 entrants"."""
    if language == "en":
        return f"{grouped(count)} entrant{'' if count == 1 else 's'}"
    last, tens = count % 10, count % 100
    if last == 1 and tens != 11:
        word = "участник"
    elif 2 <= last <= 4 and not 12 <= tens <= 14:
        word = "участника"
    else:
        word = "участников"
    return f"{grouped(count)} {word}"


def date_text(moment: str, language: str) -> str:
    """An ISO date-time as "6 декабря 2026" or "6 December 2026" (its own date)."""
    try:
        day = dt.datetime.fromisoformat(moment.replace("Z", "+00:00")).date()
    except ValueError:
        return moment
    months = _MONTHS_EN if language == "en" else _MONTHS_RU
    return f"{day.day} {months[day.month - 1]} {day.year}"


def short_commitment(commitment: str) -> str:
    return commitment[:16] + "…"


def winners_content(result: Draw, *, masked: bool = False) -> dict[str, str]:
    """The winners card's slot values."""
    names = [mask(name) if masked else f"@{name}" for name in result.winners]
    return {
        "title": "Winners" if result.language == "en" else "Победители",
        "prize": result.prize,
        "winners": "\n".join(names),
        "entrants": entrants_text(result.count, result.language),
        "date": date_text(result.drawn_at, result.language),
        "commitment": short_commitment(result.commitment),
    }


_PROTOCOL: Final = {
    "ru": (
        "Протокол розыгрыша",
        (
            "Участников: {count}", "Хеш списка: {list_hash}", "Обязательство: {commitment}",
            "Зерно: {seed}", "Маяк: {beacon}", "Победители: {winners}", "Резерв: {reserves}",
            "Алгоритм: {algorithm}",
            "Проверка: brandstudio contest verify draw.json или скрипт из README",
        ),
    ),
    "en": (
        "Draw protocol",
        (
            "Entrants: {count}", "List hash: {list_hash}", "Commitment: {commitment}",
            "Seed: {seed}", "Beacon: {beacon}", "Winners: {winners}", "Reserves: {reserves}",
            "Algorithm: {algorithm}",
            "Verify: brandstudio contest verify draw.json, or the README's script",
        ),
    ),
}  # fmt: skip


def protocol_content(result: Draw, *, masked: bool = False) -> dict[str, str]:
    """The protocol card's slot values: a title and every value needed to verify."""
    title, lines = _PROTOCOL["en" if result.language == "en" else "ru"]
    shown = mask if masked else (lambda name: f"@{name}")
    fields = {
        "count": grouped(result.count),
        "list_hash": result.list_hash,
        "commitment": result.commitment,
        "seed": result.seed,
        "beacon": result.beacon or "—",
        "winners": ", ".join(shown(name) for name in result.winners),
        "reserves": ", ".join(shown(name) for name in result.reserves) or "—",
        "algorithm": ALGORITHM,
    }
    return {"title": title, "protocol": "\n".join(line.format(**fields) for line in lines)}


def brand_of_folder(folder: Path) -> str | None:
    """The library brand whose folder holds ``folder`` (None: outside every brand)."""
    try:
        return open_library().brand_holding(folder)
    except LibraryError:
        return None


def contest_brand(folder: Path, brand: str | None = None) -> BrandKit:
    """``brand``, else the brand the contest folder belongs to, else the demo brand."""
    return find_brand(brand or brand_of_folder(folder) or DEFAULT_BRAND)


def starter_path(name: str) -> Path:
    """A starter template's file (ContestError when this installation lacks it)."""
    path = templates_folder() / f"{name}.json"
    if not path.is_file():
        raise ContestError(f"the starter template {name!r} is not installed ({path})")
    return path


@dataclass(frozen=True)
class Card:
    """One card to render: its template file, slot values, sizes and folder."""

    template: Path
    content: Mapping[str, str]
    presets: tuple[Preset, ...]
    out: Path


def render_card(
    card: Card, kit: BrandKit, *, on_output: Callable[[Path], None] = lambda path: None
) -> BatchReport:
    """Render ``card`` at each preset through the export job (report.json in its folder)."""
    template = load_template(card.template).template
    content = {name: value for name, value in card.content.items() if name in template.slots}
    assets = resolve_assets(template, content, kit, card.template.parent, card.presets)
    settings = ExportSettings(
        template=template,
        template_stem=card.template.stem,
        identity=str(card.template.resolve()),
        content=content,
        brand_folder=kit.folder,
        presets=tuple(card.presets),
        fmt="png",
    )

    def render_one(preset: Preset | None) -> tuple[Image.Image, Sequence[str]]:
        rendered = render(template, content, assets, preset)
        return rendered.image, rendered.warnings[len(assets.warnings) :]

    return run_export(settings, card.out, render_one, overwrite=True, on_output=on_output)


def presets_named(ids: Sequence[str]) -> tuple[Preset, ...]:
    """Presets by id (ContestError naming an unknown one)."""
    found: list[Preset] = []
    for preset_id in ids:
        preset = find_preset(preset_id)
        if preset is None:
            raise ContestError(f"no preset {preset_id!r} (see `brandstudio presets`)")
        found.append(preset)
    return tuple(found)


def contest_cards(
    folder: Path,
    result: Draw,
    *,
    presets: Sequence[Preset] = (),
    masked: bool = False,
    winners_template: Path | None = None,
    protocol_template: Path | None = None,
) -> list[Card]:
    """The winners card (at ``presets``, default instagram-square and -story) and the
    protocol card (instagram-story) of a drawn contest."""
    return [
        Card(
            winners_template or starter_path(WINNERS_STARTER),
            winners_content(result, masked=masked),
            tuple(presets) or presets_named(DEFAULT_PRESETS),
            folder / "cards",
        ),
        Card(
            protocol_template or starter_path(PROTOCOL_STARTER),
            protocol_content(result, masked=masked),
            presets_named([PROTOCOL_PRESET]),
            folder / "protocol",
        ),
    ]
