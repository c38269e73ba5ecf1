"""The README's check script, as a third party would run it, against real draw folders."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from brandstudio.jobs.contest_draw import commit_contest, draw_contest, redraw_contest
from brandstudio.jobs.contest_entrants import Entrants

REPO = Path(__file__).resolve().parents[2]

SECTION = "## Contests: a draw anyone can verify"


def readme_script() -> str:
    """The one Python block of the README's contest section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 1
    return blocks[0]


def run_script(tmp_path: Path, folder: Path) -> list[str]:
    script = tmp_path / "check_draw.py"
    script.write_text(readme_script(), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-I", str(script), str(folder)],
        capture_output=True, text=True, encoding="utf-8", check=True, timeout=60,
    )  # fmt: skip
    return done.stdout.splitlines()


def drawn_folder(folder: Path) -> Path:
    names = ["ёжик", "anna", "zed", "иван", "maria", "petr", "olga", "nina", "kim", "lee"]
    commit_contest(Entrants(tuple(sorted(names)), ()), folder)
    draw_contest(folder, 2, 2, beacon="drand round 4521337 · ёлка")
    return folder


def test_the_script_is_about_twenty_lines() -> None:
    code = [line for line in readme_script().splitlines() if line.strip()]
    assert len(code) <= 24


def test_the_script_reproduces_list_hash_commitment_and_winners(tmp_path: Path) -> None:
    folder = drawn_folder(tmp_path / "contest")
    lines = run_script(tmp_path, folder)
    assert [line.rsplit(" ", 1)[-1] for line in lines] == ["True"] * 4
    draw = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    assert draw["list_hash"] in lines[1] and draw["commitment"] in lines[2]


def test_the_script_follows_redraws(tmp_path: Path) -> None:
    folder = drawn_folder(tmp_path / "contest")
    first = json.loads((folder / "draw.json").read_text(encoding="utf-8"))["winners"][0]
    redraw_contest(folder, first)
    assert [line.rsplit(" ", 1)[-1] for line in run_script(tmp_path, folder)] == ["True"] * 4


def test_the_script_catches_a_changed_winner(tmp_path: Path) -> None:
    folder = drawn_folder(tmp_path / "contest")
    draw = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    draw["winners"] = draw["winners"][::-1]
    (folder / "draw.json").write_text(json.dumps(draw, ensure_ascii=False), encoding="utf-8")
    assert run_script(tmp_path, folder)[-1].endswith("False")
