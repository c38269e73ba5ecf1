"""The library on disk: seeding, trash, templates, revisions, migrations, the lock."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from brandstudio.library.errors import ConflictError, LibraryError
from brandstudio.library.home import library_home
from brandstudio.library.lock import LibraryLock
from brandstudio.library.store import Library, thumbnail
from brandstudio.model import TEMPLATE_VERSION

DEMO = "Зерно"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "home")


def test_home_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRANDSTUDIO_HOME", str(tmp_path / "portable"))
    assert library_home() == tmp_path / "portable"


def test_the_test_run_never_uses_the_real_user_folder() -> None:
    assert "brandstudio-home-" in os.environ["BRANDSTUDIO_HOME"]


def test_seeded_once_with_the_demo_brand_and_starters(library: Library) -> None:
    assert library.brand_names() == [DEMO]
    assert library.template_names(DEMO) == [
        "announcement",
        "carousel",
        "contest",
        "contest-protocol",
        "contest-reminder",
        "contest-rules",
        "logo-stamp",
        "promo",
        "quote",
        "winners",
    ]
    sample = library.brand_folder(DEMO) / "photos" / "fig-bowl.jpg"
    assert sample.is_file(), "starter sample photos are copied into the brand folder"


def test_seeding_leaves_no_staging_behind(library: Library) -> None:
    assert list(library.staging_dir.iterdir()) == []
    library.new_brand("Север")
    assert list(library.staging_dir.iterdir()) == []


def test_a_deleted_demo_brand_stays_deleted(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Library(home).delete_brand(DEMO)
    assert Library(home).brand_names() == []


def test_delete_and_restore(library: Library) -> None:
    before = (library.brand_folder(DEMO) / "brand.json").read_bytes()
    library.delete_brand(DEMO)
    assert not library.has_brand(DEMO)
    assert library.trashed_brands(DEMO)
    library.restore_brand(DEMO)
    assert (library.brand_folder(DEMO) / "brand.json").read_bytes() == before
    with pytest.raises(LibraryError, match="no brand 'nobody' in the trash"):
        library.restore_brand("nobody")


def test_new_brand_with_a_wordmark(library: Library) -> None:
    kit = library.new_brand("Север")
    assert kit.brand.name == "Север"
    assert set(kit.brand.palette) >= {"primary", "accent", "text", "background"}
    light = kit.asset(kit.brand.logos["logo"].light or "")
    with Image.open(light) as logo:
        assert logo.mode == "RGBA" and logo.getbbox() is not None
    with pytest.raises(LibraryError, match="already exists"):
        library.new_brand("север")
    with pytest.raises(LibraryError, match="cannot be a brand name"):
        library.new_brand("../evil")


def test_templates_new_copy_rename_delete_tag(library: Library) -> None:
    library.new_template(DEMO, "Декабрь", "contest")
    library.copy_template(DEMO, "Декабрь", "Январь")
    library.rename_template(DEMO, "Январь", "Февраль")
    assert {"Декабрь", "Февраль"} <= set(library.template_names(DEMO))
    assert "Январь" not in library.template_names(DEMO)
    assert library.load_template(DEMO, "Февраль").template.name == "Февраль"
    saved = library.tag_template(DEMO, "Февраль", add=("зима", "конкурс"))
    assert saved.tags == ("зима", "конкурс")
    assert library.tag_template(DEMO, "Февраль", remove=("зима",)).tags == ("конкурс",)
    library.delete_template(DEMO, "Февраль")
    assert "Февраль" not in library.template_names(DEMO)
    with pytest.raises(LibraryError, match="already has a template"):
        library.new_template(DEMO, "Декабрь", "promo")
    with pytest.raises(LibraryError, match="no such template file or starter"):
        library.new_template(DEMO, "X", "nonexistent")


def test_a_deleted_template_is_restored_newest_first_and_never_over_another(
    library: Library,
) -> None:
    path = library.template_path(DEMO, "promo")
    first = path.read_bytes()
    trashed = library.delete_template(DEMO, "promo")
    assert trashed.read_bytes() == first and library.trash_dir in trashed.parents
    assert library.trashed_brands(DEMO) == []  # a template's trash is no trashed brand
    library.new_template(DEMO, "promo", "contest")
    second = path.read_bytes()
    with pytest.raises(LibraryError, match="has a template 'promo' again"):
        library.restore_template(DEMO, "promo")
    library.delete_template(DEMO, "promo")
    assert len(library.trashed_templates(DEMO, "promo")) == 2
    assert library.restore_template(DEMO.lower(), "promo") == path
    assert path.read_bytes() == second  # the one deleted last
    assert library.trashed_templates(DEMO, "promo") == [trashed]
    with pytest.raises(LibraryError, match="no template 'contest' of brand 'Зерно' in the trash"):
        library.restore_template(DEMO, "contest")
    assert sorted(p.name for p in library.trash_dir.iterdir()) == [trashed.parent.parent.name]


def test_a_trashed_brand_keeps_its_templates_to_itself(library: Library) -> None:
    library.delete_brand(DEMO)
    library.new_brand(DEMO)
    with pytest.raises(LibraryError, match="no template 'promo'"):
        library.restore_template(DEMO, "promo")


def test_a_template_trashed_by_an_earlier_version_is_restored(library: Library) -> None:
    holder = library.trash_dir / f"20250101-000000-abcdef__{DEMO}"
    holder.mkdir()
    library.template_path(DEMO, "promo").rename(holder / "promo.json")
    assert library.restore_template(DEMO, "promo").is_file()
    assert not holder.exists()


@pytest.mark.parametrize("name", ["../../library", "a/b", "..\\x", ""])
def test_template_names_never_lead_out_of_the_brand(library: Library, name: str) -> None:
    with pytest.raises(LibraryError, match="cannot be a template name"):
        library.template_path(DEMO, name)
    with pytest.raises(LibraryError, match="cannot be a template name"):
        library.restore_template(DEMO, name)


def test_saving_over_a_newer_revision_is_refused(library: Library) -> None:
    first = library.load_template(DEMO, "promo").template
    second = library.load_template(DEMO, "promo").template
    saved = library.save_template(DEMO, "promo", dataclasses.replace(first, name="A"))
    assert saved.revision == first.revision + 1
    with pytest.raises(ConflictError, match="saved elsewhere"):
        library.save_template(DEMO, "promo", dataclasses.replace(second, name="B"))
    assert library.load_template(DEMO, "promo").template.name == "A", "the other save survives"


@pytest.mark.parametrize("version", [1, 3])
def test_a_migrated_template_is_backed_up_before_it_is_rewritten(
    library: Library, version: int
) -> None:
    old = Path(__file__).resolve().parents[1] / "fixtures" / "migrations" / f"v{version}.json"
    target = library.templates_dir(DEMO) / "old.json"
    target.write_bytes(old.read_bytes())
    loaded = library.load_template(DEMO, "old")
    assert loaded.migrations
    backups = list((library.backups_dir / DEMO).glob("old.*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == old.read_bytes()
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == TEMPLATE_VERSION


def test_thumbnail_is_cached_and_refreshed_on_change(library: Library) -> None:
    first = thumbnail(library, DEMO, "promo")
    with Image.open(first) as image:
        assert max(image.size) == 360
    stamp = first.stat().st_mtime_ns
    assert thumbnail(library, DEMO, "promo") == first
    assert first.stat().st_mtime_ns == stamp, "unchanged template: no new render"
    template = library.load_template(DEMO, "promo").template
    library.save_template(DEMO, "promo", dataclasses.replace(template, background="#FFFFFF"))
    second = thumbnail(library, DEMO, "promo")
    assert second != first and not first.exists()


def test_a_busy_lock_is_reported_not_waited_on_forever(library: Library) -> None:
    holder = LibraryLock(library.home / "library.lock")
    with holder:
        impatient = LibraryLock(library.home / "library.lock", timeout=0.2)
        with pytest.raises(LibraryError, match="busy"):
            impatient.acquire()


def test_leftover_staging_is_removed_at_start(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    leftover = library.new_staging_folder()
    (leftover / "half.png").write_bytes(b"x")
    Library(home)
    assert list(library.staging_dir.iterdir()) == []
