"""Hyphens: pyphen's Russian and English dictionaries, and soft hyphens the user typed."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

from brandstudio.render.fonts import FontBook
from brandstudio.render.hyphenation import dictionary_breaks, word_breaks
from brandstudio.render.shaping import Shaper, TextStyle
from brandstudio.render.text import BreakRules, draw_text, fit_text
from brandstudio.render.text_layout import match_graphemes
from brandstudio.render.wrapping import Wrapper

BOOK = FontBook.bundled()
SHY = "\u00ad"
HYPHENATE = BreakRules(typography=True, hyphenate=True)
TYPOGRAPHY = BreakRules(typography=True)
TEXT = (
    "Каждый день мы обжариваем зёрна небольшими партиями, чтобы вы получали свежий кофе "
    "с ярким вкусом. Заходите в любую кофейню сети и попробуйте новый сезонный напиток"
)


def style(**changes: object) -> TextStyle:
    base = TextStyle("Inter", 400, False, (255, 255, 255, 255), "left", "top", 1.15, 0.0, False)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def unhyphenated(lines: tuple[str, ...]) -> str:
    """The lines joined back: a line ending in "-" inside a word joins the next directly."""
    joined = ""
    for line in lines:
        joined += line[:-1] if line.endswith("-") else line + " "
    return joined.strip()


def test_dictionaries_by_script_with_two_letters_each_side() -> None:
    assert dictionary_breaks("переносить") == (2, 4, 6)
    assert dictionary_breaks("hyphenation") == (2, 6)
    for word in ("переносить", "hyphenation", "международная", "internationalization"):
        assert all(2 <= at <= len(word) - 2 for at in dictionary_breaks(word))
    assert dictionary_breaks("кофе") == (2,)
    assert dictionary_breaks("кот") == dictionary_breaks("ab") == ()
    assert dictionary_breaks("Москва2026") == dictionary_breaks("coffeeкофе") == ()
    assert word_breaks("«переносить»,") == (3, 5, 7)
    assert word_breaks("северо-восточный") == word_breaks(f"сверх{SHY}новый") == ()


def test_hyphenation_only_when_asked_and_never_in_a_headlines_first_line() -> None:
    box = (420, 2000)
    plain = fit_text(TEXT, style(), box, 40, 40, None, "none", BOOK, TYPOGRAPHY)
    hyphenated = fit_text(TEXT, style(), box, 40, 40, None, "none", BOOK, HYPHENATE)
    assert not any(line.endswith("-") for line in plain.lines)
    assert any(line.endswith("-") for line in hyphenated.lines)
    assert unhyphenated(hyphenated.lines) == TEXT
    assert len(hyphenated.lines) <= len(plain.lines)
    for earlier, later in zip(hyphenated.lines, hyphenated.lines[1:], strict=False):
        assert not (earlier.endswith("-") and later.endswith("-")), hyphenated.lines
    headline = "Распродажа начинается завтра утром"
    shaper = Shaper(style(), BOOK)
    wrapper = Wrapper(shaper, headline, HYPHENATE)
    lines = wrapper.wrap(40, 350, False)[0]
    assert lines == ["Распродажа", "начинается зав-", "тра утром"]
    anywhere = wrapper._spans(40, 350, False, 100, headline=False)[0][0]
    assert wrapper.paragraphs[0].span_text(anywhere[0]) == "Распродажа на-"  # had it been long


def test_a_word_too_wide_is_hyphenated_rather_than_broken_between_letters() -> None:
    text = "Интернационализация"
    box = (260, 400)
    greedy = fit_text(text, style(), box, 48, 48, None, "none", BOOK, TYPOGRAPHY)
    hyphenated = fit_text(text, style(), box, 48, 48, None, "none", BOOK, HYPHENATE)
    assert greedy.warnings and not hyphenated.warnings, (greedy, hyphenated)
    assert unhyphenated(hyphenated.lines) == text
    assert all(line.endswith("-") for line in hyphenated.lines[:-1])


def test_soft_hyphens_break_only_where_a_line_ends_and_are_never_drawn() -> None:
    text = f"Сверх{SHY}пред{SHY}ложение только сегодня"
    narrow = fit_text(text, style(), (300, 900), 48, 48, None, "none", BOOK)  # typography off
    assert narrow.lines[0] in ("Сверх-", "Сверхпред-"), narrow.lines
    assert not narrow.warnings
    assert all(SHY not in line for line in narrow.lines)
    wide = fit_text(text, style(), (1400, 200), 48, 48, None, "none", BOOK)
    plain = fit_text(text.replace(SHY, ""), style(), (1400, 200), 48, 48, None, "none", BOOK)
    assert wide.lines == plain.lines == ("Сверхпредложение только сегодня",)
    assert draw_text(wide, style(), (1400, 200), BOOK).tobytes() == (
        draw_text(plain, style(), (1400, 200), BOOK).tobytes()
    )


def test_caret_stops_go_on_past_a_drawn_hyphen() -> None:
    text = f"Сверх{SHY}предложение дня"
    matched = match_graphemes(text, ("Сверх-", "предложение дня"))
    assert [text[a:b] for _, a, b in matched[0]] == list("Сверх")
    assert [text[a:b] for _, a, b in matched[1]] == list("предложение дня")
    typed = "северо-восточный ветер"
    matched = match_graphemes(typed, ("северо-", "восточный ветер"))
    assert "".join(typed[a:b] for _, a, b in matched[0]) == "северо-"
    matched = match_graphemes("обжариваем", ("обжарива-", "ем"))
    assert [len(found) for found in matched] == [8, 2]


def test_pyphen_is_loaded_only_for_text_that_asks() -> None:
    code = (
        "import sys\n"
        "from brandstudio.render.fonts import FontBook\n"
        "from brandstudio.render.shaping import TextStyle\n"
        "from brandstudio.render.text import BreakRules, fit_text\n"
        "style = TextStyle('Inter', 400, False, (0, 0, 0, 255), 'left', 'top', 1.15, 0.0, False)\n"
        "book = FontBook.bundled()\n"
        f"fit_text({TEXT!r}, style, (420, 900), 40, 12, None, 'shrink', book,\n"
        "         BreakRules(typography=True))\n"
        "assert 'pyphen' not in sys.modules\n"
        f"fit_text({TEXT!r}, style, (420, 900), 40, 12, None, 'shrink', book,\n"
        "         BreakRules(typography=True, hyphenate=True))\n"
        "assert 'pyphen' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_soft_hyphens_that_break_no_word_are_dropped() -> None:
    shaper = Shaper(style(), BOOK)
    assert shaper.prepare(f"{SHY}слово {SHY} другое{SHY}")[0] == "слово другое"
    assert shaper.prepare(f"сверх{SHY}{SHY}новый\nи{SHY}")[0] == f"сверх{SHY}новый\nи"
    fitted = fit_text(f"{SHY} {SHY}", style(), (300, 200), 40, 40, None, "none", BOOK)
    assert fitted.lines == ()
