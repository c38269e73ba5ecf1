"""The commit-reveal draw: reproducible, verifiable, uniform, and strict about its folder."""

from __future__ import annotations

import hashlib
import hmac
import json
import stat
from collections import Counter
from pathlib import Path

import pytest

from brandstudio.jobs.contest_draw import (
    ContestError,
    commit_contest,
    commitment_of,
    draw_contest,
    pick,
    redraw_contest,
    verify_draw,
)
from brandstudio.jobs.contest_entrants import Entrants

CHI_SQUARE_19_DF_P001 = 43.820
"""The chi-square value that 19 degrees of freedom exceed with probability 0.001."""


def committed(folder: Path, count: int = 30) -> Path:
    entrants = Entrants(tuple(sorted(f"user{n:03}" for n in range(count))), ())
    commit_contest(entrants, folder, prize="Кофе")
    return folder


def edit_draw(path: Path, **changes: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_commit_writes_the_files_and_a_private_seed(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    names = {"entrants.txt", "dropped.csv", "seed.secret", "commitment.json", "commitment.txt"}
    assert names <= {path.name for path in folder.iterdir()}
    assert stat.S_IMODE((folder / "seed.secret").stat().st_mode) == 0o600
    published = json.loads((folder / "commitment.json").read_text(encoding="utf-8"))
    assert list(published) == ["list_hash", "commitment", "count", "committed_at", "prize"]
    canonical = (folder / "entrants.txt").read_bytes()
    assert published["list_hash"] == hashlib.sha256(canonical).hexdigest()
    seed_hex = (folder / "seed.secret").read_text(encoding="ascii").strip()
    assert published["commitment"] == commitment_of(seed_hex, published["list_hash"])
    assert published["commitment"] in (folder / "commitment.txt").read_text(encoding="utf-8")


def test_a_commitment_is_never_overwritten(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    before = (folder / "seed.secret").read_bytes()
    with pytest.raises(ContestError, match=r"commitment\.json: exists"):
        committed(folder)
    assert (folder / "seed.secret").read_bytes() == before


def test_same_folder_and_beacon_give_the_same_winners(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    first = draw_contest(folder, 3, 2, beacon="drand 4521337")
    (folder / "draw.json").rename(tmp_path / "first.json")
    again = draw_contest(folder, 3, 2, beacon="drand 4521337")
    assert (again.winners, again.reserves) == (first.winners, first.reserves)
    other = pick(
        bytes.fromhex(first.seed), "another beacon", [f"user{n:03}" for n in range(30)], 3, 2
    )
    assert other != (first.winners, first.reserves)


def test_draw_json_holds_the_keys_in_order_and_the_scores_follow_the_readme(
    tmp_path: Path,
) -> None:
    folder = committed(tmp_path / "contest")
    result = draw_contest(folder, 2, 1, beacon="B")
    data = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    assert list(data)[:9] == [
        "list_hash", "commitment", "seed", "beacon", "count", "winners", "reserves",
        "algorithm", "drawn_at",
    ]  # fmt: skip
    seed = bytes.fromhex(data["seed"])
    ids = (folder / "entrants.txt").read_text(encoding="utf-8").splitlines()
    scores = sorted(
        (hmac.new(seed, f"B\n{entrant}".encode(), hashlib.sha256).hexdigest(), entrant)
        for entrant in ids
    )
    assert [entrant for _, entrant in scores[:3]] == result.winners + result.reserves


def test_draw_refuses_a_list_changed_after_the_commitment(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    with (folder / "entrants.txt").open("a", encoding="utf-8") as stream:
        stream.write("zz-latecomer\n")
    with pytest.raises(ContestError, match="no longer matches list_hash"):
        draw_contest(folder, 1)
    assert not (folder / "draw.json").exists()


def test_draw_refuses_a_planted_link(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    (tmp_path / "elsewhere.json").write_text("{}", encoding="utf-8")
    (folder / "draw.json").symlink_to(tmp_path / "elsewhere.json")
    with pytest.raises(ContestError, match="is a link"):
        draw_contest(folder, 1)
    assert (tmp_path / "elsewhere.json").read_text(encoding="utf-8") == "{}"


def test_verify_accepts_a_true_draw_and_a_recorded_redraw(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    result = draw_contest(folder, 2, 2)
    assert verify_draw(folder / "draw.json") == []
    after, stepped_in = redraw_contest(folder, "@" + result.winners[1].upper())
    assert stepped_in == result.reserves[0]
    assert after.winners == [result.winners[0], result.reserves[0]]
    assert after.redraws[0]["disqualified"] == result.winners[1]
    assert verify_draw(folder / "draw.json") == []


@pytest.mark.parametrize("change", ["added", "removed"])
def test_verify_fails_when_one_entrant_is_added_or_removed(tmp_path: Path, change: str) -> None:
    folder = committed(tmp_path / "contest")
    draw_contest(folder, 1)
    ids = (folder / "entrants.txt").read_text(encoding="utf-8").splitlines()
    ids = [*ids, "zz-latecomer"] if change == "added" else ids[1:]
    (folder / "entrants.txt").write_text("".join(i + "\n" for i in ids), encoding="utf-8")
    problems = verify_draw(folder / "draw.json")
    assert any(problem.startswith("list changed") for problem in problems)


def test_verify_fails_when_the_seed_is_changed(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    draw_contest(folder, 1)
    edit_draw(folder / "draw.json", seed="00" * 32)
    assert "seed does not match the commitment" in verify_draw(folder / "draw.json")


def test_verify_fails_when_a_winner_is_changed(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    result = draw_contest(folder, 1, 1)
    stranger = next(f"user{n:03}" for n in range(30) if f"user{n:03}" not in result.winners)
    edit_draw(folder / "draw.json", winners=[stranger])
    problems = verify_draw(folder / "draw.json")
    assert any(problem.startswith("winners differ") for problem in problems)


def test_each_entrant_wins_about_equally_often() -> None:
    """20 entrants, 400 draws with different beacons, 1 winner: chi-square below p = 0.001."""
    ids = [f"entrant{n:02}" for n in range(20)]
    seed = hashlib.sha256(b"a fixed seed, so the test is the same every run").digest()
    wins = Counter(pick(seed, f"beacon {n}", ids, 1, 0)[0][0] for n in range(400))
    expected = 400 / 20
    statistic = sum((wins[entrant] - expected) ** 2 / expected for entrant in ids)
    assert statistic < CHI_SQUARE_19_DF_P001, (statistic, wins)


def test_ties_between_scores_go_by_id() -> None:
    # A score depends on the id, so a real tie cannot be made; ranking sorts (score, id) pairs.
    assert pick(b"\x00" * 32, "", ["b", "a"], 2, 0)[0] == sorted(
        ["a", "b"],
        key=lambda i: (hmac.new(b"\x00" * 32, f"\n{i}".encode(), hashlib.sha256).hexdigest(), i),
    )


def test_drawing_again_gives_the_same_draw_and_other_values_are_refused(tmp_path: Path) -> None:
    folder = committed(tmp_path / "contest")
    first = draw_contest(folder, 2, 1, beacon="B")
    redraw_contest(folder, first.winners[0])
    again = draw_contest(folder, 2, 1, beacon="B", prize="Чай", language="en")
    assert again.winners == [first.reserves[0], first.winners[1]]
    assert (again.prize, again.language) == ("Чай", "en")
    assert verify_draw(folder / "draw.json") == []
    with pytest.raises(ContestError, match="drawn already"):
        draw_contest(folder, 2, 1, beacon="another")
    with pytest.raises(ContestError, match="drawn already"):
        draw_contest(folder, 3, 1, beacon="B")


def test_commit_never_writes_through_a_planted_link(tmp_path: Path) -> None:
    folder = tmp_path / "contest"
    folder.mkdir()
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    (folder / "entrants.txt").symlink_to(target)
    with pytest.raises(ContestError, match="is a link"):
        committed(folder)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_dropped_lines_cannot_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    from brandstudio.jobs.contest_entrants import Dropped

    dropped = (Dropped("list.txt", "line 2", "=HYPERLINK(1)", "duplicate of list.txt line 1"),)
    commit_contest(Entrants(("anna",), dropped), tmp_path / "contest")
    text = (tmp_path / "contest" / "dropped.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK(1)" in text
