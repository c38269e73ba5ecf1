"""Examples in every ``--help``: each action of a command group shows its own lines."""

from __future__ import annotations

import argparse


def attach_examples(
    actions: argparse._SubParsersAction[argparse.ArgumentParser], epilog: str, group: str
) -> None:
    """Give each action parser the example lines of ``epilog`` that run it."""
    lines = [line for line in epilog.splitlines() if line.strip().startswith("brandstudio ")]
    for name, parser in actions.choices.items():
        own = [line for line in lines if line.split()[1:3] == [group, name]]
        if own:
            parser.epilog = "examples:\n" + "\n".join(own)
            parser.formatter_class = argparse.RawDescriptionHelpFormatter
