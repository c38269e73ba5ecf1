"""What ``brandstudio check`` may report, and a template's own limits and exceptions.

A template keeps a flat list of :class:`CheckSetting`: each changes one rule's limit or
severity for the whole template, one layer, one preset, or one layer at one preset ("this
size may have small print"). The most specific matching setting wins. Pure data: the rules
themselves live in ``jobs/check_rules.py``.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from annotated_types import Interval

from brandstudio.model._record import record
from brandstudio.model.values import Label, LayerId, PresetId

RuleId = Literal[
    "text-fit",
    "min-size",
    "contrast",
    "safe-zone",
    "overlap",
    "clear-space",
    "photo-resolution",
    "file-size",
    "qr-scan",
    "glyphs",
]
"""Every rule's id, as reported and as named in a template's ``checks``."""

RULE_IDS: Final[tuple[str, ...]] = RuleId.__args__  # type: ignore[attr-defined]

Severity = Literal["error", "warning", "off"]
"""How a problem counts: ``error`` fails the check, ``warning`` is listed, ``off`` hides it."""

Limit = Annotated[float, Interval(ge=0.0, le=1_000_000.0)]
"""A rule's limit, in the rule's own unit (see ``jobs/check_rules.RULES``)."""


@record
class CheckSetting:
    """A change to one rule: for the whole template (``layer`` and ``preset`` None), one
    layer, one preset, or one layer at one preset. ``reason`` says why, for whoever reads
    the template next."""

    rule: RuleId
    layer: LayerId | None = None
    preset: PresetId | None = None
    severity: Severity | None = None
    limit: Limit | None = None
    reason: Label = ""

    def specificity(self) -> int:
        """0 template-wide, 1 a preset, 2 a layer, 3 a layer at a preset."""
        return (2 if self.layer is not None else 0) + (1 if self.preset is not None else 0)

    def matches(self, rule: str, layer: str | None, preset: str | None) -> bool:
        """Whether this setting applies to ``rule`` reported on ``layer`` at ``preset``."""
        return (
            self.rule == rule
            and (self.layer is None or self.layer == layer)
            and (self.preset is None or self.preset == preset)
        )
