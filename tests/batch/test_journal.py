"""The output journal: names claimed, resume, other jobs' and original files never replaced."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from brandstudio.batch.journal import JOURNAL_NAME, TEMP_SUFFIX, OutputJournal, file_id


def write(journal: OutputJournal, item: str, path: Path, data: bytes) -> None:
    journal.pending(item, [path])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    journal.done(item, path, len(data), hashlib.sha256(data).hexdigest())


def test_a_name_of_another_job_gets_a_suffix_and_own_names_are_reused(tmp_path: Path) -> None:
    (tmp_path / "a.jpg").write_bytes(b"a person's file")
    with OutputJournal(tmp_path, "job1") as journal:
        first = journal.claim(PurePosixPath("a"), ".jpg")
        assert first.name == "a-2.jpg"
        write(journal, "item-a", first, b"ours")
        assert journal.claim(PurePosixPath("a"), ".jpg").name == "a-3.jpg"  # taken this run
    with OutputJournal(tmp_path, "job1") as again:
        assert again.claim(PurePosixPath("a"), ".jpg").name == "a-2.jpg"
        assert again.done_outputs("item-a") == [tmp_path / "a-2.jpg"]
    with OutputJournal(tmp_path, "job2") as other:
        assert other.claim(PurePosixPath("a"), ".jpg").name == "a-3.jpg"
    assert (tmp_path / "a.jpg").read_bytes() == b"a person's file"


def test_subfolders_are_kept(tmp_path: Path) -> None:
    with OutputJournal(tmp_path, "job") as journal:
        path = journal.claim(PurePosixPath("2026/june/IMG_1"), ".jpg")
    assert path == tmp_path / "2026" / "june" / "IMG_1.jpg"


def test_a_changed_or_missing_output_is_not_taken_as_done(tmp_path: Path) -> None:
    with OutputJournal(tmp_path, "job") as journal:
        path = journal.claim(PurePosixPath("x"), ".png")
        write(journal, "item", path, b"12345")
    path.write_bytes(b"12346")  # same size, other bytes
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.done_outputs("item") == []
    path.unlink()
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.done_outputs("item") == []


def test_overwrite_never_lands_on_an_original(tmp_path: Path) -> None:
    original = tmp_path / "photo.jpg"
    original.write_bytes(b"original")
    link = tmp_path / "same.jpg"
    os.link(original, link)  # another name for the same file
    identity = file_id(original)
    assert identity is not None
    with OutputJournal(tmp_path, "job", overwrite=True, originals=[identity]) as journal:
        assert journal.claim(PurePosixPath("same"), ".jpg").name == "same-2.jpg"
        assert journal.claim(PurePosixPath("other"), ".jpg").name == "other.jpg"


def test_a_damaged_journal_line_is_ignored(tmp_path: Path) -> None:
    with OutputJournal(tmp_path, "job") as journal:
        write(journal, "item", journal.claim(PurePosixPath("a"), ".jpg"), b"data")
    with (tmp_path / JOURNAL_NAME).open("a", encoding="utf-8") as stream:
        stream.write('{"name": "b.jpg", "job": "jo')  # a kill in mid-line
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.done_outputs("item") == [tmp_path / "a.jpg"]


def test_journal_names_cannot_escape_the_folder(tmp_path: Path) -> None:
    (tmp_path / JOURNAL_NAME).write_text(
        '{"name": "../evil.jpg", "job": "job", "item": "i", "state": "done", "size": 1,'
        ' "sha256": ""}\n',
        encoding="utf-8",
    )
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.done_outputs("i") == []


def test_stale_partial_files_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / "sub" / f".a.jpg.123{TEMP_SUFFIX}"
    stale.parent.mkdir()
    stale.write_bytes(b"half")
    keep = tmp_path / ".hidden-of-the-user"
    keep.write_bytes(b"x")
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.remove_stale_temp_files() == [stale]
    assert keep.exists()


def test_a_long_journal_is_compacted_when_opened_and_keeps_its_hashes(tmp_path: Path) -> None:
    with OutputJournal(tmp_path, "job") as journal:
        for name in ("a", "b"):
            write(journal, name, journal.claim(PurePosixPath(name), ".jpg"), name.encode())
    lines = (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    superseded = '{"item": "x", "job": "job", "name": "a.jpg", "state": "pending"}'
    (tmp_path / JOURNAL_NAME).write_text(
        "".join(f"{line}\n" for line in [superseded] * 70 + lines), encoding="utf-8"
    )
    with OutputJournal(tmp_path, "job") as journal:
        compacted = (tmp_path / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
        assert compacted == [line for line in lines if '"done"' in line]
        assert journal.done_outputs("a") == [tmp_path / "a.jpg"]
        write(journal, "c", journal.claim(PurePosixPath("c"), ".jpg"), b"c")
        assert journal.done_outputs("c") == []  # done this run: its hash is in the file only
    with OutputJournal(tmp_path, "job") as journal:
        assert journal.done_outputs("c") == [tmp_path / "c.jpg"]
