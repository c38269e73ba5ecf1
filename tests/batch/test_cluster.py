"""Batches on a Dask cluster (``--cluster``): a real LocalCluster of two worker processes.

The same rows through the local pool and through the cluster give byte-identical files and
the same report; a client killed halfway resumes to the same files; the workers read only the
copies of the inputs sent to them; at most twice the workers' threads are in flight; a lost
worker's item is done elsewhere; unsafe addresses and other versions are refused.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_jobs import ScriptedJob
from cluster_jobs import WhereJob, where_shipping
from helpers import run_command

from brandstudio.batch.cluster import (
    ClusterAddress,
    ClusterError,
    ClusterSession,
    check_versions,
    open_cluster,
    parse_address,
    software_versions,
)
from brandstudio.batch.cluster_pool import (
    ClusterPool,
    make_bundle,
    read_item_files,
    run_remote_item,
)
from brandstudio.brands import find_brand
from brandstudio.cli.preset_args import custom_preset
from brandstudio.fileformat import load_template
from brandstudio.jobs.cluster_inputs import shipping_for
from brandstudio.jobs.merge import MergeSettings, map_columns, plan_merge
from brandstudio.jobs.stamp import StampItem, StampJob, StampSettings, plan_stamp
from brandstudio.resources import templates_folder
from brandstudio.stamp.marks import MarkPlacement
from brandstudio.tables import read_table

pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]
PHOTO = sorted((REPO / "templates" / "photos").glob("*.jpg"))[0]
ROWS = 2000
SMALL = ["--preset", "64x64", "--no-check"]


@pytest.fixture(scope="module")
def session() -> Iterator[ClusterSession]:
    with open_cluster("local:2", where_shipping) as opened:
        yield opened


def protocol_rows(folder: Path, count: int) -> Path:
    """A sheet for the photo-less contest-protocol template: one title per row."""
    data = folder / "rows.csv"
    lines = ["title", *(f"Протокол {n}" for n in range(count))]
    data.write_text("\n".join(lines), encoding="utf-8")
    return data


def files_of(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.jpg"))}


def report_of(out: Path) -> dict[str, Any]:
    """report.json with the folder's own name taken out (and the times), for comparing."""
    text = (out / "report.json").read_text(encoding="utf-8").replace(str(out), "OUT")
    report: dict[str, Any] = json.loads(text)
    report.pop("seconds", None)
    return report


def render_rows(data: Path, out: Path, *extra: str) -> list[str | Path]:
    return ["render", "contest-protocol", "--data", data, "--out", out, *SMALL, *extra]


