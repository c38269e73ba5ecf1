"""Make the bundled CJK font: Noto Sans CJK SC cut down to the characters posts use.

Run at development time on a machine with Debian's ``fonts-noto-cjk`` installed; the result
is committed under ``assets/fonts/NotoSansCJK`` (nothing is fetched at run time). The set:
GB2312 level 1 (3,755 common Simplified Chinese characters), JIS X 0208 level 1 kanji (2,965
common Japanese), KS X 1001 Hangul syllables (2,350), kana, CJK punctuation, full-width forms.

    .venv/bin/python tools/subset_cjk_font.py
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCES = {
    "NotoSansCJKsc-Regular.otf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Bold.otf": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
SC_INDEX = 2  # Noto Sans CJK SC in Debian's collection
OUT = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "NotoSansCJK"


def _decoded(codec: str, first_rows: range, cells: range = range(0xA1, 0xFF)) -> set[int]:
    """The characters of a 94x94 double-byte set's rows (lead bytes) in ``codec``."""
    found: set[int] = set()
    for lead in first_rows:
        for trail in cells:
            with contextlib.suppress(UnicodeDecodeError):
                found.update(ord(c) for c in bytes((lead, trail)).decode(codec))
    return found


def characters() -> set[int]:
    chars = _decoded("gb2312", range(0xB0, 0xD8))  # level 1 hanzi
    chars |= _decoded("euc_jp", range(0xB0, 0xD0))  # level 1 kanji
    chars |= _decoded("euc_kr", range(0xB0, 0xC9))  # Hangul syllables
    chars |= _decoded("gb2312", range(0xA1, 0xAA))  # symbols, kana, full-width
    chars |= set(range(0x3000, 0x3100))  # CJK punctuation, hiragana, katakana, bopomofo
    chars |= set(range(0x31F0, 0x3200)) | set(range(0xFF00, 0xFFF0))  # kana ext., full-width
    chars |= set(range(0x20, 0x7F))
    return chars


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = characters()
    for name, source in SOURCES.items():
        font = TTCollection(source).fonts[SC_INDEX]
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.hinting = False
        options.desubroutinize = False
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        font.save(OUT / name)
        print(name, len(font.getBestCmap()), (OUT / name).stat().st_size)


if __name__ == "__main__":
    main()
