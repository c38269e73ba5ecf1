"""The published JSON Schema matches the model."""

from __future__ import annotations

import json
from pathlib import Path

from brandstudio.fileformat.jsonio import dump_json
from brandstudio.fileformat.schema import template_json_schema

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "template.schema.json"


def test_docs_schema_is_up_to_date() -> None:
    expected = dump_json(template_json_schema())
    assert SCHEMA.read_text(encoding="utf-8") == expected, (
        "docs/template.schema.json is stale: regenerate it with `make schema`"
    )


def test_schema_forbids_unknown_keys_and_bounds_the_canvas() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    canvas = schema["$defs"]["Canvas"]["properties"]["width"]
    assert (canvas["minimum"], canvas["maximum"]) == (16, 8192)
