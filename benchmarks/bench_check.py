"""Checking a post before it goes out (``brandstudio check``) against rendering and encoding
the same sizes, in the same run: the contest starter at all 14 presets with the demo brand.
Issue 15 asks for the check to cost less than the render it saves a user from looking at."""

from __future__ import annotations

from benchmarks.timing import measure, report
from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.jobs.check import check_post
from brandstudio.presets import load_presets
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import render
from brandstudio.render.export import encode
from brandstudio.resources import templates_folder


def main() -> None:
    folder = templates_folder()
    template = load_template(folder / "contest.json").template
    kit = find_brand("demo")
    presets = load_presets()

    def export_all() -> None:
        assets = resolve_assets(template, {}, kit, folder, presets)
        for preset in presets:
            encode(render(template, {}, assets, preset).image, "jpeg", 90)

    def check_all() -> None:
        result = check_post(template, {}, kit, folder, presets)
        assert not [p for p in result.problems if p.severity == "error"], result.problems

    baseline = measure(export_all, repeat=3, number=1)
    report(f"check contest at {len(presets)} sizes", measure(check_all, repeat=3, number=1),
           "render+encode them", baseline)  # fmt: skip


if __name__ == "__main__":
    main()
