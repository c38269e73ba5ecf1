"""The output folder's journal: which job wrote which file, so re-runs resume and never clobber.

Every output is claimed (``pending``) before a worker writes it and confirmed (``done``, with its
size and SHA-256) after. Running the same job again (same fingerprint) skips items whose outputs
are all done and still intact, and rewrites only its own files; a file that another job or a
person put there keeps its place and the new one gets a ``-2``, ``-3``... suffix. The journal is
an append-only JSON-lines file written a whole line at a time, so a kill at any moment loses at
most the last line; a torn last line (a kill or a full disk mid-write) is cut off when the
journal is opened again, so it never swallows the next one. While a journal is open its job
holds the folder's lock (:mod:`brandstudio.batch.folderlock`): one job at a time per folder.
Outputs are never written through links: a link planted in the folder is replaced like any
other file of another job would be kept, and a linked subfolder is refused.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final, Literal

from brandstudio.batch.folderlock import OutputFolderLock
from brandstudio.batch.nameset import NameSet
from brandstudio.fsutil import atomic_write_text, sync_folder

JOURNAL_NAME: Final = ".brandstudio-outputs.jsonl"
OLD_LEDGER_NAME: Final = ".brandstudio-outputs.json"
TEMP_SUFFIX: Final = ".brandstudio-part"
"""Suffix of files being written; any left by a killed run are removed at the next start."""

JOURNAL_FULL_FAULT: Final = "BRANDSTUDIO_FAULT_JOURNAL_FULL_AFTER"
"""Test hook: journal writes of this process fail with ENOSPC after this many bytes, the last
line torn where the limit falls (as a full disk leaves it)."""

DISK_FULL: Final = frozenset({errno.ENOSPC, errno.EDQUOT})

State = Literal["pending", "done"]
FileId = tuple[int, int]
"""(st_dev, st_ino): a file's identity, whatever name reaches it."""


@dataclass(frozen=True, slots=True)
class Entry:
    """The last word on one output file of the folder (name relative, with ``/``)."""

    name: str
    job: str
    item: str
    state: State
    size: int = -1
    sha256: str = ""


class LinkedFolderError(Exception):
    """An output would be written through a link inside the output folder; ``str`` names it."""


def is_disk_full(error: BaseException) -> bool:
    """True for an OSError that says the disk (or the user's quota) is full."""
    return isinstance(error, OSError) and error.errno in DISK_FULL


def file_id(path: Path) -> FileId | None:
    """The identity of the file at path (following links), or None when there is none."""
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def temp_path_for(target: Path) -> Path:
    """Where a worker writes ``target`` before the rename (same folder, hidden, marked ours)."""
    return target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")


