"""The typography pass (issue 16) on a 300-character Russian headline, against splitting the
same text into graphemes (``render.characters.graphemes``), which the layout already does for
every text it sets. The layout runs the pass on every keystroke, so it should stay well under a
millisecond."""

from __future__ import annotations

from benchmarks.timing import measure, report
from brandstudio.render.characters import graphemes
from brandstudio.render.typography import typeset

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


if __name__ == "__main__":
    main()
