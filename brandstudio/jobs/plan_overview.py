"""The content plan's overview for approval: one page per Monday-to-Sunday week, the posts as
thumbnails on a seven-day grid with their date, time, rubric, first line, caption, hashtags
and status.

Pages cover every calendar week from the first post's to the last post's, empty weeks in
between included (a gap in the plan is something to approve, too). Each page is A4 landscape
at 150 dpi (1754 x 1240 px): a title (the brand and the week's dates), a summary line, and
seven day columns (weekends tinted). A post is a card: the thumbnail at its own aspect ratio,
then "time · rubric", the first line of text (two lines at most), the caption (two lines,
grey), the hashtags (one line) and a status tag (approved green, draft amber, no status grey,
a row that was not made red with its reason). Posts of one day stack in plan order; when a
day holds more than fits, that day's thumbnails shrink (to 40%), and past that the
column ends with "+N more". Text longer than its place ends with "…".

Text is drawn with the bundled Inter (Cyrillic included); letters it lacks (emoji) are left
out of the overview, never drawn as boxes. Day and month names follow ``language`` ("en",
"ru").

API: :func:`overview_pages` (pure: posts and a thumbnail getter in, page images out) and
:func:`write_overview` (pages written as ``overview/week-YYYY-MM-DD.png``, the Monday, and
one multi-page ``overview/plan.pdf``, through the output folder's journal: a re-run replaces
its own overview, another job's file of the same name is kept and ours gets ``-2``).
"""

from __future__ import annotations

import datetime
import functools
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Final

from PIL import Image, ImageDraw, ImageFont

from brandstudio.batch.journal import OutputJournal, sha256_of
from brandstudio.fsutil import atomic_write_bytes
from brandstudio.render.fonts import FontBook

PAGE: Final = (1754, 1240)
"""A4 landscape at 150 dpi, in pixels."""
DPI: Final = 150
MARGIN: Final = 56
GAP: Final = 12
"""Between day columns, and between the cards of a day, in pixels."""
PAD: Final = 8
"""Inside a day column, in pixels."""
OVERVIEW_FOLDER: Final = "overview"
TAG_HEIGHT: Final = 34
"""The status tag's line, in pixels."""
MIN_SCALE: Final = 0.4
"""The smallest thumbnail, as a share of the column's width, before "+N more"."""

INK = (33, 37, 41)
GREY = (108, 117, 125)
LIGHT = (241, 243, 245)
WEEKEND = (232, 236, 240)
LINE = (206, 212, 218)
BLUE = (28, 100, 180)
TAGS: Final = {
    "approved": ((43, 138, 62), (235, 251, 238)),
    "draft": ((200, 120, 0), (255, 244, 219)),
    "": (GREY, (233, 236, 239)),
    "failed": ((201, 42, 42), (255, 235, 235)),
}
"""Status -> (ink, fill) of its tag."""

WORDS: Final[Mapping[str, Mapping[str, object]]] = {
    "en": {
        "days": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "months": (
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December",
        ),
        "plan": "Content plan", "week": "Week {number}", "posts": "{n} posts",
        "approved": "approved", "draft": "draft", "": "no status", "failed": "not made",
        "more": "+{n} more", "row": "row {n}", "none": "no posts this week",
    },
    "ru": {
        "days": ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"),
        "months": (
            "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря",
        ),
        "plan": "Контент-план", "week": "Неделя {number}", "posts": "постов: {n}",
        "approved": "утверждено", "draft": "черновик", "": "без статуса", "failed": "не сделан",
        "more": "ещё {n}", "row": "строка {n}", "none": "на этой неделе постов нет",
    },
}  # fmt: skip
"""The overview's words by language."""


@dataclass(frozen=True)
class OverviewPost:
    """One post as the overview shows it. ``date`` None: not on the calendar (bad date);
    ``error``: the row was not made (shown in red with the reason)."""

    date: datetime.date | None
    rubric: str
    text: str = ""
    """The first line of the post's text."""
    time: str = ""
    caption: str = ""
    hashtags: str = ""
    status: str = ""
    """"approved", "draft" or ""."""
    row: int = 0
    error: str | None = None


