"""The ``check`` job: render what would be exported (in memory, writing nothing) and report
every problem, with each layer as laid out.

``brandstudio check`` and the studio's Check panel both call :func:`check_post` (one post) or
:func:`check_rows` (one per spreadsheet row). The rules are in ``check_rules``; a template's
own limits and exceptions (``Template.checks``) decide each problem's severity and limit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from brandstudio.batch.pool import ItemError
from brandstudio.fileformat.brand_io import BrandKit
from brandstudio.jobs.check_rules import (
    LOOKS,
    RULES,
    Finding,
    LimitOf,
    surely_under,
    upload_limit_kb,
)
from brandstudio.jobs.check_scene import Scene, make_scene
from brandstudio.jobs.common import encode_output
from brandstudio.jobs.qr_scan import ExpectedQr, QrScanProblem, qr_scan_problems
from brandstudio.model.edits import hide_layers
from brandstudio.model.layers import QrLayer
from brandstudio.model.preset import Preset
from brandstudio.model.template import Template
from brandstudio.model.utm import qr_payload
from brandstudio.render.assets import Assets, RenderError, resolve_assets, slot_value
from brandstudio.render.export import ImageFormat, split_slides

SEVERITIES: Final = ("error", "warning")

FailOn = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (preset id, spreadsheet row or None, layer id or None for the
    whole image), how bad, and the measured ``value`` against its ``limit`` (rule units)."""

    rule: str
    severity: str
    preset: str
    row: int | None
    layer: str | None
    message: str
    value: float | None = None
    limit: float | None = None


def problems_summary(problems: Sequence[Problem]) -> str:
    """'2 errors: contrast at vk-post (headline): …; …' — the first few, for a failed row."""
    shown = [
        f"{p.rule} at {p.preset}" + (f" ({p.layer})" if p.layer else "") + f": {p.message}"
        for p in problems[:3]
    ]
    more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
    noun = "error" if len(problems) == 1 else "errors"
    return f"the check found {len(problems)} {noun}: " + "; ".join(shown) + more


@dataclass(frozen=True)
class LaidOutLayer:
    """A visible layer as exported: ``box`` is [x, y, width, height] in px, ``font_size`` in
    px (text only) and ``lines`` its text exactly as laid out, line by line."""

    preset: str
    row: int | None
    layer: str
    type: str
    box: tuple[float, float, float, float]
    font_size: float | None = None
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """Every problem found and every layer laid out, preset by preset (row by row)."""

    problems: tuple[Problem, ...] = ()
    layers: tuple[LaidOutLayer, ...] = ()

    def fails(self, fail_on: FailOn = "error") -> bool:
        """Whether a problem is an error (or, with ``fail_on="warning"``, any problem)."""
        counted = ("error",) if fail_on == "error" else SEVERITIES
        return any(problem.severity in counted for problem in self.problems)

    def errors(self) -> tuple[Problem, ...]:
        """The problems that are errors."""
        return tuple(problem for problem in self.problems if problem.severity == "error")

    def __add__(self, other: CheckResult) -> CheckResult:
        return CheckResult(self.problems + other.problems, self.layers + other.layers)


@dataclass(frozen=True)
class CheckOutput:
    """How the post would be encoded: the format, quality (1-100) and largest size (KB)."""

    fmt: ImageFormat = "jpeg"
    quality: int = 90
    max_kb: int | None = None


@dataclass(frozen=True)
class CheckRow:
    """One spreadsheet row's slot values and hidden layers (``number`` as the sheet shows)."""

    number: int | None
    content: Mapping[str, str]
    hidden: frozenset[str] = field(default_factory=frozenset)
    error: str | None = None
    """Why the row cannot be made at all (a missing photo, a bad link): reported as a
    ``row`` error at every size, and the other rows are checked."""


ROW_RULE: Final = "row"
"""The rule id of a spreadsheet row that cannot be made (not a template setting: a row that
cannot be made is always an error)."""
ALL_SIZES: Final = "all"
"""The ``preset`` of a problem that is the same at every size."""


