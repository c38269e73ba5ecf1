"""The contest's cards: slot values (masks, counts, dates) and rendering through the export job."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from PIL import Image

from brandstudio.brands import find_brand
from brandstudio.jobs.contest_cards import (
    brand_of_folder,
    contest_brand,
    contest_cards,
    date_text,
    entrants_text,
    mask,
    protocol_content,
    render_card,
    winners_content,
)
from brandstudio.jobs.contest_draw import commit_contest, draw_contest
from brandstudio.jobs.contest_entrants import Entrants

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def text_template(path: Path, slots: list[str]) -> Path:
    """A small template with one text layer per slot, built from the quote starter's layers."""
    quote = json.loads((TEMPLATES / "quote.json").read_text(encoding="utf-8"))
    text = next(layer for layer in quote["layers"] if layer["id"] == "headline")
    layers = [layer for layer in quote["layers"] if layer["type"] == "shape"]
    for index, slot in enumerate(slots):
        layer = copy.deepcopy(text)
        layer.update(id=slot, name=slot)
        layer["geometry"].update(y=0.05 + index * 0.15, height=0.14)
        layer["props"].update(slot=slot, size=32.0)
        layers.append(layer)
    quote.update(
        name=path.stem,
        slots={slot: {"type": "text", "label": slot, "sample": slot} for slot in slots},
        layers=layers,
    )
    quote.pop("translations", None)
    path.write_text(json.dumps(quote, ensure_ascii=False), encoding="utf-8")
    return path


def drawn(folder: Path, count: int = 1234, language: str = "ru"):  # type: ignore[no-untyped-def]
    entrants = Entrants(tuple(sorted(f"ivanov{n:04}" for n in range(count))), ())
    commit_contest(entrants, folder, prize="Годовой запас кофе")
    return draw_contest(folder, 2, 1, beacon="B", language=language)


def test_masks_keep_two_letters_each_side() -> None:
    assert mask("ivanov") == "@iv***ov"
    assert mask("anna") == "@a***"
    assert mask("x") == "@x***"


def test_entrant_counts_take_the_russian_word_form() -> None:
    assert entrants_text(1, "ru") == "1 участник"
    assert entrants_text(3, "ru") == "3 участника"
    assert entrants_text(11, "ru") == "11 участников"
    assert entrants_text(1234, "ru") == "1\u00a0234 участника"
    assert entrants_text(1, "en") == "1 entrant"
    assert entrants_text(25_000, "en") == "25\u00a0000 entrants"


def test_dates_in_either_language() -> None:
    assert date_text("2026-12-06T17:00:00Z", "ru") == "6 декабря 2026"
    assert date_text("2026-12-06T17:00:00Z", "en") == "6 December 2026"


def test_slot_values_of_both_cards(tmp_path: Path) -> None:
    result = drawn(tmp_path / "contest")
    values = winners_content(result, masked=True)
    assert values["title"] == "Победители"
    assert values["prize"] == "Годовой запас кофе"
    assert values["winners"] == "\n".join(mask(name) for name in result.winners)
    assert values["entrants"] == "1\u00a0234 участника"
    assert values["commitment"] == result.commitment[:16] + "…"
    protocol = protocol_content(result)
    assert protocol["title"] == "Протокол розыгрыша"
    for value in (result.list_hash, result.commitment, result.seed, *result.winners):
        assert value in protocol["protocol"]


def test_cards_are_rendered_in_the_contest_folder_with_a_report(tmp_path: Path) -> None:
    folder = tmp_path / "contest"
    result = drawn(folder, 12, "en")
    assert winners_content(result)["title"] == "Winners"
    winners = text_template(tmp_path / "w.json", ["prize", "winners", "entrants", "date"])
    protocol = text_template(tmp_path / "p.json", ["title", "protocol"])
    cards = contest_cards(folder, result, winners_template=winners, protocol_template=protocol)
    kit = find_brand("demo")
    reports = [render_card(card, kit) for card in cards]
    assert [item.status for report in reports for item in report.items()] == ["ok"] * 3
    assert (folder / "cards" / "report.json").is_file()
    with Image.open(folder / "cards" / "w_instagram-story.png") as image:
        assert image.size == (1080, 1920)
    assert (folder / "protocol" / "p_instagram-story.png").is_file()


def test_the_brand_is_the_library_brand_holding_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from brandstudio.library.store import open_library

    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "home"))
    library = open_library()
    library.new_brand("Север")
    inside = library.brand_folder("Север") / "contests" / "december"
    assert brand_of_folder(inside) == "Север"
    assert contest_brand(inside).folder.resolve() == library.brand_folder("Север").resolve()
    assert brand_of_folder(tmp_path / "elsewhere") is None
    assert contest_brand(tmp_path / "elsewhere", "demo").folder.name == "demo"
