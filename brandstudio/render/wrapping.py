"""Where lines break, and where a text too long for its box is cut.

Lines take words while they fit; a word wider than the line may be broken between graphemes.
Inside a word a line may also end at a soft hyphen the user typed (always), or where the
dictionary hyphenates it (:class:`BreakRules`, :mod:`brandstudio.render.hyphenation`), drawn
with "-"; with typography on, a run of words glued by no-break spaces that is wider than the
line breaks at one of them before it is broken between graphemes. How balanced lines and
last lines without an orphan are chosen after the size is: :mod:`brandstudio.render.linebreak`.
Each line is measured exactly (shaped as drawn), but only a few times: quick advances of
single graphemes say where to start measuring, and a search from there finds the break. Only
lines that can land in the box are made: the layout stops once the lines made cannot fit.

Split from :mod:`brandstudio.render.text`, which fits a box (choosing the size) and draws.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from brandstudio.render.characters import graphemes
from brandstudio.render.fonts import FontFace
from brandstudio.render.hyphenation import HYPHEN, SOFT_HYPHEN, word_breaks
from brandstudio.render.shaping import Arranged, Shaper

ELLIPSIS = "…"
_CUT_TRAILING = " -/,;:–—"
NO_BREAK_SPACE = "\u00a0"

HEADLINE_LINES = 6
"""A text of at most this many lines is a headline: its lines are balanced, and its first
line is never hyphenated by dictionary."""

HYPHENATE_BELOW = 0.8
"""A line is hyphenated by dictionary only when, without it, it would fill less than this
share of the width, and the line before was not (soft hyphens the user typed are taken
whenever a word does not fit)."""


@dataclass(frozen=True)
class BreakRules:
    """Where lines may break beyond spaces, '-' and '/' (and soft hyphens, always)."""

    typography: bool = False
    """A run glued by no-break spaces may break at one when wider than the line; lines are
    balanced or kept from ending with an orphan (:mod:`brandstudio.render.linebreak`)."""
    hyphenate: bool = False
    """Words may be hyphenated by dictionary."""


GREEDY = BreakRules()
"""Lines as the first layout made them: words while they fit, nothing more."""


@dataclass(frozen=True)
class Span:
    """One line of a paragraph: graphemes ``start`` to ``end`` (spaces at its end left out),
    "-" drawn after them when ``hyphen``; the next line starts at grapheme ``resume``."""

    start: int
    end: int
    resume: int
    hyphen: bool = False
    dictionary: bool = False
    """Hyphenated by dictionary (not at a soft hyphen)."""


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
    paragraph's (a grapheme's font does not depend on its neighbours). Soft hyphens are
    kept here, as break opportunities, and left out of every line's text.
    """

    def __init__(self, shaper: Shaper, text: str) -> None:
        self.shaper = shaper
        self.text = text
        self.clusters = graphemes(text)
        self.ends = _token_ends(self.clusters)
        self.offsets = [0, *itertools.accumulate(len(cluster) for cluster in self.clusters)]
        self.soft = SOFT_HYPHEN in text
        faces = [shaper.face_of(cluster) for cluster in self.clusters if cluster != SOFT_HYPHEN]
        self.faces: list[FontFace] | None = None
        self.runs: list[tuple[int, int, FontFace]] = []
        if all(face is not None for face in faces):  # else each line is split afresh
            chosen = iter(faces)
            self.faces = []
            for cluster in self.clusters:  # a soft hyphen goes with the run before it
                face = next(chosen) if cluster != SOFT_HYPHEN else None
                self.faces.append(face or (self.faces[-1] if self.faces else shaper.primary))
            for index, face in enumerate(self.faces):
                if self.runs and self.runs[-1][2] == face:
                    self.runs[-1] = (self.runs[-1][0], index + 1, face)
                else:
                    self.runs.append((index, index + 1, face))
        self._sums: dict[float, list[float]] = {}

    def _stripped(self, start: int, end: int) -> int:
        while end > start and self.clusters[end - 1] == " ":
            end -= 1
        return end

    def text_of(self, start: int, end: int, hyphen: bool = False) -> str:
        """Graphemes ``start`` to ``end`` as a line: without the spaces it ends with and
        without soft hyphens, "-" after them when ``hyphen``."""
        end = self._stripped(start, end)
        text = self.text[self.offsets[start] : self.offsets[end]]
        if self.soft:
            text = text.replace(SOFT_HYPHEN, "")
        if hyphen:
            return text + HYPHEN  # its runs are worked out afresh
        if self.faces is not None:
            first = bisect.bisect_right(self.runs, start, key=lambda run: run[0]) - 1
            runs: list[tuple[str, FontFace]] = []
            for low, high, face in self.runs[max(first, 0) :]:
                if low >= end:
                    break
                part = self.text[self.offsets[max(low, start)] : self.offsets[min(high, end)]]
                part = part.replace(SOFT_HYPHEN, "") if self.soft else part
                if part:
                    runs.append((part, face))
            self.shaper.know_runs(text, runs)
        return text

    def span_text(self, span: Span) -> str:
        return self.text_of(span.start, span.end, span.hyphen)

    def width(self, start: int, end: int, size: float, hyphen: bool = False) -> float:
        """The advance of graphemes ``start`` to ``end`` as a line: exactly what
        ``Shaper.advance`` gives for it."""
        spacing = self.shaper.style.letter_spacing * size
        exact = self.shaper.advance(self.text_of(start, end, hyphen), size)
        end = self._stripped(start, end)
        sums = self._sums.get(size, ())
        if end - start >= 8 and end < len(sums) and not hyphen:  # how far off the quick
            quick = sums[end] - sums[start] - spacing  # advances are
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

    def token_at(self, grapheme: int) -> int:
        """The index of the word that grapheme ``grapheme`` belongs to."""
        return bisect.bisect_right(self.ends, grapheme)

    def inner_breaks(self, start: int, end: int, dictionary: bool) -> list[Span]:
        """Where a line from ``start`` may end inside the word ending at grapheme ``end``:
        at its soft hyphens, and where the dictionary hyphenates it when ``dictionary``
        (the last of words glued by no-break spaces); longest line first."""
        token = self.token_at(end - 1)
        first = self.ends[token - 1] if token else 0
        last = self._stripped(first, end)
        found: dict[int, Span] = {}
        if dictionary:
            base = self.offsets[first]
            word = self.text[base : self.offsets[last]]
            glued = word.rfind(NO_BREAK_SPACE) + 1
            for at in word_breaks(word[glued:]):
                index = bisect.bisect_left(self.offsets, base + glued + at)
                if self.offsets[index] == base + glued + at and index > start:
                    found[index] = Span(start, index, index, True, True)
        if self.soft:
            for index in range(max(first, start) + 1, last - 1):
                if self.clusters[index] == SOFT_HYPHEN:
                    found[index] = Span(start, index, index + 1, True)
        return [found[index] for index in sorted(found, reverse=True)]


