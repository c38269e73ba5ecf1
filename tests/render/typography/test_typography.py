"""The typography pass: every rule's own examples, the proofread reference phrases, protected
stretches, and properties over any text (idempotent, never raises, line breaks and keep-words
kept, "off" the identity)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brandstudio.render.typography import LANGUAGES, common, detect_language, en, ru, typeset
from brandstudio.render.typography.rules import NBSP, Rule, visible

HERE = Path(__file__).parent
RULES_BY_LANGUAGE = (
    [("auto", r) for r in common.RULES]
    + [("ru", r) for r in ru.RULES]
    + [("en", r) for r in en.RULES]
)


def read_reference(name: str) -> list[tuple[str, str]]:
    """The (input, expected) rows of a reference file, ``~`` read as U+00A0."""
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, expected = line.split("\t")
        rows.append((visible(source), visible(expected)))
    return rows


def shown(text: str) -> str:
    return text.replace(NBSP, "~")


@pytest.mark.parametrize(
    ("language", "rule", "example"),
    [(lang, r, ex) for lang, r in RULES_BY_LANGUAGE for ex in r.examples],
    ids=lambda value: value.id if isinstance(value, Rule) else None,
)
def test_each_rule_does_what_its_examples_say(
    language: str, rule: Rule, example: tuple[str, str]
) -> None:
    source, expected = map(visible, example)
    assert shown(typeset(source, language)) == shown(expected)


def test_rules_have_unique_ids_reasons_and_examples() -> None:
    ids = [r.id for _, r in RULES_BY_LANGUAGE]
    assert len(ids) == len(set(ids))
    assert all(r.reason and r.examples for _, r in RULES_BY_LANGUAGE)


@pytest.mark.parametrize(
    ("name", "fallback"), [("reference_ru.tsv", "ru"), ("reference_en.tsv", "en")]
)
def test_reference_phrases_come_out_as_proofread(name: str, fallback: str) -> None:
    rows = read_reference(name)
    wrong = [
        f"{shown(source)}\n   got  {shown(got)}\n   want {shown(expected)}"
        for source, expected in rows
        if (got := typeset(source, fallback=fallback)) != expected
    ]
    assert not wrong, f"{len(wrong)} of {len(rows)}:\n" + "\n".join(wrong)


def test_the_reference_set_is_large_enough() -> None:
    assert len(read_reference("reference_ru.tsv")) >= 150
    assert len(read_reference("reference_en.tsv")) >= 50


@pytest.mark.parametrize(
    "text",
    [
        "@в_мире",
        "#скидки_до_50",
        "https://x.ru/a-b",
        "www.zerno.coffee/menu?a=1-2",
        "zerno.ru/promo-10-12",
        "info@zerno-coffee.ru",
        "@zerno.coffee",
    ],
)
def test_protected_stretches_are_untouched(text: str) -> None:
    assert typeset(f"Пишите в {text} - ждём", "ru") == f"Пишите в{NBSP}{text}{NBSP}— ждём"


def test_keep_words_are_untouched_in_any_case() -> None:
    assert typeset('"Кафе и Ко" - в центре', keep=["кафе и ко"]) == (
        f"«Кафе и Ко»{NBSP}— в{NBSP}центре"
    )
    assert typeset("Я и Ты", keep=["я и ты"]) == "Я и Ты"
    assert typeset("Тыква и я", keep=["ты"]) == f"Тыква и{NBSP}я"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Звоните +7 999 123 45 67", "Звоните +7 999 123 45 67"),
        ("10 - 20 - 30", "10~— 20~— 30"),
        ("- Привет!\n- Пока!", "- Привет!\n- Пока!"),
        ('15" монитор', '15" монитор'),
        ("Размеры S-XL, COVID-19, Ту-154, SALE-2026", "Размеры S-XL, COVID-19, Ту-154, SALE-2026"),
        ("Т.е. ничего", "Т.е. ничего"),
        ("a@b.ru...", "a@b.ru…"),
    ],
)
def test_what_is_left_as_typed(source: str, expected: str) -> None:
    assert shown(typeset(source)) == expected


def test_off_and_the_languages() -> None:
    assert LANGUAGES == ("auto", "ru", "en", "off")
    assert typeset('"а" - б', "off") == '"а" - б'
    assert typeset('"Hello"', "ru") == "«Hello»"
    assert typeset('"Привет"', "en") == "“Привет”"
    assert typeset("в доме I am", "ru") == f"в{NBSP}доме I am"
    assert typeset("в доме I am", "en") == f"в доме I{NBSP}am"


def test_quotes_follow_the_paragraph_and_fallback() -> None:
    assert typeset('"Coffee" со скидкой\n"Coffee" with a discount') == (
        f"«Coffee» со{NBSP}скидкой\n“Coffee” with a{NBSP}discount"
    )
    assert typeset('"42"', fallback="en") == "“42”"
    assert typeset('"42"', fallback="ru") == "«42»"


def test_detect_language() -> None:
    assert detect_language("Кофе и торт, and tea", "en") == "ru"
    assert detect_language("Coffee и торт", "ru") == "en"
    assert detect_language("2026 https://zerno.ru", "en") == "en"
    assert detect_language("ab вг", "ru") == "ru"


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="language"):
        typeset("a", "de")
    with pytest.raises(ValueError, match="fallback"):
        typeset("a", fallback="auto")


TYPOGRAPHIC = st.sampled_from(
    list(" \n\u00a0\"'«»„“”‘’-–—.…,:;!?()/№%₽$@#_+0123456789\ue000")
    + list("авиксоуянпдтзбжлАВИКСНПДЁaAIsnomptkgwhxHTPS")
    + ["www.", "http://", "https://", ".ru", "@a", "#b", "...", " - ", " -- ", "10", "12:00"]
    + ["на ", "не ", "бы", "же", "ли", "А.", "С.", "J.", "kg", "pm", "'s", "тыс.", "г."]
)
TEXTS = st.one_of(st.text(), st.lists(TYPOGRAPHIC, max_size=40).map("".join))
MODES = st.sampled_from(["auto", "ru", "en"])
FALLBACKS = st.sampled_from(["ru", "en"])


@settings(max_examples=1500, deadline=None)
@given(TEXTS, MODES, FALLBACKS)
def test_typeset_is_idempotent_and_keeps_line_breaks(text: str, mode: str, fallback: str) -> None:
    once = typeset(text, mode, fallback=fallback)
    assert typeset(once, mode, fallback=fallback) == once
    assert once.count("\n") == text.count("\n")
    assert "\u202f" not in once or "\u202f" in text


@settings(max_examples=500, deadline=None)
@given(TEXTS, MODES)
def test_only_punctuation_and_spaces_change(text: str, mode: str) -> None:
    once = typeset(text, mode)
    assert [c for c in once if c.isalnum()] == [c for c in text if c.isalnum()]
    assert set(once) - set(text) <= set(NBSP + "«»„“”‘’—–…")


@given(TEXTS)
def test_off_is_the_identity(text: str) -> None:
    assert typeset(text, "off") == text


WORDS = st.text(alphabet="авиксоАВИКСaAIkg' -\"", min_size=1, max_size=8).filter(
    lambda word: word.strip(" -\"'") == word and word.strip()
)


@settings(max_examples=500, deadline=None)
@given(TEXTS, WORDS, TEXTS, MODES)
def test_keep_words_survive_byte_for_byte(left: str, word: str, right: str, mode: str) -> None:
    text = f"{left} {word} {right}"
    assert word in typeset(text, mode, keep=[word])
