"""The Export dialog with a render cluster configured (Settings ▸ Render Cluster…): each size
runs on the cluster (a local Dask cluster here), the files are the local export's, the summary
is the same; a cluster that cannot be reached ends with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from brandstudio.gui.cluster_dialog import ClusterChoice
from brandstudio.gui.dialogs.export import ExportDialog
from brandstudio.gui.settings import CLUSTER, Settings
from brandstudio.gui.studio import Studio

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]
CONTEST = REPO / "templates" / "contest.json"
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]
BATCH_TIMEOUT = 120_000

# The offscreen platform cannot pass size hints to a window manager (there is none).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def export_dialog(qtbot: QtBot, studio: Studio, out: Path) -> ExportDialog:
    dialog = ExportDialog(studio)
    qtbot.addWidget(dialog)
    dialog.presets.set_checked(["instagram-square", "x-post"])
    dialog.options.set_format("jpeg")
    dialog.options.folder.set_path(out)
    dialog.show()
    assert dialog.ok_button.isEnabled(), dialog.problem.text()
    return dialog


def start(dialog: ExportDialog) -> None:
    dialog.ok_button.click()
    assert dialog.batch is not None


def files_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.jpg"))}


def test_the_export_runs_on_the_configured_cluster_with_the_same_files_and_summary(
    qtbot: QtBot, studio: Studio, tmp_path: Path
) -> None:
    document = studio.document
    assert document is not None
    mine = tmp_path / "my photos"
    mine.mkdir()
    shutil.copy(PHOTO, mine / "cup.jpg")  # a photo of the user's, outside the template's folder
    document.set_slot("photo", str(mine / "cup.jpg"))

    here = export_dialog(qtbot, studio, tmp_path / "here")
    start(here)
    qtbot.waitUntil(lambda: here.summary is not None, timeout=BATCH_TIMEOUT)
    assert here.summary is not None
    here.summary.accept()

    Settings()[CLUSTER.address] = "local:1"
    dialog = export_dialog(qtbot, studio, tmp_path / "cluster")
    start(dialog)
    assert dialog.batch is not None and dialog.batch.cluster == ClusterChoice("local:1")
    progress = dialog.progress
    assert progress is not None
    qtbot.waitUntil(lambda: "cluster" in progress.status.text())
    assert progress.status.text() == "Starting the cluster on this computer (workers: 1)…"
    try:
        qtbot.waitUntil(lambda: dialog.summary is not None, timeout=BATCH_TIMEOUT)
    finally:
        if dialog.batch is not None:
            dialog.batch.stop_and_wait()
    summary = dialog.summary
    assert summary is not None
    assert summary.count_labels["Files written"].text() == "2"
    assert summary.count_labels["Failed"].text() == "0"
    assert not summary.failures.isVisible()
    cluster = files_of(tmp_path / "cluster")
    assert len(cluster) == 2 and cluster == files_of(tmp_path / "here")  # names and bytes
    assert dialog._aside is None  # the template saved aside for the workers: removed
    summary.accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_cluster_that_cannot_be_reached_ends_with_the_reason(
    qtbot: QtBot, studio: Studio, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANDSTUDIO_CLUSTER_TIMEOUT", "1")
    Settings()[CLUSTER.address] = "tcp://127.0.0.1:9"
    dialog = export_dialog(qtbot, studio, tmp_path / "out")
    start(dialog)
    progress = dialog.progress
    assert progress is not None
    # while it tries, the progress window says what the wait is
    qtbot.waitUntil(lambda: "Connecting to the cluster" in progress.status.text())
    assert progress.status.text() == "Connecting to the cluster at tcp://127.0.0.1:9…"
    qtbot.waitUntil(lambda: dialog.batch is None, timeout=BATCH_TIMEOUT)
    [box] = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert box.windowTitle() == "Cannot Export"
    assert "cannot reach the scheduler at tcp://127.0.0.1:9" in box.text()
    assert dialog.summary is None and not list((tmp_path / "out").glob("*.jpg"))
    box.accept()
    assert dialog.ok_button.isEnabled()  # the user may fix the setting and try again
