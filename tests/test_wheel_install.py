"""The wheel ships what the program needs, and a fresh install runs without the repository.

The wheel is built from a copy of the working tree rather than the tree itself: building in
place leaves ``build/`` behind (whose stale files setuptools would put in the next wheel), and
the copy is given the ``__pycache__`` folders that any tree where Python has run has, so the
"no bytecode in the wheel" check does not depend on ``PYTHONDONTWRITEBYTECODE``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

import brandstudio

pytestmark = [pytest.mark.slow, pytest.mark.hang_limit(900)]  # builds a wheel and a venv

REPO = Path(__file__).resolve().parent.parent
CONSTRAINTS = REPO / "requirements" / "constraints.txt"

# Never copied into the build tree: not sources, and some are large or machine-specific.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "out",
    "*.egg-info",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
)
INSTALL_TIMEOUT = 300  # seconds: PySide6 alone is about 85 MB when it is not in a cache


@dataclass(frozen=True)
class Venv:
    root: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"


def _run(
    args: Sequence[str | Path], *, cwd: Path, timeout: float
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _explain(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"{' '.join(result.args)} exited {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the working tree that has bytecode in every package."""
    source = tmp_path_factory.mktemp("source") / "brandstudio"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    compiled = _run(
        [sys.executable, "-m", "compileall", "-q", "brandstudio", "assets", "templates"],
        cwd=source,
        timeout=120,
    )
    assert compiled.returncode == 0, _explain(compiled)

    out = tmp_path_factory.mktemp("wheelhouse")
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--disable-pip-version-check",
            "-w",
            out,
            source,
        ],
        cwd=out,
        timeout=300,
    )
    assert built.returncode == 0, _explain(built)
    wheels = sorted(out.glob("brandstudio-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {out}, found {wheels}\n{_explain(built)}"
    return wheels[0]


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_wheel_ships_the_package_data(wheel_names: list[str]) -> None:
    names = set(wheel_names)
    for required in (
        "brandstudio/assets/fonts/fonts.json",
        "brandstudio/templates/contest.json",
        "brandstudio/data/presets.json",
        "brandstudio/cli/main.py",
        "brandstudio/assets/brands/demo/brand.json",
        "brandstudio/assets/brands/demo/logos/zerno-light.png",
        "brandstudio/templates/photos/fig-bowl.jpg",
        "brandstudio/templates/photos/LICENSES.md",
        "brandstudio/render/engine.py",
    ):
        assert required in names, f"{required} is missing from the wheel"
    fonts = [
        name
        for name in wheel_names
        if name.startswith("brandstudio/assets/fonts/") and name.endswith(".ttf")
    ]
    assert fonts, "the wheel ships no .ttf under brandstudio/assets/fonts/"


def test_wheel_ships_every_package_of_the_source(wheel_names: list[str]) -> None:
    """A package missing from pyproject's list would be missing from every install."""
    source = {
        path.relative_to(REPO).as_posix()
        for path in (REPO / "brandstudio").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert source - set(wheel_names) == set(), "modules missing from the wheel"


def test_wheel_ships_no_bytecode_and_no_tests(wheel_names: list[str]) -> None:
    bytecode = [name for name in wheel_names if "__pycache__" in name or name.endswith(".pyc")]
    assert not bytecode, (
        "the wheel ships bytecode (package-data '**/*' picks up __pycache__; exclude it with "
        "[tool.setuptools.exclude-package-data]):\n  " + "\n  ".join(bytecode)
    )
    tests = [name for name in wheel_names if name.startswith("tests/") or "/tests/" in name]
    assert not tests, "the wheel ships tests:\n  " + "\n  ".join(tests)


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Venv:
    """A fresh venv (no system site-packages) with the wheel and its pinned dependencies."""
    root = tmp_path_factory.mktemp("fresh") / "venv"
    created = _run([sys.executable, "-m", "venv", root], cwd=root.parent, timeout=120)
    assert created.returncode == 0, _explain(created)
    venv = Venv(root)
    install = _run(
        [
            venv.bin / "python",
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            "-c",
            CONSTRAINTS,
            wheel,
        ],
        cwd=root.parent,
        timeout=INSTALL_TIMEOUT,
    )
    assert install.returncode == 0, _explain(install)
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A working folder outside the repository, so the checkout is not on sys.path."""
    assert not tmp_path.is_relative_to(REPO)
    return tmp_path


def test_installed_command_lists_presets(installed: Venv, elsewhere: Path) -> None:
    result = _run([installed.bin / "brandstudio", "presets", "--json"], cwd=elsewhere, timeout=120)
    assert result.returncode == 0, _explain(result)
    presets = {preset["id"]: preset for preset in json.loads(result.stdout)}
    assert "instagram-square" in presets, sorted(presets)
    square = presets["instagram-square"]
    assert (square["width"], square["height"]) == (1080, 1080)


def test_installed_command_prints_its_version(installed: Venv, elsewhere: Path) -> None:
    result = _run([installed.bin / "brandstudio", "--version"], cwd=elsewhere, timeout=120)
    assert result.returncode == 0, _explain(result)
    assert result.stdout.strip() == f"brandstudio {brandstudio.__version__}"


def test_installed_command_validates_its_own_starter_template(
    installed: Venv, elsewhere: Path
) -> None:
    located = _run(
        [
            installed.bin / "python",
            "-c",
            "import brandstudio.resources as r; print(r.templates_folder())",
        ],
        cwd=elsewhere,
        timeout=120,
    )
    assert located.returncode == 0, _explain(located)
    folder = Path(located.stdout.strip())
    assert folder.is_relative_to(installed.root), f"{folder} is not inside {installed.root}"
    assert not folder.is_relative_to(REPO), f"{folder} is the checkout, not the install"

    contest = folder / "contest.json"
    result = _run([installed.bin / "brandstudio", "validate", contest], cwd=elsewhere, timeout=120)
    assert result.returncode == 0, _explain(result)
    assert f"{contest}: ok" in result.stdout


def test_installed_command_renders_a_starter_with_bundled_assets(
    installed: Venv, elsewhere: Path
) -> None:
    out = elsewhere / "rendered"
    result = _run(
        [installed.bin / "brandstudio", "render", "promo", "--preset", "vk-post", "--out", out],
        cwd=elsewhere,
        timeout=120,
    )
    assert result.returncode == 0, _explain(result)
    written = Path(result.stdout.strip())
    assert written == out / "promo_vk-post.jpg"
    assert written.stat().st_size > 20_000
    assert "warning" not in result.stderr, result.stderr
