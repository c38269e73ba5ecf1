"""The front door: version, help, usage errors."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

from helpers import Completed, run_command

from brandstudio import __version__


def test_version(cli: Callable[..., Completed]) -> None:
    result = cli("--version")
    assert result.status == 0
    assert result.stdout.strip() == f"brandstudio {__version__}"


def test_help_has_real_examples(cli: Callable[..., Completed]) -> None:
    for args in (["--help"], ["presets", "--help"], ["validate", "--help"]):
        result = cli(*args)
        assert result.status == 0
        assert "examples:" in result.stdout
        assert "brandstudio " in result.stdout.split("examples:")[1]


def test_unknown_command_is_a_usage_error(cli: Callable[..., Completed]) -> None:
    result = cli("frobnicate")
    assert result.status == 2
    assert "frobnicate" in result.stderr


def test_missing_argument_names_it(cli: Callable[..., Completed]) -> None:
    result = cli("validate")
    assert result.status == 2
    assert "TEMPLATE" in result.stderr


def test_no_command_opens_the_studio_and_says_so_without_a_display() -> None:
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "brandstudio"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr


def test_console_entry_point_runs() -> None:
    result = run_command(["--version"])
    assert result.status == 0
    assert __version__ in result.stdout


def test_closed_pipe_is_not_an_error() -> None:
    """``brandstudio presets --json | head -1`` ends quietly."""
    with subprocess.Popen(
        [sys.executable, "-m", "brandstudio", "presets", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline().strip() == b"["
        process.stdout.close()
        stderr = process.stderr.read().decode()
        status = process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert status == 0
