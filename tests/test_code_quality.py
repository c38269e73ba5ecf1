"""The linters and the type checker pass on the whole repository, as ``make lint`` runs them.

Each runs from the test venv (``sys.executable -m TOOL``) with the configuration in
pyproject.toml; a failure shows the tool's own report.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _run_tool(module: str, *args: str, timeout: float = 600) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed in {sys.prefix}: install the [test] extra")
    result = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"`{module} {' '.join(args)}` exited {result.returncode}:\n{result.stdout}{result.stderr}"
    )


def test_ruff_check() -> None:
    _run_tool("ruff", "check", "--no-fix", ".")


def test_ruff_format() -> None:
    _run_tool("ruff", "format", "--check", ".")


def test_mypy() -> None:
    _run_tool("mypy")  # packages, strictness and plugins come from [tool.mypy]
