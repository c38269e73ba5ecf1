"""English rules: apostrophes, no-break spaces after "a", "an" and "I", and a number glued to
its unit. Quotes are placed by :mod:`~brandstudio.render.typography.quotes`."""

from __future__ import annotations

from brandstudio.render.typography.rules import NBSP, Rule, rule

UNITS = (
    "kg", "g", "mg", "lb", "lbs", "oz", "km", "m", "cm", "mm", "mi", "ft", "ml", "l", "L",
    "h", "hr", "hrs", "min", "s", "sec", "am", "pm", "AM", "PM", "a\\.m\\.", "p\\.m\\.",
    "GB", "MB", "TB", "KB", "px", "pt", "mph", "kcal", "%", "°", "°C", "°F", "€", "£", "$",
)  # fmt: skip
"""What a number is glued to (regex-escaped)."""
SHORT_WORDS = ("a", "A", "an", "An", "I")

APOSTROPHE = rule(
    "en-apostrophe",
    "an apostrophe (or a closing single quote) after a Latin letter is ’",
    r"(?<=[A-Za-z])'",
    "’",
    ("don't", "don’t"),
    ("the students' room", "the students’ room"),
)
ELISION = rule(
    "en-elision",
    "an apostrophe for left-out letters at a word's start ('90s, 'n', 'em) is ’, not a quote",
    r"(?<![\w\ue000])'(?=\d0s\b|n['’]|em\b|til\b|cause\b|tis\b)",
    "’",
    ("the '90s", "the ’90s"),
    ("Rock 'n' roll", "Rock ’n’ roll"),
)
OPENING_SINGLE = rule(
    "en-opening-single",
    "a single quote before a Latin word opens a quote",
    r"(?<![\w\ue000])'(?=[A-Za-z])",
    "‘",
    ("'Latte' it is", "‘Latte’ it is"),
)
SHORT_WORD = rule(
    "en-short-word",
    "the article a, an and the pronoun I never end a line",
    rf"(?<![\w\ue000\-.'’])({'|'.join(SHORT_WORDS)}) (?=[^\s\-–—]|[\-–—]\S)",
    r"\1" + NBSP,
    ("I have a dream", "I~have a~dream"),
    ("An apple", "An~apple"),
)
UNIT = rule(
    "en-unit",
    "a number stays with its unit (10 kg, 5 pm, 100 %)",
    rf"(?<=\d) (?=(?:{'|'.join(UNITS)})(?!\w))",
    NBSP,
    ("Open till 5 pm", "Open till 5~pm"),
    ("only 250 ml", "only 250~ml"),
)
NUMBER_SIGN = rule(
    "en-number-sign",
    "No. stays with its number",
    r"(?<![\w\ue000])No\. (?=\d)",
    "No." + NBSP,
    ("Table No. 5", "Table No.~5"),
)
INITIALS = rule(
    "en-initials",
    "spaced initials stay together and with the surname",
    r"(?<![\w\ue000])([A-Z]\.) (?=[A-Z]\.|[A-Z][a-z])",
    r"\1" + NBSP,
    ("J. R. R. Tolkien", "J.~R.~R.~Tolkien"),
    ("J.K. Rowling", "J.K.~Rowling"),
)

RULES: tuple[Rule, ...] = (
    APOSTROPHE,
    ELISION,
    OPENING_SINGLE,
    SHORT_WORD,
    UNIT,
    NUMBER_SIGN,
    INITIALS,
)
