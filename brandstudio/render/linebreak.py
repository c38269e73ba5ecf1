"""Better lines once the size is chosen: balanced headlines, and no orphan on a last line.

The fitting (:func:`brandstudio.render.text.fit_text`) chooses the size with greedy lines
(:mod:`brandstudio.render.wrapping`); only then, with typography on, are the lines redone at
that size, never more of them, never wider:

- a headline (at most ``HEADLINE_LINES`` lines) is **balanced**, paragraph by paragraph, like
  CSS ``text-wrap: balance``: the narrowest width that still gives the greedy number of lines
  (a bisection to half a pixel, each try a greedy wrap of that paragraph);
- a longer text gets **no orphan**, like ``text-wrap: pretty``: a paragraph whose last line is
  a single word takes one word down from the line before when that line keeps a word and the
  word fits beside the orphan.
"""

from __future__ import annotations

from brandstudio.render.wrapping import HEADLINE_LINES, Span, Wrapper

_PRECISION = 0.5
"""How close to the narrowest width balancing gets, in px."""


def refine_lines(wrapper: Wrapper, size: float, width: float) -> list[str] | None:
    """Balanced or orphan-free lines of ``wrapper``'s text at ``size`` within ``width`` px,
    as many as the greedy wrap makes; None when the greedy lines are kept as they are (a
    text broken between characters, or of one line)."""
    spans, fragments = wrapper.spans(size, width, False)
    count = sum(len(found) for found in spans)
    if fragments or count < 2:
        return None
    headline = count <= HEADLINE_LINES
    refined: list[str] = []
    for number, (paragraph, found) in enumerate(zip(wrapper.paragraphs, spans, strict=True)):
        if len(found) >= 2 and headline:
            found = _balanced(wrapper, number, size, width, found)
        elif len(found) >= 2:
            found = _without_orphan(wrapper, number, size, width, found)
        refined.extend(paragraph.span_text(span) for span in found)
    return refined


def _balanced(
    wrapper: Wrapper, number: int, size: float, width: float, greedy: list[Span]
) -> list[Span]:
    """Paragraph ``number`` in as many lines as ``greedy``, at the narrowest width that
    allows it."""
    paragraph = wrapper.paragraphs[number]
    count = len(greedy)
    widest = max(paragraph.width(span.start, span.end, size, span.hyphen) for span in greedy)
    good, good_spans = widest, greedy
    bad = widest / count * 0.9  # narrower than all lines' total over their count: more lines
    while good - bad > _PRECISION:
        middle = (good + bad) / 2
        found, broken = wrapper.paragraph_spans(
            paragraph, size, middle, False, count + 1, headline=not number
        )
        if len(found) == count and not broken:
            good, good_spans = middle, found
        else:
            bad = middle
    return good_spans


def _without_orphan(
    wrapper: Wrapper, number: int, size: float, width: float, spans: list[Span]
) -> list[Span]:
    """``spans`` with the last word of the line before a lone last word taken down to it,
    when that fits ``width`` and leaves a word on that line."""
    paragraph = wrapper.paragraphs[number]
    before, last = spans[-2], spans[-1]
    ends = paragraph.ends
    token = paragraph.token_at(last.start)
    lone = last.start == (ends[token - 1] if token else 0) and token == len(ends) - 1
    if not lone or before.hyphen or before.end != before.resume:
        return spans
    moved = paragraph.token_at(before.end - 1)  # the last word of the line before
    if moved - paragraph.token_at(before.start) < 1:
        return spans  # the line before is one word: it would be left empty
    split = ends[moved - 1]
    if paragraph.width(split, last.end, size) > width:
        return spans
    return [*spans[:-2], Span(before.start, split, split), Span(split, last.end, last.resume)]
