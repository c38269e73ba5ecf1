"""Numbers no model value can hold are refused at their JSON path, never a traceback.

Python's ``json`` reads ``1e999999`` as infinity (which later fails to serialise) and refuses
an integer of more than 4,300 digits with a bare ValueError.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from brandstudio.fileformat.errors import FormatError
from brandstudio.fileformat.jsonio import parse_json, read_json_file

HUGE_INTEGER = "9" * 5000


def problems_of(text: str) -> list[str]:
    with pytest.raises(FormatError) as caught:
        parse_json(text, "t.json")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        ("1e999999", "1e999999"),
        ("-1e400", "-1e400"),
        ("1.5E+309", "1.5E+309"),
        (HUGE_INTEGER, "99999999999999999999…999 (5000 digits)"),
        ("-" + HUGE_INTEGER, "-99999999999999999999…999 (5000 digits)"),
        ("1" + "0" * 400, "10000000000000000000…000 (401 digits)"),
    ],
)
def test_a_number_too_large_is_refused_at_its_path(number: str, shown: str) -> None:
    found = problems_of(f'{{"layers": [{{"opacity": 1}}, {{"opacity": {number}}}]}}')
    limit = "the limit is about ±1.8e308"
    assert found == [f"$.layers[1].opacity: {shown} is too large for a number ({limit})"]


def test_every_such_number_is_named_with_non_finite_ones() -> None:
    found = problems_of(f'{{"a": 1e999, "b": [NaN, {HUGE_INTEGER}]}}')
    assert [line.split(":")[0] for line in found] == ["$.a", "$.b[0]", "$.b[1]"]
    assert "NaN is not a number JSON allows" in found[1]


@pytest.mark.parametrize("number", ["1e308", "-1.7976931348623157e308", "1" + "0" * 300, "1e-999"])
def test_large_numbers_a_float_holds_still_parse(number: str) -> None:
    assert parse_json(f"[{number}]", "t.json") == json.loads(f"[{number}]")


def test_a_file_names_itself_and_the_path(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(f'{{"canvas": {{"width": {HUGE_INTEGER}}}}}', encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        read_json_file(path)
    assert caught.value.describe().startswith(f"{path}: $.canvas.width: 9999")
