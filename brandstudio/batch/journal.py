"""The output folder's journal: which job wrote which file, so re-runs resume and never clobber.

Every output is claimed (``pending``) before a worker writes it and confirmed (``done``, with its
size and SHA-256) after. Running the same job again (same fingerprint) skips items whose outputs
are all done and still intact, and rewrites only its own files; a file that another job or a
person put there keeps its place and the new one gets a ``-2``, ``-3``... suffix. The journal is
an append-only JSON-lines file, so a kill at any moment loses at most the last line.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Final, Literal

from brandstudio.fsutil import atomic_write_text, sync_folder

JOURNAL_NAME: Final = ".brandstudio-outputs.jsonl"
OLD_LEDGER_NAME: Final = ".brandstudio-outputs.json"
TEMP_SUFFIX: Final = ".brandstudio-part"
"""Suffix of files being written; any left by a killed run are removed at the next start."""

State = Literal["pending", "done"]
FileId = tuple[int, int]
"""(st_dev, st_ino): a file's identity, whatever name reaches it."""


@dataclass(frozen=True)
class Entry:
    """The last word on one output file of the folder (name relative, with ``/``)."""

    name: str
    job: str
    item: str
    state: State
    size: int = -1
    sha256: str = ""


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
        self._taken: set[str] = set()
        self._lines = 0
        self._load()
        self._stream: IO[str] | None = None

    # -- reading --

    def _load(self) -> None:
        path = self.folder / JOURNAL_NAME
        with contextlib.suppress(OSError):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                entry = _parse(line)
                if entry is not None:
                    self._entries[entry.name] = entry
                    self._lines += 1
        self._import_old_ledger()

    def _import_old_ledger(self) -> None:
        try:
            data = json.loads((self.folder / OLD_LEDGER_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            for name, job in data.items():
                if isinstance(name, str) and name not in self._entries:
                    self._entries[name] = Entry(name, str(job), "", "done")

    def done_outputs(self, item: str) -> list[Path]:
        """Outputs this job finished for ``item`` that are still intact (size and hash)."""
        found = []
        for entry in self._entries.values():
            if entry.job == self.fingerprint and entry.item == item and entry.state == "done":
                path = self.folder / entry.name
                if not _intact(path, entry):
                    return []
                found.append(path)
        return found

    # -- choosing names --

    def claim(self, stem: PurePosixPath, extension: str) -> Path:
        """The path for the output ``stem`` + ``extension`` (stem may include subfolders).

        A name this job wrote before is reused; a name held by anything else gets a suffix,
        unless ``overwrite`` (originals are never overwritten).
        """
        counter = 1
        while True:
            leaf = stem.name if counter == 1 else f"{stem.name}-{counter}"
            name = str(stem.with_name(leaf + extension))
            if name not in self._taken and self._may_use(name):
                self._taken.add(name)
                return self.folder / name
            counter += 1

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
        """Record a finished output (flushed in batches; a lost line only means redoing it)."""
        self._append(Entry(self._name(path), self.fingerprint, item, "done", size, sha256))

    def flush(self, *, sync: bool = False) -> None:
        """Push appended lines to the file; with ``sync``, to the disk."""
        if self._stream is None:
            return
        self._stream.flush()
        if sync:
            os.fsync(self._stream.fileno())

    def close(self) -> None:
        """Flush, sync and close; compact the file when it holds many superseded lines."""
        if self._stream is not None:
            self.flush(sync=True)
            self._stream.close()
            self._stream = None
        if self._lines > 2 * len(self._entries) + 64:
            self._compact()

    def __enter__(self) -> OutputJournal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _append(self, entry: Entry) -> None:
        if self._stream is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._stream = (self.folder / JOURNAL_NAME).open("a", encoding="utf-8")
        self._stream.write(_format(entry) + "\n")
        self._entries[entry.name] = entry
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
    return Entry(name, job, item, "done" if state == "done" else "pending", size, sha)
