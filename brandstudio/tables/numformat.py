"""Excel number formats: a cell value as the text Excel shows for it.

``format_cell(value, number_format, locale)`` applies a format code such as ``#,##0.00``,
``0%``, ``# ?/?``, ``0.00E+00``, ``dd.mm.yyyy`` or ``[h]:mm`` (up to four sections, conditions
such as ``[>100]``, language tags such as ``[$-419]``) to what openpyxl reads: numbers, text,
booleans, dates, times and durations. Numbers are rounded half up on their decimal digits (15
significant, as Excel keeps), not on binary floats. A serial number counts days from the
workbook's epoch (1899-12-30, or 1904-01-01 for old Mac files); seconds are shown to at most
six decimal places.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Final

from brandstudio.tables.locales import _LANGUAGE_IDS, _LOCALE_DATA, LOCALES, _Locale

_WINDOWS_EPOCH: Final = dt.datetime(1899, 12, 30)
_PAD: Final = "\uffff"
"""Stands for alignment space (``_)``, ``?``) until the text is finished."""
_PADDING: Final = re.compile(" *\uffff[\uffff ]*")
_DECIMALS: Final = Context(prec=800, rounding=ROUND_HALF_UP, Emax=999_999, Emin=-999_999)

Token = tuple[str, str]
"""(kind, text): kinds lit, digit, point, comma, percent, exp, slash, text, general, date,
elapsed, ampm, ap."""


@dataclass(frozen=True)
class _Section:
    tokens: tuple[Token, ...]
    condition: tuple[str, float] | None = None
    locale: str | None = None
    system: str | None = None
    """"long_date" or "long_time" for Windows' [$-F800] / [$-F400] system formats."""

    @property
    def is_date(self) -> bool:
        return any(kind in ("date", "elapsed", "ampm", "ap") for kind, _ in self.tokens)

    @property
    def has_digits(self) -> bool:
        return any(kind == "digit" for kind, _ in self.tokens)

    @property
    def has_text(self) -> bool:
        return any(kind == "text" for kind, _ in self.tokens)


def format_cell(value: object, number_format: str = "General", locale: str = "en") -> str:
    """A cell value as Excel shows it with ``number_format`` under ``locale``'s settings.

    ``value`` is what openpyxl reads: int, float, str, bool, datetime, date, time, timedelta
    or None. Used by read_table; public for tests and previews.
    """
    loc = _LOCALE_DATA.get(locale)
    if loc is None:
        raise ValueError(f"unknown table locale {locale!r}; known: {', '.join(LOCALES)}")
    return _format(value, number_format, loc, _WINDOWS_EPOCH)


def _format(value: object, number_format: str, loc: _Locale, epoch: dt.datetime) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return loc.true if value else loc.false
    sections = _parse_format(number_format)
    locales = [section.locale for section in sections if section.locale]
    if locales:
        loc = _LOCALE_DATA[locales[0]]
    if isinstance(value, str):
        return _format_text(value, sections)
    try:
        if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            section = next((s for s in sections[:3] if s.is_date or s.system), None)
            if section is None:
                return _default_moment(value)
            return _format_moment(value, _system(section, loc), loc)
        if isinstance(value, (int, float)):
            return _format_number(value, sections, loc, epoch)
    except (ArithmeticError, ValueError, OverflowError, IndexError, TypeError):
        if isinstance(value, (int, float)):
            return _general(value, loc)
        return _default_moment(value)
    return str(value)


@lru_cache(maxsize=1024)
def _parse_format(number_format: str) -> tuple[_Section, ...]:
    if not number_format or len(number_format) > 255 or number_format.casefold() == "general":
        return (_Section((("general", ""),)),)
    return tuple(_tokenize(part) for part in _split_sections(number_format)[:4])


