"""Large tables: rows past the first few thousand live in a temporary file, read back in order;
a CSV file is read as a stream, its encoding judged over the whole file in chunks."""

from __future__ import annotations

import pickle
import tracemalloc
from pathlib import Path

import pytest

from brandstudio.tables import Row, read_table
from brandstudio.tables.row_store import HELD_ROWS, RowStore
from tests.tables.table_files import error_of, new_book, save, set_limit, write_csv

ROWS = HELD_ROWS * 2 + 123


def catalogue(count: int) -> str:
    lines = ["sku;название;цена;photo"]
    lines += [f"A{n:06d};Товар «{n}», 250 г;{n},50;photos/{n}.jpg" for n in range(count)]
    return "\r\n".join(lines) + "\r\n"


def test_rows_past_the_held_ones_come_back_equal_in_order(tmp_path: Path) -> None:
    found = read_table(write_csv(tmp_path, catalogue(ROWS)))
    assert found.columns == ("sku", "название", "цена", "photo")
    assert len(found.rows) == ROWS
    numbers = [row.number for row in found.rows]
    assert numbers == list(range(2, ROWS + 2))
    last = found.rows[-1]
    assert last.values == {
        "sku": f"A{ROWS - 1:06d}",
        "название": f"Товар «{ROWS - 1}», 250 г",
        "цена": f"{ROWS - 1},50",
        "photo": f"photos/{ROWS - 1}.jpg",
    }
    assert found.rows[HELD_ROWS].number == HELD_ROWS + 2  # the first one from the file
    assert [row.number for row in found.rows[HELD_ROWS - 2 : HELD_ROWS + 2]] == [
        HELD_ROWS,
        HELD_ROWS + 1,
        HELD_ROWS + 2,
        HELD_ROWS + 3,
    ]
    assert found.rows[::5000][-1].number == found.rows[(len(found.rows) - 1) // 5000 * 5000].number
    with pytest.raises(IndexError):
        found.rows[ROWS]
    assert found.rows == tuple(found.rows)
    assert pickle.loads(pickle.dumps(found.rows)) == found.rows


def test_row_errors_survive_the_file(tmp_path: Path) -> None:
    text = catalogue(HELD_ROWS + 10).rstrip("\r\n") + "\r\nB1;x;1;p.jpg;extra\r\n"
    found = read_table(write_csv(tmp_path, text))
    assert found.rows[-1].error is not None and "belongs to no column" in found.rows[-1].error
    assert all(row.error is None for row in found.rows[:-1])
    assert found.rows_with_errors() == 1


def test_a_large_table_holds_little_memory(tmp_path: Path) -> None:
    path = write_csv(tmp_path, catalogue(30_000))
    tracemalloc.start()
    try:
        found = read_table(path)
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(found.rows) == 30_000
    # As Row objects, 30,000 rows of four cells take some 25 MB; held in the store's file, the
    # first HELD_ROWS rows and 8 bytes a row for the rest.
    assert held < 8 * 1024 * 1024, held


def test_the_store_reads_in_blocks_and_compares_like_a_tuple() -> None:
    store = RowStore(("a", "b"))
    rows = [
        Row(n + 2, {"a": str(n), "b": "ж" * (n % 7)}, None if n % 3 else "bad")
        for n in range(HELD_ROWS + 3000)
    ]
    for row in rows:
        store.append(row)
    assert list(store) == rows
    assert store == rows and store != rows[:-1]
    assert store[-1] == rows[-1] and store[HELD_ROWS + 1500] == rows[HELD_ROWS + 1500]
    store.close()


def test_row_cap_counts_rows_as_they_stream(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_limit(monkeypatch, "MAX_ROWS", 1000)
    error = error_of(write_csv(tmp_path, catalogue(1001)))
    assert error.row == 1002 and "more than 1,000 rows" in error.reason


def test_a_windows_1251_byte_far_down_is_judged_with_the_whole_file(tmp_path: Path) -> None:
    # two megabytes of ASCII, then Cyrillic in Windows-1251: read as Windows-1251
    text = "a,b\n" + ("x" * 100 + ",1\n") * 12_000 + "Привет,2\n"
    found = read_table(write_csv(tmp_path, text, "cp1251"))
    assert found.rows[-1].values["a"] == "Привет"
    assert any("Windows-1251" in note for note in found.notes)


def test_mixed_encodings_far_apart_are_refused_naming_lines(tmp_path: Path) -> None:
    data = ("a,b\nПривет,1\n" + "x,1\n" * 400_000).encode("utf-8") + "Пока,2\n".encode("cp1251")
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    reason = error_of(path).reason
    assert "line 2 is UTF-8 but line 400003 is not" in reason


def test_utf8_letters_split_across_chunks_are_read(tmp_path: Path) -> None:
    # one-megabyte chunks: a two-byte letter lands across a chunk's end somewhere below
    text = "a,b\n" + "".join(f"ж{'я' * (n % 97)},{n}\n" for n in range(20_000))
    found = read_table(write_csv(tmp_path, text))
    assert found.rows[-1].values["a"] == "ж" + "я" * (19_999 % 97)
    assert not any("Windows-1251" in note for note in found.notes)


def test_a_bad_byte_after_a_bom_is_found_past_the_first_chunk(tmp_path: Path) -> None:
    body = ("a,b\n" + "x,1\n" * 300_000).encode("utf-8")
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + body + b"\xff,2\n")
    # the BOM makes line 1 UTF-8 beyond ASCII: the file mixes encodings
    assert error_of(path).reason.startswith("line 1 is UTF-8 but line 300002 is not")
    header = b"h" * 1_500_000
    path.write_bytes(b"\xef\xbb\xbf" + header + b"\xff\n1\n")
    assert error_of(path).reason.endswith("not UTF-8 at offset 1500000")


def test_a_large_workbook_streams_its_rows(tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["sku", "price"])
    for n in range(HELD_ROWS + 500):
        sheet.append([f"A{n}", n])
    found = read_table(save(book, tmp_path))
    assert len(found.rows) == HELD_ROWS + 500
    assert found.rows[-1].values == {"sku": f"A{HELD_ROWS + 499}", "price": str(HELD_ROWS + 499)}