Thumbnails = Callable[[OverviewPost], Image.Image | None]
"""The image of a post (any size; None when there is none: a grey box takes its place)."""


@dataclass(frozen=True)
class OverviewResult:
    """The overview's files: one PNG per week (Mondays in order) and the PDF."""

    pages: tuple[Path, ...]
    pdf: Path | None


def weeks_of(posts: Sequence[OverviewPost]) -> list[datetime.date]:
    """The Mondays of every week from the first dated post's to the last's (empty weeks too)."""
    dates = [post.date for post in posts if post.date is not None]
    if not dates:
        return []
    first = min(dates) - datetime.timedelta(days=min(dates).weekday())
    last = max(dates)
    count = (last - first).days // 7 + 1
    return [first + datetime.timedelta(weeks=n) for n in range(count)]


def overview_pages(
    posts: Sequence[OverviewPost], thumbnail: Thumbnails, *, brand: str = "", language: str = "en"
) -> list[tuple[datetime.date, Image.Image]]:
    """One page per week (its Monday and the RGB image), in date order."""
    words = WORDS.get(language, WORDS["en"])
    return [
        (monday, _Page(monday, posts, thumbnail, brand, words).draw()) for monday in weeks_of(posts)
    ]


def write_overview(
    posts: Sequence[OverviewPost],
    thumbnail: Thumbnails,
    out: Path,
    *,
    fingerprint: str,
    brand: str = "",
    language: str = "en",
    overwrite: bool = False,
) -> OverviewResult:
    """Draw the pages and write them into ``out/overview/`` through ``out``'s journal under the
    job ``fingerprint`` (atomic writes; never over another job's file unless ``overwrite``)."""
    pages = overview_pages(posts, thumbnail, brand=brand, language=language)
    if not pages:
        return OverviewResult((), None)
    with OutputJournal(out, fingerprint, overwrite=overwrite) as journal:
        written = []
        for monday, image in pages:
            stem = PurePosixPath(OVERVIEW_FOLDER, f"week-{monday.isoformat()}")
            written.append(_write(journal, stem, ".png", _encode(image, "PNG")))
        pdf = _write(journal, PurePosixPath(OVERVIEW_FOLDER, "plan"), ".pdf", _pdf(pages))
    return OverviewResult(tuple(written), pdf)


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, optimize=True)
    return buffer.getvalue()


def _pdf(pages: Sequence[tuple[datetime.date, Image.Image]]) -> bytes:
    buffer = io.BytesIO()
    images = [image for _, image in pages]
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=DPI)
    return buffer.getvalue()


def _write(journal: OutputJournal, stem: PurePosixPath, extension: str, data: bytes) -> Path:
    path = journal.claim(stem, extension)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = f"overview|{stem}"
    journal.pending(key, [path])
    atomic_write_bytes(path, data)
    journal.done(key, path, len(data), sha256_of(path))
    return path


@functools.lru_cache(maxsize=16)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    face = FontBook.bundled(system_fallback=False).face("Inter", 700 if bold else 400)
    return ImageFont.truetype(str(face.path), size)


@functools.lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    book = FontBook.bundled(system_fallback=False)
    return book.coverage(book.face("Inter", 400)) & book.coverage(book.face("Inter", 700))


def _drawable(text: str) -> str:
    """``text`` on one line without the letters Inter lacks (emoji): never drawn as boxes."""
    covered = _covered()
    kept = "".join(c if ord(c) in covered else " " for c in " ".join(text.split()))
    return " ".join(kept.split())


def _fit(text: str, font: ImageFont.FreeTypeFont, width: float, lines: int = 1) -> list[str]:
    """``text`` wrapped into at most ``lines`` lines of ``width`` px, the last cut with '…'."""
    wrapped: list[str] = []
    current = ""
    for word in _drawable(text).split():
        trial = f"{current} {word}".strip()
        if not current or font.getlength(trial) <= width:
            current = trial
        else:
            wrapped.append(current)
            current = word
    if current:
        wrapped.append(current)
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], " ".join(wrapped[lines - 1 :])]
    return [_cut(line, font, width) for line in wrapped]