class OutputJournal:
    """Chooses and records output paths in ``folder`` for the job ``fingerprint``.

    ``originals``: identities of the job's input files; no output path ever lands on one, even
    with ``overwrite``.
    """

    def __init__(
        self,
        folder: Path,
        fingerprint: str,
        *,
        overwrite: bool = False,
        originals: Iterable[FileId] = (),
    ) -> None:
        self.folder = folder
        self.fingerprint = fingerprint
        self.overwrite = overwrite
        self._originals = set(originals)
        self._entries: dict[str, Entry] = {}
        """The last word on each file named in the journal when it was opened (updated when
        this run rewrites one; files new in this run are in ``_taken``)."""
        self._taken = NameSet()
        """The names claimed in this run (as digests: 16 bytes a name, see ``nameset``)."""
        self._earlier: dict[str, list[Entry]] | None = None
        self._lines = 0
        self._fd: int | None = None
        self._lock = OutputFolderLock(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()
        try:
            self._load()
        except BaseException:
            self._lock.release()
            raise

    # -- reading --

    def _load(self) -> None:
        path = self.folder / JOURNAL_NAME
        if path.is_symlink():  # planted: never read or append through it
            path.unlink()
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            data = b""
        whole = data.rfind(b"\n") + 1
        if whole < len(data):  # a torn last line: cut it off so the next line stands alone
            os.truncate(path, whole)
            data = data[:whole]
        for line in data.decode("utf-8", errors="replace").splitlines():
            entry = _parse(line)
            if entry is not None:
                self._entries[entry.name] = entry
                self._lines += 1
        del data
        self._import_old_ledger()
        if self._lines > 2 * len(self._entries) + 64:
            self._compact()

    def _import_old_ledger(self) -> None:
        try:
            data = json.loads((self.folder / OLD_LEDGER_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            for name, job in data.items():
                if isinstance(name, str) and name not in self._entries:
                    self._entries[name] = Entry(name, str(job), "", "done")

    def protect(self, originals: Iterable[FileId]) -> None:
        """Add input files that no output path may ever land on (even with ``overwrite``)."""
        self._originals.update(originals)

    def knows(self, path: Path) -> bool:
        """True when ``path`` is a file this folder's journal records as an output of any job
        (or a report): such a file is never taken as an input, so a folder that is both the
        input and the output is not stamped again on each run."""
        try:
            name = path.absolute().relative_to(self.folder.absolute()).as_posix()
        except ValueError:  # named another way (a link to the folder): the same folder?
            if file_id(path.parent) != file_id(self.folder):
                return False
            name = path.name
        return name in self._entries or name in self._taken

    def done_outputs(self, item: str) -> list[Path]:
        """Outputs this job finished for ``item`` in an earlier run that are still intact
        (size and hash)."""
        if self._earlier is None:  # indexed once: planning asks for every item
            self._earlier = {}
            for entry in self._entries.values():
                if entry.job == self.fingerprint and entry.state == "done" and entry.sha256:
                    self._earlier.setdefault(entry.item, []).append(entry)
        found = []
        for entry in self._earlier.get(item, ()):
            if self._entries.get(entry.name) is not entry:  # superseded since
                return []
            path = self.folder / entry.name
            if not _intact(path, entry):
                return []
            found.append(path)
        return found

    # -- choosing names --

    def claim(self, stem: PurePosixPath, extension: str) -> Path:
        """The path for the output ``stem`` + ``extension`` (stem may include subfolders).

        A name this job wrote before is reused; a name held by anything else gets a suffix,
        unless ``overwrite`` (originals are never overwritten). LinkedFolderError when a
        subfolder on the way is a link (outputs are never written through one).
        """
        self._check_folders(stem)
        counter = 1
        while True:
            leaf = stem.name if counter == 1 else f"{stem.name}-{counter}"
            name = str(stem.with_name(leaf + extension))
            if name not in self._taken and self._may_use(name):
                self._taken.add(name)
                return self.folder / name
            counter += 1

    def _check_folders(self, stem: PurePosixPath) -> None:
        folder = self.folder
        for part in stem.parts[:-1]:
            folder = folder / part
            if folder.is_symlink():
                raise LinkedFolderError(
                    f"{folder} is a link: Brandstudio never writes outputs through links"
                    " (remove it, or choose another output folder)"
                )

    def reserve(self, path: Path) -> None:
        """Mark ``path`` as taken in this run without writing (a skipped item's outputs)."""
        self._taken.add(self._name(path))

    def _may_use(self, name: str) -> bool:
        path = self.folder / name
        exists = path.exists() or path.is_symlink()
        if not exists:
            return True
        if file_id(path) in self._originals or path.is_symlink() or not path.is_file():
            return False
        entry = self._entries.get(name)
        return self.overwrite or (entry is not None and entry.job == self.fingerprint)

    # -- writing --

    def pending(self, item: str, paths: Iterable[Path]) -> None:
        """Record that this job is about to write ``paths`` for ``item`` (synced to disk)."""
        for path in paths:
            self._append(Entry(self._name(path), self.fingerprint, item, "pending"))
        self.flush(sync=True)

    def done(self, item: str, path: Path, size: int, sha256: str) -> None:
        """Record a finished output (flushed in batches; a lost line only means redoing it).

        The size and hash go to the file only: this run never asks for them again (the next
        one reads them back), and a long batch's journal does not grow in memory as it goes.
        """
        entry = Entry(self._name(path), self.fingerprint, item, "done", size, sha256)
        self._append(entry, remember=dataclasses.replace(entry, size=-1, sha256=""))

    def flush(self, *, sync: bool = False) -> None:
        """Lines are written whole as they come; with ``sync``, push them to the disk."""
        if self._fd is not None and sync:
            os.fsync(self._fd)

    def close(self) -> None:
        """Sync and close; release the folder's lock. (A file holding many superseded lines
        is compacted when it is opened next: then every hash is in memory, read back.)"""
        try:
            if self._fd is not None:
                with contextlib.suppress(OSError):
                    os.fsync(self._fd)
                os.close(self._fd)
                self._fd = None
        finally:
            self._lock.release()

    def __enter__(self) -> OutputJournal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _append(self, entry: Entry, *, remember: Entry | None = None) -> None:
        """Write one whole line (and keep ``remember``, default ``entry``, in memory unless
        the file is new in this run); on a failed write the file is cut back to where it
        was, so the journal never keeps half a line. Raises OSError (see
        :func:`is_disk_full`)."""
        if self._fd is None:
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
            self._fd = os.open(self.folder / JOURNAL_NAME, flags, 0o666)
        line = (_format(entry) + "\n").encode("utf-8")
        start = os.fstat(self._fd).st_size
        try:
            _write_all(self._fd, line)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, start)
            raise
        if entry.name in self._entries or entry.name not in self._taken:
            self._entries[entry.name] = remember or entry
        # else a name new in this run: ``_taken`` holds it for the rest of the run and the
        # file has the line, so a long batch's journal does not grow in memory as it goes
        self._lines += 1

    def _compact(self) -> None:
        lines = [_format(entry) for entry in self._entries.values() if entry.item or entry.size]
        with contextlib.suppress(OSError):
            atomic_write_text(self.folder / JOURNAL_NAME, "".join(f"{x}\n" for x in lines))
            self._lines = len(lines)

    def _name(self, path: Path) -> str:
        return path.relative_to(self.folder).as_posix()

    def remove_stale_temp_files(self) -> list[Path]:
        """Delete half-written outputs a killed run left in the folder; returns what it removed."""
        removed = []
        for path in _temp_files(self.folder):
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
        if removed:
            sync_folder(self.folder)
        return removed


_journal_bytes = 0


def _write_all(fd: int, data: bytes) -> None:
    global _journal_bytes
    limit = os.environ.get(JOURNAL_FULL_FAULT, "")
    if limit.isdigit() and _journal_bytes + len(data) > int(limit):
        room = max(0, int(limit) - _journal_bytes)
        os.write(fd, data[:room])
        _journal_bytes += room
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), JOURNAL_NAME)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    _journal_bytes += len(data)


