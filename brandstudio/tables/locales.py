"""The regional settings ``read_table`` knows (``en``, ``ru``, ``uk``), as Excel applies them.

Decimal and group separators, the words for TRUE and FALSE, month names (with the genitive of
"5 марта"), day names (Monday first), and the date formats that built-in formats 14 and 22 and
Windows' system formats ``[$-F800]`` / ``[$-F400]`` stand for. ``_LANGUAGE_IDS`` maps a format's
own language tag (``[$-419]``) to one of these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

LOCALES: Final = ("en", "ru", "uk")


@dataclass(frozen=True)
class _Locale:
    name: str
    decimal: str
    group: str
    true: str
    false: str
    months: tuple[str, ...]
    months_genitive: tuple[str, ...]
    months_short: tuple[str, ...]
    days: tuple[str, ...]
    """Monday first, as ``date.weekday()``."""
    days_short: tuple[str, ...]
    short_date: str
    short_date_time: str
    long_date: str
    long_time: str


_EN_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_RU_MONTHS: Final = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_RU_MONTHS_OF: Final = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_UK_MONTHS: Final = (
    "січень",
    "лютий",
    "березень",
    "квітень",
    "травень",
    "червень",
    "липень",
    "серпень",
    "вересень",
    "жовтень",
    "листопад",
    "грудень",
)
_UK_MONTHS_OF: Final = (
    "січня",
    "лютого",
    "березня",
    "квітня",
    "травня",
    "червня",
    "липня",
    "серпня",
    "вересня",
    "жовтня",
    "листопада",
    "грудня",
)

_LOCALE_DATA: Final = {
    "en": _Locale(
        name="en",
        decimal=".",
        group=",",
        true="TRUE",
        false="FALSE",
        months=_EN_MONTHS,
        months_genitive=_EN_MONTHS,
        months_short=tuple(month[:3] for month in _EN_MONTHS),
        days=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        days_short=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        short_date="m/d/yyyy",
        short_date_time="m/d/yyyy h:mm",
        long_date="dddd, mmmm d, yyyy",
        long_time="h:mm:ss AM/PM",
    ),
    "ru": _Locale(
        name="ru",
        decimal=",",
        group="\u00a0",
        true="ИСТИНА",
        false="ЛОЖЬ",
        months=_RU_MONTHS,
        months_genitive=_RU_MONTHS_OF,
        months_short=(
            "янв",
            "фев",
            "мар",
            "апр",
            "май",
            "июн",
            "июл",
            "авг",
            "сен",
            "окт",
            "ноя",
            "дек",
        ),
        days=("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
        days_short=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"),
        short_date="dd.mm.yyyy",
        short_date_time="dd.mm.yyyy h:mm",
        long_date='d mmmm yyyy "г."',
        long_time="h:mm:ss",
    ),
    "uk": _Locale(
        name="uk",
        decimal=",",
        group="\u00a0",
        true="ІСТИНА",
        false="ХИБНІСТЬ",
        months=_UK_MONTHS,
        months_genitive=_UK_MONTHS_OF,
        months_short=(
            "січ",
            "лют",
            "бер",
            "кві",
            "тра",
            "чер",
            "лип",
            "сер",
            "вер",
            "жов",
            "лис",
            "гру",
        ),
        days=("понеділок", "вівторок", "середа", "четвер", "п’ятниця", "субота", "неділя"),
        days_short=("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"),
        short_date="dd.mm.yyyy",
        short_date_time="dd.mm.yyyy h:mm",
        long_date='d mmmm yyyy "р."',
        long_time="h:mm:ss",
    ),
}
_LANGUAGE_IDS: Final = {0x09: "en", 0x19: "ru", 0x22: "uk"}
"""Windows primary language ids (the low 10 bits of an LCID) -> our locales."""
