"""The typography pass (issue 16) on a 300-character Russian headline, against splitting the
same text into graphemes (``render.characters.graphemes``), which the layout already does for
every text it sets; and the whole layout of that headline (fitting its size and lines) with the
pass and the balanced line breaks, against the same layout without them (typography off). The
layout runs on every keystroke: the pass and the balancing should add under 2 ms."""

from __future__ import annotations

from benchmarks.timing import measure, report
from brandstudio.render.characters import graphemes
from brandstudio.render.fonts import FontBook
from brandstudio.render.shaping import TextStyle
from brandstudio.render.text import fit_text
from brandstudio.render.typography import typeset
from brandstudio.render.wrapping import GREEDY, BreakRules

STYLE = TextStyle("Oswald", 700, False, (255, 255, 255, 255), "left", "top", 1.05, 0.0, True)
"""The contest starter's headline: Oswald Bold in capitals."""
BOXES = {"post, 9 lines: no orphan": (936, 520), "wide, 6 lines: balanced": (1760, 420)}
"""Headline boxes, px: a 1080 px wide post's (the text takes more than six lines, so its
last line is kept from an orphan) and a 1920 px wide cover's (six lines at most: balanced)."""

HEADLINE = (
    'Конкурс в "Зерне"! С 1 по 15 декабря - скидка 20% на весь кофе и десерты к чаю, '
    "а 3 победителя получат сертификаты на 1 500 ₽. Подробности - на https://zerno.ru/promo "
    "и у @zerno.coffee. Итоги подведём 16 декабря в 19:00... Ждём вас по адресу: г. Москва, "
    "д. 5, с 9:00-22:00. Автор идеи - А. С. Петров"
)


def main() -> None:
    assert 290 <= len(HEADLINE) <= 310, len(HEADLINE)
    baseline = measure(lambda: graphemes(HEADLINE), repeat=7, number=500)
    report(
        f"typeset {len(HEADLINE)}-character headline",
        measure(lambda: typeset(HEADLINE), repeat=7, number=500),
        "graphemes",
        baseline,
    )
    once = typeset(HEADLINE)
    report(
        "typeset the typeset headline again",
        measure(lambda: typeset(once), repeat=7, number=500),
        "graphemes",
        baseline,
    )
    book = FontBook.bundled()
    rules = BreakRules(typography=True)
    for name, box in BOXES.items():

        def plain(box: tuple[int, int] = box) -> object:
            return fit_text(HEADLINE, STYLE, box, 104.0, 24.0, None, "shrink", book, GREEDY)

        def typeset_and_broken(box: tuple[int, int] = box) -> object:
            text = typeset(HEADLINE)
            return fit_text(text, STYLE, box, 104.0, 24.0, None, "shrink", book, rules)

        plain(), typeset_and_broken()  # fonts loaded, caches warm, as on a keystroke
        without = measure(plain, repeat=7, number=20)
        with_pass = measure(typeset_and_broken, repeat=7, number=20)
        report(f"lay out, {name}", with_pass, "typography off", without)
        added = (with_pass - without) * 1000
        print(f"  the pass and the line breaks add {added:.2f} ms (aim: under 2)")


if __name__ == "__main__":
    main()
