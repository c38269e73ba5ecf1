"""Russian rules: short words glued to the next word, particles to the previous one, numbers to
what they count, initials to the surname.

Per cent: "30%" and "30 %" are both in use (style guides differ; the press mostly writes it
closed), so the pass keeps the user's choice and only makes a typed space a no-break one. "№5"
gets the space that every style puts there.
"""

from __future__ import annotations

import re

from brandstudio.render.typography.rules import NBSP, Rule, rule

SHORT_WORDS = (
    "а", "в", "и", "к", "о", "с", "у", "я",
    "во", "да", "до", "за", "из", "ко", "на", "не", "ни", "но", "ну", "об", "от", "по", "со", "то",
)  # fmt: skip
"""Prepositions, conjunctions and particles kept on the line of the word after them."""
PARTICLES = ("бы", "ли", "же", "б", "ль", "ж")
"""Particles kept on the line of the word before them."""
ABBREVIATIONS = (
    "г", "гг", "д", "ул", "пр", "пер", "пл", "стр", "корп", "кв", "им", "ст", "м", "т", "тел",
)  # fmt: skip
"""Abbreviations (followed by a dot) kept on the line of what follows them."""
NOT_COUNTED = (
    "уже", "ещё", "еще", "тоже", "также", "только", "лишь", "всего", "уж", "это", "как", "что",
    "где", "когда", "если", "чтобы", "или", "либо", "мы", "вы", "он", "она", "оно", "они",
    "готов", "готова", "готово", "готовы", "открыт", "открыта", "открыто", "открыты",
    "закрыт", "закрыта", "закрыто", "закрыты", "доступен", "доступна", "доступно", "доступны",
)  # fmt: skip
"""Frequent words after a number that it does not count ("iPhone 15 уже в продаже")."""

_SHORT = "|".join(SHORT_WORDS)
_NOT_AFTER_WORD = r"(?<![\w\ue000\-.'’])"
_CAPITALS = "А-ЯЁ"

