"""Dependency rules between Brandstudio's floors, checked on the source with ``ast``.

The floors, bottom up: model · fileformat · tables · render · stamp · library · batch · jobs ·
cli · gui. No module imports one on a floor above its own, and no two packages import each
other; the one allowed upward import is the studio's launcher ``brandstudio/cli/cmd_gui.py``.
Top-level modules belong to the floor they serve (``FLOOR_OF``). Besides the order:

- Only ``brandstudio/gui/`` talks to Qt (PySide6, shiboken6).
- ``brandstudio/model/`` is plain data: no imaging libraries.
- ``brandstudio/fileformat/`` reads and writes files: no Pillow.
- ``brandstudio/tables/`` imports nothing from the rest of Brandstudio.
- No module is longer than 800 lines.

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
FLOORS = (
    "model", "fileformat", "tables", "render", "stamp", "library", "batch", "jobs", "cli", "gui",
)  # fmt: skip
"""Brandstudio's packages, bottom up: each may import only its own floor and those below."""
FLOOR_OF = {
    "brandstudio": "model",  # the package itself: its version
    "data": "fileformat",  # the presets' JSON
    "fsutil": "fileformat",  # atomic writes, from the format up
    "resources": "fileformat",  # where bundled assets and templates are
    "presets": "fileformat",  # the network sizes, loaded through the format
    "brands": "library",  # finding a brand: a folder, the library, or bundled
    "__main__": "cli",
}
"""The floor of each top-level module (and the data package) of brandstudio/."""
GUI_LAUNCHER = "brandstudio/cli/cmd_gui.py"  # the one module allowed to start the window
MAX_LINES = 800


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


def unit_of(module: str) -> str:
    """The package or top-level module a dotted name belongs to (``brandstudio`` for the root)."""
    parts = module.split(".")
    if len(parts) == 1 or (parts[1].startswith("__") and parts[1] != "__main__"):
        return parts[0]  # the package itself, or a name it defines (__version__)
    return parts[1]


def floor_of(unit: str) -> int | None:
    """The floor's index (0 = model), None for a unit that has none yet."""
    name = FLOOR_OF.get(unit, unit)
    return FLOORS.index(name) if name in FLOORS else None


def _module_of(file: str) -> str:
    return file.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def violations(imports: list[Import]) -> list[str]:
    """Every import that breaks a rule, as ``file:line imports X (why)``, deduplicated."""
    broken: dict[str, None] = {}
    edges: dict[tuple[str, str], Import] = {}
    for found in imports:
        in_gui = found.file.startswith("brandstudio/gui/")
        if _is_within(found.name, QT) and not in_gui:
            broken[f"{found} (only brandstudio/gui/ may use Qt)"] = None
        if found.file.startswith("brandstudio/model/") and _is_within(
            found.name, ("PIL", "qrcode", "fontTools")
        ):
            broken[f"{found} (brandstudio/model/ is plain data)"] = None
        if found.file.startswith("brandstudio/fileformat/") and _is_within(found.name, ("PIL",)):
            broken[f"{found} (brandstudio/fileformat/ only reads and writes files)"] = None
        if not _is_within(found.name, ("brandstudio",)):
            continue
        source, target = unit_of(_module_of(found.file)), unit_of(found.name)
        if source == target:
            continue
        edges.setdefault((source, target), found)
        if source == "tables":
            broken[f"{found} (brandstudio/tables/ imports nothing of Brandstudio)"] = None
        if found.file == GUI_LAUNCHER and target == "gui":
            continue
        low, high = floor_of(target), floor_of(source)
        if low is None or high is None:
            unknown = target if low is None else source
            broken[f"{found} ({unknown!r} has no floor: add it to FLOORS or FLOOR_OF)"] = None
        elif low > high:
            broken[f"{found} ({FLOORS[high]} may not import {FLOORS[low]}, a floor above it)"] = (
                None
            )
    for (source, target), found in edges.items():
        if source < target and (target, source) in edges:
            back = edges[(target, source)]
            broken[f"{found} and {back} ({source} and {target} import each other)"] = None
    return list(broken)


