"""The contest draw: commit before, reveal at the draw, anyone can recompute (issue 17).

Algorithm ``brandstudio-draw-1`` (the README states it for third parties):

- canonical list = the normalised ids sorted by code point, each followed by ``\\n``, UTF-8;
  ``list_hash`` = SHA-256 hex of it;
- ``seed`` = 32 bytes from ``secrets.token_bytes``, kept in ``seed.secret`` (0600) until the
  draw; ``commitment`` = SHA-256 hex of the ASCII text ``seed_hex + ":" + list_hash``;
- ``score(id)`` = HMAC-SHA256 hex, key = the seed's 32 bytes, message = UTF-8 of
  ``beacon + "\\n" + id`` (``beacon`` is "" when none is given);
- winners = the N ids with the smallest scores (ties by id), reserves = the next M.

A redraw (``disqualify``) puts the first reserve in the disqualified winner's place and is
recorded in ``draw.json``'s ``"redraws"``; :func:`verify_draw` replays them.

Files of a contest folder are written atomically, never through a link planted in the folder,
and read only when they are regular files (:class:`ContestError` otherwise).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from brandstudio.fsutil import atomic_write_bytes, atomic_write_text
from brandstudio.jobs.contest_entrants import (
    ContestError,
    Entrants,
    canonical_list,
    normalise,
    read_capped,
)
from brandstudio.library.contests import COMMITMENT_FILE, DRAW_FILE

ALGORITHM: Final = "brandstudio-draw-1"
ENTRANTS_FILE: Final = "entrants.txt"
DROPPED_FILE: Final = "dropped.csv"
SEED_FILE: Final = "seed.secret"
COMMITMENT_TEXT: Final = "commitment.txt"
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
"""The largest contest file read back (entrants.txt of millions of ids fits)."""
LANGUAGES: Final = ("ru", "en")


def list_hash_of(canonical: bytes) -> str:
    """SHA-256 hex of the canonical list's bytes."""
    return hashlib.sha256(canonical).hexdigest()


def commitment_of(seed_hex: str, list_hash: str) -> str:
    """SHA-256 hex of the ASCII text ``seed_hex:list_hash``."""
    return hashlib.sha256(f"{seed_hex}:{list_hash}".encode("ascii")).hexdigest()


def score(seed: bytes, beacon: str, entrant: str) -> str:
    """HMAC-SHA256 hex of ``beacon + "\\n" + entrant`` (UTF-8) keyed with the seed's bytes."""
    return hmac.new(seed, f"{beacon}\n{entrant}".encode(), hashlib.sha256).hexdigest()


def ranked(seed: bytes, beacon: str, ids: Sequence[str], count: int) -> list[str]:
    """The ``count`` ids with the smallest scores, ties by id (memory: ``count`` entries)."""
    best = heapq.nsmallest(count, ((score(seed, beacon, entrant), entrant) for entrant in ids))
    return [entrant for _, entrant in best]


def pick(
    seed: bytes, beacon: str, ids: Sequence[str], winners: int, reserves: int
) -> tuple[list[str], list[str]]:
    """(winners, reserves) as the algorithm draws them, before any redraw."""
    order = ranked(seed, beacon, ids, winners + reserves)
    return order[:winners], order[winners:]


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# -- files ------------------------------------------------------------------------------------


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise ContestError(f"{path}: is a link; a contest folder's files are never followed")


def write_file(path: Path, data: str) -> None:
    """Atomically, replacing a planted link rather than writing through it."""
    _refuse_link(path)
    atomic_write_text(path, data)


def write_secret(path: Path, data: bytes) -> None:
    """Atomically, readable by the owner only (0600 from the start: mkstemp's mode)."""
    _refuse_link(path)
    atomic_write_bytes(path, data, mode=0o600)


def read_file(path: Path) -> bytes:
    """A contest file's bytes: a regular file, never through a link, under the size cap."""
    return read_capped(path, MAX_FILE_BYTES, follow_links=False)