def _cut(text: str, font: ImageFont.FreeTypeFont, width: float) -> str:
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _Page:
    """One week drawn: the title, the day headers, and each day's cards."""

    def __init__(
        self,
        monday: datetime.date,
        posts: Sequence[OverviewPost],
        thumbnail: Thumbnails,
        brand: str,
        words: Mapping[str, object],
    ) -> None:
        self.monday = monday
        self.days = [monday + datetime.timedelta(days=n) for n in range(7)]
        self.posts = [post for post in posts if post.date in self.days]
        self.thumbnail = thumbnail
        self.brand = brand
        self.words = words
        self.image = Image.new("RGB", PAGE, "white")
        self.draw_ = ImageDraw.Draw(self.image)
        self.column = (PAGE[0] - 2 * MARGIN - 6 * GAP) / 7
        self.top = 0

    def word(self, key: str, **values: object) -> str:
        text = self.words[key]
        assert isinstance(text, str)
        return text.format(**values)

    def draw(self) -> Image.Image:
        self._title()
        self._headers()
        images = {id(post): self.thumbnail(post) for post in self.posts}
        for index, day in enumerate(self.days):
            left = MARGIN + index * (self.column + GAP)
            day_posts = [post for post in self.posts if post.date == day]
            self._day(left, day_posts, images, self._scale(day_posts, images))
        if not self.posts:
            font = _font(28)
            text = self.word("none")
            width = font.getlength(text)
            self.draw_.text(((PAGE[0] - width) / 2, PAGE[1] / 2), text, font=font, fill=GREY)
        return self.image

    def _date_range(self) -> str:
        months = self.words["months"]
        assert isinstance(months, tuple)
        first, last = self.days[0], self.days[-1]
        if first.month == last.month:
            return f"{first.day}–{last.day} {months[last.month - 1]} {last.year}"
        start = f"{first.day} {months[first.month - 1]}"
        if first.year != last.year:
            start += f" {first.year}"
        return f"{start} – {last.day} {months[last.month - 1]} {last.year}"

    def _title(self) -> None:
        title = " · ".join(part for part in (self.brand, self.word("plan")) if part)
        self.draw_.text((MARGIN, MARGIN - 8), _drawable(title), font=_font(24), fill=GREY)
        self.draw_.text((MARGIN, MARGIN + 24), self._date_range(), font=_font(44, True), fill=INK)
        number = self.monday.isocalendar().week
        counts: dict[str, int] = {}
        for post in self.posts:
            key = "failed" if post.error else post.status
            counts[key] = counts.get(key, 0) + 1
        parts = [self.word("week", number=number), self.word("posts", n=len(self.posts))]
        parts += [f"{self.word(key)}: {counts[key]}" for key in TAGS if counts.get(key)]
        summary = "   ·   ".join(parts)
        width = _font(22).getlength(summary)
        self.draw_.text((PAGE[0] - MARGIN - width, MARGIN + 44), summary, font=_font(22), fill=GREY)
        self.top = MARGIN + 100

    def _headers(self) -> None:
        days = self.words["days"]
        assert isinstance(days, tuple)
        for index, day in enumerate(self.days):
            left = MARGIN + index * (self.column + GAP)
            fill = WEEKEND if index >= 5 else LIGHT
            box = (left, self.top, left + self.column, PAGE[1] - MARGIN)
            self.draw_.rounded_rectangle(box, radius=10, fill=fill)
            label = f"{days[index]} {day.day}"
            self.draw_.text((left + PAD + 2, self.top + 10), label, font=_font(24, True), fill=INK)
        self.top += 50

    def _card_text_height(self, post: OverviewPost) -> int:
        """Below the thumbnail: its gap, the text lines, and the status tag."""
        return 6 + sum(size + 6 for _, size, _, _ in self._lines(post)) + TAG_HEIGHT

    def _lines(self, post: OverviewPost) -> list[tuple[str, int, bool, tuple[int, int, int]]]:
        """The card's text lines: (text, font size, bold, colour)."""
        width = self.column - 2 * PAD
        head = " · ".join(part for part in (post.time, post.rubric) if part)
        lines: list[tuple[str, int, bool, tuple[int, int, int]]] = []
        lines += [(t, 17, True, INK) for t in _fit(head, _font(17, True), width)]
        if post.error:
            lines += [
                (t, 15, False, TAGS["failed"][0]) for t in _fit(post.error, _font(15), width, 3)
            ]
        if post.text:
            lines += [(t, 17, False, INK) for t in _fit(post.text, _font(17), width, 2)]
        if post.caption:
            lines += [(t, 15, False, GREY) for t in _fit(post.caption, _font(15), width, 2)]
        if post.hashtags:
            lines += [(t, 15, False, BLUE) for t in _fit(post.hashtags, _font(15), width)]
        return lines

    def _thumb_size(self, image: Image.Image | None, scale: float) -> tuple[int, int]:
        width = (self.column - 2 * PAD) * scale
        ratio = image.height / image.width if image is not None and image.width else 1.25
        return round(width), round(width * ratio)

    def _height(
        self, day: Sequence[OverviewPost], images: dict[int, Image.Image | None], scale: float
    ) -> int:
        return sum(
            self._thumb_size(images[id(p)], scale)[1] + self._card_text_height(p) + GAP for p in day
        )

    def _scale(self, posts: Sequence[OverviewPost], images: dict[int, Image.Image | None]) -> float:
        """The largest thumbnail scale at which a day's cards fit (at least MIN_SCALE)."""
        room = PAGE[1] - MARGIN - self.top - PAD
        scale = 1.0
        while scale > MIN_SCALE and self._height(posts, images, scale) > room:
            scale = max(MIN_SCALE, scale - 0.05)
        return scale

    def _day(
        self,
        left: float,
        posts: Sequence[OverviewPost],
        images: dict[int, Image.Image | None],
        scale: float,
    ) -> None:
        bottom = PAGE[1] - MARGIN - PAD
        y: float = self.top
        for index, post in enumerate(posts):
            needed = self._height([post], images, scale)
            rest = len(posts) - index - 1
            if y + needed > bottom - (30 if rest else 0):
                more = self.word("more", n=len(posts) - index)
                self.draw_.text((left + PAD, y), more, font=_font(18, True), fill=GREY)
                return
            y = self._card(left + PAD, y, post, images[id(post)], scale)

    def _card(
        self, x: float, y: float, post: OverviewPost, image: Image.Image | None, scale: float
    ) -> float:
        width, height = self._thumb_size(image, scale)
        box = (round(x), round(y), round(x) + width, round(y) + height)
        if image is None:
            self.draw_.rectangle(box, fill=(222, 226, 230), outline=LINE)
        else:
            self.image.paste(image.resize((width, height), Image.Resampling.LANCZOS), box[:2])
            self.draw_.rectangle(box, outline=LINE)
        y += height + 6
        for text, size, bold, colour in self._lines(post):
            self.draw_.text((x, y), text, font=_font(size, bold), fill=colour)
            y += size + 6
        status = "failed" if post.error else post.status
        ink, fill = TAGS[status]
        label = self.word(status)
        font = _font(14, True)
        tag_width = font.getlength(label) + 16
        self.draw_.rounded_rectangle(
            (x, y + 4, x + tag_width, y + 28), radius=12, fill=fill, outline=ink
        )
        self.draw_.text((x + 8, y + 8), label, font=font, fill=ink)
        row = self.word("row", n=post.row)
        row_font = _font(13)
        if tag_width + row_font.getlength(row) + 8 <= self.column - 2 * PAD:
            right = x + self.column - 2 * PAD - row_font.getlength(row)
            self.draw_.text((right, y + 9), row, font=row_font, fill=GREY)
        return y + TAG_HEIGHT + GAP
