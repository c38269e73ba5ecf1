"""Workers import only the installed Brandstudio, never a ``brandstudio/`` folder where the
user happens to stand (a downloaded folder would otherwise run its code in every worker)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PHOTOS = sorted((REPO / "templates" / "photos").glob("*.jpg"))[:3]
COMMAND = Path(sys.executable).parent / "brandstudio"


@pytest.fixture
def trap(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding a booby-trapped ``brandstudio`` package, and the file it would write."""
    folder = tmp_path / "downloads"
    marker = tmp_path / "the-trap-ran"
    package = folder / "brandstudio"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        f"open({str(marker)!r}, 'a').write('imported\\n')\nraise SystemExit('trapped')\n",
        encoding="utf-8",
    )
    for name in ("jobs", "batch", "render"):
        (package / name).mkdir()
        (package / name / "__init__.py").write_text("", encoding="utf-8")
    return folder, marker


def run_in(folder: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "BRANDSTUDIO_WORKER_MEMORY_MB": "3000"}
    environment.pop("PYTHONSAFEPATH", None)
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=environment,
    )


@pytest.mark.skipif(not COMMAND.is_file(), reason="the brandstudio command is not installed")
def test_stamp_and_data_merge_from_a_trapped_folder(
    trap: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, marker = trap
    stamped = run_in(
        folder, COMMAND, "stamp", *PHOTOS, "--out", tmp_path / "stamped", "--jobs", "2"
    )
    assert stamped.returncode == 0, stamped.stderr
    assert len(list((tmp_path / "stamped").glob("*.jpg"))) == len(PHOTOS)
    sheet = tmp_path / "rows.csv"
    rows = "".join(f'"Строка {n}",{photo}\n' for n, photo in enumerate(PHOTOS))
    sheet.write_text("headline,photo\n" + rows, encoding="utf-8")
    merged = run_in(
        folder, COMMAND, "render", "contest", "--data", sheet, "--preset", "vk-post",
        "--out", tmp_path / "merged", "--jobs", "2",
    )  # fmt: skip
    assert merged.returncode == 0, merged.stderr
    assert len(list((tmp_path / "merged").glob("*.jpg"))) == len(PHOTOS)
    assert not marker.exists(), "a worker imported the brandstudio folder of the current folder"


STUDIO_BATCH = """
import os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from brandstudio.gui.dialogs.progress import BatchThread
from brandstudio.batch.pool import prepare_workers
from brandstudio.jobs.stamp import WORKER_MODULES, StampSettings, plan_stamp, brand_logo
from brandstudio.brands import find_brand
from brandstudio.stamp.marks import MarkPlacement

def main():
    prepare_workers(WORKER_MODULES)  # as the stamp dialog does when it opens
    app = QApplication([])
    photos, out = sys.argv[1:-1], Path(sys.argv[-1])
    settings = StampSettings(
        logos=(brand_logo(find_brand("demo")),), placement=MarkPlacement(position="bottom-right")
    )
    thread = BatchThread.for_plan(lambda: plan_stamp(photos, out, settings), jobs=2)
    results = []
    thread.finished.connect(results.append)
    thread.failed.connect(results.append)
    thread.start()
    thread.wait(240_000)
    app.processEvents()
    report = results[0]
    print(report.count("ok"), report.count("failed"))


if __name__ == "__main__":
    main()
"""


def test_the_studio_batch_from_a_trapped_folder(trap: tuple[Path, Path], tmp_path: Path) -> None:
    """The studio's batch thread (a process started in the trapped folder) stamps every photo."""
    folder, marker = trap
    driver = tmp_path / "driver" / "studio_batch.py"
    driver.parent.mkdir()
    driver.write_text(textwrap.dedent(STUDIO_BATCH), encoding="utf-8")
    environment = {"QT_QPA_PLATFORM": "offscreen"}
    result = run_in(
        folder,
        "env",
        *(f"{key}={value}" for key, value in environment.items()),
        sys.executable,
        driver,
        *PHOTOS,
        tmp_path / "out",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(len(PHOTOS)), "0"], result.stdout + result.stderr
    assert not marker.exists(), "a worker imported the brandstudio folder of the current folder"
