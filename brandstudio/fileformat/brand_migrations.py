"""Brand migrations: each step takes the raw data of ``brand.json`` version N to N + 1.

The same shape as the template steps in :mod:`brandstudio.fileformat.migrations`: small named
steps on plain JSON data before validation, never losing a value.
"""

from __future__ import annotations

from brandstudio.fileformat.migrations import Data, Migration, run_steps
from brandstudio.model.brand import BRAND_VERSION


def _v1_to_v2(data: Data) -> Data:
    """Version 2 adds ``stamp.text``, the text mark stamped with the logo (none in version 1)."""
    stamp = data.get("stamp")
    if isinstance(stamp, dict):
        stamp.setdefault("text", None)
    data["version"] = 2
    return data


def _v2_to_v3(data: Data) -> Data:
    """Version 3 adds ``keep_words``, what the typography pass never changes (none before)."""
    data.setdefault("keep_words", [])
    data["version"] = 3
    return data


BRAND_MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "stamp text mark added (none)", _v1_to_v2),
    Migration(2, "words kept as typed by the typography pass added (none)", _v2_to_v3),
)


def migrate_brand(data: Data) -> tuple[Data, list[str]]:
    """Bring brand data up to the current version; returns it and the names of the steps run.

    ``data["version"]`` must already be a whole number from 1 to the current version.
    """
    return run_steps(data, BRAND_MIGRATIONS, BRAND_VERSION)
