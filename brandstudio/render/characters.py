"""The characters of a text: user-perceived characters (graphemes), the text normalised for
layout, and which font of a fallback chain draws each grapheme (emoji sequences to the emoji
font; characters no font has are left out, and said).

Split from :mod:`brandstudio.render.text`, which lays these characters out and draws them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from brandstudio.render.fonts import FontBook, FontFace, is_ignorable

_NO_BREAK_SPACES = "\u00a0\u2007\u202f"
_NEWLINES = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_EMOJI_MARKERS = "\ufe0f\u20e3\u200d"


def _joins_previous(char: str) -> bool:
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, tags
        return True
    if code == 0x200D:  # zero-width joiner
        return True
    return unicodedata.category(char) in {"Mn", "Me", "Mc"}


def _is_pictographic(char: str) -> bool:
    """Roughly Unicode's Extended_Pictographic: symbols that ZWJ sequences join."""
    return 0x1F000 <= ord(char) <= 0x1FAFF or unicodedata.category(char) == "So"


def _is_regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def graphemes(text: str) -> list[str]:
    """``text`` split into user-perceived characters: a base with its combining marks,
    variation selectors, skin tones and tags; ZWJ sequences; flag pairs."""
    clusters: list[str] = []
    for char in text:
        if clusters and char != "\n":
            last = clusters[-1]
            zwj_sequence = (
                last.endswith("\u200d") and _is_pictographic(last[0]) and _is_pictographic(char)
            )
            if not last.isspace() and (_joins_previous(char) or zwj_sequence):
                clusters[-1] = last + char
                continue
            if _is_regional(char) and len(last) == 1 and _is_regional(last):
                clusters[-1] = last + char
                continue
        clusters.append(char)
    return clusters


def _wants_emoji(cluster: str) -> bool:
    if "\ufe0e" in cluster:
        return False
    return any(
        char in _EMOJI_MARKERS or _is_regional(char) or 0x1F3FB <= ord(char) <= 0x1F3FF
        for char in cluster
    )


class FontChoice:
    """Which font of ``chain`` draws each grapheme, each distinct grapheme worked out once.

    A grapheme's font does not depend on its neighbours, so a long text costs a lookup per
    grapheme (the layout asks again for every line it measures).
    """

    def __init__(self, chain: Sequence[FontFace], book: FontBook) -> None:
        self.chain = list(chain)
        self.book = book
        self._text_faces = [face for face in chain if not face.emoji]
        self._emoji_faces = [face for face in chain if face.emoji]
        self._known: dict[str, tuple[tuple[str, FontFace] | None, str]] = {}

    def cluster(self, cluster: str) -> tuple[tuple[str, FontFace] | None, str]:
        """The grapheme as drawn (characters no font has left out) with its font, or None
        when nothing of it is drawn; and the characters left out."""
        found = self._known.get(cluster)
        if found is None:
            found = self._known[cluster] = self._choose(cluster)
        return found

    def _choose(self, cluster: str) -> tuple[tuple[str, FontFace] | None, str]:
        chain, book = self.chain, self.book
        if cluster.isspace():
            face = next(
                (f for f in chain if ord(cluster[0]) in book.coverage(f) and not f.emoji),
                chain[0],
            )
            if cluster != "\n" and ord(cluster[0]) not in book.coverage(face):
                cluster = " "
            return (cluster, face), ""
        needed = [ord(char) for char in cluster if not is_ignorable(char)]
        if not needed:
            return None, ""  # a lone joiner or selector: invisible anyway
        emoji_first = [*self._emoji_faces, *self._text_faces]
        order = emoji_first if _wants_emoji(cluster) else chain
        face_or_none = next((f for f in order if set(needed) <= book.coverage(f)), None)
        if face_or_none is None:
            face_or_none = next((f for f in order if needed[0] in book.coverage(f)), None)
        if face_or_none is None:
            return None, "".join(char for char in cluster if not is_ignorable(char))
        covered = book.coverage(face_or_none)
        kept = dropped = ""
        for char in cluster:
            if ord(char) in covered or (is_ignorable(char) and face_or_none.emoji):
                kept += char
            elif not is_ignorable(char):
                dropped += char
        return (kept, face_or_none), dropped

    def assign(self, text: str) -> tuple[list[tuple[str, FontFace]], str]:
        """Each grapheme of ``text`` with the font that draws it, and the characters no font
        has (each once, in order)."""
        assigned: list[tuple[str, FontFace]] = []
        dropped: dict[str, None] = {}
        for cluster in graphemes(text):
            drawn, lost = self.cluster(cluster)
            if drawn is not None:
                assigned.append(drawn)
            for char in lost:
                dropped[char] = None
        return assigned, "".join(dropped)

    def runs(self, text: str) -> list[tuple[str, FontFace]]:
        """``text`` cut into runs of consecutive graphemes drawn with the same font."""
        runs: list[tuple[str, FontFace]] = []
        for cluster, face in self.assign(text)[0]:
            if runs and runs[-1][1] == face:
                runs[-1] = (runs[-1][0] + cluster, face)
            else:
                runs.append((cluster, face))
        return runs


def assign_fonts(
    text: str, chain: Sequence[FontFace], book: FontBook
) -> tuple[list[tuple[str, FontFace]], str]:
    """Each grapheme of ``text`` with the font that draws it, and the characters no font has."""
    return FontChoice(chain, book).assign(text)


def split_runs(text: str, chain: Sequence[FontFace], book: FontBook) -> list[tuple[str, FontFace]]:
    """``text`` cut into runs of consecutive characters drawn with the same font: each
    grapheme goes to the first font of ``chain`` that has all of it (emoji sequences to the
    emoji font). Characters no font has are left out."""
    return FontChoice(chain, book).runs(text)


def collapse_spaces(text: str) -> str:
    """Runs of spaces as one, none at the ends of lines, no line breaks at either end."""
    paragraphs = [" ".join(part for part in line.split(" ") if part) for line in text.split("\n")]
    return "\n".join(paragraphs).strip("\n ")


def normalise_text(text: str, uppercase: bool) -> str:
    """The text as laid out: NFC, upper-cased if asked, line breaks unified, other whitespace
    as single spaces (no-break spaces kept), controls removed, ends trimmed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if uppercase:
        text = unicodedata.normalize("NFC", text.upper())
    chars: list[str] = []
    for char in text:
        if char == "\n" or char in _NEWLINES:
            chars.append("\n")
        elif char in _NO_BREAK_SPACES:
            chars.append(char)
        elif char.isspace():
            chars.append(" ")
        elif unicodedata.category(char) != "Cc":
            chars.append(char)
    return collapse_spaces("".join(chars))


def describe_characters(chars: str) -> str:
    """``chars`` for a message: invisible and combining ones as U+XXXX, comma-separated."""
    shown = []
    for char in chars:
        if unicodedata.category(char)[0] in {"C", "Z"} or unicodedata.combining(char):
            shown.append(f"U+{ord(char):04X}")
        else:
            shown.append(char)
    return ", ".join(shown)
