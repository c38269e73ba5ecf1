"""What a typography rule is: a precompiled substitution with an id, a reason and examples.

The examples are ``(input, expected)`` pairs written with ``~`` for U+00A0 NO-BREAK SPACE and
run by the tests through :func:`~brandstudio.render.typography.typeset` with the language of the
module that holds the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

NBSP = "\u00a0"
"""The only no-break space the pass writes (the bundled fonts draw it; U+202F is not used)."""
MASK = "\ue000"
"""Stands in for a protected stretch (URL, e-mail, handle, hashtag, keep-word) while rules run."""

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class Rule:
    """One substitution: ``pattern`` replaced by ``replacement`` everywhere in a paragraph."""

    id: str
    reason: str
    pattern: re.Pattern[str]
    replacement: Replacement
    examples: tuple[tuple[str, str], ...]

    def apply(self, text: str) -> str:
        return self.pattern.sub(self.replacement, text)


def rule(
    id: str,
    reason: str,
    pattern: str,
    replacement: Replacement,
    *examples: tuple[str, str],
    flags: int = 0,
) -> Rule:
    """A :class:`Rule` with its pattern compiled once, at import."""
    return Rule(id, reason, re.compile(pattern, flags), replacement, examples)


def visible(text: str) -> str:
    """``~`` written as U+00A0, the notation of the examples and reference files."""
    return text.replace("~", NBSP)
