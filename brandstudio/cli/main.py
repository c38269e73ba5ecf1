"""The ``brandstudio`` command: parse the command line and run one subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import threading
from collections.abc import Sequence

from brandstudio import __version__
from brandstudio.cli import errors, exitcodes, output

COMMANDS = (
    "presets", "validate", "check", "render", "stamp", "demo", "brand", "template", "contest",
    "plan", "slice", "gui",
)  # fmt: skip
"""Subcommands in --help order; each is the module ``brandstudio.cli.cmd_<name>``."""

EPILOG = """examples:
  brandstudio                              open the studio window
  brandstudio presets                      list the network sizes
  brandstudio validate my-template.json    check a template file
  brandstudio check contest --json         every problem before exporting, at every size
  brandstudio render contest --preset all  render a starter template in every size
  brandstudio demo                         the demo campaign: all starters, all sizes
  brandstudio stamp photos/ --out branded  the brand's logo on every photo of a folder
  brandstudio render promo --data products.xlsx --name "{row}_{sku}_{preset}"
                                           one post per spreadsheet row
  brandstudio contest commit comments.csv --out december
                                           seal a giveaway's entrants before the draw
  brandstudio contest draw december --winners 3 --reserve 2
                                           a draw anyone can verify, and the winners card

Data goes to stdout, messages to stderr. Exit status: 0 done, 1 some items
failed (the rest were done), 2 unusable input or command line.
"""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser: every subcommand, or just ``only`` (a command's own start-up
    then loads just its own modules)."""
    parser = argparse.ArgumentParser(
        prog="brandstudio",
        description="Brandstudio: branded social-media images from templates, offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"brandstudio {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"brandstudio.cli.cmd_{name}").add_parser(commands)
    return parser


class Terminated(BaseException):
    """SIGTERM arrived outside a batch (a batch stops cleanly on its own and reports)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv) or ["gui"]  # no command: studio
    parser = build_parser(arguments[0] if arguments[0] in COMMANDS else None)
    args = parser.parse_args(arguments)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return exitcodes.UNUSABLE
    handles_term = arguments[0] != "gui" and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if handles_term else None
    try:
        return _run(args)
    finally:
        if handles_term:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    """Run the parsed command; every way it can end becomes an exit status."""
    try:
        status: int = args.run(args)
    except BrokenPipeError:
        # The reader went away (``brandstudio presets | head``): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return exitcodes.OK
    except KeyboardInterrupt:
        output.message("brandstudio: interrupted")
        return exitcodes.INTERRUPTED
    except Terminated:
        output.message("brandstudio: terminated (SIGTERM)")
        return exitcodes.TERMINATED
    except Exception as error:
        if not errors.is_unusable(error):
            raise
        return errors.report_unusable(error, getattr(args, "out", None))
    return status
