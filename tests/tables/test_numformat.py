"""Excel number formats as Excel shows them: numbers, currency, fractions, scientific, sections
and conditions, text, booleans, dates, times and durations, under each locale.
"""

from __future__ import annotations

import datetime as dt

import pytest

from brandstudio.tables.numformat import format_cell

MOMENT = dt.datetime(2026, 3, 5, 14, 5, 9)
ACCOUNTING_RUB = '_-* #,##0.00\\ "₽"_-;\\-* #,##0.00\\ "₽"_-;_-* "-"??\\ "₽"_-;_-@_-'


@pytest.mark.parametrize(
    ("value", "number_format", "locale", "shown"),
    [
        (1990, "General", "en", "1990"),
        (1990.0, "General", "en", "1990"),
        (1234.5, "General", "ru", "1234,5"),
        (1e20, "General", "en", "1E+20"),
        (1234.5, "0.00", "en", "1234.50"),
        (2.675, "0.00", "en", "2.68"),
        (1234.5, "#,##0", "en", "1,235"),
        (-1234.5, "#,##0.00", "ru", "-1\u00a0234,50"),
        (0.256, "0.0%", "en", "25.6%"),
        (-5, '"$"#,##0.00_);("$"#,##0.00)', "en", "($5.00)"),
        (5, '"$"#,##0.00_);[Red]("$"#,##0.00)', "en", "$5.00"),
        (1234.5, "#,##0.00\\ [$₽-419]", "en", "1\u00a0234,50 ₽"),
        (1234.5, ACCOUNTING_RUB, "ru", "1\u00a0234,50 ₽"),
        (0, ACCOUNTING_RUB, "ru", "- ₽"),
        (1234567, '0.0,,"M"', "en", "1.2M"),
        (5551234567, "000-000-0000", "en", "555-123-4567"),
        (12345, "0.00E+00", "en", "1.23E+04"),
        (1.5, "# ?/?", "en", "1 1/2"),
        (0.75, "?/4", "en", "3/4"),
        (0, '"Да";"Нет";"—"', "en", "—"),
        (150, '[>100]"много";0', "en", "много"),
        (5, ";;;", "en", ""),
        ("123", '"Арт. "@', "en", "Арт. 123"),
        (1990, "@", "en", "1990"),
        (1234.5, "@", "ru", "1234,5"),
        ("текст", ACCOUNTING_RUB, "ru", "текст"),
        (True, "General", "uk", "ІСТИНА"),
        (MOMENT, "dd.mm.yyyy", "en", "05.03.2026"),
        (MOMENT, "m/d/yyyy", "en", "3/5/2026"),
        (MOMENT, "yyyy-mm-dd hh:mm", "en", "2026-03-05 14:05"),
        (MOMENT, "h:mm:ss AM/PM", "en", "2:05:09 PM"),
        (MOMENT, "d mmmm yyyy", "ru", "5 марта 2026"),
        (MOMENT, "mmmm yyyy", "ru", "март 2026"),
        (MOMENT, "dddd, d mmm", "ru", "четверг, 5 мар"),
        (MOMENT, "d mmmm yyyy", "uk", "5 березня 2026"),
        (MOMENT, "[$-419]d mmmm", "en", "5 марта"),
        (MOMENT, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "en", "Thursday, March 5, 2026"),
        (MOMENT, "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "ru", "5 марта 2026 г."),
        (dt.datetime(2026, 3, 5, 23, 59, 59, 600000), "hh:mm:ss", "en", "00:00:00"),
        (dt.datetime(2026, 3, 5, 9, 0, 1, 250000), "mm:ss.00", "ru", "00:01,25"),
        (dt.timedelta(hours=27, minutes=5), "[h]:mm", "en", "27:05"),
        (dt.time(9, 30), "h:mm", "en", "9:30"),
        (46174, "dd.mm.yyyy", "en", "01.06.2026"),  # a serial number under a date format
    ],
)
def test_format_cell(value: object, number_format: str, locale: str, shown: str) -> None:
    assert format_cell(value, number_format, locale) == shown
