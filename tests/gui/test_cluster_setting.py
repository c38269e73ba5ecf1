"""Settings ▸ Render Cluster…: the address saved and checked, and a batch of the studio run on
the configured cluster (a local Dask cluster here) with progress and Cancel."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from brandstudio.batch.report import BatchReport
from brandstudio.batch.runner import STOPPED_BY_USER
from brandstudio.brands import find_brand
from brandstudio.gui.cluster_dialog import ClusterChoice, ClusterDialog, configured_cluster
from brandstudio.gui.dialogs.progress import BatchThread
from brandstudio.gui.settings import CLUSTER, Settings
from brandstudio.jobs.stamp import StampSettings, brand_logo, plan_stamp
from brandstudio.stamp.marks import MarkPlacement

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]
BATCH_TIMEOUT = 120_000


@pytest.fixture
def threads() -> Iterator[list[BatchThread]]:
    made: list[BatchThread] = []
    yield made
    for thread in made:
        assert thread.stop_and_wait(), "a batch thread did not end"


def test_the_dialog_saves_a_usable_address_and_refuses_an_open_one(qtbot: QtBot) -> None:
    assert configured_cluster() is None  # the default: this computer
    dialog = ClusterDialog()
    qtbot.addWidget(dialog)
    dialog.address.setText("tcp://10.1.2.3:8786")
    dialog.accept()
    assert "tcp://" in dialog.problem.text()
    assert Settings()[CLUSTER.address] == ""
    dialog.address.setText("tls://farm.example:8786")
    dialog.accept()
    assert "certificate" in dialog.problem.text()
    dialog.address.setText(" local:2 ")
    dialog.accept()
    assert dialog.result() == ClusterDialog.DialogCode.Accepted
    assert configured_cluster() == ClusterChoice("local:2")


def test_a_studio_batch_runs_on_the_cluster_and_cancels(
    qtbot: QtBot, tmp_path: Path, threads: list[BatchThread]
) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    for index in range(3):
        shutil.copy(PHOTO, folder / f"IMG_{index}.jpg")
    settings = StampSettings(logos=(brand_logo(find_brand("demo")),), placement=MarkPlacement())
    out = tmp_path / "out"
    thread = BatchThread.for_plan(
        lambda: plan_stamp([str(folder)], out, settings), cluster=ClusterChoice("local:1")
    )
    threads.append(thread)
    ended: list[object] = []  # a report, or the reason it failed (not a two-minute timeout)
    thread.finished.connect(ended.append)
    thread.failed.connect(ended.append)
    thread.start()
    qtbot.waitUntil(lambda: bool(ended), timeout=BATCH_TIMEOUT)
    report = ended[0]
    assert isinstance(report, BatchReport) and report.count("ok") == 3, report
    assert len(list(out.glob("*.jpg"))) == 3

    again = BatchThread.for_plan(
        lambda: plan_stamp([str(folder)], tmp_path / "second", settings),
        cluster=ClusterChoice("local:1"),
    )
    threads.append(again)
    with qtbot.waitSignal(again.finished, timeout=BATCH_TIMEOUT) as stopped:
        again.start()
        again.cancel()  # before the cluster is even up: nothing is sent
    assert stopped.args[0].stopped == STOPPED_BY_USER


def test_an_unusable_cluster_fails_the_batch_with_the_reason(
    qtbot: QtBot, tmp_path: Path, threads: list[BatchThread], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BRANDSTUDIO_CLUSTER_TIMEOUT", "1")
    settings = StampSettings(logos=(brand_logo(find_brand("demo")),), placement=MarkPlacement())
    thread = BatchThread.for_plan(
        lambda: plan_stamp([str(PHOTO)], tmp_path / "out", settings),
        cluster=ClusterChoice("tcp://127.0.0.1:9"),
    )
    threads.append(thread)
    with qtbot.waitSignal(thread.failed, timeout=BATCH_TIMEOUT) as failed:
        thread.start()
    assert "cannot reach the scheduler at tcp://127.0.0.1:9" in failed.args[0]
