"""``brandstudio demo``: the demo campaign, every starter template in every size."""

from __future__ import annotations

import argparse
from pathlib import Path

from brandstudio.brands import DEFAULT_BRAND
from brandstudio.cli import cmd_render, exitcodes, output
from brandstudio.resources import starter_templates

EPILOG = """examples:
  brandstudio demo                       every starter template at every preset, into out/
  brandstudio demo --preset vk-post --preset instagram-story --out campaign
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        help="render the demo campaign: every starter template in every network size",
        description="Render every starter template with its sample content and the demo "
        "brand, one file per preset.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default out)")
    parser.add_argument("--preset", action="append", default=[], metavar="PRESET")
    parser.add_argument("--brand", default=DEFAULT_BRAND)
    parser.set_defaults(run=run)


def _render_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="brandstudio")
    cmd_render.add_parser(parser.add_subparsers())
    return parser


def run(args: argparse.Namespace) -> int:
    parser = _render_parser()
    presets = [part for preset in args.preset or ["all"] for part in ("--preset", preset)]
    worst = exitcodes.OK
    starters = starter_templates()
    for path in starters:
        job = parser.parse_args(
            ["render", str(path), "--out", str(args.out), "--brand", args.brand, *presets]
        )
        job.write_report = False  # one campaign: its images, not a report per template
        worst = max(worst, cmd_render.run(job))
    output.message(f"demo campaign: {len(starters)} templates rendered into {args.out}/")
    return worst
