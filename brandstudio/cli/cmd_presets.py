"""``brandstudio presets``: the network sizes Brandstudio knows."""

from __future__ import annotations

import argparse
import json

from brandstudio.cli import exitcodes, output
from brandstudio.presets import load_presets, preset_to_data

HELP = "list the network presets (id, size, safe zone)"
EPILOG = """examples:
  brandstudio presets
  brandstudio presets --json > presets.json
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "presets",
        help=HELP,
        description="List the network presets: one per line, id, size and name.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of objects (id, name, width, height, safe_zone, source, checked)",
    )
    parser.set_defaults(run=run)


def _safe_zone_text(data: dict[str, object]) -> str:
    zone = data["safe_zone"]
    if not isinstance(zone, dict):
        return ""
    return "safe " + " ".join(f"{side} {zone[side] * 100:g}%" for side in zone if zone[side])


def run(args: argparse.Namespace) -> int:
    presets = [preset_to_data(preset) for preset in load_presets()]
    if args.json:
        output.data(json.dumps(presets, ensure_ascii=False, indent=2))
        return exitcodes.OK
    id_width = max(len(str(item["id"])) for item in presets)
    for item in presets:
        size = f"{item['width']}x{item['height']}"
        line = f"{item['id']:<{id_width}}  {size:>9}  {item['name']}"
        zone = _safe_zone_text(item)
        output.data(f"{line}  ({zone})" if zone else line)
    return exitcodes.OK
