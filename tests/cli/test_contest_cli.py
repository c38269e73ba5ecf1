"""``brandstudio contest``: the real command on files in tmp_path, from entrants to verify."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import Completed

from brandstudio.jobs.contest_draw import commitment_of

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def text_template(path: Path, slots: list[str]) -> Path:
    """A small template with one text layer per slot (the quote starter's headline layer)."""
    quote = json.loads((TEMPLATES / "quote.json").read_text(encoding="utf-8"))
    text = next(layer for layer in quote["layers"] if layer["id"] == "headline")
    layers = []
    for index, slot in enumerate(slots):
        layer = json.loads(json.dumps(text))
        layer.update(id=slot, name=slot)
        layer["geometry"].update(y=0.05 + index * 0.2, height=0.18)
        layer["props"].update(slot=slot, size=30.0)
        layers.append(layer)
    quote.pop("translations", None)
    quote.update(name=path.stem, layers=layers)
    quote["slots"] = {slot: {"type": "text", "label": slot, "sample": slot} for slot in slots}
    path.write_text(json.dumps(quote, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def entrants(tmp_path: Path) -> Path:
    listed = tmp_path / "comments.csv"
    rows = ["author,subscribed", "@Ivan,yes", "ivan,yes", "https://vk.com/ivan,yes", "olga,no"]
    rows += [f"user{n},yes" for n in range(20)]
    listed.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return listed


def card_options(tmp_path: Path) -> list[str | Path]:
    winners = text_template(tmp_path / "w.json", ["prize", "winners", "entrants", "date"])
    protocol = text_template(tmp_path / "p.json", ["title", "protocol"])
    return ["--card-template", winners, "--protocol-template", protocol]


def test_commit_draw_verify(tmp_path: Path, entrants: Path, cli: Callable[..., Completed]) -> None:
    folder = tmp_path / "december"
    staff = tmp_path / "staff.txt"
    staff.write_text("USER0\n", encoding="utf-8")
    committed = cli(
        "contest", "commit", entrants, "--exclude", staff, "--require", "subscribed=yes",
        "--prize", "Кофе", "--out", folder,
    )  # fmt: skip
    assert committed.status == 0, committed.stderr
    published = json.loads((folder / "commitment.json").read_text(encoding="utf-8"))
    assert published["count"] == 20  # ivan once, user1..user19; olga and user0 dropped
    assert published["commitment"] in committed.stdout
    dropped = (folder / "dropped.csv").read_text(encoding="utf-8")
    assert "condition failed" in dropped and "excluded" in dropped and "duplicate of" in dropped

    drawn = cli(
        "contest", "draw", folder, "--winners", "2", "--reserve", "1", "--beacon", "drand 1",
        "--mask", "--preset", "vk-post", *card_options(tmp_path),
    )  # fmt: skip
    assert drawn.status == 0, drawn.stderr
    result = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    winners, reserves = result["winners"], result["reserves"]
    expected = ["winner", winners[0], "winner", winners[1], "reserve", *reserves]
    assert drawn.stdout.split() == expected
    assert result["prize"] == "Кофе"
    assert commitment_of(result["seed"], result["list_hash"]) == result["commitment"]
    assert (folder / "cards" / "w_vk-post.png").is_file()
    assert (folder / "protocol" / "p_instagram-story.png").is_file()

    verified = cli("contest", "verify", folder / "draw.json", "--json")
    assert verified.status == 0, verified.stderr
    assert json.loads(verified.stdout) == {"ok": True, "problems": []}


def test_verify_names_a_changed_winner_with_exit_1(
    tmp_path: Path, entrants: Path, cli: Callable[..., Completed]
) -> None:
    folder = tmp_path / "contest"
    assert cli("contest", "commit", entrants, "--out", folder).status == 0
    assert cli("contest", "draw", folder, "--winners", "1", "--no-cards").status == 0
    data = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    data["winners"] = ["olga" if data["winners"] != ["olga"] else "ivan"]
    (folder / "draw.json").write_text(json.dumps(data), encoding="utf-8")
    verified = cli("contest", "verify", folder / "draw.json")
    assert verified.status == 1
    assert "winners differ" in verified.stderr
    assert "Traceback" not in verified.stderr


def test_unusable_input_exits_2_naming_it(
    tmp_path: Path, entrants: Path, cli: Callable[..., Completed]
) -> None:
    folder = tmp_path / "contest"
    assert cli("contest", "commit", entrants, "--out", folder).status == 0
    again = cli("contest", "commit", entrants, "--out", folder)
    assert again.status == 2
    assert "commitment.json" in again.stderr

    with (folder / "entrants.txt").open("a", encoding="utf-8") as stream:
        stream.write("zz-latecomer\n")
    changed = cli("contest", "draw", folder, "--winners", "1", "--no-cards")
    assert changed.status == 2
    assert "entrants.txt" in changed.stderr and "list_hash" in changed.stderr

    bad = tmp_path / "bad.csv"
    bad.write_text('author\n"unterminated\n', encoding="utf-8")
    broken = cli("contest", "commit", bad, "--out", tmp_path / "other")
    assert broken.status == 2
    assert "bad.csv" in broken.stderr and "Traceback" not in broken.stderr


def test_redraw_is_recorded_and_still_verifies(
    tmp_path: Path, entrants: Path, cli: Callable[..., Completed]
) -> None:
    folder = tmp_path / "contest"
    assert cli("contest", "commit", entrants, "--out", folder).status == 0
    assert (
        cli("contest", "draw", folder, "--winners", "1", "--reserve", "1", "--no-cards").status == 0
    )
    before = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    redrawn = cli("contest", "redraw", folder, "--disqualify", before["winners"][0])
    assert redrawn.status == 0, redrawn.stderr
    after = json.loads((folder / "draw.json").read_text(encoding="utf-8"))
    assert after["winners"] == before["reserves"]
    assert after["redraws"][0]["disqualified"] == before["winners"][0]
    assert cli("contest", "verify", folder / "draw.json").status == 0


@pytest.mark.skipif(not (TEMPLATES / "winners.json").is_file(), reason="starter not there yet")
def test_the_starters_are_the_default_cards(
    tmp_path: Path, entrants: Path, cli: Callable[..., Completed]
) -> None:
    folder = tmp_path / "contest"
    assert cli("contest", "commit", entrants, "--out", folder).status == 0
    drawn = cli("contest", "draw", folder, "--winners", "1", "--language", "en")
    assert drawn.status == 0, drawn.stderr
    names = sorted(path.name for path in (folder / "cards").glob("*.png"))
    assert names == ["winners_instagram-square.png", "winners_instagram-story.png"]
    assert (folder / "protocol" / "contest-protocol_instagram-story.png").is_file()


def test_help_has_examples(cli: Callable[..., Completed]) -> None:
    for args in (["contest", "--help"], ["contest", "draw", "--help"]):
        result = cli(*args)
        assert result.status == 0
        assert "brandstudio contest" in result.stdout.split("examples:")[1]


def test_verify_a_downloaded_list_and_refuse_a_broken_draw_file(
    tmp_path: Path, entrants: Path, cli: Callable[..., Completed]
) -> None:
    folder = tmp_path / "contest"
    assert cli("contest", "commit", entrants, "--out", folder).status == 0
    assert cli("contest", "draw", folder, "--winners", "2", "--no-cards").status == 0
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    (downloads / "list.txt").symlink_to(folder / "entrants.txt")
    verified = cli("contest", "verify", folder / "draw.json", "--entrants", downloads / "list.txt")
    assert verified.status == 0, verified.stderr

    (downloads / "draw.json").write_text('{"winners": [', encoding="utf-8")
    broken = cli("contest", "verify", downloads / "draw.json")
    assert broken.status == 2
    assert "draw.json: not a JSON file" in broken.stderr and "Traceback" not in broken.stderr
