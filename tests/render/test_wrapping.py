"""Line breaking searches where lines break instead of trying every word: it must break
exactly where trying every word one by one breaks, and cut a long text exactly there too."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from brandstudio.render import text as text_module
from brandstudio.render import wrapping
from brandstudio.render.characters import graphemes
from brandstudio.render.fonts import FontBook
from brandstudio.render.shaping import Arranged, Shaper, TextStyle, load_font
from brandstudio.render.wrapping import Wrapper, truncate

BOOK = FontBook.bundled()
FAMILIES = [name for name in BOOK.families() if name != "Noto Color Emoji"]
WORDS = [
    "Выиграй",
    "годовой",
    "кофе",
    "Summer",
    "sale",
    "30%",
    "₽",
    "—",
    "AV",
    "To",
    "ﬁ",
    "Сверхпредложение" * 3,
    "https://example.com/promo/winter-2025",
    "северо-восточный",
    "a-",
    "x/y",
    "🎉",
    "👍🏽",
    "🇷🇺",
]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", "\n", ""])),
    min_size=1,
    max_size=60,
).map(lambda parts: "".join(word + gap for word, gap in parts).strip() or "A")
styles = st.builds(
    TextStyle,
    family=st.sampled_from(FAMILIES),
    weight=st.sampled_from([400, 700]),
    italic=st.just(False),
    color=st.just((255, 255, 255, 255)),
    align=st.sampled_from(["left", "center", "right"]),
    valign=st.just("top"),
    line_height=st.sampled_from([0.5, 1.15, 2.0]),
    letter_spacing=st.sampled_from([0.0, 0.0, -0.03, 0.1]),
    uppercase=st.booleans(),
    stroke_width=st.sampled_from([0.0, 0.1]),
)


def one_by_one(
    shaper: Shaper, text: str, size: float, width: float, break_words: bool
) -> tuple[list[str], frozenset[int]]:
    """Lines made by trying every word (and every character of a word too long) in turn."""
    lines: list[str] = []
    fragments: set[int] = set()
    for paragraph in text.split("\n"):
        current = ""
        for token in wrapping._tokens(paragraph):
            if current and shaper.advance((current + token).rstrip(" "), size) <= width:
                current += token
                continue
            if current:
                lines.append(current.rstrip(" "))
                current = ""
            if break_words and shaper.advance(token.rstrip(" "), size) > width:
                chunks = [""]
                for cluster in graphemes(token):
                    wider = (chunks[-1] + cluster).rstrip(" ")
                    if chunks[-1] and shaper.advance(wider, size) > width:
                        chunks.append("")
                    chunks[-1] += cluster
                if len(chunks) > 1:
                    fragments.update(range(len(lines), len(lines) + len(chunks)))
                lines.extend(chunk.rstrip(" ") for chunk in chunks[:-1])
                current = chunks[-1]
            else:
                current = token
        lines.append(current.rstrip(" "))
    return lines, frozenset(fragments)


def cut_one_by_one(
    shaper: Shaper, lines: list[str], fragments: frozenset[int], size: float, box: tuple[int, int]
) -> Arranged | None:
    """The most of ``lines`` that fits, trying one line and one word fewer at a time."""
    count = len(lines)
    while count > 1 and shaper.arrange(lines[:count], size).height > box[1]:
        count -= 1
    for n in range(count, 0, -1):
        head, last = lines[: n - 1], lines[n - 1]
        cut_anywhere = n - 1 in fragments or n == 1
        for units in (wrapping._tokens(last), graphemes(last) if cut_anywhere else []):
            for keep in range(len(units) - (1 if n == len(lines) else 0), 0, -1):
                candidate = "".join(units[:keep]).rstrip(" -/,;:–—")
                if candidate:
                    arranged = shaper.arrange([*head, candidate + "…"], size)
                    if arranged.fits(box):
                        return arranged
    return None


@settings(max_examples=80, deadline=None)
@given(
    text=texts,
    style=styles,
    size=st.sampled_from([9.0, 24.0, 47.5, 120.0]),
    width=st.integers(20, 900),
    break_words=st.booleans(),
)
def test_lines_break_where_trying_every_word_breaks(
    text: str, style: TextStyle, size: float, width: int, break_words: bool
) -> None:
    shaper = Shaper(style, BOOK)
    prepared = shaper.prepare(text)[0]
    wrapped = Wrapper(shaper, prepared).wrap(size, width, break_words)
    assert wrapped == one_by_one(shaper, prepared, size, width, break_words)


@settings(max_examples=40, deadline=None)
@given(text=texts, style=styles, size=st.sampled_from([9.0, 24.0, 60.0]), limit=st.integers(2, 12))
def test_a_limit_keeps_the_first_lines(
    text: str, style: TextStyle, size: float, limit: int
) -> None:
    shaper = Shaper(style, BOOK)
    wrapper = Wrapper(shaper, shaper.prepare(text)[0])
    lines, fragments = wrapper.wrap(size, 300, True)
    first, first_fragments = wrapper.wrap(size, 300, True, limit)
    assert first == lines[:limit]
    assert first_fragments == frozenset(index for index in fragments if index < limit)


@settings(max_examples=60, deadline=None)
@given(
    text=texts,
    style=styles,
    size=st.sampled_from([9.0, 24.0, 60.0]),
    box=st.tuples(st.integers(10, 600), st.integers(10, 300)),
)
@example(  # right-aligned: a shorter cut's "…" overhangs a pixel more than a longer one's
    text=" ".join(["СверхпредложениеСверхпредложениеСверхпредложение"] * 2),
    style=TextStyle(
        family="PT Serif", weight=700, italic=False, color=(255, 255, 255, 255),
        align="right", valign="top", line_height=0.5, letter_spacing=0.1, uppercase=False,
    ),
    size=9.0,
    box=(155, 22),
)  # fmt: skip
def test_a_long_text_is_cut_where_trying_every_word_cuts(
    text: str, style: TextStyle, size: float, box: tuple[int, int]
) -> None:
    shaper = Shaper(style, BOOK)
    lines, fragments = Wrapper(shaper, shaper.prepare(text)[0]).wrap(size, box[0], True)
    cut = truncate(shaper, lines, fragments, size, box)
    expected = cut_one_by_one(shaper, lines, fragments, size, box)
    assert (cut and cut.lines) == (expected and expected.lines)


def test_glyphs_are_drawn_as_imagedraw_draws_them() -> None:
    """Letter-spaced text is drawn a grapheme at a time from masks rendered once: the pixels
    are those of ``ImageDraw.text``, overlaps included."""
    path = str(BOOK.face("Inter", 700).path)
    for size, stroke in ((13.5, 0), (40.0, 0), (40.0, 2.5), (90.25, 7)):
        ours, theirs = Image.new("L", (400, 200)), Image.new("L", (400, 200))
        glyphs = text_module._Glyphs()
        for index, char in enumerate("Wéя₽fWW"):
            at = (10 + index * int(size * 0.4), 150 - index)
            glyphs.draw(ImageDraw.Draw(ours), path, size, char, stroke, at)
            ImageDraw.Draw(theirs).text(
                at,
                char,
                font=load_font(path, size),
                fill=255,
                anchor="ls",
                stroke_width=stroke,
                stroke_fill=255,
            )
        assert ours.tobytes() == theirs.tobytes(), (size, stroke)