def read_json(path: Path) -> dict[str, object]:
    """A contest JSON file as an object (ContestError naming it when it is not one)."""
    try:
        data = json.loads(read_file(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContestError(f"{path}: not a JSON file ({error})") from None
    if not isinstance(data, dict):
        raise ContestError(f"{path}: not a JSON object")
    return data


def _text(data: dict[str, object], key: str, path: Path) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ContestError(f"{path}: {key!r} is missing or not text")
    return value


def _to_json(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def entrant_ids(canonical: bytes, path: Path) -> list[str]:
    """The ids of an entrants.txt's bytes (ContestError when not UTF-8)."""
    try:
        text = canonical.decode("utf-8")
    except UnicodeDecodeError:
        raise ContestError(f"{path}: not UTF-8 text") from None
    return text.split("\n")[:-1] if text else []


# -- commit -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Commitment:
    """What ``commit`` publishes (``commitment.json``), and the text ready to post."""

    list_hash: str
    commitment: str
    count: int
    committed_at: str
    prize: str = ""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "list_hash": self.list_hash,
            "commitment": self.commitment,
            "count": self.count,
            "committed_at": self.committed_at,
        }
        if self.prize:
            data["prize"] = self.prize
        return data


_POST: Final = {
    "ru": (
        "Розыгрыш: участников {count}\nХеш списка (SHA-256): {list_hash}\n"
        "Обязательство: {commitment}\nЗафиксировано: {date}\n"
        "После розыгрыша каждый сможет проверить результат: brandstudio contest verify draw.json\n"
    ),
    "en": (
        "Contest: {count} entrants\nList hash (SHA-256): {list_hash}\n"
        "Commitment: {commitment}\nCommitted: {date}\n"
        "After the draw anyone can check it: brandstudio contest verify draw.json\n"
    ),
}


def commitment_text(commitment: Commitment, language: str = "ru") -> str:
    """The short text to post before the draw: count, list_hash, commitment, date."""
    return _POST[language].format(
        count=commitment.count,
        list_hash=commitment.list_hash,
        commitment=commitment.commitment,
        date=commitment.committed_at.replace("T", " ").replace("Z", " UTC"),
    )


def _dropped_csv(entrants: Entrants) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "place", "value", "reason"])
    for item in entrants.dropped:
        writer.writerow([item.source, item.place, _safe_cell(item.raw), item.reason])
    return buffer.getvalue()


