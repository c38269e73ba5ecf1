"""Rules for every language: the ellipsis, number ranges and the dash between words.

A range takes a closed en dash ("10–12"); the dash between words is a spaced em dash glued to
the word before it ("слово~— слово", "word~— word"), one style for Russian and English so that
mixed text reads the same. Ranges are only plain numbers of up to four digits, or times, not
part of a longer chain, so phone numbers (8-800-555-35-35), ISO dates (2026-12-06), decimals
and codes (A-12, 3-4x) are left alone.
"""

from __future__ import annotations

from brandstudio.render.typography.rules import NBSP, Rule, rule

ELLIPSIS = rule(
    "ellipsis",
    "three dots are one character, spaced as the font means them",
    r"(?<!\.)\.\.\.(?!\.)",
    "…",
    ("Ждём вас...", "Ждём вас…"),
    ("Wait....", "Wait...."),
)
TIME_RANGE = rule(
    "time-range",
    "hours from–to are a range: a closed en dash",
    r"(?<![\d:])(\d{1,2}:\d{2}) ?[-–—] ?(\d{1,2}:\d{2})(?![\d:])",
    r"\1–\2",
    ("10:00-22:00", "10:00–22:00"),
    ("с 9:00 - 18:00", "с~9:00–18:00"),
)
NUMBER_RANGE = rule(
    "number-range",
    "from–to between two short numbers is an en dash without spaces",
    r"(?<![\w:/+\-–])(?<!\d[.,])(?<!\d[ \u00a0])(?<!\d [\-–] )(?<!\d[\-–] )"
    r"(\d{1,4})(?:-| ?– ?| - )(\d{1,4})"
    r"(?![\w:/\-–]|[.,]\d)(?![ \u00a0]\d{3}(?!\d))(?! ?[\-–] ?\d)",
    r"\1–\2",
    ("10-12 лет", "10–12~лет"),
    ("2025 - 2026", "2025–2026"),
    ("8-800-555-35-35", "8-800-555-35-35"),
    ("2026-12-06", "2026-12-06"),
    ("A-12", "A-12"),
    ("10 - 20 - 30", "10~— 20~— 30"),
)
DASH = rule(
    "dash",
    "a hyphen or dash between spaced words is an em dash that never starts a line",
    r"(?<=\S)[ \u00a0](?:--|-|–|—) (?=\S)",
    NBSP + "— ",
    ("Кофе - это жизнь", "Кофе~— это жизнь"),
    ("Coffee -- life", "Coffee~— life"),
    ("кто-то", "кто-то"),
    ("Москва – 2026", "Москва~— 2026"),
)

RULES: tuple[Rule, ...] = (ELLIPSIS, TIME_RANGE, NUMBER_RANGE, DASH)
