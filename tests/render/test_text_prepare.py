"""Typography's fallback language: a text without letters gets the quotes of the studio's
language (BRANDSTUDIO_LANGUAGE, set by the studio for itself and its workers), else of the
system's locale, else Russian; the engine lays it out so."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandstudio.brands import find_brand
from brandstudio.fileformat import load_template
from brandstudio.render.assets import resolve_assets
from brandstudio.render.engine import fit_text_layer
from brandstudio.render.text_prepare import LANGUAGE_VARIABLE, fallback_language

CONTEST = Path(__file__).resolve().parents[2] / "templates" / "contest.json"


@pytest.mark.parametrize(
    ("studio", "lc_all", "lang", "expected"),
    [
        ("en", "", "ru_RU.UTF-8", "en"),
        ("", "", "en_GB.UTF-8", "en"),
        ("", "ru_RU.UTF-8", "en_US.UTF-8", "ru"),
        ("", "", "C.UTF-8", "ru"),
        ("", "", "", "ru"),
        ("de", "", "en_US.UTF-8", "en"),
    ],
)
def test_the_fallback_language(
    monkeypatch: pytest.MonkeyPatch, studio: str, lc_all: str, lang: str, expected: str
) -> None:
    for name, value in ((LANGUAGE_VARIABLE, studio), ("LC_ALL", lc_all), ("LANG", lang)):
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert fallback_language() == expected


@pytest.mark.parametrize(("language", "quoted"), [("ru", "«2026»"), ("en", "“2026”")])
def test_a_text_without_letters_is_quoted_in_the_studios_language(
    monkeypatch: pytest.MonkeyPatch, language: str, quoted: str
) -> None:
    monkeypatch.setenv(LANGUAGE_VARIABLE, language)
    template = load_template(CONTEST).template
    assets = resolve_assets(template, {}, find_brand(), CONTEST.parent)
    found = fit_text_layer(template, {"headline": '"2026"'}, assets, None, "headline")
    assert found is not None
    assert found[0].lines == (quoted,)