def _safe_cell(text: str) -> str:
    """A value a spreadsheet will not run as a formula when dropped.csv is opened."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def commit_contest(
    entrants: Entrants, folder: Path, *, prize: str = "", language: str = "ru"
) -> Commitment:
    """Write entrants.txt, dropped.csv, seed.secret, commitment.json and commitment.txt.

    Refuses (ContestError) a folder that already has a commitment or a seed: a new seed would
    break the one published.
    """
    if not entrants.ids:
        raise ContestError("no entrants left to draw from (see what was dropped)")
    _refuse_link(folder)
    if folder.exists() and not folder.is_dir():
        raise ContestError(f"{folder}: exists and is not a folder")
    for name in (COMMITMENT_FILE, SEED_FILE, DRAW_FILE):
        existing = folder / name
        if existing.exists() or existing.is_symlink():
            raise ContestError(f"{existing}: exists; a contest is committed once (new --out DIR)")
    folder.mkdir(parents=True, exist_ok=True)
    canonical = canonical_list(entrants.ids)
    seed = secrets.token_bytes(32)
    list_hash = list_hash_of(canonical)
    result = Commitment(
        list_hash, commitment_of(seed.hex(), list_hash), len(entrants.ids), _now(), prize
    )
    write_file(folder / ENTRANTS_FILE, canonical.decode("utf-8"))
    write_file(folder / DROPPED_FILE, _dropped_csv(entrants))
    write_secret(folder / SEED_FILE, (seed.hex() + "\n").encode("ascii"))
    write_file(folder / COMMITMENT_TEXT, commitment_text(result, language))
    write_file(folder / COMMITMENT_FILE, _to_json(result.to_json()))  # last: marks it done
    return result


# -- draw -------------------------------------------------------------------------------------


@dataclass
class Draw:
    """``draw.json``: the published values, the seed revealed, winners and reserves."""

    list_hash: str
    commitment: str
    seed: str
    beacon: str
    count: int
    winners: list[str]
    reserves: list[str]
    drawn_at: str
    prize: str = ""
    language: str = "ru"
    redraws: list[dict[str, str]] = field(default_factory=list)
    algorithm: str = ALGORITHM

    def to_json(self) -> dict[str, object]:
        return {
            "list_hash": self.list_hash,
            "commitment": self.commitment,
            "seed": self.seed,
            "beacon": self.beacon,
            "count": self.count,
            "winners": self.winners,
            "reserves": self.reserves,
            "algorithm": self.algorithm,
            "drawn_at": self.drawn_at,
            "redraws": self.redraws,
            "prize": self.prize,
            "language": self.language,
        }

    @classmethod
    def load(cls, path: Path) -> Draw:
        data = read_json(path)
        count = data.get("count")
        if not isinstance(count, int) or isinstance(count, bool):
            raise ContestError(f"{path}: 'count' is missing or not a number")
        return cls(
            list_hash=_text(data, "list_hash", path),
            commitment=_text(data, "commitment", path),
            seed=_text(data, "seed", path),
            beacon=_text(data, "beacon", path),
            count=count,
            winners=_ids(data, "winners", path),
            reserves=_ids(data, "reserves", path),
            drawn_at=_text(data, "drawn_at", path),
            prize=str(data.get("prize", "")),
            language=str(data.get("language", "ru")),
            redraws=_redraws(data, path),
            algorithm=_text(data, "algorithm", path),
        )


def _ids(data: dict[str, object], key: str, path: Path) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContestError(f"{path}: {key!r} is missing or not a list of ids")
    return [str(item) for item in value]


def _redraws(data: dict[str, object], path: Path) -> list[dict[str, str]]:
    value = data.get("redraws", [])
    records: list[dict[str, str]] = []
    for record in value if isinstance(value, list) else [None]:
        if not isinstance(record, dict) or not all(isinstance(v, str) for v in record.values()):
            raise ContestError(f"{path}: 'redraws' is not a list of records")
        records.append({str(key): str(text) for key, text in record.items()})
    return records


@dataclass(frozen=True)
class Committed:
    """A committed folder read back and checked: its ids, seed and published values."""

    ids: list[str]
    seed: bytes
    list_hash: str
    commitment: str
    prize: str


def load_committed(folder: Path) -> Committed:
    """commitment.json, seed.secret and entrants.txt, checked against each other."""
    published = read_json(folder / COMMITMENT_FILE)
    list_hash = _text(published, "list_hash", folder / COMMITMENT_FILE)
    commitment = _text(published, "commitment", folder / COMMITMENT_FILE)
    seed_hex = read_file(folder / SEED_FILE).decode("ascii", "replace").strip()
    try:
        seed = bytes.fromhex(seed_hex)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        raise ContestError(f"{folder / SEED_FILE}: not 64 hex characters")
    if commitment_of(seed_hex, list_hash) != commitment:
        raise ContestError(f"{folder / SEED_FILE}: does not match the published commitment")
    canonical = read_file(folder / ENTRANTS_FILE)
    if list_hash_of(canonical) != list_hash:
        raise ContestError(
            f"{folder / ENTRANTS_FILE}: no longer matches list_hash {list_hash} in"
            f" {COMMITMENT_FILE}; the list was changed after the commitment"
        )
    ids = entrant_ids(canonical, folder / ENTRANTS_FILE)
    return Committed(ids, seed, list_hash, commitment, str(published.get("prize", "")))


def draw_contest(
    folder: Path,
    winners: int,
    reserves: int = 0,
    *,
    beacon: str = "",
    prize: str | None = None,
    language: str = "ru",
) -> Draw:
    """Reveal the seed, draw, write draw.json; refuses a folder whose list changed.

    A folder drawn already with the same beacon, winners and reserves gives its draw back (the
    same winners, redraws kept; ``prize`` and ``language`` updated for the cards): running the
    command again renders the cards again. Drawn with other values, it is refused.
    """
    _refuse_link(folder / DRAW_FILE)
    committed = load_committed(folder)
    if (folder / DRAW_FILE).exists():
        return _drawn_again(folder, committed, winners, reserves, beacon, prize, language)
    if winners < 1:
        raise ContestError(f"--winners {winners}: must be at least 1")
    if reserves < 0:
        raise ContestError(f"--reserve {reserves}: must be 0 or more")
    if winners + reserves > len(committed.ids):
        raise ContestError(
            f"{winners} winners and {reserves} reserves need more than the"
            f" {len(committed.ids)} entrants"
        )
    chosen, spare = pick(committed.seed, beacon, committed.ids, winners, reserves)
    result = Draw(
        committed.list_hash,
        committed.commitment,
        committed.seed.hex(),
        beacon,
        len(committed.ids),
        chosen,
        spare,
        _now(),
        committed.prize if prize is None else prize,
        language,
    )
    write_file(folder / DRAW_FILE, _to_json(result.to_json()))
    return result


def _drawn_again(
    folder: Path,
    committed: Committed,
    winners: int,
    reserves: int,
    beacon: str,
    prize: str | None,
    language: str,
) -> Draw:
    """The existing draw when asked the same again (see draw_contest), else ContestError."""
    result = Draw.load(folder / DRAW_FILE)
    drawn = (result.beacon, len(result.winners), len(result.reserves) + len(result.redraws))
    if result.list_hash != committed.list_hash or drawn != (beacon, winners, reserves):
        raise ContestError(
            f"{folder / DRAW_FILE}: the contest is drawn already (beacon {result.beacon!r},"
            f" {drawn[1]} winners, {drawn[2]} reserves); redraw or verify it"
        )
    result.prize = result.prize if prize is None else prize
    result.language = language
    write_file(folder / DRAW_FILE, _to_json(result.to_json()))
    return result


def redraw_contest(folder: Path, disqualified: str) -> tuple[Draw, str]:
    """The first reserve takes a disqualified winner's place; returns the draw and who stepped
    in. The change is recorded in draw.json's "redraws"."""
    result = Draw.load(folder / DRAW_FILE)
    entrant = normalise(disqualified)
    if entrant not in result.winners:
        raise ContestError(
            f"--disqualify {disqualified}: not a winner ({', '.join(result.winners)})"
        )
    if not result.reserves:
        raise ContestError("no reserve left to step in (draw with more --reserve)")
    stepping_in = result.reserves.pop(0)
    result.winners[result.winners.index(entrant)] = stepping_in
    result.redraws.append({"disqualified": entrant, "replaced_by": stepping_in, "at": _now()})
    write_file(folder / DRAW_FILE, _to_json(result.to_json()))
    return result, stepping_in