def setting(
    template: Template, rule: str, layer: str | None, preset: str | None
) -> tuple[str, float | None]:
    """(severity, limit) of ``rule`` for ``layer`` at ``preset``: the rule's defaults, changed
    by the template's matching settings, the most specific last (ties: the later one)."""
    default = RULES[rule]
    severity, limit = default.severity, default.limit
    found = [s for s in template.checks if s.matches(rule, layer, preset)]
    for chosen in sorted(found, key=lambda s: s.specificity()):
        severity = chosen.severity or severity
        limit = chosen.limit if chosen.limit is not None else limit
    return severity, limit


def unused_settings(template: Template, preset_ids: Sequence[str]) -> list[str]:
    """What is wrong with the template's check settings that name a layer it lacks or a
    preset that does not exist (a typo there would silently excuse nothing), one line each."""
    layers = {layer.id for layer in template.layers}
    said = []
    for index, chosen in enumerate(template.checks):
        if chosen.layer is not None and chosen.layer not in layers:
            said.append(f"checks[{index}]: the template has no layer {chosen.layer!r}")
        if chosen.preset is not None and chosen.preset not in preset_ids:
            said.append(f"checks[{index}]: there is no preset {chosen.preset!r}")
    return said


def _laid_out(scene: Scene, row: int | None) -> list[LaidOutLayer]:
    laid: list[LaidOutLayer] = []
    for facts in scene.layers:
        box = facts.placement.box
        fitted = facts.fitted
        laid.append(
            LaidOutLayer(
                preset=scene.preset_id,
                row=row,
                layer=facts.layer.id,
                type=facts.layer.type,
                box=(round(box.x, 1), round(box.y, 1), round(box.width, 1), round(box.height, 1)),
                font_size=None if fitted is None else round(fitted.size, 1),
                lines=() if fitted is None else fitted.lines,
            )
        )
    return laid


def _file_size(scene: Scene, output: CheckOutput, limit_of: LimitOf) -> list[Finding]:
    """The export over ``--max-kb`` (it cannot be made small enough) or over the network's
    upload limit (or the template's ``file-size`` limit), encoded in memory as render does."""
    cap = limit_of("file-size", None)
    if cap is None:
        cap = upload_limit_kb(scene.preset_id)
    images = split_slides(scene.image, max(1, len(scene.placed.slides)))  # a file each
    if output.max_kb is None and (cap is None or surely_under(images[0], cap)):
        return []
    try:
        encoded = [
            encode_output(image, output.fmt, output.quality, output.max_kb) for image in images
        ]
    except ItemError as error:
        return [Finding("file-size", None, str(error), None, float(output.max_kb or 0))]
    size_kb = max(len(each.data) for each in encoded) / 1024
    if cap is not None and size_kb > cap:
        return [
            Finding(
                "file-size",
                None,
                f"{size_kb:.0f} KB as {output.fmt}, over the {cap:g} KB upload limit",
                round(size_kb, 1),
                cap,
            )
        ]
    return []


def _scan_each_image(scene: Scene, expected: list[ExpectedQr]) -> list[QrScanProblem]:
    """``qr_scan_problems`` on each exported image: a carousel's slides one by one, each code
    in the slide its centre is on."""
    if not scene.placed.slides:
        return qr_scan_problems(scene.image, expected)
    problems = []
    for slide in scene.placed.slides:
        here = [code for code in expected if slide.x <= code.box.center[0] < slide.right]
        if here:
            image = scene.image.crop((round(slide.x), 0, round(slide.right), scene.image.height))
            moved = [
                dataclasses.replace(code, box=dataclasses.replace(code.box, x=code.box.x - slide.x))
                for code in here
            ]
            problems += qr_scan_problems(image, moved)
    return problems


