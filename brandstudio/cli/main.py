"""The ``brandstudio`` command: parse the command line and run one subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from brandstudio import __version__
from brandstudio.cli import (
    cmd_brand,
    cmd_demo,
    cmd_gui,
    cmd_presets,
    cmd_render,
    cmd_stamp,
    cmd_template,
    cmd_validate,
    exitcodes,
    output,
)
from brandstudio.fileformat import FormatError

EPILOG = """examples:
  brandstudio                              open the studio window
  brandstudio presets                      list the network sizes
  brandstudio validate my-template.json    check a template file
  brandstudio render contest --preset all  render a starter template in every size
  brandstudio demo                         the demo campaign: all starters, all sizes
  brandstudio stamp photos/ --out branded  the brand's logo on every photo of a folder
  brandstudio render promo --data products.xlsx --name "{row}_{sku}_{preset}"
                                           one post per spreadsheet row

Data goes to stdout, messages to stderr. Exit status: 0 done, 1 some items
failed (the rest were done), 2 unusable input or command line.
"""


def build_parser() -> argparse.ArgumentParser:
    """The full command-line parser, every subcommand included."""
    parser = argparse.ArgumentParser(
        prog="brandstudio",
        description="Brandstudio: branded social-media images from templates, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"brandstudio {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    cmd_presets.add_parser(commands)
    cmd_validate.add_parser(commands)
    cmd_render.add_parser(commands)
    cmd_stamp.add_parser(commands)
    cmd_demo.add_parser(commands)
    cmd_brand.add_parser(commands)
    cmd_template.add_parser(commands)
    cmd_gui.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(arguments or ["gui"])  # no command: open the studio
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return exitcodes.UNUSABLE
    try:
        status: int = args.run(args)
    except FormatError as error:
        output.format_error(error)
        return exitcodes.UNUSABLE
    except KeyboardInterrupt:
        output.message("brandstudio: interrupted")
        return exitcodes.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``brandstudio presets | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exitcodes.OK
    return status