# -- verify -----------------------------------------------------------------------------------


def replay(result: Draw, ids: Sequence[str], seed: bytes) -> tuple[list[str], list[str]]:
    """Winners and reserves as the algorithm and the recorded redraws give them."""
    winners_count = len(result.winners)
    reserves_count = len(result.reserves) + len(result.redraws)
    chosen, spare = pick(seed, result.beacon, ids, winners_count, reserves_count)
    for record in result.redraws:
        out = record.get("disqualified", "")
        if out not in chosen or not spare:
            return chosen, [*spare, f"(redraw of {out!r} cannot be replayed)"]
        chosen[chosen.index(out)] = spare.pop(0)
    return chosen, spare


def verify_draw(draw_path: Path, entrants_path: Path | None = None) -> list[str]:
    """Every way the draw differs from what the algorithm gives; [] when it checks out."""
    result = Draw.load(draw_path)
    if entrants_path is None:  # the folder's own list: never through a planted link
        entrants_path = draw_path.parent / ENTRANTS_FILE
        canonical = read_file(entrants_path)
    else:  # a list the person verifying names (a download, wherever it is)
        canonical = read_capped(entrants_path, MAX_FILE_BYTES)
    ids = entrant_ids(canonical, entrants_path)
    problems: list[str] = []
    if result.algorithm != ALGORITHM:
        return [f"unknown algorithm {result.algorithm!r} (this version knows {ALGORITHM})"]
    actual_hash = list_hash_of(canonical)
    if actual_hash != result.list_hash:
        problems.append(
            f"list changed: {entrants_path} hashes to {actual_hash}, draw.json says"
            f" {result.list_hash}"
        )
    if len(ids) != result.count:
        problems.append(
            f"count differs: {entrants_path} has {len(ids)}, draw.json says {result.count}"
        )
    if ids != sorted(set(ids)):
        problems.append(f"{entrants_path} is not a canonical list (sorted, one id per line)")
    try:
        seed = bytes.fromhex(result.seed)
    except ValueError:
        seed = b""
    if len(seed) != 32:
        return [*problems, "seed is not 64 hex characters"]
    if commitment_of(result.seed, result.list_hash) != result.commitment:
        problems.append("seed does not match the commitment")
    problems.extend(_published_differs(draw_path.parent, result))
    chosen, spare = replay(result, ids, seed)
    if chosen != result.winners:
        problems.append(f"winners differ: the draw gives {chosen}, draw.json has {result.winners}")
    if spare != result.reserves:
        problems.append(f"reserves differ: the draw gives {spare}, draw.json has {result.reserves}")
    return problems


def _published_differs(folder: Path, result: Draw) -> list[str]:
    """commitment.json beside draw.json, when there, must hold the same list_hash and commitment."""
    path = folder / COMMITMENT_FILE
    if not path.exists() and not path.is_symlink():
        return []
    published = read_json(path)
    return [
        f"{key} differs from {path}"
        for key in ("list_hash", "commitment")
        if published.get(key) != getattr(result, key)
    ]