def long_modules(root: Path) -> list[str]:
    """Modules over MAX_LINES lines, as ``path: N lines``."""
    found = []
    for path in sorted((root / "brandstudio").rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append(f"{path.relative_to(root).as_posix()}: {lines} lines")
    return found


def test_the_source_is_scanned() -> None:
    imports = all_imports(REPO)
    files = {found.file for found in imports}
    assert "brandstudio/cli/main.py" in files
    for floor in FLOORS:
        assert any(file.startswith(f"brandstudio/{floor}/") for file in files), floor
    # A known import, so a scanner that finds nothing cannot pass the rules below.
    assert any(
        found.file == "brandstudio/cli/main.py" and found.name == "brandstudio.cli.errors"
        for found in imports
    )


def test_every_package_has_a_floor() -> None:
    units = {path.parent.name for path in (REPO / "brandstudio").glob("*/__init__.py")}
    units |= {path.stem for path in (REPO / "brandstudio").glob("*.py")} - {"__init__"}
    assert sorted(unit for unit in units if floor_of(unit) is None) == []


def test_no_module_is_too_long() -> None:
    assert long_modules(REPO) == []


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
        "brandstudio/fileformat/ok.py": (
            "from brandstudio.model import bad\nimport brandstudio.presets\n"
        ),
        "brandstudio/presets.py": "from brandstudio.fileformat import ok\n",
        "brandstudio/tables/__init__.py": "from brandstudio.model import bad\n",
        "brandstudio/stamp/__init__.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n"
            "    from brandstudio.batch import pool\n"
        ),
        "brandstudio/batch/__init__.py": (
            "import importlib\nimportlib.import_module('brandstudio.jobs')\n"
        ),
        "brandstudio/jobs/__init__.py": "from brandstudio.batch import pool\n",
        "brandstudio/stray.py": "from brandstudio import model\n",
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
    (tmp_path / "brandstudio/model/long.py").write_text("x = 1\n" * (MAX_LINES + 1))

    reported = {entry.split(" (")[0] for entry in violations(all_imports(tmp_path))}

    assert reported == {
        "brandstudio/model/bad.py:2 imports PIL",
        "brandstudio/model/bad.py:2 imports PIL.Image",
        "brandstudio/model/bad.py:3 imports brandstudio.fileformat",
        "brandstudio/model/bad.py:3 imports brandstudio.fileformat.load_template",
        "brandstudio/model/bad.py:5 imports fontTools.ttLib",
        "brandstudio/fileformat/bad.py:2 imports brandstudio.cli",
        "brandstudio/fileformat/bad.py:3 imports PIL.Image",
        "brandstudio/fileformat/ok.py:2 imports brandstudio.presets and brandstudio/presets.py:1"
        " imports brandstudio.fileformat",
        "brandstudio/tables/__init__.py:1 imports brandstudio.model",
        "brandstudio/tables/__init__.py:1 imports brandstudio.model.bad",
        "brandstudio/stamp/__init__.py:3 imports brandstudio.batch",
        "brandstudio/stamp/__init__.py:3 imports brandstudio.batch.pool",
        "brandstudio/batch/__init__.py:2 imports brandstudio.jobs",
        "brandstudio/batch/__init__.py:2 imports brandstudio.jobs and"
        " brandstudio/jobs/__init__.py:1 imports brandstudio.batch",
        "brandstudio/fileformat/ok.py:1 imports brandstudio.model and"
        " brandstudio/model/bad.py:3 imports brandstudio.fileformat",
        "brandstudio/stray.py:1 imports brandstudio",
        "brandstudio/stray.py:1 imports brandstudio.model",
        "brandstudio/cli/sneaky.py:2 imports PySide6.QtWidgets",
        "brandstudio/cli/sneaky.py:3 imports brandstudio.gui.window",
        "brandstudio/cli/sneaky.py:3 imports brandstudio.gui.window.Window",
    }
    assert long_modules(tmp_path) == [f"brandstudio/model/long.py: {MAX_LINES + 1} lines"]


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
