"""Reading a template and laying it out, against plain ``json.loads`` of the same file."""

from __future__ import annotations

import json

from benchmarks.timing import measure, report
from brandstudio.fileformat import dump_template, parse_template
from brandstudio.model import layout
from brandstudio.presets import load_presets
from brandstudio.resources import templates_folder


def main() -> None:
    text = (templates_folder() / "contest.json").read_text(encoding="utf-8")
    template = parse_template(text)
    presets = load_presets()

    baseline = measure(lambda: json.loads(text))
    report(
        "parse + migrate + validate contest.json",
        measure(lambda: parse_template(text)),
        "json.loads",
        baseline,
    )
    report("dump contest.json", measure(lambda: dump_template(template)), "json.loads", baseline)
    report(
        f"layout on all {len(presets)} presets",
        measure(lambda: [layout(template, preset) for preset in presets]),
        "json.loads",
        baseline,
    )
