"""Editing a brand in the library: each change checked, saved in one go, or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from brandstudio.fileformat.brand_io import BRAND_FILE
from brandstudio.library import brand_edit
from brandstudio.library.brand_edit import BrandEdit, EditError, StampChange, edit_brand
from brandstudio.library.store import Library
from brandstudio.model.brand import BRAND_VERSION
from brandstudio.resources import templates_folder

DEMO = "Зерно"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library(tmp_path / "home")


def _brand_json(library: Library, name: str = DEMO) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        (library.brand_folder(name) / BRAND_FILE).read_text(encoding="utf-8")
    )
    return data


def _logo_file(path: Path, colour: tuple[int, int, int] = (20, 90, 160)) -> Path:
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((50, 50, 249, 149), fill=(*colour, 255))
    image.save(path)
    return path


def test_set_a_colour_adds_a_role_and_saves_the_current_version(library: Library) -> None:
    kit = brand_edit.set_color(library, DEMO, role="brand-blue", value="#1a2b3c")
    assert kit.brand.palette["brand-blue"] == "#1A2B3C"
    saved = _brand_json(library)
    assert saved["version"] == BRAND_VERSION and saved["palette"]["brand-blue"] == "#1A2B3C"  # type: ignore[index]
    backups = list((library.backups_dir / DEMO).glob("brand.*.json"))
    assert len(backups) == 1 and json.loads(backups[0].read_text())["version"] == 1


@pytest.mark.parametrize(
    ("role", "value", "reason"),
    [
        ("primary", "#12", "not a colour"),
        ("primary", "red", "not a colour"),
        ("Primary!", "#112233", "not a role name"),
    ],
)
def test_a_bad_colour_is_refused_and_nothing_changes(
    library: Library, role: str, value: str, reason: str
) -> None:
    before = (library.brand_folder(DEMO) / BRAND_FILE).read_bytes()
    with pytest.raises(EditError, match=reason) as caught:
        brand_edit.set_color(library, DEMO, role=role, value=value)
    assert caught.value.what == "color"
    assert (library.brand_folder(DEMO) / BRAND_FILE).read_bytes() == before


def test_remove_and_rename_colours(library: Library) -> None:
    kit = brand_edit.rename_color(library, DEMO, role="secondary", new_role="sand")
    assert kit.brand.palette["sand"] == "#C8A27A" and "secondary" not in kit.brand.palette
    kit = brand_edit.remove_color(library, DEMO, role="light")
    assert "light" not in kit.brand.palette
    for role in ("primary", "accent", "text", "background"):
        with pytest.raises(EditError, match="required"):
            brand_edit.remove_color(library, DEMO, role=role)
    with pytest.raises(EditError, match="no such colour role"):
        brand_edit.remove_color(library, DEMO, role="nowhere")
    with pytest.raises(EditError, match="has a role 'accent'"):
        brand_edit.rename_color(library, DEMO, role="sand", new_role="accent")


def test_a_role_a_template_uses_is_not_removed(library: Library, tmp_path: Path) -> None:
    brand_edit.set_color(library, DEMO, role="extra", value="#102030")
    text = (templates_folder() / "promo.json").read_text(encoding="utf-8")
    source = tmp_path / "uses-extra.json"
    source.write_text(text.replace('"brand:accent"', '"brand:extra"'), encoding="utf-8")
    library.new_template(DEMO, "uses-extra", str(source))
    with pytest.raises(EditError, match="uses-extra"):
        brand_edit.remove_color(library, DEMO, role="extra")
    assert "extra" in library.load_brand(DEMO).brand.palette


def test_replace_a_logo_variant_with_the_users_own_file(library: Library, tmp_path: Path) -> None:
    old = library.load_brand(DEMO)
    old_light = old.asset(old.brand.logos["logo"].light or "")
    kit = brand_edit.set_logo_variant(
        library, DEMO, variant="light", source=_logo_file(tmp_path / "mine.png", (250, 250, 250))
    )
    new_light = kit.brand.logos["logo"].light or ""
    assert new_light.startswith("logos/logo-light-") and kit.asset(new_light).is_file()
    with Image.open(kit.asset(new_light)) as image:
        assert image.size == (200, 100)  # trimmed
    assert not old_light.exists()  # the old file goes once brand.json no longer names it
    assert kit.brand.logos["logo"].dark == old.brand.logos["logo"].dark


def test_a_hostile_logo_file_changes_nothing(library: Library, tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_text("not an image", encoding="utf-8")
    logos = sorted(p.name for p in (library.brand_folder(DEMO) / "logos").iterdir())
    with pytest.raises(EditError, match=r"light=.*fake\.png") as caught:
        edit_brand(
            library,
            DEMO,
            BrandEdit(
                colors={"primary": "#000000"},
                logo_files={"dark": _logo_file(tmp_path / "ok.png"), "light": fake},
            ),
        )
    assert caught.value.what == "logo"
    assert sorted(p.name for p in (library.brand_folder(DEMO) / "logos").iterdir()) == logos
    assert library.load_brand(DEMO).brand.palette["primary"] == "#2D1B14"


def test_missing_variants_are_made_from_the_one_there(library: Library, tmp_path: Path) -> None:
    folder = library.brand_folder(DEMO)
    data = _brand_json(library)
    data["logos"]["logo"]["light"] = None  # type: ignore[index]
    data["logos"]["logo"]["mono"] = None  # type: ignore[index]
    (folder / BRAND_FILE).write_text(json.dumps(data), encoding="utf-8")
    kit = brand_edit.make_missing_logo_variants(library, DEMO)
    variants = kit.brand.logos["logo"]
    assert variants.light and variants.mono and variants.dark == "logos/zerno-dark.png"
    assert kit.asset(variants.light).is_file() and kit.asset(variants.mono).is_file()


def test_clear_space_and_stamp_defaults(library: Library) -> None:
    kit = brand_edit.set_clear_space(library, DEMO, value=0.5)
    assert kit.brand.logos["logo"].clear_space == 0.5
    kit = brand_edit.set_stamp_defaults(
        library, DEMO, position="auto", size=0.25, text="© {brand} {year}"
    )
    assert kit.brand.stamp.position == "auto" and kit.brand.stamp.size == 0.25
    assert kit.brand.stamp.text == "© {brand} {year}" and kit.brand.stamp.margin == 0.03
    kit = brand_edit.set_stamp_defaults(library, DEMO, opacity=0.5)
    assert kit.brand.stamp.text == "© {brand} {year}"  # kept unless given
    kit = brand_edit.set_stamp_defaults(library, DEMO, text=None)
    assert kit.brand.stamp.text is None


@pytest.mark.parametrize(
    ("change", "what"),
    [
        (StampChange(position="middle"), "stamp-position"),
        (StampChange(size=2.0), "stamp-size"),
        (StampChange(size=float("nan")), "stamp-size"),
        (StampChange(opacity=0.0), "stamp-opacity"),
        (StampChange(variant="neon"), "stamp-variant"),
        (StampChange(text="© {brand} {yaer}"), "stamp-text"),
        (StampChange(text="x" * 201), "stamp-text"),
    ],
)
def test_bad_stamp_defaults_are_refused(library: Library, change: StampChange, what: str) -> None:
    with pytest.raises(EditError) as caught:
        edit_brand(library, DEMO, BrandEdit(stamp=change))
    assert caught.value.what == what
    with pytest.raises(EditError, match="must be 0 to 1"):
        brand_edit.set_clear_space(library, DEMO, value=1.5)


def test_rename_moves_the_folder_and_templates(library: Library) -> None:
    templates = library.template_names(DEMO)
    kit = brand_edit.rename_brand(library, DEMO, new_name="Зерно Плюс")
    assert kit.brand.name == "Зерно Плюс" and kit.folder.name == "Зерно Плюс"
    assert library.brand_names() == ["Зерно Плюс"]
    assert library.template_names("Зерно Плюс") == templates
    library.new_brand("Other")
    with pytest.raises(EditError, match="exists"):
        brand_edit.rename_brand(library, "Other", new_name="зерно плюс")
    with pytest.raises(EditError, match="cannot be a brand name"):
        brand_edit.rename_brand(library, "Other", new_name="a/b")


def test_all_changes_of_one_edit_or_none(library: Library) -> None:
    before = (library.brand_folder(DEMO) / BRAND_FILE).read_bytes()
    with pytest.raises(EditError) as caught:
        edit_brand(
            library,
            DEMO,
            BrandEdit(colors={"accent": "#FF0000"}, clear_space=0.4, new_name="x" * 81),
        )
    assert caught.value.what == "rename"
    assert (library.brand_folder(DEMO) / BRAND_FILE).read_bytes() == before
    kit = edit_brand(
        library,
        DEMO,
        BrandEdit(colors={"accent": "#FF0000"}, clear_space=0.4, stamp=StampChange(size=0.3)),
    )
    assert kit.brand.palette["accent"] == "#FF0000"
    assert (kit.brand.logos["logo"].clear_space, kit.brand.stamp.size) == (0.4, 0.3)


def test_bundles_of_old_and_edited_brands_import(library: Library, tmp_path: Path) -> None:
    from brandstudio.library.bundle import export_brand, import_bundle

    old = export_brand(library, DEMO, tmp_path / "old.brandkit")  # brand.json still version 1
    assert _brand_json(library)["version"] == 1
    assert import_bundle(library, old, as_name="Old").brand.version == BRAND_VERSION
    brand_edit.set_stamp_defaults(library, DEMO, text="© {brand}")
    edited = export_brand(library, DEMO, tmp_path / "edited.brandkit")
    kit = import_bundle(library, edited, as_name="Edited")
    assert kit.brand.stamp.text == "© {brand}" and kit.brand.name == "Edited"


def test_a_font_change_backs_up_an_old_brand_too(library: Library) -> None:
    library.set_font(DEMO, "body", "Rubik")
    assert _brand_json(library)["version"] == BRAND_VERSION
    (backup,) = (library.backups_dir / DEMO).glob("brand.*.json")
    assert json.loads(backup.read_text(encoding="utf-8"))["version"] == 1


def test_an_undo_puts_a_variants_pixels_back_as_they_were(library: Library) -> None:
    solid = Image.new("RGBA", (120, 40), (30, 60, 90, 255))  # a rectangle touching every edge
    kit = brand_edit.set_logo_variant(library, DEMO, variant="dark", source=solid, clean=False)
    with Image.open(kit.asset(kit.brand.logos["logo"].dark or "")) as stored:
        assert stored.convert("RGBA").tobytes() == solid.tobytes()
    with pytest.raises(EditError, match="one flat colour"):
        brand_edit.set_logo_variant(library, DEMO, variant="dark", source=solid)