def _qr_scan(scene: Scene, template: Template, content: Mapping[str, str]) -> list[Finding]:
    """QR codes whose payload does not decode from the image as a phone shows it."""
    expected = []
    for facts in scene.layers:
        layer = facts.layer
        payload = (
            slot_value(template, content, layer.props.slot) if isinstance(layer, QrLayer) else ""
        )
        if isinstance(layer, QrLayer) and payload:
            props = layer.props
            # tagged as the engine draws it
            payload = qr_payload(payload, template.qr_utm(props), scene.placed.preset_id)
            expected.append(
                ExpectedQr(
                    layer.id, payload, facts.placement.box, props.error_correction, props.quiet_zone
                )
            )
    found = []
    for problem in _scan_each_image(scene, expected):
        message = problem.message.removeprefix(f"{problem.layer}: ")
        found.append(Finding("qr-scan", problem.layer, message, problem.value, problem.limit))
    return found


def _problems(
    template: Template, findings: Sequence[Finding], preset: str, row: int | None
) -> list[Problem]:
    problems = []
    for finding in findings:
        severity, _ = setting(template, finding.rule, finding.layer, preset)
        if severity != "off":
            problems.append(
                Problem(
                    finding.rule,
                    severity,
                    preset,
                    row,
                    finding.layer,
                    finding.message,
                    finding.value,
                    finding.limit,
                )
            )
    return problems


def check_post(
    template: Template,
    content: Mapping[str, str],
    kit: BrandKit,
    folder: Path,
    presets: Sequence[Preset | None],
    output: CheckOutput = CheckOutput(),
    *,
    row: int | None = None,
    assets: Assets | None = None,
) -> CheckResult:
    """Check one post at each of ``presets`` (None: the template's own canvas).

    Args:
        template: the template, with any row's hidden layers already hidden.
        content: slot -> value, as render takes it.
        kit: the brand to draw with; folder: where the template's sample photos are.
        presets: the sizes to check.
        output: how the files would be encoded (for ``file-size``).
        row: the spreadsheet row number to report, None without a spreadsheet.
        assets: already resolved assets (the studio's), else resolved here.

    Raises RenderError (a photo given in ``content`` that cannot be used).
    """
    if assets is None:
        assets = resolve_assets(template, content, kit, folder, presets)
    layers: list[LaidOutLayer] = []
    # The rules of one size run beside the render of the next (Pillow, numpy and zxing let
    # go of the GIL): they only read the finished scene.
    with ThreadPoolExecutor(max_workers=1) as rules:
        pending = []
        for preset in presets:
            scene = make_scene(template, content, assets, preset)
            pending.append(rules.submit(scene_problems, template, content, scene, output, row))
            layers += _laid_out(scene, row)
        problems = [problem for done in pending for problem in done.result()]
    return CheckResult(tuple(problems), tuple(layers))


def scene_problems(
    template: Template,
    content: Mapping[str, str],
    scene: Scene,
    output: CheckOutput,
    row: int | None,
) -> list[Problem]:
    """Every rule on one rendered size (``make_scene``), with the template's severities and
    limits; a bulk job renders each size once this way, checks it and encodes its image."""
    at = scene.preset_id

    def limit_of(rule: str, layer: str | None) -> float | None:
        return setting(template, rule, layer, at)[1]

    findings = [found for look in LOOKS for found in look(scene, limit_of)]
    findings += _file_size(scene, output, limit_of)
    findings += _qr_scan(scene, template, content)
    return _problems(template, findings, at, row)


def check_rows(
    template: Template,
    rows: Sequence[CheckRow],
    kit: BrandKit,
    folder: Path,
    presets: Sequence[Preset | None],
    output: CheckOutput = CheckOutput(),
) -> CheckResult:
    """Check one post per row (its content and hidden layers) at each of ``presets``."""
    result = CheckResult()
    for row in rows:
        error = row.error
        if error is None:
            shown = hide_layers(template, row.hidden)
            try:
                result += check_post(
                    shown, row.content, kit, folder, presets, output, row=row.number
                )
            except RenderError as failure:  # a photo of the row that cannot be used
                error = str(failure)
        if error is not None:
            problem = Problem(ROW_RULE, "error", ALL_SIZES, row.number, None, error)
            result += CheckResult((problem,))
    return result
