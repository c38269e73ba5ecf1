"""``brandstudio gui``: open the studio window (the default without a command)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from brandstudio.cli import exitcodes, output

EPILOG = """examples:
  brandstudio                                  the studio, on the last template used
  brandstudio gui contest                      a starter template
  brandstudio gui "Зерно/promo"                a template of the library
  brandstudio gui promo --preset instagram-story
  QT_QPA_PLATFORM=offscreen brandstudio gui --screenshot window.png
                                               render, save the window, quit (no screen needed)
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "gui",
        help="open the studio window",
        description="Open the Brandstudio studio window.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "template", nargs="?", metavar="TEMPLATE", help="a template file, starter or BRAND/NAME"
    )
    parser.add_argument(
        "--preset", metavar="PRESET", help="show this preset (id or WIDTHxHEIGHT) at start"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE.png", help="save the window once rendered, quit"
    )
    parser.set_defaults(run=run)


def has_display() -> bool:
    """True when Qt can open a window here (a display, or a platform chosen explicitly)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run(args: argparse.Namespace) -> int:
    if not has_display():
        output.error(
            "no display to open the window on; for a screenshot without one, set"
            " QT_QPA_PLATFORM=offscreen"
        )
        return exitcodes.UNUSABLE
    if args.screenshot is not None and args.screenshot.suffix.casefold() not in (".png", ".jpg"):
        output.error(f"--screenshot {args.screenshot}: give a .png or .jpg file name")
        return exitcodes.UNUSABLE
    preset = None
    if args.preset:
        from brandstudio.cli.preset_args import UsageError, parse_presets

        try:
            preset = next(iter(parse_presets([args.preset])), None)
        except UsageError as error:
            output.error(str(error))
            return exitcodes.UNUSABLE
    from brandstudio.gui.app import StartError, run_studio

    try:
        return run_studio(args.template, args.screenshot, preset)
    except StartError as error:  # only with --screenshot: the window says it otherwise
        for line in error.lines:
            output.error(line)
        return exitcodes.UNUSABLE