def test_rows_on_the_cluster_equal_the_local_pool_and_a_killed_run_resumes(
    tmp_path: Path,
) -> None:
    data = protocol_rows(tmp_path, ROWS)
    local = run_command(render_rows(data, tmp_path / "local", "--jobs", "2"))
    assert local.status == 0, local.stderr
    cluster = run_command(render_rows(data, tmp_path / "cluster", "--cluster", "local:2"))
    assert cluster.status == 0, cluster.stderr
    assert "running on the cluster at local:2 (2 workers)" in cluster.stderr
    expected = files_of(tmp_path / "local")
    assert len(expected) == ROWS
    assert files_of(tmp_path / "cluster") == expected
    assert report_of(tmp_path / "cluster") == report_of(tmp_path / "local")

    killed = tmp_path / "killed"
    process = subprocess.Popen(
        [sys.executable, "-m", "brandstudio", *map(str, render_rows(data, killed))],
        env=os.environ | {"BRANDSTUDIO_CLUSTER": "local:2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # the client and its local cluster: one process group
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(list(killed.glob("*.jpg"))) < ROWS // 2:
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    assert ROWS // 4 < len(list(killed.glob("*.jpg"))) < ROWS
    again = run_command(render_rows(data, killed, "--cluster", "local:2"))
    assert again.status == 0, again.stderr
    assert "already done (checked, skipped)" in again.stderr
    assert files_of(killed) == expected
    assert not [path for path in killed.iterdir() if path.name.startswith(".bs-")]


def test_stamp_on_the_cluster_equals_the_local_pool(tmp_path: Path) -> None:
    shoot = tmp_path / "shoot"
    shoot.mkdir()
    for index in range(4):
        shutil.copy(PHOTO, shoot / f"IMG_{index}.jpg")
    args = ["stamp", shoot, "--preset", "64x64", "--text", "© Зерно"]
    local = run_command([*args, "--out", tmp_path / "local", "--jobs", "2"])
    cluster = run_command([*args, "--out", tmp_path / "cluster", "--cluster", "local:2"])
    assert local.status == cluster.status == 0, cluster.stderr
    assert files_of(tmp_path / "cluster") == files_of(tmp_path / "local")
    assert len(files_of(tmp_path / "local")) == 4


def test_a_content_plan_on_the_cluster_equals_the_local_pool(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(REPO / "tests" / "fixtures" / "plans", plans)
    args = ["plan", plans / "january-2027.csv", "--no-overview"]
    local = run_command([*args, "--out", tmp_path / "local", "--jobs", "2"])
    cluster = run_command([*args, "--out", tmp_path / "cluster", "--cluster", "local:2"])
    assert local.status == cluster.status, cluster.stderr
    assert "running on the cluster at local:2" in cluster.stderr
    assert len(files_of(tmp_path / "local")) >= 20
    assert files_of(tmp_path / "cluster") == files_of(tmp_path / "local")
    assert report_of(tmp_path / "cluster") == report_of(tmp_path / "local")


def test_workers_read_the_copies_sent_to_them(session: ClusterSession, tmp_path: Path) -> None:
    items = []
    for index in range(6):
        path = tmp_path / f"input-{index}.txt"
        path.write_text(f"text {index}", encoding="utf-8")
        items.append(path)
    with ClusterPool(WhereJob(), session) as pool:
        outcomes = sorted(pool.run(items), key=lambda outcome: outcome.index)
    assert [outcome.error for outcome in outcomes] == [None] * 6
    for outcome, original in zip(outcomes, items, strict=True):
        read, text = outcome.value.warnings
        assert text == original.read_text(encoding="utf-8")
        assert Path(read) != original and Path(read).parent.name.startswith("brandstudio-item-")
        assert not Path(read).exists()  # the task's temporary folder is gone


def test_a_merge_row_runs_on_a_worker_with_its_inputs_deleted_here(tmp_path: Path) -> None:
    """No shared folder: the row's photo, the template and the brand's folder are all gone
    from disk by the time the worker function runs; its bytes equal the local run's."""

    templates = tmp_path / "templates"
    shutil.copytree(templates_folder(), templates)
    brand = tmp_path / "brand"
    shutil.copytree(find_brand("demo").folder, brand)
    shutil.copy(PHOTO, tmp_path / "cup.jpg")
    data = tmp_path / "rows.csv"
    data.write_text("headline,photo\nКофе,cup.jpg\n", encoding="utf-8")
    template = load_template(templates / "contest.json").template
    table = read_table(data)
    settings = MergeSettings(
        template=template,
        template_path=templates / "contest.json",
        template_stem="contest",
        template_folder=templates,
        brand_folder=brand,
        presets=(custom_preset(64, 64),),
        check=False,
    )
    plan = plan_merge(table, map_columns(table, template), settings, tmp_path / "out")
    plan.journal.close()
    [item] = [planned.payload for planned in plan.items]
    local = plan.job.start()(item)
    expected = {path: path.read_bytes() for path, _, _ in local.outputs}
    for path in expected:
        path.unlink()

    shipping = shipping_for(plan.job)
    bundle = make_bundle(shipping)
    files = read_item_files(shipping, item)
    assert set(files) == {str(tmp_path / "cup.jpg")}
    shutil.rmtree(templates)
    shutil.rmtree(brand)
    (tmp_path / "cup.jpg").unlink()
    reply, captured = run_remote_item(bundle, "merge", software_versions(), item, files)
    assert reply[0] == "ok", reply
    assert dict(captured) == expected
    assert not any(path.exists() for path in expected)  # the worker wrote nothing


def test_a_stamp_item_is_rebuilt_around_the_sent_photo(tmp_path: Path) -> None:
    shutil.copy(PHOTO, tmp_path / "a.jpg")
    settings = StampSettings(logos=(), placement=MarkPlacement(), text="© Зерно")
    plan = plan_stamp([str(tmp_path / "a.jpg")], tmp_path / "out", settings)
    plan.journal.close()
    job = plan.job
    assert isinstance(job, StampJob)
    [item] = [planned.payload for planned in plan.items]
    assert isinstance(item, StampItem)
    shipping = shipping_for(job)
    assert shipping.item_files(item) == [tmp_path / "a.jpg"]
    moved = shipping.localise_item(item, lambda path: Path("/worker/copy.jpg"))
    assert moved.source == Path("/worker/copy.jpg") and moved.targets == item.targets


def test_at_most_twice_the_workers_threads_are_in_flight(session: ClusterSession) -> None:
    items = [("sleep", 0.01)] * 40
    with ClusterPool(ScriptedJob(), session) as pool:
        outcomes = list(pool.run(items))
    assert len(outcomes) == 40 and all(outcome.ok for outcome in outcomes)
    assert 1 <= pool.stats.most_in_flight <= 2 * 2


def test_the_items_files_are_not_kept_in_dasks_message_logs(session: ClusterSession) -> None:
    # Dask logs each stream's last messages under 1 MB (1,000 by default): with the items'
    # photos in them, a client grew by hundreds of MB; the session keeps 16
    items = (("ok", os.urandom(100_000)) for _ in range(400))  # 40 MB sent in all
    tracemalloc.start()
    try:
        with ClusterPool(ScriptedJob(), session) as pool:
            done = sum(1 for outcome in pool.run(items) if outcome.ok)
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert done == 400
    assert held < 15_000_000, f"{held / 1e6:.1f} MB still held after the batch"


def test_an_item_whose_worker_died_is_done_by_another(
    session: ClusterSession, tmp_path: Path
) -> None:
    items = [("ok", 1), ("crash", str(tmp_path)), ("ok", 3)]
    with ClusterPool(ScriptedJob(), session) as pool:
        outcomes = sorted(pool.run(items), key=lambda outcome: outcome.index)
    assert [outcome.value for outcome in outcomes] == [1, "second try", 3]
    assert (tmp_path / "tried").exists()


def test_a_stop_sends_no_more_items(session: ClusterSession) -> None:
    with ClusterPool(ScriptedJob(), session) as pool:
        seen = []
        for outcome in pool.run([("sleep", 0.05)] * 50):
            seen.append(outcome)
            pool.stop(interrupted=True)
    assert pool.interrupted and len(seen) <= 4


@pytest.mark.parametrize(
    ("address", "wanted"),
    [
        ("tcp://10.1.2.3:8786", "unencrypted"),
        ("tcp://scheduler.example:8786", "unencrypted"),
        ("http://10.1.2.3:8786", "must start with tls://"),
        ("10.1.2.3", "give tls://HOST:PORT"),
        ("local:0", "1 to 256"),
    ],
)
def test_unsafe_or_unusable_addresses_are_refused(address: str, wanted: str) -> None:
    with pytest.raises(ClusterError, match=wanted):
        parse_address(address)


def test_loopback_tcp_and_tls_addresses_are_accepted() -> None:
    assert parse_address("tcp://127.0.0.1:8786") == ClusterAddress("tcp://127.0.0.1:8786")
    assert parse_address(" tls://farm.example:8786 ").tls
    assert parse_address("local:3").local_workers == 3


def test_the_command_line_refuses_a_remote_tcp_address_with_exit_2(tmp_path: Path) -> None:
    result = run_command(["stamp", PHOTO, "--out", tmp_path, "--cluster", "tcp://10.1.2.3:8786"])
    assert result.status == 2 and "unencrypted" in result.stderr
    assert "Traceback" not in result.stderr


def test_tls_without_certificates_and_an_unreachable_scheduler_exit_2(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if "CLUSTER" not in key}
    shutil.copy(PHOTO, tmp_path / "a.jpg")
    args = [sys.executable, "-m", "brandstudio", "stamp", str(tmp_path / "a.jpg"), "--out"]
    tls = subprocess.run(
        [*args, str(tmp_path / "o1"), "--cluster", "tls://127.0.0.1:9"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert tls.returncode == 2 and "BRANDSTUDIO_CLUSTER_CA" in tls.stderr, tls.stderr
    unreachable = subprocess.run(
        [*args, str(tmp_path / "o2"), "--cluster", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, env=env | {"BRANDSTUDIO_CLUSTER_TIMEOUT": "2"},
        timeout=120, check=False,
    )  # fmt: skip
    assert unreachable.returncode == 2, unreachable.stderr
    assert "cannot reach the scheduler at tcp://127.0.0.1:9" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr


class _OtherVersions:
    """A client whose one worker has another Pillow."""

    def wait_for_workers(self, count: int, timeout: float) -> None:
        pass

    def run(self, function: Any) -> dict[str, dict[str, str]]:
        return {"tls://10.0.0.7:40123": software_versions() | {"Pillow": "9.0.0"}}


def test_a_worker_with_other_versions_is_refused_naming_it() -> None:
    session = ClusterSession(parse_address("tls://farm:8786"), _OtherVersions(), where_shipping)
    with pytest.raises(ClusterError, match=r"tls://10\.0\.0\.7:40123 has Pillow 9\.0\.0"):
        check_versions(session)


def test_a_worker_with_other_versions_fails_each_item_it_gets() -> None:
    bundle = make_bundle(where_shipping(WhereJob()))
    wrong = software_versions() | {"OpenCV": "3.4.0"}
    reply, captured = run_remote_item(bundle, "k", wrong, ("x", 1), {})
    assert reply[0] == "failed" and "OpenCV" in reply[1][0] and captured == ()


def test_without_the_extra_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with (
        pytest.raises(ClusterError, match=r"brandstudio\[cluster\]"),
        open_cluster("local:1", where_shipping),
    ):
        pass


def test_capture_leaves_the_disk_alone(tmp_path: Path) -> None:
    from brandstudio.batch.writer import capture_outputs, write_output

    with capture_outputs() as captured:
        size, _ = write_output(tmp_path / "x.jpg", b"abc")
    assert size == 3 and captured == [(tmp_path / "x.jpg", b"abc")]
    assert not (tmp_path / "x.jpg").exists()


def make_certificates(folder: Path, *names: str) -> None:
    """A CA of its own (``ca.pem``) and a certificate/key pair signed by it per name."""

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=ca",
            "-keyout", "ca-key.pem", "-out", "ca.pem")  # fmt: skip
    for name in names:
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", f"/CN={name}",
                "-keyout", f"{name}-key.pem", "-out", f"{name}.csr")  # fmt: skip
        openssl("x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem",
                "-CAcreateserial", "-days", "2", "-out", f"{name}.pem")  # fmt: skip


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_a_tls_cluster_takes_only_clients_with_its_certificates(tmp_path: Path) -> None:
    """The README's recipe on loopback: a TLS scheduler and worker started with `dask`; a
    client with the cluster's certificates gets the same files as a local run, one with a
    certificate of another CA is refused (exit 2)."""
    good, other = tmp_path / "good", tmp_path / "other"
    good.mkdir()
    other.mkdir()
    make_certificates(good, "scheduler", "worker", "client")
    make_certificates(other, "client")
    address = f"tls://127.0.0.1:{free_port()}"
    dask = Path(sys.executable).with_name("dask")

    def tls(folder: Path, name: str) -> list[str]:
        cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
        return [
            "--tls-ca-file",
            str(folder / "ca.pem"),
            "--tls-cert",
            str(cert),
            "--tls-key",
            str(key),
        ]

    started = [
        subprocess.Popen(
            [
                str(dask),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                address.rsplit(":", 1)[1],
                "--protocol",
                "tls",
                "--no-dashboard",
                *tls(good, "scheduler"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [
                str(dask),
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--no-dashboard",
                *tls(good, "worker"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        shutil.copy(PHOTO, tmp_path / "a.jpg")
        stamp = [sys.executable, "-m", "brandstudio", "stamp", str(tmp_path / "a.jpg"),
                 "--preset", "64x64", "--cluster", address, "--out"]  # fmt: skip

        def client_env(folder: Path) -> dict[str, str]:
            return os.environ | {
                "BRANDSTUDIO_CLUSTER_CA": str(folder / "ca.pem"),
                "BRANDSTUDIO_CLUSTER_CERT": str(folder / "client.pem"),
                "BRANDSTUDIO_CLUSTER_KEY": str(folder / "client-key.pem"),
                "BRANDSTUDIO_CLUSTER_TIMEOUT": "20",
            }

        ok = subprocess.run(
            [*stamp, str(tmp_path / "tls")], env=client_env(good),
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert ok.returncode == 0, ok.stderr
        local = run_command(["stamp", tmp_path / "a.jpg", "--preset", "64x64", "--out",
                             tmp_path / "local"])  # fmt: skip
        assert local.status == 0
        assert files_of(tmp_path / "tls") == files_of(tmp_path / "local")
        env = client_env(other) | {"BRANDSTUDIO_CLUSTER_TIMEOUT": "3"}
        refused = subprocess.run(
            [*stamp, str(tmp_path / "refused")], env=env,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert refused.returncode == 2, refused.stderr
        assert f"cannot reach the scheduler at {address}" in refused.stderr
        assert "Traceback" not in refused.stderr
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def test_an_item_past_its_time_fails_and_its_worker_is_restarted(
    session: ClusterSession,
) -> None:
    """A photo that hangs a decoder must not hang the batch: the item fails, the worker it
    blocked is restarted, and the items after it are done (the job's files sent again)."""
    items = [("ok", 1), ("sleep", 60), *[("ok", n) for n in range(2, 8)]]
    with ClusterPool(ScriptedJob(), session, item_timeout=3.0) as pool:
        started = time.monotonic()
        outcomes = sorted(pool.run(items), key=lambda outcome: outcome.index)
    assert time.monotonic() - started < 45
    assert outcomes[1].error == "took longer than 3 s: stopped"
    assert [outcome.value for outcome in outcomes if outcome.ok] == [1, *range(2, 8)]
    assert pool.stats.timed_out == 1 and len(pool.stats.restarted) == 1
    with ClusterPool(ScriptedJob(), session) as pool:  # the restarted worker works again
        assert sorted(o.value for o in pool.run([("ok", n) for n in range(6)])) == list(range(6))
