"""The contest's starters (rules, reminder, winners, protocol) with English content and with the
most a draw puts on its cards: every text fits and the check reports nothing at any preset.

The starters' samples are Russian (the demo brand's language); English content goes through
``--set`` as a user's would. The Russian samples are checked in tests/jobs/test_check.py."""

from __future__ import annotations

import pytest

HEX = "3f2a9c4e8b7d1f6a0c5e2b9d4a7f1c8e3b6d0a9f2c5e8b1d4a7f0c3e6b9d2a5f"
NAMES = [
    "@anna.petrova", "@ivan_smirnov", "@coffee.lover", "@maria.k", "@dmitry_b",
    "@olga.sokolova", "@sergey_1987", "@kofe_i_knigi", "@elena.v", "@pavel.morozov",
]  # fmt: skip
"""Ten winners: the most the winners card is made for, one per line."""

ENGLISH = {
    "contest-rules": {
        "dates": "November 20 – December 6",
        "headline": "Contest rules",
        "rules": "1. Follow @zerno.coffee\n2. Like this post\n3. Tag a friend in the comments",
        "prize": "Prize: a year of coffee",
    },
    "contest-reminder": {
        "days": "3",
        "caption": "days left until the draw",
        "prize": "We are giving away a year of coffee — there is still time to enter",
    },
    "winners": {
        "title": "Winners",
        "prize": "A year of coffee",
        "winners": "\n".join(NAMES),
        "entrants": "1,234 entrants",
        "date": "December 6, 2026",
        "commitment": "Verify: a1b2c3d4e5f60718…",
    },
    "contest-protocol": {
        "title": "Draw protocol",
        "protocol": "\n".join(
            [
                "Entrants: 1,234",
                f"List hash: {HEX}",
                f"Commitment: {HEX}",
                f"Seed: {HEX}",
                "Beacon: drand round 4512345",
                "Winners: @anna.petrova, @ivan_smirnov, @coffee.lover",
                "Reserves: @maria.k, @dmitry_b",
                "Algorithm: brandstudio-draw-1",
                "Verify: brandstudio contest verify draw.json, or the README's script",
            ]
        ),
    },
}


def _sets(content: dict[str, str]) -> list[str]:
    return [arg for slot, value in content.items() for arg in ("--set", f"{slot}={value}")]


@pytest.mark.parametrize("name", list(ENGLISH))
def test_english_content_fits_at_every_preset(cli, name: str) -> None:  # type: ignore[no-untyped-def]
    done = cli("check", name, "--preset", "all", *_sets(ENGLISH[name]))
    assert done.status == 0, done.stderr
    assert "0 errors, 0 warnings (14 images checked)" in done.stderr, done.stderr


def test_ten_russian_winners_fit_at_every_preset(cli) -> None:  # type: ignore[no-untyped-def]
    masked = "\n".join(f"@iv***{n:02}" for n in range(1, 11))
    for winners in ("\n".join(NAMES), masked):
        done = cli("check", "winners", "--preset", "all", "--set", f"winners={winners}")
        assert "0 errors, 0 warnings (14 images checked)" in done.stderr, done.stderr


def test_the_protocol_keeps_whole_hashes_legible_in_stories(cli) -> None:  # type: ignore[no-untyped-def]
    """A 64-digit hash after its label goes to a line of its own, never cut with '…'; the
    check's min-size rule keeps the letters readable on a phone."""
    protocol = "\n".join(
        [
            "Участников: 1 234",
            f"Хеш списка: {HEX}",
            f"Обязательство: {HEX}",
            f"Зерно: {HEX}",
            "Маяк: —",
            "Победители: @iv***01, @iv***02, @iv***03",
            "Резерв: @iv***04",
            "Алгоритм: brandstudio-draw-1",
            "Проверка: brandstudio contest verify draw.json или скрипт из README",
        ]
    )
    presets = ["instagram-story", "vk-story", "tiktok"]
    args = [arg for preset in presets for arg in ("--preset", preset)]
    done = cli("check", "contest-protocol", *args, "--set", f"protocol={protocol}")
    assert done.status == 0, done.stderr
    assert "0 errors, 0 warnings (3 images checked)" in done.stderr, done.stderr
