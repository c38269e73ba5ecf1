"""Where a word may be hyphenated: soft hyphens the user typed, and pyphen's dictionaries.

Russian rules for Cyrillic words, US English for Latin ones; a word in neither script (or
mixing them, or with digits) is never hyphenated by dictionary. At least two letters stay on
each side of a break (pyphen's own minimum when stricter). pyphen is imported on the first
word hyphenated and each dictionary loaded once per process (a few tens of ms each).
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Protocol

from brandstudio.render.shaping import SOFT_HYPHEN

__all__ = ["HYPHEN", "MIN_LETTERS", "SOFT_HYPHEN", "dictionary_breaks", "word_breaks"]

HYPHEN = "-"
"""What is drawn at the end of a line broken inside a word."""

MIN_LETTERS = 2
"""Letters kept on each side of a dictionary break, at least."""

_LANGUAGES = {"CYRILLIC": "ru_RU", "LATIN": "en_US"}


class _Dictionary(Protocol):
    """What is used of ``pyphen.Pyphen`` (pyphen has no type hints)."""

    def positions(self, word: str) -> list[int]: ...


@functools.lru_cache(maxsize=4)
def _dictionary(language: str) -> _Dictionary:
    import pyphen  # type: ignore[import-untyped]  # only when a text asks for hyphenation

    found: _Dictionary = pyphen.Pyphen(lang=language, left=MIN_LETTERS, right=MIN_LETTERS)
    return found


def _script(word: str) -> str | None:
    """CYRILLIC or LATIN when every character of ``word`` is a letter of that script."""
    scripts = set()
    for char in word:
        if not char.isalpha():
            return None
        scripts.add(unicodedata.name(char, "").split(" ", 1)[0])
    return scripts.pop() if len(scripts) == 1 else None


@functools.lru_cache(maxsize=4096)
def dictionary_breaks(word: str) -> tuple[int, ...]:
    """Offsets into ``word`` (letters only, no punctuation) where a hyphen may break it."""
    language = _LANGUAGES.get(_script(word) or "")
    if language is None or len(word) < 2 * MIN_LETTERS:
        return ()
    found = _dictionary(language).positions(word.lower())
    return tuple(at for at in found if MIN_LETTERS <= at <= len(word) - MIN_LETTERS)


def word_breaks(word: str) -> tuple[int, ...]:
    """Offsets into ``word`` (a token: letters with the punctuation around them) where the
    dictionary allows a hyphen: the letters between leading and trailing punctuation are
    looked up, and a word that holds a hyphen or a soft hyphen is left as the user wrote it."""
    if HYPHEN in word or SOFT_HYPHEN in word:
        return ()
    start, end = 0, len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    return tuple(start + at for at in dictionary_breaks(word[start:end]))
