"""Stretches the pass never touches: keep-words, URLs, e-mails, @handles and #hashtags.

Each is replaced by :data:`~brandstudio.render.typography.rules.MASK` while the rules run (so a
preposition before a handle still takes its no-break space) and put back afterwards. A MASK
character already in the text is protected as itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from brandstudio.render.typography.rules import MASK

_TRAILING = r"(?<![.,;:!?…)\]'’])"
_URL = rf"(?:https?://|www\.)[^\s\"«»“”„‘’'<>]+{_TRAILING}"
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_DOMAIN = (
    r"(?<![\w@.…\-/])[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2,24}|рф)(?!\w)(?!\.\w)"
    rf"(?:/[^\s\"«»“”„‘’'<>]*{_TRAILING})?"
)
_HANDLE = r"(?<![\w@])@\w+(?:\.\w+)*"
_HASHTAG = r"(?<![\w#&])#\w+"
_ALWAYS = "|".join((_URL, _EMAIL, _DOMAIN, _HANDLE, _HASHTAG, MASK))


@lru_cache(maxsize=64)
def protected_pattern(keep: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the keep-words (whole words, any case) and the stretches always kept."""
    words = sorted({word for word in keep if word.strip()}, key=len, reverse=True)
    phrases = [r"[ \u00a0]".join(re.escape(part) for part in word.split(" ")) for word in words]
    kept = [rf"(?i:(?<![\w\ue000]){phrase}(?![\w\ue000]))" for phrase in phrases]
    return re.compile("|".join([*kept, _ALWAYS]))


def mask(text: str, pattern: re.Pattern[str]) -> tuple[str, list[str]]:
    """``text`` with each protected stretch replaced by MASK, and the stretches in order."""
    stretches: list[str] = []

    def hide(match: re.Match[str]) -> str:
        stretches.append(match.group(0))
        return MASK

    return pattern.sub(hide, text), stretches


def unmask(text: str, stretches: list[str]) -> str:
    """The protected stretches put back in place of the MASK characters, in order."""
    if not stretches:
        return text
    pieces = text.split(MASK)
    out = [pieces[0]]
    for stretch, piece in zip(stretches, pieces[1:], strict=True):
        out.append(stretch)
        out.append(piece)
    return "".join(out)
