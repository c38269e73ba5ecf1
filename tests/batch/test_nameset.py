"""The claimed-names set: every name added is found, no name not added is, and it stays small."""

from __future__ import annotations

import sys

from brandstudio.batch.nameset import NameSet


def test_names_added_are_found_and_others_not() -> None:
    names = NameSet()
    added = [f"contest_{n}_instagram-portrait.jpg" for n in range(5000)]
    for name in added:
        names.add(name)
    names.add(added[0])  # twice: still one
    assert len(names) == 5000
    assert all(name in names for name in added)
    assert not any(f"contest_{n}_vk-post.jpg" in names for n in range(5000))
    assert "товар «1».png" not in names
    names.add("товар «1».png")
    names.add("bad\udcff.png")  # a name from the file system with an undecodable byte
    assert "товар «1».png" in names and "bad\udcff.png" in names
    assert 42 not in names


def test_a_hundred_thousand_names_take_a_few_megabytes() -> None:
    names = NameSet()
    for n in range(100_000):
        names.add(f"catalogue/{n:06d}_telegram-post.jpg")
    size = sys.getsizeof(names._slots)
    assert size <= 100_000 * 8 * 4, size  # at most a quarter full after growing: 3.2 MB
    as_set = {f"catalogue/{n:06d}_telegram-post.jpg" for n in range(100_000)}
    held = sys.getsizeof(as_set) + sum(sys.getsizeof(name) for name in as_set)
    assert size * 3 < held  # a plain set of the names holds several times more
