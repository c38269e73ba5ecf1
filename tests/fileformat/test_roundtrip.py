"""Writing a template and reading it back gives the same template, byte-stable."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from strategies import templates

from brandstudio.fileformat import dump_template, load_template, parse_template, save_template
from brandstudio.model import Template

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(templates())
def test_parse_of_dump_is_identity(template: Template) -> None:
    assert parse_template(dump_template(template)) == template


@FAST
@given(templates())
def test_dump_is_stable(template: Template) -> None:
    text = dump_template(template)
    assert dump_template(parse_template(text)) == text


def test_top_level_keys_in_fixed_order(tmp_path: Path) -> None:
    template = Template(name="Пост")
    path = tmp_path / "post.json"
    save_template(template, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == [
        "format",
        "version",
        "name",
        "revision",
        "tags",
        "canvas",
        "slides",
        "background",
        "slots",
        "layers",
        "translations",
        "checks",
    ]
    assert data["format"] == "brandstudio.template"


def test_text_is_written_as_utf8_not_escapes(tmp_path: Path) -> None:
    path = tmp_path / "ru.json"
    save_template(Template(name="Конкурс 🎉"), path)
    raw = path.read_bytes()
    assert "Конкурс 🎉".encode() in raw
    assert b"\\u" not in raw
    assert raw.endswith(b"\n")


def test_layer_keys_start_with_id_and_type(starter_paths: list[Path]) -> None:
    for path in starter_paths:
        data = json.loads(dump_template(load_template(path).template))
        for layer in data["layers"]:
            assert list(layer)[:2] == ["id", "type"]


def test_shipped_templates_are_in_canonical_form(starter_paths: list[Path]) -> None:
    """Starter templates are stored exactly as Brandstudio writes them: diffs stay small."""
    for path in starter_paths:
        assert dump_template(load_template(path).template) == path.read_text(encoding="utf-8"), path
