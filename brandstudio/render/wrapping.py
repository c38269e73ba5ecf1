"""Where lines break, and where a text too long for its box is cut.

Lines take words while they fit; a word wider than the line may be broken between graphemes.
Each line is measured exactly (shaped as drawn), but only a few times: quick advances of
single graphemes say where to start measuring, and a search from there finds the break. Only
lines that can land in the box are made: the layout stops once the lines made cannot fit.

Split from :mod:`brandstudio.render.text`, which fits a box (choosing the size) and draws.
"""

from __future__ import annotations

import bisect
import itertools
import math
import sys
from collections.abc import Callable, Sequence

from brandstudio.render.characters import graphemes
from brandstudio.render.fonts import FontFace
from brandstudio.render.shaping import Arranged, Shaper

ELLIPSIS = "…"
_CUT_TRAILING = " -/,;:–—"


def _token_ends(clusters: Sequence[str]) -> list[int]:
    """Where the words of a paragraph end (after what follows them: a space, or a '-' or '/'
    after which a line may break, not before another '-' or '/', so "https://" stays whole),
    as indexes into its graphemes."""
    ends: list[int] = []
    word = 0  # characters in the current word
    for index, cluster in enumerate(clusters):
        word += len(cluster)
        following = clusters[index + 1] if index + 1 < len(clusters) else " "
        if cluster == " " or (
            cluster in {"-", "/"} and word > 1 and following not in {"-", "/", " "}
        ):
            ends.append(index + 1)
            word = 0
    if word:
        ends.append(len(clusters))
    return ends


def _tokens(paragraph: str) -> list[str]:
    """Words with what follows them (see :func:`_token_ends`)."""
    clusters = graphemes(paragraph)
    starts = [0, *_token_ends(clusters)]
    return ["".join(clusters[a:b]) for a, b in itertools.pairwise(starts)]


MAX_CUT_TRIES = 64
"""Cuts of one line tried, longest first, below the longest whose advance fits: a few
normally (a block's width differs from its advance by the ink's pixel rounding only)."""


def _last_fitting(low: int, high: int, start: int, fits: Callable[[int], bool]) -> int:
    """The largest n from ``low`` to ``high`` for which ``fits(n)``, or ``low - 1``.

    Probes ``start`` first, then gallops away from it and bisects: a handful of calls
    instead of one per n. Like every greedy layout it takes ``fits`` to hold up to some n
    and fail after it (a longer text is no narrower), and finds that n exactly.
    """
    if high < low:
        return low - 1
    good, bad = low - 1, high + 1
    probe = min(max(start, low), high)
    step = 1
    if fits(probe):
        good = probe
        while good + step < bad:
            if not fits(good + step):
                bad = good + step
                break
            good, step = good + step, step * 2
    else:
        bad = probe
        while bad - step > good:
            if fits(bad - step):
                good = bad - step
                break
            bad, step = bad - step, step * 2
    while bad - good > 1:
        middle = (good + bad) // 2
        if fits(middle):
            good = middle
        else:
            bad = middle
    return good


