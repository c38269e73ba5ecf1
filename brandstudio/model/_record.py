"""The decorator that makes every model class a frozen, keyword-only dataclass."""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

# Read by the file format's validator (pydantic reads ``__pydantic_config__`` from plain
# dataclasses): unknown keys are errors, numbers must be finite, no silent coercion.
VALIDATION_CONFIG: dict[str, Any] = {"extra": "forbid", "strict": True, "allow_inf_nan": False}


@dataclass_transform(frozen_default=True, kw_only_default=True)
def record(cls: type[T]) -> type[T]:
    """Turn ``cls`` into an immutable record: edits make new values with ``dataclasses.replace``."""
    cls.__pydantic_config__ = VALIDATION_CONFIG  # type: ignore[attr-defined]
    return dataclasses.dataclass(frozen=True, kw_only=True)(cls)
