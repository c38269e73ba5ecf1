"""The template format as JSON Schema, for editors and for ``docs/template.schema.json``."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from brandstudio.model.template import Template

SCHEMA_ID = "https://brandstudio.invalid/schema/template.schema.json"


def template_json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of the current template version."""
    schema = TypeAdapter(Template).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Brandstudio template",
        **schema,
    }
