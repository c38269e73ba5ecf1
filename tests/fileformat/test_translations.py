"""Version 4's translations of a template's labels: read, checked at their JSON paths, written
back unchanged; the starters carry Russian for every label."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from brandstudio.fileformat import FormatError, dump_template, load_template, parse_template
from brandstudio.model import Template, Translation
from brandstudio.resources import starter_templates

CONTEST = next(path for path in starter_templates() if path.stem == "contest")


def contest_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CONTEST.read_text(encoding="utf-8"))
    return data


def problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_template(json.dumps(data, ensure_ascii=False))
    return [str(problem) for problem in caught.value.problems]


def test_translations_are_read_and_written_back() -> None:
    template = load_template(CONTEST).template
    russian = template.translations["ru"]
    assert russian.name == "Конкурс"
    assert russian.slots["headline"] == "Заголовок"
    assert russian.layers["qr"] == "QR-код"
    assert parse_template(dump_template(template)) == template


def test_each_part_of_a_translation_is_optional() -> None:
    data = contest_data()
    data["translations"] = {"ru": {}, "de": {"name": "Gewinnspiel"}, "pt-BR": {"slots": {}}}
    template = parse_template(json.dumps(data))
    assert template.translations["ru"] == Translation()
    assert template.translations["de"].name == "Gewinnspiel"
    written = json.loads(dump_template(template))["translations"]
    assert written["de"] == {"name": "Gewinnspiel", "slots": {}, "layers": {}}


def test_unknown_slots_and_layers_are_refused_at_their_path() -> None:
    data = contest_data()
    data["translations"]["ru"]["slots"]["price"] = "Цена"
    data["translations"]["ru"]["layers"]["sticker"] = "Стикер"
    found = problems(data)
    assert "$.translations.ru.slots.price: the slot 'price' is not declared in $.slots" in found
    assert (
        "$.translations.ru.layers.sticker: there is no layer with the id 'sticker' in $.layers"
        in found
    )
    assert len(found) == 2


def test_a_language_code_with_a_region_is_named_in_brackets() -> None:
    data = contest_data()
    data["translations"] = {"pt-BR": {"layers": {"gone": "Sumiu"}}}
    assert problems(data) == [
        "$.translations['pt-BR'].layers.gone: there is no layer with the id 'gone' in $.layers"
    ]


@pytest.mark.parametrize(
    ("translations", "expected"),
    [
        ({"Russian": {}}, "$.translations.Russian: "),
        ({"ru": {"name": "Я" * 101}}, "$.translations.ru.name: "),
        ({"ru": {"slots": {"headline": "Я" * 101}}}, "$.translations.ru.slots.headline: "),
        ({"ru": {"layers": {"photo": 5}}}, "$.translations.ru.layers.photo: "),
        ({"ru": {"layers": {"bad id!": "x"}}}, "$.translations.ru.layers"),
        ({"ru": {"title": "Конкурс"}}, "$.translations.ru.title: unknown key"),
        ({"ru": []}, "$.translations.ru: must be an object"),
    ],
)
def test_bad_translations_are_refused_at_their_path(
    translations: dict[str, Any], expected: str
) -> None:
    data = contest_data()
    data["translations"] = translations
    found = problems(data)
    assert any(problem.startswith(expected) for problem in found), found


def test_a_version_3_file_gets_no_translations(tmp_path: Path) -> None:
    data = contest_data()
    del data["translations"]
    data["version"] = 3
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_template(old)
    assert loaded.migrations[0] == (
        "v3 -> v4: translations of the name, slot labels and layer names added"
    )
    assert loaded.template.translations == {}


@pytest.mark.parametrize("path", starter_templates(), ids=lambda path: path.stem)
def test_every_starter_label_has_russian(path: Path) -> None:
    template: Template = load_template(path).template
    russian = template.translations["ru"]
    assert russian.name and russian.name != template.name
    assert set(russian.slots) == set(template.slots)
    assert list(russian.layers) == [layer.id for layer in template.layers]
    for label in [russian.name, *russian.slots.values(), *russian.layers.values()]:
        assert any("а" <= char.lower() <= "я" for char in label), label
