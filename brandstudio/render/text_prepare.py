"""The text a text layer lays out: what the user typed, typeset by the layer's typography.

The engine calls :func:`prepare_text` on a layer's text (its slot's content or its own text)
before fitting it; upper-casing comes later, in the layout (``normalise_text``), so that the
typography pass sees the text as typed. The pass itself (quotes, dashes, no-break spaces) is
:func:`brandstudio.render.typography.typeset`; where lines then break,
:mod:`brandstudio.render.wrapping` and :mod:`brandstudio.render.linebreak`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from brandstudio.model.layers import TextProps
from brandstudio.render.text import GREEDY, BreakRules
from brandstudio.render.typography import typeset

FALLBACK_LANGUAGE = "ru"
"""The quote style ``auto`` typography gives a paragraph without letters when neither the
studio nor the system names a language Brandstudio typesets."""
LANGUAGE_VARIABLE = "BRANDSTUDIO_LANGUAGE"
"""The studio's language, which the studio sets for itself and the workers it starts."""


def fallback_language() -> str:
    """The language (``ru`` or ``en``) whose quotes ``auto`` typography gives a paragraph
    without letters: the studio's (``BRANDSTUDIO_LANGUAGE``), else the system's (the first
    of LC_ALL, LC_MESSAGES, LANG that is set), else :data:`FALLBACK_LANGUAGE`."""
    studio = os.environ.get(LANGUAGE_VARIABLE, "")[:2].lower()
    if studio in ("ru", "en"):
        return studio
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            code = value[:2].lower()
            return code if code in ("ru", "en") else FALLBACK_LANGUAGE
    return FALLBACK_LANGUAGE


def prepare_text(
    props: TextProps, text: str, *, fallback_language: str, keep: Sequence[str] = ()
) -> str:
    """``text`` as the layer lays it out: unchanged when ``props.typography`` is ``off``,
    else typeset by ``props.typography`` (``auto``: each word by its script), leaving each
    string of ``keep`` (a brand name) as written."""
    if props.typography == "off" or not text:
        return text
    return typeset(text, props.typography, fallback=fallback_language, keep=keep)


def break_rules(props: TextProps) -> BreakRules:
    """Where the layer's lines may break: greedily as typed with typography ``off``;
    else balanced, without orphans, at no-break spaces before between letters, and with
    dictionary hyphens when ``props.hyphenate``."""
    if props.typography == "off":
        return GREEDY
    return BreakRules(typography=True, hyphenate=props.hyphenate)