class _Paragraph:
    """One paragraph's graphemes, where its words end, and which font draws each.

    Measures its lines without splitting them again: a line's runs are cut from the
    paragraph's (a grapheme's font does not depend on its neighbours).
    """

    def __init__(self, shaper: Shaper, text: str) -> None:
        self.shaper = shaper
        self.text = text
        self.clusters = graphemes(text)
        self.ends = _token_ends(self.clusters)
        self.offsets = [0, *itertools.accumulate(len(cluster) for cluster in self.clusters)]
        faces = [shaper.face_of(cluster) for cluster in self.clusters]
        self.faces: list[FontFace] | None = None
        self.runs: list[tuple[int, int, FontFace]] = []
        if all(face is not None for face in faces):  # else each line is split afresh
            self.faces = [face for face in faces if face is not None]
            for index, face in enumerate(self.faces):
                if self.runs and self.runs[-1][2] == face:
                    self.runs[-1] = (self.runs[-1][0], index + 1, face)
                else:
                    self.runs.append((index, index + 1, face))
        self._sums: dict[float, list[float]] = {}
        self._advances: dict[float, dict[str, float]] = {}

    def _stripped(self, start: int, end: int) -> int:
        while end > start and self.clusters[end - 1] == " ":
            end -= 1
        return end

    def text_of(self, start: int, end: int) -> str:
        """Graphemes ``start`` to ``end`` as a line: without the spaces it ends with."""
        end = self._stripped(start, end)
        text = self.text[self.offsets[start] : self.offsets[end]]
        if self.faces is not None:
            first = bisect.bisect_right(self.runs, start, key=lambda run: run[0]) - 1
            runs: list[tuple[str, FontFace]] = []
            for low, high, face in self.runs[max(first, 0) :]:
                if low >= end:
                    break
                part = self.text[self.offsets[max(low, start)] : self.offsets[min(high, end)]]
                runs.append((part, face))
            self.shaper.know_runs(text, runs)
        return text

    def width(self, start: int, end: int, size: float) -> float:
        """The advance of graphemes ``start`` to ``end`` as a line: exactly what
        ``Shaper.advance`` gives for it (letter-spaced lines are summed here, grapheme by
        grapheme in the same order, instead of splitting the line again)."""
        spacing = self.shaper.style.letter_spacing * size
        end = self._stripped(start, end)
        if self.faces is None or not spacing:
            exact = self.shaper.advance(self.text_of(start, end), size)
        else:
            known = self._advances.setdefault(size, {})
            pen = 0.0
            for index in range(start, end):
                cluster = self.clusters[index]
                advance = known.get(cluster)
                if advance is None:
                    advance = known[cluster] = self.shaper.unit_advance(
                        cluster, self.faces[index], size
                    )
                if index > start:
                    pen += spacing
                pen += advance
            exact = max(pen, 0.0)
        sums = self._sums.get(size, ())
        if end - start >= 8 and end < len(sums):  # how far off the quick advances are
            quick = sums[end] - sums[start] - spacing
            if quick > 0 and exact > 0:
                self.shaper.corrections[size] = exact / quick
        return exact

    def reach(self, start: int, size: float, width: float) -> int:
        """About how many graphemes from ``start`` fit ``width``: where measuring begins.

        Sums quick advances of single graphemes, only as far along as asked.
        """
        spacing = self.shaper.style.letter_spacing * size
        sums = self._sums.setdefault(size, [0.0])
        known = self.shaper.estimates(size)
        width /= self.shaper.corrections.get(size, 1.0)  # as the last line measured was off
        target = sums[start] + width + spacing if start < len(sums) else math.inf
        while len(sums) <= len(self.clusters) and (sums[-1] <= target or len(sums) <= start):
            index = len(sums) - 1
            chunk = self.clusters[index : index + 256]
            for cluster in set(chunk).difference(known):
                known[cluster] = self.shaper.estimate(cluster, size) + spacing
            more = itertools.accumulate((known[cluster] for cluster in chunk), initial=sums[-1])
            sums.extend(itertools.islice(more, 1, None))
            if start < len(sums):
                target = sums[start] + width + spacing
        return bisect.bisect_right(sums, target) - 1 - start


