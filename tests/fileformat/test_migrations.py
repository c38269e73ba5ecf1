"""Each migration step has a real old file and the file it must become."""

from __future__ import annotations

from pathlib import Path

import pytest

from brandstudio.fileformat import dump_template, load_template
from brandstudio.fileformat.migrations import MIGRATIONS
from brandstudio.model import TEMPLATE_VERSION

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "migrations"


def test_steps_cover_every_version() -> None:
    assert [step.from_version for step in MIGRATIONS] == list(range(1, TEMPLATE_VERSION))


@pytest.mark.parametrize("step", MIGRATIONS, ids=lambda step: f"v{step.from_version}")
def test_step_fixture(step: object) -> None:
    version = step.from_version  # type: ignore[attr-defined]
    old = FIXTURES / f"v{version}.json"
    expected = FIXTURES / f"v{version}.expected.json"
    assert old.is_file() and expected.is_file(), f"step v{version} needs {old} and {expected}"
    loaded = load_template(old)
    assert loaded.migrations[0].startswith(f"v{version} -> v{version + 1}")
    assert dump_template(loaded.template) == expected.read_text(encoding="utf-8")


def test_v1_values_are_converted_not_copied() -> None:
    template = load_template(FIXTURES / "v1.json").template
    banner, headline = template.layers
    assert banner.opacity == pytest.approx(0.8)
    assert headline.opacity == 1.0
    assert headline.props.size == 96  # type: ignore[union-attr]


def test_loading_never_rewrites_the_file(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_bytes((FIXTURES / "v1.json").read_bytes())
    before = old.read_bytes()
    load_template(old)
    assert old.read_bytes() == before


def test_current_files_run_no_step(starter_paths: list[Path]) -> None:
    for path in starter_paths:
        assert load_template(path).migrations == ()
