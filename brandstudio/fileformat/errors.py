"""Typed errors of the file formats, each turned into a message a user understands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (a JSON path like ``$.layers[2].props.size``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class FormatError(Exception):
    """A file that cannot be used: ``source`` names the file, ``problems`` say why."""

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line per problem, each naming the file."""
        return "\n".join(f"{self.source}: {problem}" for problem in self.problems)


def json_path(parts: Iterable[str | int]) -> str:
    """``["layers", 2, "props"]`` -> ``$.layers[2].props``."""
    text = "$"
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.isidentifier():
            text += f".{part}"
        else:
            text += f"[{part!r}]"
    return text