def _split_sections(number_format: str) -> list[str]:
    sections: list[str] = []
    start = index = 0
    while index < len(number_format):
        char = number_format[index]
        if char in '"[':
            close = number_format.find('"' if char == '"' else "]", index + 1)
            index = len(number_format) if close < 0 else close + 1
        elif char in "\\_*":
            index += 2
        elif char == ";":
            sections.append(number_format[start:index])
            start = index = index + 1
        else:
            index += 1
    sections.append(number_format[start:])
    return sections


_CONDITION: Final = re.compile(r"\s*(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d*)?)\s*")
_ELAPSED: Final = re.compile(r"(h+|m+|s+)", re.IGNORECASE)


def _tokenize(section: str) -> _Section:
    tokens: list[Token] = []
    condition: tuple[str, float] | None = None
    language: str | None = None
    system: str | None = None
    lower = section.lower()
    index = 0
    while index < len(section):
        char = section[index]
        if char == '"':
            close = section.find('"', index + 1)
            close = len(section) if close < 0 else close
            tokens.append(("lit", section[index + 1 : close]))
            index = close + 1
        elif char == "\\":
            tokens.append(("lit", section[index + 1 : index + 2]))
            index += 2
        elif char == "_":
            tokens.append(("lit", _PAD))  # a space as wide as the next character
            index += 2
        elif char == "*":
            index += 2  # repeat the next character to fill the cell: nothing off-screen
        elif char == "[":
            close = section.find("]", index + 1)
            close = len(section) if close < 0 else close
            inner = section[index + 1 : close]
            index = close + 1
            if _ELAPSED.fullmatch(inner):
                tokens.append(("elapsed", inner.lower()))
            elif inner.startswith("$"):
                symbol, _, code = inner[1:].partition("-")
                if symbol:
                    tokens.append(("lit", symbol))
                code = code.casefold()
                if code in ("f800", "x-sysdate"):
                    system = "long_date"
                elif code in ("f400", "x-systime"):
                    system = "long_time"
                elif re.fullmatch(r"[0-9a-f]{1,8}", code):
                    language = _LANGUAGE_IDS.get(int(code, 16) & 0x3FF, language)
            elif match := _CONDITION.fullmatch(inner):
                condition = (match.group(1), float(match.group(2)))
            # colours ([Red], [Color 10]) and [DBNum1]-style options change nothing in text
        elif lower.startswith("general", index):
            tokens.append(("general", ""))
            index += 7
        elif lower.startswith("am/pm", index):
            tokens.append(("ampm", ""))
            index += 5
        elif lower.startswith("a/p", index):
            tokens.append(("ap", section[index]))
            index += 3
        elif char in "Ee" and section[index + 1 : index + 2] in ("+", "-") and tokens:
            tokens.append(("exp", section[index : index + 2]))
            index += 2
        elif char.lower() in "ymdhse":
            end = index
            while end < len(section) and section[end].lower() == char.lower():
                end += 1
            letter = char.lower()
            run = end - index
            if letter == "e":
                letter, run = "y", 4
            tokens.append(("date", letter * run))
            index = end
        elif char.lower() in "gb":
            index += 1  # era and Buddhist-calendar markers
        elif char in "0#?":
            tokens.append(("digit", char))
            index += 1
        else:
            kind = {".": "point", ",": "comma", "%": "percent", "/": "slash", "@": "text"}
            tokens.append((kind.get(char, "lit"), char))
            index += 1
    return _Section(tuple(tokens), condition, language, system)


def _system(section: _Section, loc: _Locale) -> _Section:
    """A [$-F800] / [$-F400] section as the regional settings write it."""
    if section.system == "long_date":
        return _tokenize(loc.long_date)
    if section.system == "long_time":
        return _tokenize(loc.long_time)
    return section


def _format_text(value: str, sections: tuple[_Section, ...]) -> str:
    if len(sections) >= 4:
        section = sections[3]
    elif sections[0].has_text:
        section = sections[0]
    else:
        return value
    return _finish("".join(value if kind == "text" else text for kind, text in section.tokens))