class Wrapper:
    """The lines of one prepared text, at any size and width."""

    def __init__(self, shaper: Shaper, text: str, rules: BreakRules = GREEDY) -> None:
        self.shaper = shaper
        self.rules = rules
        self.paragraphs = [_Paragraph(shaper, part) for part in text.split("\n")] if text else []

    def wrap(
        self, size: float, width: float, break_words: bool, limit: int = sys.maxsize
    ) -> tuple[list[str], frozenset[int]]:
        """Lines at ``size`` no wider than ``width`` where words allow, and which lines hold
        part of a word broken between characters.

        Each line takes words while they fit (a word that does not fit starts the next
        line, or is hyphenated at a soft hyphen, or by dictionary when the rules say so;
        with ``break_words``, a word wider than ``width`` is broken between characters).
        Only the first ``limit`` lines are made: the text is cut there.
        """
        spans, fragments = self.spans(size, width, break_words, limit)
        lines = [
            paragraph.span_text(span)
            for paragraph, found in zip(self.paragraphs, spans, strict=False)
            for span in found
        ]
        return lines, fragments

    def spans(
        self, size: float, width: float, break_words: bool, limit: int = sys.maxsize
    ) -> tuple[list[list[Span]], frozenset[int]]:
        """:meth:`wrap`'s lines as spans, paragraph by paragraph: a headline (at most
        ``HEADLINE_LINES`` lines) is never hyphenated by dictionary in its first line."""
        spans, fragments = self._spans(size, width, break_words, limit, False)
        count = sum(len(found) for found in spans)  # of a text cut at the limit: unknown
        headline = count <= HEADLINE_LINES and count < limit
        if headline and spans and spans[0] and spans[0][0].dictionary:
            spans, fragments = self._spans(size, width, break_words, limit, True)
        return spans, fragments

    def _spans(
        self, size: float, width: float, break_words: bool, limit: int, headline: bool
    ) -> tuple[list[list[Span]], frozenset[int]]:
        spans: list[list[Span]] = []
        fragments: set[int] = set()
        made = 0
        for number, paragraph in enumerate(self.paragraphs):
            if made >= limit:
                break
            found, broken = self.paragraph_spans(
                paragraph, size, width, break_words, limit - made, headline and not number
            )
            fragments.update(made + index for index in broken)
            spans.append(found)
            made += len(found)
        return spans, frozenset(index for index in fragments if index < limit)

    def paragraph_spans(
        self,
        paragraph: _Paragraph,
        size: float,
        width: float,
        break_words: bool,
        room: int,
        headline: bool = False,
    ) -> tuple[list[Span], set[int]]:
        """At most ``room`` lines of one paragraph, and which of them hold part of a word
        broken between characters; ``headline``: no dictionary hyphen in the first line."""
        ends = paragraph.ends
        if not ends:
            return [Span(0, 0, 0)], set()
        inner = paragraph.soft or self.rules.hyphenate
        spans: list[Span] = []
        fragments: set[int] = set()
        token, start = 0, 0
        while token < len(ends) and len(spans) < room:
            if (break_words or inner) and paragraph.width(start, ends[token], size) > width:
                dictionary = self.rules.hyphenate and not (headline and not spans)
                fitting = self._fitting(paragraph, start, ends[token], size, width, dictionary)
                if fitting is not None:
                    spans.append(fitting)
                    start, token = fitting.resume, paragraph.token_at(fitting.resume)
                    continue
                if break_words and dictionary != self.rules.hyphenate:  # a headline's first
                    # line is hyphenated after all: better than breaking between letters
                    fitting = self._fitting(paragraph, start, ends[token], size, width, True)
                    if fitting is not None:
                        spans.append(dataclasses.replace(fitting, dictionary=False))
                        start, token = fitting.resume, paragraph.token_at(fitting.resume)
                        continue
                if break_words:
                    chunks = self._break(paragraph, start, ends[token], size, width, room)
                    for index, chunk in enumerate(chunks[:-1]):
                        if chunk.end == chunk.resume:  # broken between graphemes
                            fragments.update((len(spans) + index, len(spans) + index + 1))
                    spans.extend(chunks[:-1])
                    if len(spans) >= room:
                        break
                    start = chunks[-1].start
            taken = self._words(paragraph, start, token, size, width)
            last = ends[token + taken - 1]
            span = Span(start, last, last)
            if token + taken < len(ends) and inner:  # the next word did not fit
                dictionary = (
                    self.rules.hyphenate
                    and not (headline and not spans)
                    and not (spans and spans[-1].dictionary)  # never two in a row
                    and paragraph.width(start, last, size) < HYPHENATE_BELOW * width
                )
                end = ends[token + taken]
                span = self._fitting(paragraph, start, end, size, width, dictionary) or span
            spans.append(span)
            start, token = span.resume, paragraph.token_at(span.resume)
        return spans[:room], {index for index in fragments if index < room}

    @staticmethod
    def _fitting(
        paragraph: _Paragraph, start: int, end: int, size: float, width: float, dictionary: bool
    ) -> Span | None:
        """The longest line from ``start`` that ends with "-" inside the word ending at
        ``end`` and fits ``width``, or None."""
        for span in paragraph.inner_breaks(start, end, dictionary):
            if paragraph.width(span.start, span.end, size, True) <= width:
                return span
        return None

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

    def _break(
        self, paragraph: _Paragraph, start: int, end: int, size: float, width: float, limit: int
    ) -> list[Span]:
        """A word (graphemes ``start`` to ``end``) cut into pieces no wider than ``width``
        (but for single graphemes wider than that): at most ``limit + 1`` of them. With
        typography on, words glued by no-break spaces part at one of those first."""
        chunks: list[Span] = []
        while start < end and len(chunks) <= limit:
            glued = self._glued(paragraph, start, end, size, width)
            if glued is None:
                stop = Wrapper._chunk(paragraph, start, end, size, width)
                glued = Span(start, stop, stop)
            chunks.append(glued)
            start = glued.resume
        return chunks

    def _glued(
        self, paragraph: _Paragraph, start: int, end: int, size: float, width: float
    ) -> Span | None:
        """The longest line from ``start`` that ends before a no-break space of the word
        ending at ``end`` and fits ``width`` (typography on only), or None."""
        if not self.rules.typography or paragraph.width(start, end, size) <= width:
            return None  # (the rest of the word fits: one piece)
        clusters = paragraph.clusters
        for index in range(end - 1, start, -1):
            if (
                clusters[index] == NO_BREAK_SPACE
                and clusters[index - 1] != NO_BREAK_SPACE
                and paragraph.width(start, index, size) <= width
            ):
                return Span(start, index, index + 1)
        return None

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
