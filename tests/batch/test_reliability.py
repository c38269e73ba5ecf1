"""Nothing lost when jobs collide, disks fill or folders are read-only, and no output written
through a link: each test reproduces a finding of a hostile test of the product."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import run_command

from brandstudio.batch.folderlock import FolderBusyError, OutputFolderLock
from brandstudio.batch.journal import JOURNAL_FULL_FAULT, JOURNAL_NAME, OutputJournal

REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted((REPO / "templates" / "photos").glob("*.jpg"))
SQUARE = ["--preset", "instagram-square"]


def photo_folder(tmp_path: Path, copies: int, name: str = "shoot") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for index in range(copies):
        source = SOURCES[index % len(SOURCES)]
        (folder / f"IMG_{index:04d}.jpg").write_bytes(source.read_bytes())
    return folder


def journal_lines(out: Path) -> list[dict[str, object]]:
    """Every line of the folder's journal, parsed (fails on a line that is not whole JSON)."""
    text = (out / JOURNAL_NAME).read_text(encoding="utf-8")
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def start(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "brandstudio", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# -- 1. two jobs into one folder --------------------------------------------------------------


def test_a_second_job_into_a_busy_folder_refuses_and_writes_nothing(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 2)
    out = tmp_path / "out"
    out.mkdir()
    lock = OutputFolderLock(out)
    lock.acquire()  # another job (here: this test) is writing into out
    try:
        result = run_command(["stamp", folder, "--out", out, *SQUARE])
    finally:
        lock.release()
    assert result.status == 2, result.stderr
    assert f"another Brandstudio job (process {os.getpid()}" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(path.name for path in out.iterdir()) == [".brandstudio-outputs.lock"]
    with OutputJournal(out, "studio-export") as journal, pytest.raises(FolderBusyError):
        OutputJournal(out, "cli-stamp")  # the studio and the command line: the same rule
    assert journal.folder == out


def test_two_jobs_started_together_never_share_a_file(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 12)
    out = tmp_path / "out"
    logos = []
    for name in ("a", "b"):
        logo = tmp_path / f"{name}.png"
        from PIL import Image

        Image.new("RGBA", (64, 64), (255, 0, 0, 255) if name == "a" else (0, 0, 255, 255)).save(
            logo
        )
        logos.append(logo)
    jobs = [start("stamp", folder, "--out", out, "--logo", logo, *SQUARE) for logo in logos]
    results = [(job.wait(timeout=240), *job.communicate()) for job in jobs]
    statuses = sorted(status for status, _, _ in results)
    assert statuses in ([0, 0], [0, 2]), results
    for _, _, stderr in results:
        assert "Traceback" not in stderr
    done = {entry["name"]: entry for entry in journal_lines(out) if entry["state"] == "done"}
    listed: list[str] = []
    for report in sorted(out.glob("report*.json")):
        for item in json.loads(report.read_text(encoding="utf-8"))["items"]:
            for output in item["outputs"]:
                entry = done[Path(output).name]
                assert entry["sha256"] == sha256(Path(output)), "a report lists another's file"
                listed.append(output)
    assert len(listed) == len(set(listed)) == 12 * statuses.count(0)


def test_the_same_job_twice_at_once_ends_byte_identical(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 8)
    alone, twice = tmp_path / "alone", tmp_path / "twice"
    assert run_command(["stamp", folder, "--out", alone, *SQUARE]).status == 0
    jobs = [start("stamp", folder, "--out", twice, *SQUARE) for _ in range(2)]
    for job in jobs:
        assert job.wait(timeout=240) in (0, 2)
        job.communicate()
    images = sorted(path.name for path in alone.glob("*.jpg"))
    assert images == sorted(path.name for path in twice.glob("*.jpg"))
    for name in images:
        assert (alone / name).read_bytes() == (twice / name).read_bytes()


# -- 5 and 6. read-only folders, full disks, torn journal lines -------------------------------


@contextlib.contextmanager
def tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A small file system of our own (root only), unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "brandstudio-test", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@pytest.mark.parametrize("exists", [False, True])
def test_a_read_only_output_folder_exits_2_naming_it(tmp_path: Path, exists: bool) -> None:
    folder = photo_folder(tmp_path, 1)
    with tmpfs(tmp_path / "mnt", "size=1m") as mount:
        out = mount / "out"
        if exists:
            out.mkdir()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        stamped = run_command(["stamp", folder, "--out", out, *SQUARE])
        sheet = tmp_path / "rows.csv"
        sheet.write_text(f"headline,photo\nПривет,{SOURCES[0]}\n", encoding="utf-8")
        merged = run_command(["render", "contest", "--data", sheet, "--out", out, *SQUARE])
    for result in (stamped, merged):
        assert result.status == 2, result.stderr
        assert "Read-only file system" in result.stderr and str(out) in result.stderr
        assert "Traceback" not in result.stderr


def test_a_full_disk_at_the_first_journal_write_stops_cleanly(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 2)
    with tmpfs(tmp_path / "mnt", "size=4k") as mount:
        (mount / "out").mkdir()
        with contextlib.suppress(OSError):
            (mount / "filler").write_bytes(b"\0" * 8192)  # fill the file system
        result = run_command(["stamp", folder, "--out", mount / "out", *SQUARE])
        journal = mount / "out" / JOURNAL_NAME
        assert not journal.exists() or journal.read_bytes() == b""
    assert result.status == 1, result.stderr
    assert "the disk is full" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_torn_journal_line_never_swallows_the_next(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 3)
    out = tmp_path / "out"
    env = {**os.environ, JOURNAL_FULL_FAULT: "60"}  # the first line is torn at byte 60
    torn = subprocess.run(
        [sys.executable, "-m", "brandstudio", "stamp", folder, "--out", out, *SQUARE],
        capture_output=True, text=True, env=env, timeout=240, check=False,
    )  # fmt: skip
    assert torn.returncode == 1, torn.stderr
    assert "the disk is full" in torn.stderr and "Traceback" not in torn.stderr
    assert (out / JOURNAL_NAME).read_bytes() == b"", "a failed write leaves no half line"
    (out / JOURNAL_NAME).write_bytes(b'{"name": "IMG_0000_instagram-square.jpg", "jo')
    again = run_command(["stamp", folder, "--out", out, *SQUARE])
    assert again.status == 0, again.stderr
    lines = journal_lines(out)  # every line whole: the torn tail was cut off
    done = {entry["name"] for entry in lines if entry["state"] == "done"}
    assert {f"IMG_{n:04d}_instagram-square.jpg" for n in range(3)} <= done


# -- 11. SIGTERM --------------------------------------------------------------------------------


def test_sigterm_finishes_cleanly_with_a_report_and_exit_143(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 30)
    out = tmp_path / "out"
    process = start("stamp", folder, "--out", out, "--jobs", "1", *SQUARE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        journal = out / JOURNAL_NAME
        if journal.exists() and journal.read_text(encoding="utf-8").count('"done"') >= 2:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, stderr
    assert "stopped by SIGTERM" in stderr and "Traceback" not in stderr
    assert stderr.splitlines()[-1] == f"report: {out / 'report.json'}"
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert "SIGTERM" in report["stopped"] and 0 < report["ok"] < 30
    again = run_command(["stamp", folder, "--out", out, "--jobs", "1", *SQUARE])
    assert again.status == 0
    assert len(list(out.glob("*.jpg"))) == 30


# -- 12. links planted in the output folder ---------------------------------------------------


def test_links_in_the_output_folder_are_never_written_through(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 1)
    out = tmp_path / "out"
    out.mkdir()
    victims = {}
    for name in ("IMG_0000_instagram-square.jpg", "report.json", JOURNAL_NAME):
        victim = tmp_path / f"victim-{name}"
        victim.write_text("the user's own file\n", encoding="utf-8")
        (out / name).symlink_to(victim)
        victims[name] = victim
    result = run_command(["stamp", folder, "--out", out, *SQUARE])
    assert result.status == 0, result.stderr
    for victim in victims.values():
        assert victim.read_text(encoding="utf-8") == "the user's own file\n"
    assert not (out / JOURNAL_NAME).is_symlink()
    journal_lines(out)


def test_a_linked_subfolder_is_refused(tmp_path: Path) -> None:
    shoot = photo_folder(tmp_path, 1)
    (shoot / "june").mkdir()
    (shoot / "IMG_0000.jpg").rename(shoot / "june" / "IMG_0000.jpg")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "june").symlink_to(elsewhere)
    result = run_command(["stamp", shoot, "--recursive", "--out", out, *SQUARE])
    assert result.status == 2, result.stderr
    assert f"{out / 'june'} is a link" in result.stderr
    assert list(elsewhere.iterdir()) == []


# -- 13. the user's umask ----------------------------------------------------------------------


def test_the_report_gets_the_same_permissions_as_the_images(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 1)
    out = tmp_path / "out"
    previous = os.umask(0o022)
    try:
        result = run_command(["stamp", folder, "--out", out, *SQUARE])
    finally:
        os.umask(previous)
    assert result.status == 0, result.stderr
    image = next(out.glob("*.jpg"))
    assert (out / "report.json").stat().st_mode & 0o777 == 0o644
    assert image.stat().st_mode & 0o777 == 0o644


# -- 4. the output folder is the input folder -------------------------------------------------


def test_out_equal_to_the_input_folder_resumes_instead_of_stamping_outputs(
    tmp_path: Path,
) -> None:
    folder = photo_folder(tmp_path, 3)
    for run in range(3):
        result = run_command(["stamp", folder, "--out", folder, *SQUARE])
        assert result.status == 0, result.stderr
        stamped = sorted(path.name for path in folder.glob("*_instagram-square*.jpg"))
        assert stamped == [f"IMG_{n:04d}_instagram-square.jpg" for n in range(3)], run
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert {item["status"] for item in report["items"]} == {"skipped"}  # resumed: all done


# -- 13. smaller ones --------------------------------------------------------------------------


def test_a_hidden_photo_in_a_folder_is_reported_not_skipped_silently(tmp_path: Path) -> None:
    folder = photo_folder(tmp_path, 1)
    (folder / "..jpg").write_bytes(SOURCES[0].read_bytes())
    out = tmp_path / "out"
    result = run_command(["stamp", folder, "--out", out, *SQUARE])
    assert result.status == 0, result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    hidden = [item for item in report["items"] if item["input"].endswith("/..jpg")]
    assert hidden and hidden[0]["status"] == "skipped"
    assert "hidden" in hidden[0]["error"]
    assert "1 files skipped" in result.stderr


def test_overwrite_help_says_it_replaces_any_file_of_that_name() -> None:
    result = run_command(["stamp", "--help"])
    assert "replace any existing file of the same name" in result.stdout