def _matches(condition: tuple[str, float], value: float) -> bool:
    operator, limit = condition
    return {
        "<": value < limit,
        "<=": value <= limit,
        ">": value > limit,
        ">=": value >= limit,
        "=": value == limit,
        "<>": value != limit,
    }[operator]


def _choose_section(sections: tuple[_Section, ...], value: float) -> tuple[_Section, bool]:
    """The section for ``value`` and whether it shows the minus sign itself."""
    numeric = sections[:3]
    if any(section.condition for section in numeric):
        for section in numeric:
            if section.condition and _matches(section.condition, value):
                return section, True
        rest = [section for section in numeric if not section.condition]
        return (rest[0] if rest else numeric[-1]), True
    if len(numeric) == 1:
        return numeric[0], True
    if len(numeric) == 2:
        return (numeric[0], True) if value >= 0 else (numeric[1], False)
    if value > 0:
        return numeric[0], True
    return (numeric[1], False) if value < 0 else (numeric[2], True)


def _format_number(
    value: float, sections: tuple[_Section, ...], loc: _Locale, epoch: dt.datetime
) -> str:
    if isinstance(value, float) and not math.isfinite(value):
        return "#NUM!"
    section, signed = _choose_section(sections, value)
    if section.system or section.is_date:
        from openpyxl.utils.datetime import from_excel

        moment = from_excel(value, epoch, timedelta=any(k == "elapsed" for k, _ in section.tokens))
        return _format_moment(moment, _system(section, loc), loc)
    if not section.has_digits:
        parts = []
        for kind, text in section.tokens:
            if kind in ("general", "text"):  # a number under the Text format "@" shows as General
                parts.append(_general(value if signed else abs(value), loc))
            elif kind != "comma":
                parts.append(text)
        return _finish("".join(parts))
    number = (
        Decimal(value) if isinstance(value, int) else Decimal(format(value, ".15g"))
    ).copy_abs()
    text, zero = _format_digits(number, section.tokens, loc)
    text = _finish(text)
    return "-" + text if signed and value < 0 and not zero else text


