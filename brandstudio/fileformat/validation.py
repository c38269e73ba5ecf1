"""Raw JSON data -> model values, with every problem reported at its JSON path.

The model's type annotations carry the rules (types, ranges, patterns, allowed keys); pydantic
checks them in strict mode, and its error locations are mapped back onto the JSON document.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Hashable, Sequence
from typing import Any, TypeVar, cast

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from brandstudio.fileformat.errors import FormatError, Problem, json_path
from brandstudio.model.values import PATTERN_MEANINGS

T = TypeVar("T")


@functools.cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _document_path(data: Any, location: Sequence[str | int]) -> list[str | int]:
    """The parts of a validator location that exist in the document.

    Locations also hold the names of union members (``"text"`` for a text layer, ``"str"`` for
    a colour string); those are not keys of the document and are dropped.
    """
    parts: list[str | int] = []
    node = data
    last = len(location) - 1
    for index, part in enumerate(location):
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if in_dict or in_list:
            node = node[part]
            parts.append(part)
        elif isinstance(node, dict) and part != "[key]" and isinstance(part, str) and index == last:
            parts.append(part)  # a missing key: name it ("[key]" marks a bad key, named already)
    return parts


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    if kind in ("missing", "missing_keyword_argument"):
        return "required key is missing"
    if kind == "union_tag_invalid":
        context = error.get("ctx") or {}
        return (
            f"unknown type {context.get('tag')!r}; expected one of {context.get('expected_tags')}"
        )
    if kind == "union_tag_not_found":
        return "a 'type' key is required"
    if kind == "string_pattern_mismatch":
        value = json.dumps(error.get("input"), ensure_ascii=False)[:80]
        pattern = (error.get("ctx") or {}).get("pattern", "")
        meaning = PATTERN_MEANINGS.get(pattern)
        return f"{value} is not {meaning}" if meaning else f"{value} is not allowed here"
    if kind == "finite_number":
        return "must be a finite number"
    if kind in ("int_from_float", "int_type"):
        return "must be a whole number"
    if kind == "float_type":
        return "must be a number"
    if kind == "tuple_type":
        return "must be a list"
    if kind in ("too_short", "too_long"):
        context = error.get("ctx") or {}
        bound = "at least" if kind == "too_short" else "at most"
        limit = context.get("min_length" if kind == "too_short" else "max_length")
        return f"must have {bound} {limit} items"
    if kind in ("dataclass_type", "dataclass_exact_type", "dict_type", "model_type"):
        return "must be an object"
    return str(error["msg"]).rstrip(".").replace("Input should", "must")


def problems_from(error: ValidationError, data: Any) -> list[Problem]:
    """One problem per distinct location and message, in document order."""
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for detail in error.errors():
        path = json_path(_document_path(data, detail["loc"]))
        message = _message(detail)
        if (path, message) not in seen:
            seen.add((path, message))
            problems.append(Problem(path, message))
    return problems


def validate_as(kind: type[T], data: Any, source: str) -> T:
    """Check ``data`` (parsed JSON) against a model type and build the value.

    Raises FormatError with every problem found, each at its JSON path.
    """
    # JSON mode: objects become records and lists become tuples, with no other coercion.
    text = json.dumps(data, allow_nan=False)
    try:
        value: T = _adapter(cast(Hashable, kind)).validate_json(text)
    except ValidationError as error:
        raise FormatError(source, problems_from(error, data)) from None
    return value


def to_data(kind: Any, value: Any) -> Any:
    """A model value as plain JSON data, keys in the model's field order."""
    return _adapter(kind).dump_python(value, mode="json")