class Wrapper:
    """The lines of one prepared text, at any size and width."""

    def __init__(self, shaper: Shaper, text: str) -> None:
        self.shaper = shaper
        self.paragraphs = [_Paragraph(shaper, part) for part in text.split("\n")] if text else []

    def wrap(
        self, size: float, width: float, break_words: bool, limit: int = sys.maxsize
    ) -> tuple[list[str], frozenset[int]]:
        """Lines at ``size`` no wider than ``width`` where words allow, and which lines hold
        part of a word broken between characters.

        Each line takes words while they fit (a word that does not fit starts the next
        line; with ``break_words``, a word wider than ``width`` is broken between
        characters). Only the first ``limit`` lines are made: the text is cut there.
        """
        lines: list[str] = []
        fragments: set[int] = set()
        for paragraph in self.paragraphs:
            if len(lines) >= limit:
                break
            ends = paragraph.ends
            if not ends:
                lines.append("")
                continue
            token = 0
            while token < len(ends) and len(lines) < limit:
                start = ends[token - 1] if token else 0
                if break_words and paragraph.width(start, ends[token], size) > width:
                    room = limit - len(lines)
                    chunks = self._break(paragraph, start, ends[token], size, width, room)
                    if len(chunks) > 1:
                        fragments.update(range(len(lines), len(lines) + len(chunks)))
                    lines.extend(paragraph.text_of(a, b) for a, b in chunks[:-1])
                    if len(lines) >= limit:
                        break
                    start = chunks[-1][0]
                taken = self._words(paragraph, start, token, size, width)
                lines.append(paragraph.text_of(start, ends[token + taken - 1]))
                token += taken
        return lines[:limit], frozenset(index for index in fragments if index < limit)

    @staticmethod
    def _words(paragraph: _Paragraph, start: int, token: int, size: float, width: float) -> int:
        """How many words from ``token`` go on a line that starts at grapheme ``start``:
        the first always, the others while the line fits ``width``."""
        ends = paragraph.ends
        reach = start + paragraph.reach(start, size, width)
        guess = bisect.bisect_right(ends, reach) - 1 - token
        last = _last_fitting(
            1,
            len(ends) - token - 1,
            guess,
            lambda more: paragraph.width(start, ends[token + more], size) <= width,
        )
        return max(last, 0) + 1

    @staticmethod
    def _break(
        paragraph: _Paragraph, start: int, end: int, size: float, width: float, limit: int
    ) -> list[tuple[int, int]]:
        """A word (graphemes ``start`` to ``end``) cut into pieces no wider than ``width``
        (but for single graphemes wider than that): at most ``limit + 1`` of them."""
        chunks: list[tuple[int, int]] = []
        while start < end and len(chunks) <= limit:
            chunks.append((start, Wrapper._chunk(paragraph, start, end, size, width)))
            start = chunks[-1][1]
        return chunks

    @staticmethod
    def _chunk(paragraph: _Paragraph, start: int, end: int, size: float, width: float) -> int:
        """Where a piece of a word that starts at grapheme ``start`` ends: the first
        grapheme always, the others while the piece fits ``width``."""
        last = _last_fitting(
            1,
            end - start - 1,
            paragraph.reach(start, size, width) - 1,
            lambda more: paragraph.width(start, start + more + 1, size) <= width,
        )
        return start + max(last, 0) + 1


def _with_ellipsis(text: str) -> str | None:
    text = text.rstrip(_CUT_TRAILING)
    return text + ELLIPSIS if text else None


def truncate(
    shaper: Shaper,
    lines: list[str],
    fragments: frozenset[int],
    size: float,
    box: tuple[int, int],
) -> Arranged | None:
    """The most of ``lines`` that fits ``box``, cut at a word and ended with "…".

    A line holding part of a broken word (or a first line that is one long word) is cut
    between characters instead. How many lines fit, and how many words of the last one, are
    searched for (a few layouts each), not tried one by one.
    """
    count = _last_fitting(
        2, len(lines), len(lines), lambda n: shaper.arrange(lines[:n], size).height <= box[1]
    )
    count = max(count, 1)
    # A block is at least as wide as its widest line: none can follow a line wider than the box.
    wide = (n for n in range(count) if shaper.advance(lines[n], size) > box[0])
    count = min(count, next(wide, count - 1) + 1)
    for n in range(count, 0, -1):
        head, last = lines[: n - 1], lines[n - 1]
        cut_anywhere = n - 1 in fragments or n == 1
        for units in (_tokens(last), graphemes(last) if cut_anywhere else []):
            kept = _kept(shaper, head, units, n == len(lines), size, box)
            if kept is not None:
                return kept
    return None


def _kept(
    shaper: Shaper,
    head: list[str],
    units: list[str],
    last_line: bool,
    size: float,
    box: tuple[int, int],
) -> Arranged | None:
    """``head`` and the most ``units`` of the next line, with "…", if that fits ``box``
    (keeping at least one unit fewer than all when it is the text's last line)."""

    def candidate(keep: int) -> str | None:
        return _with_ellipsis("".join(units[:keep]))

    def may_fit(keep: int) -> bool:
        # The block is at least as wide as its widest advance: a line whose advance is wider
        # than the box cannot fit (and neither can a longer one). Unlike the block's own
        # width (ink bearings rounded to pixels), this grows with every unit.
        text = candidate(keep)  # None here, and None for any fewer units too
        return text is None or shaper.advance(text, size) <= box[0]

    most = len(units) - (1 if last_line else 0)
    upper = _last_fitting(1, most, most, may_fit)
    for keep in range(upper, max(0, upper - MAX_CUT_TRIES), -1):
        text = candidate(keep)
        if text is None:
            return None
        arranged = shaper.arrange([*head, text], size)
        if arranged.fits(box):
            return arranged
    return None
