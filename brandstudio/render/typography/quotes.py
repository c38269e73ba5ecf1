"""Quotes: straight and curly double quotes turned into the paragraph's style.

Whether a quote opens or closes is read from its neighbours: after the start, a space, a bracket,
a dash or another opening quote it opens (if a letter follows), after anything else it closes.
Nesting gives the level: Russian «ёлочки» outside and „лапки“ inside, English “ ” outside and
‘ ’ inside. A straight quote that closes nothing (5" screen) and a quote with spaces on both
sides are left as typed. Roles depend on neighbours only, never on the style, so the output
reads the same way again and the pass is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

STYLES = {"ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}
"""Per language: outer opening, outer closing, inner opening, inner closing."""
DOUBLE_QUOTES = frozenset('"«»„“”')
_DOUBLE_QUOTE = re.compile('["«»„“”]')
_OPEN_AFTER = frozenset("([{/-–—")


def _role(text: str, index: int, previous: tuple[int, str] | None) -> str:
    """The role of the quote at ``index``: "open", "close" or "" (left as typed)."""
    if previous is not None and previous[0] == index - 1:
        return previous[1]
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isspace() or before in _OPEN_AFTER:
        return "" if after.isspace() else "open"
    return "close"


def _quotes(text: str) -> Iterator[tuple[int, str, int]]:
    """Each quote's index, its role and the nesting depth before it; an unmatched straight
    closing quote gets the role "" (left as typed)."""
    depth = 0
    previous: tuple[int, str] | None = None
    for match in _DOUBLE_QUOTE.finditer(text):
        index, char = match.start(), match.group()
        role = _role(text, index, previous)
        previous = (index, role)
        if role == "close" and depth == 0 and char == '"':
            role = ""
        yield index, role, depth
        if role == "open":
            depth += 1
        elif role == "close" and depth:
            depth -= 1


def unquoted(text: str) -> str:
    """``text`` without what stands inside quotes: the paragraph's own words."""
    if not DOUBLE_QUOTES.intersection(text):
        return text
    pieces = []
    start: int | None = 0
    for index, role, depth in _quotes(text):
        if depth == 0 and role == "open" and start is not None:
            pieces.append(text[start:index])
            start = None
        elif depth == 1 and role == "close":
            start = index + 1
    if start is not None:
        pieces.append(text[start:])
    return "".join(pieces)


def place_quotes(text: str, language: str) -> str:
    """``text`` (one paragraph) with its double quotes in ``language``'s style."""
    if not DOUBLE_QUOTES.intersection(text):
        return text
    outer_open, outer_close, inner_open, inner_close = STYLES[language]
    chars = list(text)
    for index, role, depth in _quotes(text):
        if role == "open":
            chars[index] = outer_open if depth == 0 else inner_open
        elif role == "close":
            chars[index] = outer_close if depth <= 1 else inner_close
    return "".join(chars)
