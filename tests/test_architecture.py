"""Dependency rules between Brandstudio's layers, checked on the source with ``ast``.

- Only ``brandstudio/gui/`` talks to Qt (PySide6, shiboken6).
- ``brandstudio/model/`` is plain data: no file format, command line, window, renderer, batch
  or library code, and no imaging libraries.
- ``brandstudio/fileformat/`` reads and writes files: no command line, window, renderer, batch,
  library or Pillow.
- Nothing imports ``brandstudio.gui`` except the window itself and its launcher
  ``brandstudio/cli/cmd_gui.py``, so the command line starts without loading Qt.

Every import counts, including those under ``if TYPE_CHECKING:``, inside functions, and
``importlib.import_module("...")`` / ``__import__("...")`` with a literal name.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "brandstudio"

QT = ("PySide6", "shiboken6")
LAYERS_ABOVE_MODEL = tuple(
    f"brandstudio.{name}" for name in ("fileformat", "cli", "gui", "render", "batch", "library")
)
LAYERS_ABOVE_FILEFORMAT = tuple(
    f"brandstudio.{name}" for name in ("cli", "gui", "render", "batch", "library")
)
GUI_LAUNCHER = "brandstudio/cli/cmd_gui.py"  # may not exist yet; allowed to import the window


@dataclass(frozen=True)
class Import:
    """One imported module name and where it is imported."""

    file: str  # relative to the repository, with forward slashes
    line: int
    name: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} imports {self.name}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(module: str, is_package: bool, level: int, target: str | None) -> str:
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (level - 1)] if level > 1 else package
    return ".".join([*base, target] if target else base)


def imports_of(path: Path, root: Path) -> Iterator[Import]:
    """Every module name that ``path`` imports (``root`` holds the top-level package)."""
    relative = path.relative_to(root).as_posix()
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(relative, node.lineno, alias.name)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve_relative(module, is_package, node.level, node.module)
            else:
                base = node.module or ""
            yield Import(relative, node.lineno, base)
            # ``from brandstudio import gui`` imports the module brandstudio.gui.
            for alias in node.names:
                if alias.name != "*":
                    yield Import(relative, node.lineno, f"{base}.{alias.name}")
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if (
                called in {"import_module", "__import__"}
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                yield Import(relative, node.lineno, first.value)


def all_imports(root: Path) -> list[Import]:
    found: list[Import] = []
    for path in sorted((root / "brandstudio").rglob("*.py")):
        found.extend(imports_of(path, root))
    return found


def _is_within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def violations(imports: list[Import]) -> list[str]:
    """Every import that breaks a layer rule, as ``file:line imports X``, deduplicated."""
    broken: dict[str, None] = {}
    for found in imports:
        in_gui = found.file.startswith("brandstudio/gui/")
        if _is_within(found.name, QT) and not in_gui:
            broken[f"{found} (only brandstudio/gui/ may use Qt)"] = None
        if found.file.startswith("brandstudio/model/") and _is_within(
            found.name, (*LAYERS_ABOVE_MODEL, "PIL", "qrcode", "fontTools")
        ):
            broken[f"{found} (brandstudio/model/ is plain data)"] = None
        if found.file.startswith("brandstudio/fileformat/") and _is_within(
            found.name, (*LAYERS_ABOVE_FILEFORMAT, "PIL")
        ):
            broken[f"{found} (brandstudio/fileformat/ only reads and writes files)"] = None
        if (
            _is_within(found.name, ("brandstudio.gui",))
            and not in_gui
            and found.file != GUI_LAUNCHER
        ):
            broken[f"{found} (only {GUI_LAUNCHER} may start the window)"] = None
    return list(broken)


def test_the_source_is_scanned() -> None:
    imports = all_imports(REPO)
    files = {found.file for found in imports}
    assert "brandstudio/cli/main.py" in files
    assert any(file.startswith("brandstudio/model/") for file in files)
    assert any(file.startswith("brandstudio/fileformat/") for file in files)
    # A known import, so a scanner that finds nothing cannot pass the rules below.
    assert any(
        found.file == "brandstudio/cli/main.py" and found.name == "brandstudio.fileformat"
        for found in imports
    )


def test_brandstudio_keeps_its_layers() -> None:
    broken = violations(all_imports(REPO))
    assert not broken, "layer rules broken:\n  " + "\n  ".join(broken)


def test_the_checker_reports_each_kind_of_violation(tmp_path: Path) -> None:
    """The rules catch what they are meant to, with file and line, and allow what they allow."""
    sources = {
        "brandstudio/__init__.py": "",
        "brandstudio/model/__init__.py": "",
        "brandstudio/model/bad.py": (
            "from typing import TYPE_CHECKING\n"
            "from PIL import Image\n"
            "from ..fileformat import load_template\n"
            "if TYPE_CHECKING:\n"
            "    import fontTools.ttLib\n"
        ),
        "brandstudio/fileformat/__init__.py": "",
        "brandstudio/fileformat/bad.py": (
            "def later():\n    from brandstudio import cli\n    import PIL.Image\n"
        ),
        "brandstudio/cli/__init__.py": "",
        "brandstudio/cli/cmd_gui.py": "def run():\n    from brandstudio.gui import app\n",
        "brandstudio/cli/sneaky.py": (
            "import importlib\nqt = importlib.import_module('PySide6.QtWidgets')\n"
            "from brandstudio.gui.window import Window\n"
        ),
        "brandstudio/gui/__init__.py": "from PySide6 import QtWidgets\nfrom . import window\n",
        "brandstudio/gui/window.py": "import shiboken6\nfrom ..model import bad\n",
    }
    for name, text in sources.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    reported = {entry.split(" (")[0] for entry in violations(all_imports(tmp_path))}

    assert reported == {
        "brandstudio/model/bad.py:2 imports PIL",
        "brandstudio/model/bad.py:2 imports PIL.Image",
        "brandstudio/model/bad.py:3 imports brandstudio.fileformat",
        "brandstudio/model/bad.py:3 imports brandstudio.fileformat.load_template",
        "brandstudio/model/bad.py:5 imports fontTools.ttLib",
        "brandstudio/fileformat/bad.py:2 imports brandstudio.cli",
        "brandstudio/fileformat/bad.py:3 imports PIL.Image",
        "brandstudio/cli/sneaky.py:2 imports PySide6.QtWidgets",
        "brandstudio/cli/sneaky.py:3 imports brandstudio.gui.window",
        "brandstudio/cli/sneaky.py:3 imports brandstudio.gui.window.Window",
    }


def test_the_command_line_starts_without_qt() -> None:
    """Importing the command line and building its parser loads neither Qt nor its bindings."""
    program = (
        "import json, sys\n"
        "import brandstudio.cli.main as m\n"
        "m.build_parser()\n"
        "print(json.dumps(sorted(name for name in sys.modules\n"
        "    if name.split('.')[0] in {'PySide6', 'shiboken6', 'brandstudio'})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "brandstudio.cli.main" in loaded  # the program really imported the command line
    qt = [name for name in loaded if name.split(".")[0] in QT]
    window = [name for name in loaded if _is_within(name, ("brandstudio.gui",))]
    assert not qt, f"importing brandstudio.cli.main loads Qt: {qt}"
    assert not window, f"importing brandstudio.cli.main loads the window: {window}"