def _temp_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                yield Path(root) / name


def _intact(path: Path, entry: Entry) -> bool:
    try:
        if not path.is_file() or path.stat().st_size != entry.size:
            return False
        return sha256_of(path) == entry.sha256
    except OSError:
        return False


def _format(entry: Entry) -> str:
    record: dict[str, object] = {
        "name": entry.name,
        "job": entry.job,
        "item": entry.item,
        "state": entry.state,
    }
    if entry.state == "done":
        record |= {"size": entry.size, "sha256": entry.sha256}
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def _parse(line: str) -> Entry | None:
    """One journal line, or None for a damaged one (a kill mid-write, a person's edit)."""
    try:
        data = json.loads(line)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    name, job, item, state = (data.get(key) for key in ("name", "job", "item", "state"))
    if not all(isinstance(value, str) for value in (name, job, item)) or state not in (
        "pending",
        "done",
    ):
        return None
    assert isinstance(name, str) and isinstance(job, str) and isinstance(item, str)
    if ".." in PurePosixPath(name).parts or name.startswith("/"):
        return None
    size = data.get("size", -1)
    sha = data.get("sha256", "")
    if not isinstance(size, int) or not isinstance(sha, str):
        return None
    kind: State = "done" if state == "done" else "pending"
    return Entry(name, sys.intern(job), item, kind, size, sha)  # one fingerprint string a job
