"""The options every command that writes images shares: ``--quality`` and ``--max-kb``, and
the usage errors for values they cannot take."""

from __future__ import annotations

import argparse

from brandstudio.cli.preset_args import UsageError


def add_encoding_options(parser: argparse.ArgumentParser, *, max_kb: bool = True) -> None:
    """Add ``--quality`` (1-100, default 90) and, unless ``max_kb`` is False, ``--max-kb``."""
    parser.add_argument("--quality", type=int, default=90, help="1-100 for JPEG and WebP")
    if max_kb:
        parser.add_argument("--max-kb", type=int, metavar="N", help="largest file size in KB")


def check_encoding_options(args: argparse.Namespace) -> None:
    """UsageError for a quality outside 1-100 or a size cap under 1 KB."""
    if not 1 <= args.quality <= 100:
        raise UsageError(f"--quality {args.quality}: must be 1 to 100")
    max_kb = getattr(args, "max_kb", None)
    if max_kb is not None and max_kb < 1:
        raise UsageError(f"--max-kb {max_kb}: must be at least 1")
