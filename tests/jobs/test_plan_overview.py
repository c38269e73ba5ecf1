"""The plan's overview: one A4 landscape page per Monday-to-Sunday week (gaps included),
thumbnails at their aspect ratio, a crowded day shrinks or says "+N more", Russian words drawn
with a bundled font, and files written through the journal (never over another job's)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from PIL import Image

from brandstudio.jobs.plan_overview import (
    PAGE,
    WORDS,
    OverviewPost,
    overview_pages,
    weeks_of,
    write_overview,
)

JAN = datetime.date(2027, 1, 1)  # a Friday


def _post(day: int, **extra: object) -> OverviewPost:
    fields: dict[str, object] = {"rubric": "quote", "text": "Кофе — это повод встретиться"}
    fields |= extra
    return OverviewPost(JAN + datetime.timedelta(days=day - 1), row=day + 1, **fields)  # type: ignore[arg-type]


def _thumb(post: OverviewPost) -> Image.Image:
    return Image.new("RGB", (400, 200), (200, 40, 40))  # wide: 2:1


def _pages_in(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf.read_bytes()))


def test_every_week_from_first_to_last_post_gets_a_page() -> None:
    posts = [_post(1), _post(20), OverviewPost(None, "quote", error="not a date")]
    mondays = weeks_of(posts)
    assert mondays[0] == datetime.date(2026, 12, 28) and mondays[-1] == datetime.date(2027, 1, 18)
    assert len(mondays) == 4  # the two weeks without posts in between are pages too
    assert all(monday.weekday() == 0 for monday in mondays)
    assert weeks_of([OverviewPost(None, "quote")]) == []


def test_pages_are_a4_landscape_with_thumbnails_at_their_aspect() -> None:
    pages = overview_pages([_post(4)], _thumb, brand="Зерно")  # Monday 4 January
    assert len(pages) == 1
    monday, page = pages[0]
    assert monday == datetime.date(2027, 1, 4) and page.size == PAGE
    red = [
        (x, y)
        for x in range(0, PAGE[0] // 7 + 60, 2)
        for y in range(0, PAGE[1], 2)
        if page.getpixel((x, y)) == (200, 40, 40)
    ]
    assert red, "the thumbnail is drawn in Monday's column"
    width = max(x for x, _ in red) - min(x for x, _ in red)
    height = max(y for _, y in red) - min(y for _, y in red)
    assert abs(width / height - 2.0) < 0.1
    empty = overview_pages([_post(4)], lambda post: None)[0][1]
    assert empty.getpixel((PAGE[0] - 100, PAGE[1] // 2)) != (200, 40, 40)


def test_a_crowded_day_shrinks_then_says_more() -> None:
    tall = lambda post: Image.new("RGB", (100, 200), "navy")  # noqa: E731
    three = overview_pages([_post(4) for _ in range(3)], tall)[0][1]
    one = overview_pages([_post(4)], tall)[0][1]

    def navy_rows(page: Image.Image) -> int:
        return sum(1 for y in range(PAGE[1]) if page.getpixel((120, y)) == (0, 0, 128))

    assert navy_rows(three) < 3 * navy_rows(one)  # smaller, so that all three fit
    assert navy_rows(three) > 0
    many = overview_pages([_post(4, status="draft") for _ in range(30)], tall)[0][1]
    assert many.size == PAGE  # drawn, with "+N more" at the bottom of the column


def test_words_for_both_languages() -> None:
    assert WORDS["ru"]["days"][0] == "Пн" and WORDS["ru"]["months"][0] == "января"
    assert WORDS["en"]["days"][6] == "Sun"
    en = overview_pages([_post(4)], _thumb, language="en")[0][1]
    ru = overview_pages([_post(4)], _thumb, language="ru")[0][1]
    assert en.tobytes() != ru.tobytes()


def test_written_through_the_journal(tmp_path: Path) -> None:
    posts = [_post(1, status="approved"), _post(12, status="draft", error=None), _post(25)]
    out = tmp_path / "out"
    (out / "overview").mkdir(parents=True)
    (out / "overview" / "plan.pdf").write_bytes(b"someone else's")
    result = write_overview(posts, _thumb, out, fingerprint="job-a", brand="Зерно", language="ru")
    assert [p.name for p in result.pages] == [
        "week-2026-12-28.png", "week-2027-01-04.png", "week-2027-01-11.png",
        "week-2027-01-18.png", "week-2027-01-25.png",
    ]  # fmt: skip
    assert result.pdf == out / "overview" / "plan-2.pdf"
    assert (out / "overview" / "plan.pdf").read_bytes() == b"someone else's"
    assert _pages_in(result.pdf) == 5
    with Image.open(result.pages[0]) as png:
        assert png.size == PAGE
    again = write_overview(posts[:1], _thumb, out, fingerprint="job-a")
    assert again.pdf == result.pdf and _pages_in(result.pdf) == 1  # its own file replaced