INITIALS = rule(
    "ru-initials",
    "initials stay together, spaced by a no-break space",
    rf"(?<![\w\ue000.])[{_CAPITALS}]\.(?:[ \u00a0]?[{_CAPITALS}]\.)+",
    lambda match: NBSP.join(f"{letter}." for letter in re.findall(r"\w", match.group(0))),
    ("А. С. Пушкин", "А.~С.~Пушкин"),
    ("А.С. Пушкин", "А.~С.~Пушкин"),
    ("А.А.А.", "А.~А.~А."),
)
INITIAL_SURNAME = rule(
    "ru-initial-surname",
    "the last initial stays with the surname after it",
    rf"(?<![\w\ue000.])([{_CAPITALS}]\.) (?=[{_CAPITALS}][а-яё])",
    r"\1" + NBSP,
    ("И. Иванов", "И.~Иванов"),
)
SURNAME_INITIALS = rule(
    "ru-surname-initials",
    "a surname stays with the initials after it",
    rf"([{_CAPITALS}][а-яё]+) (?=[{_CAPITALS}]\.\u00a0?[{_CAPITALS}]\.)",
    r"\1" + NBSP,
    ("Пушкин А. С.", "Пушкин~А.~С."),
)
SHORT_WORD = rule(
    "ru-short-word",
    "a one- or two-letter preposition, conjunction or particle never ends a line",
    rf"{_NOT_AFTER_WORD}({_SHORT}) (?=[^\s\-–—]|[\-–—]\S)",
    r"\1" + NBSP,
    ("Встреча в кафе", "Встреча в~кафе"),
    ("НА ВСЁ И ДЛЯ ВСЕХ", "НА~ВСЁ И~ДЛЯ ВСЕХ"),
    ("и в городе", "и~в~городе"),
    ("кто-то и", "кто-то и"),
    ("Скидки до -50%", "Скидки до~-50%"),
    flags=re.IGNORECASE,
)
PARTICLE = rule(
    "ru-particle",
    "бы, ли, же and their short forms never start a line",
    rf"(?<=[\w\ue000]) (?=(?:{'|'.join(PARTICLES)})(?![\w\ue000\-]))",
    NBSP,
    ("Если бы не вы", "Если~бы не~вы"),
    ("Когда же праздник?", "Когда~же праздник?"),
    flags=re.IGNORECASE,
)
ABBREVIATION = rule(
    "ru-abbreviation",
    "г., ул., д., т. and other short abbreviations stay with what follows",
    rf"(?<![\w\ue000\-.])({'|'.join(ABBREVIATIONS)})\. (?=[\w\ue000«„\"])",
    r"\1." + NBSP,
    ("г. Москва, ул. Ленина, д. 5", "г.~Москва, ул.~Ленина, д.~5"),
    ("и т. д.", "и~т.~д."),
    ("Ул. Ленина", "Ул.~Ленина"),
    flags=re.IGNORECASE,
)
DIGIT_GROUPS = rule(
    "ru-digit-groups",
    "a number written in groups of three digits is one word",
    r"(?<![\d.,+])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d\-–]|[ \u00a0]\d)",
    lambda match: match.group(0).replace(" ", NBSP),
    ("1 500 000 ₽", "1~500~000~₽"),
    ("2026 100", "2026 100"),
    ("+7 999 123 45 67, 8 800 555-35-35", "+7 999 123 45 67, 8 800 555-35-35"),
)
NUMBER_WORD = rule(
    "ru-number-word",
    "a number stays with the Russian word after it, which it mostly counts (1 декабря, 10 лет, "
    "5 шт.), unless that word is a short word, a frequent uncounted one or a verb's infinitive",
    rf"(?<![\d:.,])(\d+(?:[.,]\d+)?) "
    rf"(?=(?!(?i:{_SHORT}|{'|'.join(NOT_COUNTED)})(?!\w))(?![а-яё]+(?:ть|ться|тся)(?!\w))"
    rf"[а-яё{_CAPITALS}])",
    r"\1" + NBSP,
    ("1 декабря", "1~декабря"),
    ("ДО 31 ДЕКАБРЯ", "ДО~31~ДЕКАБРЯ"),
    ("Купи 2 и получи", "Купи 2 и~получи"),
    ("в 12:00 мы", "в~12:00 мы"),
    ("С 8 Марта", "С~8~Марта"),
    ("Заказ 125 готов", "Заказ 125 готов"),
    ("2 начать", "2 начать"),
)
NUMBER_PAIR = rule(
    "ru-number-pair",
    "in 5 и 6 апреля both numbers count the word: the first stays with и, или, либо",
    r"(?<![\d:.,])(\d+) (и|или|либо) (?=\d)",
    r"\1" + NBSP + r"\2" + NBSP,
    ("5 и 6 апреля", "5~и~6~апреля"),
    ("2 или 3 дня", "2~или~3~дня"),
    flags=re.IGNORECASE,
)
SIGN = rule(
    "ru-sign",
    "a unit sign (%, ₽, $, €, °) stays with its number; руб. and a sign stay with тыс., млн, млрд",
    r"(?<=\d) (?=[%‰₽€$£¥°])"
    r"|(?:(?<=тыс\.)|(?<=млн)|(?<=млн\.)|(?<=млрд)|(?<=млрд\.)) (?=[%‰₽€$£¥°]|руб\.|р\.)",
    NBSP,
    ("Скидка 30 %", "Скидка 30~%"),
    ("Скидка 30%", "Скидка 30%"),
    ("10 тыс. ₽", "10~тыс.~₽"),
    ("10 тыс. руб.", "10~тыс.~руб."),
)
NUMERO = rule(
    "ru-numero",
    "№ is always followed by a space, and never left alone at the end of a line",
    r"№ ?(?=\d)",
    "№" + NBSP,
    ("№5", "№~5"),
    ("Дом № 12", "Дом №~12"),
)

RULES: tuple[Rule, ...] = (
    INITIALS,
    INITIAL_SURNAME,
    SURNAME_INITIALS,
    DIGIT_GROUPS,
    NUMBER_PAIR,
    SHORT_WORD,
    PARTICLE,
    ABBREVIATION,
    NUMBER_WORD,
    SIGN,
    NUMERO,
)
