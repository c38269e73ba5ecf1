"""The typography pass: paragraphs masked, each rule of the chosen languages applied, quotes
placed in the paragraph's style, the protected stretches put back.

The rules of one language key on its own script (a Russian preposition is Cyrillic, an English
unit Latin), so "auto" simply runs both sets and mixed text gets each language's rules per word;
only the quote style is chosen per paragraph, by the majority of its letters outside quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from brandstudio.render.typography import common, en, ru
from brandstudio.render.typography.protect import mask, protected_pattern, unmask
from brandstudio.render.typography.quotes import place_quotes, unquoted
from brandstudio.render.typography.rules import Rule

LANGUAGES = ("auto", "ru", "en", "off")
"""The ``language`` values of :func:`typeset`; "off" leaves the text as typed."""
FALLBACKS = ("ru", "en")
RULE_SETS: dict[str, tuple[Rule, ...]] = {
    "auto": common.RULES + ru.RULES + en.RULES,
    "ru": common.RULES + ru.RULES,
    "en": common.RULES + en.RULES,
}
"""The rules run, in order, for each language."""
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def _check(language: str, fallback: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if fallback not in FALLBACKS:
        raise ValueError(f"fallback must be 'ru' or 'en', not {fallback!r}")


def _majority(text: str, fallback: str) -> str:
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == latin:
        return fallback
    return "ru" if cyrillic > latin else "en"


def detect_language(text: str, fallback: str) -> str:
    """The language of most letters in ``text`` outside URLs, e-mails, handles and hashtags,
    "ru" or "en"; ``fallback`` when there are none or as many of each."""
    _check("auto", fallback)
    masked, _ = mask(text, protected_pattern(()))
    return _majority(masked, fallback)


def _quote_style(text: str, language: str, fallback: str) -> str:
    """The paragraph's language: its letters outside quotes decide ("Наш слоган: "Coffee
    first"" is Russian), all its letters when every letter is quoted."""
    if language != "auto":
        return language
    own = unquoted(text)
    return _majority(own if _CYRILLIC.search(own) or _LATIN.search(own) else text, fallback)


def _paragraph(text: str, rules: tuple[Rule, ...], language: str, fallback: str) -> str:
    """One round of the rules, then the quotes. The rules are ordered so that no rule makes work
    for one before it: one round is already a fixed point (the hypothesis test checks it)."""
    quotes = _quote_style(text, language, fallback)
    for each in rules:
        text = each.apply(text)
    return place_quotes(text, quotes)


def typeset(
    text: str, language: str = "auto", *, fallback: str = "ru", keep: Sequence[str] = ()
) -> str:
    """``text`` as it should be laid out: quotes, dashes, the ellipsis and no-break spaces.

    Args:
        text: what the user typed; the caller keeps it, this is only what gets drawn.
        language: "auto" (each word by its script, quotes by the paragraph's majority),
            "ru" or "en" (one language's rules throughout) or "off" (``text`` unchanged).
        fallback: "ru" or "en", the quote style of a paragraph without letters in "auto".
        keep: words and phrases never touched, matched whole and in any case.

    Idempotent, keeps every line break, and writes only U+00A0 as a no-break space.
    Raises ValueError only for an unknown ``language`` or ``fallback``.
    """
    _check(language, fallback)
    if language == "off" or not text:
        return text
    rules = RULE_SETS[language]
    pattern = protected_pattern(tuple(keep))
    paragraphs = []
    for paragraph in text.split("\n"):
        masked, stretches = mask(paragraph, pattern)
        paragraphs.append(unmask(_paragraph(masked, rules, language, fallback), stretches))
    return "\n".join(paragraphs)