def _general(value: float, loc: _Locale) -> str:
    """Excel's General format: integers whole, others to 15 significant digits, huge or tiny
    numbers in scientific notation."""
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "#NUM!"
    if value == 0:
        return "0"
    if 1e-9 <= abs(value) < 1e15:
        text = format(Decimal(format(value, ".15g")), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", loc.decimal)
    mantissa, exponent = format(value, ".5E").split("E")
    mantissa = mantissa.rstrip("0").rstrip(".").replace(".", loc.decimal)
    return f"{mantissa}E{int(exponent):+03d}"


def _format_digits(number: Decimal, tokens: tuple[Token, ...], loc: _Locale) -> tuple[str, bool]:
    """A non-negative number through a section with digit placeholders; and whether it shows
    as zero."""
    percent = sum(1 for kind, _ in tokens if kind == "percent")
    number = number.scaleb(2 * percent, _DECIMALS)
    exponent = next((i for i, (kind, _) in enumerate(tokens) if kind == "exp"), None)
    if exponent is not None:
        return _format_scientific(number, tokens, exponent, loc)
    slash = next((i for i, (kind, _) in enumerate(tokens) if kind == "slash"), None)
    if slash is not None and any(kind == "digit" for kind, _ in tokens[:slash]):
        return _format_fraction(number, tokens, slash)
    return _format_fixed(number, tokens, loc)


def _format_fixed(number: Decimal, tokens: tuple[Token, ...], loc: _Locale) -> tuple[str, bool]:
    point = next((i for i, (kind, _) in enumerate(tokens) if kind == "point"), None)
    int_tokens = list(tokens if point is None else tokens[:point])
    dec_tokens = [] if point is None else list(tokens[point + 1 :])
    grouping = False
    scale = 0
    integer: list[Token] = []
    index = 0
    while index < len(int_tokens):
        if int_tokens[index][0] != "comma":
            integer.append(int_tokens[index])
            index += 1
            continue
        end = index
        while end < len(int_tokens) and int_tokens[end][0] == "comma":
            end += 1
        after_digit = any(kind == "digit" for kind, _ in integer)
        before_digit = end < len(int_tokens) and int_tokens[end][0] == "digit"
        if after_digit and before_digit:
            grouping = True
        elif after_digit:
            scale += end - index  # each trailing comma divides by a thousand
        else:
            integer.extend(("lit", ",") for _ in range(end - index))
        index = end
    decimals: list[Token] = []
    for position, token in enumerate(dec_tokens):
        if token[0] == "comma" and any(kind == "digit" for kind, _ in dec_tokens[:position]):
            scale += 1
        else:
            decimals.append(token)
    places = sum(1 for kind, _ in decimals if kind == "digit")
    number = number.scaleb(-3 * scale, _DECIMALS)
    rounded = number.quantize(Decimal(1).scaleb(-places), context=_DECIMALS)
    whole, _, fraction = format(rounded, "f").partition(".")
    whole = whole.lstrip("0")
    fraction = fraction.ljust(places, "0")[:places]
    zero = rounded == 0

    placeholders = [i for i, (kind, _) in enumerate(integer) if kind == "digit"]
    if not placeholders:
        int_text = "".join(_literal(t, loc) for t in integer) + whole
    elif grouping:
        first_zero = next((i for i in placeholders if integer[i][1] == "0"), None)
        least = 0 if first_zero is None else sum(1 for i in placeholders if i >= first_zero)
        digits = whole.rjust(least, "0")
        grouped = _group(digits, loc.group)
        before = "".join(_literal(t, loc) for t in integer[: placeholders[0]])
        after = "".join(_literal(t, loc) for t in integer[placeholders[-1] + 1 :])
        int_text = before + grouped + after
    else:
        remaining = list(whole)
        pieces: list[str] = []
        for position in range(len(integer) - 1, -1, -1):
            kind, text = integer[position]
            if kind != "digit":
                pieces.append(_literal(integer[position], loc))
            elif position == placeholders[0] and len(remaining) > 1:
                pieces.append("".join(remaining))
                remaining = []
            elif remaining:
                pieces.append(remaining.pop())
            else:
                pieces.append(_empty_digit(text))
        int_text = "".join(reversed(pieces))

    if point is None:
        return int_text, zero
    significant = len(fraction.rstrip("0"))
    dec_pieces: list[str] = []
    digit = 0
    for token in decimals:
        kind, text = token
        if kind != "digit":
            dec_pieces.append(_literal(token, loc))
            continue
        if digit < significant or text == "0":
            dec_pieces.append(fraction[digit])
        else:
            dec_pieces.append(_empty_digit(text))
        digit += 1
    return int_text + loc.decimal + "".join(dec_pieces), zero


def _empty_digit(placeholder: str) -> str:
    return {"0": "0", "?": _PAD}.get(placeholder, "")


def _literal(token: Token, loc: _Locale) -> str:
    kind, text = token
    if kind == "point":
        return loc.decimal
    if kind in ("text", "general", "comma"):
        return ""
    return text


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(part for part in parts if part)


def _format_scientific(
    number: Decimal, tokens: tuple[Token, ...], exponent: int, loc: _Locale
) -> tuple[str, bool]:
    mantissa_tokens = tokens[:exponent]
    rest = tokens[exponent + 1 :]
    exp_digits = 0
    while exp_digits < len(rest) and rest[exp_digits][0] == "digit":
        exp_digits += 1
    point = next((i for i, (kind, _) in enumerate(mantissa_tokens) if kind == "point"), None)
    integer = [text for kind, text in mantissa_tokens[:point] if kind == "digit"]
    places = 0
    if point is not None:
        places = sum(1 for kind, _ in mantissa_tokens[point + 1 :] if kind == "digit")
    step = len(integer) if len(integer) > 1 and "#" in integer else 1
    shift = max(1, sum(1 for text in integer if text == "0")) - 1 if step == 1 else 0
    power = 0 if number == 0 else number.adjusted()
    power = power - power % step if step > 1 else power - shift
    mantissa = number.scaleb(-power, _DECIMALS).quantize(
        Decimal(1).scaleb(-places), context=_DECIMALS
    )
    if number != 0 and mantissa.adjusted() >= max(len(integer), 1):
        power += step
        mantissa = number.scaleb(-power, _DECIMALS).quantize(
            Decimal(1).scaleb(-places), context=_DECIMALS
        )
    text, zero = _format_fixed(mantissa, mantissa_tokens, loc)
    sign = "-" if power < 0 else ("+" if tokens[exponent][1][1] == "+" else "")
    exp_text = str(abs(power)).rjust(exp_digits, "0")
    tail = "".join(_literal(t, loc) for t in rest[exp_digits:])
    return f"{text}{tokens[exponent][1][0]}{sign}{exp_text}{tail}", zero


def _format_fraction(number: Decimal, tokens: tuple[Token, ...], slash: int) -> tuple[str, bool]:
    numerator_start = slash
    while numerator_start > 0 and tokens[numerator_start - 1][0] == "digit":
        numerator_start -= 1
    has_whole = any(kind == "digit" for kind, _ in tokens[:numerator_start])
    denominator_text = ""
    end = slash + 1
    while end < len(tokens) and (
        tokens[end][0] == "digit" or (tokens[end][0] == "lit" and tokens[end][1].isdigit())
    ):
        denominator_text += tokens[end][1]
        end += 1
    before = "".join(
        text
        for kind, text in tokens[:numerator_start]
        if kind == "lit" and text.strip() and not text.isdigit()
    )
    after = "".join(text for kind, text in tokens[end:] if kind == "lit")
    exact = Fraction(number)
    whole = int(exact) if has_whole else 0
    part = exact - whole
    if denominator_text.isdigit() and denominator_text[0] != "0":
        denominator = int(denominator_text)
        numerator = int(
            (Decimal(part.numerator) * denominator / Decimal(part.denominator)).quantize(
                Decimal(1), context=_DECIMALS
            )
        )
    else:
        limit = 10 ** max(len(denominator_text), 1) - 1
        shown = part.limit_denominator(limit)
        numerator, denominator = shown.numerator, shown.denominator
    if has_whole and numerator and numerator == denominator:
        whole, numerator = whole + 1, 0
    pieces = []
    if whole or not numerator:
        pieces.append(str(whole))
    if numerator:
        pieces.append(f"{numerator}/{denominator}")
    zero = whole == 0 and numerator == 0
    return before + " ".join(pieces) + after, zero


def _default_moment(value: object) -> str:
    """A date or time whose format has no date codes (a General cell): ISO-like."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, dt.timedelta):
        seconds = round(value.total_seconds())
        sign = "-" if seconds < 0 else ""
        hours, rest = divmod(abs(seconds), 3600)
        return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value)


def _format_moment(value: object, section: _Section, loc: _Locale) -> str:
    """A date, time or duration through a date section."""
    tokens = section.tokens
    places = 0
    for position, (kind, _) in enumerate(tokens):
        if kind == "point" and position > 0 and tokens[position - 1][:1] == ("date",):
            if not tokens[position - 1][1].startswith("s"):
                continue
            run = 0
            while tokens[position + 1 + run : position + 2 + run] == (("digit", "0"),):
                run += 1
            places = max(places, min(run, 6))
    if isinstance(value, dt.timedelta):
        micros = value // dt.timedelta(microseconds=1)
    elif isinstance(value, dt.datetime):
        micros = (value - _WINDOWS_EPOCH) // dt.timedelta(microseconds=1)
    elif isinstance(value, dt.date):
        micros = (dt.datetime.combine(value, dt.time(0)) - _WINDOWS_EPOCH) // dt.timedelta(
            microseconds=1
        )
    elif isinstance(value, dt.time):
        micros = (
            (value.hour * 60 + value.minute) * 60 + value.second
        ) * 1_000_000 + value.microsecond
    else:
        raise ValueError("not a date or time")
    unit = 10 ** (6 - places)
    micros = (micros + unit // 2) // unit * unit
    negative = micros < 0 and isinstance(value, dt.timedelta)
    if negative:
        micros = -micros
    moment = _WINDOWS_EPOCH + dt.timedelta(microseconds=micros)

    kinds = [(kind, text) for kind, text in tokens if kind in ("date", "elapsed")]
    twelve_hour = any(kind in ("ampm", "ap") for kind, _ in tokens)
    genitive = any(kind == "date" and text in ("d", "dd") for kind, text in tokens)
    pieces: list[str] = []
    seen = -1
    skip_until = -1
    for position, (kind, text) in enumerate(tokens):
        if position < skip_until:
            continue
        if kind == "date":
            seen += 1
            letter, run = text[0], len(text)
            if letter == "m" and run <= 2 and _is_minute(kinds, seen):
                pieces.append(f"{moment.minute:0{min(run, 2)}d}")
            elif letter == "m":
                month = moment.month - 1
                names = loc.months_genitive if genitive else loc.months
                pieces.append(
                    [str(month + 1), f"{month + 1:02d}", loc.months_short[month], names[month]][
                        min(run, 4) - 1
                    ]
                    if run <= 4
                    else loc.months[month][0]
                )
            elif letter == "y":
                pieces.append(f"{moment.year % 100:02d}" if run <= 2 else f"{moment.year:04d}")
            elif letter == "d":
                day = moment.weekday()
                pieces.append(
                    [str(moment.day), f"{moment.day:02d}", loc.days_short[day], loc.days[day]][
                        min(run, 4) - 1
                    ]
                )
            elif letter == "h":
                hour = moment.hour
                if twelve_hour:
                    hour = hour % 12 or 12
                pieces.append(f"{hour:0{min(run, 2)}d}")
            elif letter == "s":
                pieces.append(f"{moment.second:0{min(run, 2)}d}")
                if places and position + 1 < len(tokens) and tokens[position + 1][0] == "point":
                    digits = f"{moment.microsecond:06d}"[:places]
                    pieces.append(loc.decimal + digits)
                    skip_until = position + 2 + places
        elif kind == "elapsed":
            seen += 1
            total = micros // 1_000_000
            amount = {"h": total // 3600, "m": total // 60, "s": total}[text[0]]
            pieces.append(("-" if negative else "") + f"{amount:0{min(len(text), 2)}d}")
        elif kind == "ampm":
            pieces.append("AM" if moment.hour < 12 else "PM")
        elif kind == "ap":
            letter = "A" if moment.hour < 12 else "P"
            pieces.append(letter if text.isupper() else letter.lower())
        elif kind in ("lit", "point", "comma", "slash", "percent", "digit"):
            pieces.append(text)
    return _finish("".join(pieces))


def _finish(text: str) -> str:
    """Alignment space dropped at the ends and shrunk to one space inside; outer spaces
    trimmed (they only align numbers in a column)."""
    text = text.strip(" " + _PAD)
    return _PADDING.sub(" ", text) if _PAD in text else text


def _is_minute(kinds: list[Token], position: int) -> bool:
    """Whether the m/mm code at ``position`` (among date codes) means minutes: right after an
    hour code or right before a seconds code."""
    before = kinds[position - 1] if position > 0 else None
    after = kinds[position + 1] if position + 1 < len(kinds) else None
    return (before is not None and before[1][0] == "h") or (
        after is not None and after[1][0] == "s"
    )
