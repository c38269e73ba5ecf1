"""Each migration step has a real old file and the file it must become."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from brandstudio.fileformat import FormatError, dump_template, load_template
from brandstudio.fileformat.brand_io import brand_from_data, dump_brand, load_brand
from brandstudio.fileformat.brand_migrations import BRAND_MIGRATIONS
from brandstudio.fileformat.layers_io import parse_layers
from brandstudio.fileformat.migrations import MIGRATIONS
from brandstudio.model import TEMPLATE_VERSION
from brandstudio.model.brand import BRAND_VERSION, StampDefaults, expand_stamp_text

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


# --- brands ----------------------------------------------------------------------------------


def test_brand_steps_cover_every_version() -> None:
    assert [step.from_version for step in BRAND_MIGRATIONS] == list(range(1, BRAND_VERSION))


@pytest.mark.parametrize("step", BRAND_MIGRATIONS, ids=lambda step: f"brand-v{step.from_version}")
def test_brand_step_fixture(step: object) -> None:
    version = step.from_version  # type: ignore[attr-defined]
    old = FIXTURES / f"brand-v{version}.json"
    expected = FIXTURES / f"brand-v{version}.expected.json"
    assert old.is_file() and expected.is_file(), f"step v{version} needs {old} and {expected}"
    brand, applied = brand_from_data(json.loads(old.read_text(encoding="utf-8")), str(old))
    assert applied[0].startswith(f"v{version} -> v{version + 1}")
    assert dump_brand(brand) == expected.read_text(encoding="utf-8")


def test_an_old_brand_folder_always_loads_and_is_not_rewritten(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    (folder / "logos").mkdir(parents=True)
    for variant in ("light", "dark", "mono"):
        Image.new("RGBA", (8, 8), (0, 0, 0, 255)).save(folder / "logos" / f"zerno-{variant}.png")
    (folder / "brand.json").write_bytes((FIXTURES / "brand-v1.json").read_bytes())
    before = (folder / "brand.json").read_bytes()
    kit = load_brand(folder)
    assert kit.brand.version == BRAND_VERSION
    assert kit.brand.stamp.text is None and kit.brand.stamp.position == "auto"
    assert kit.migrations and kit.migrations[0].startswith("v1 -> v2")
    assert (folder / "brand.json").read_bytes() == before


def test_a_brand_without_stamp_settings_migrates_to_the_defaults() -> None:
    data = json.loads((FIXTURES / "brand-v1.json").read_text(encoding="utf-8"))
    del data["stamp"]
    brand, _ = brand_from_data(data, "brand.json")
    assert brand.stamp == StampDefaults()


@pytest.mark.parametrize("version", [0, "1", BRAND_VERSION + 1, True, None])
def test_a_brand_version_that_cannot_be_read_is_named(version: object) -> None:
    data = json.loads((FIXTURES / "brand-v1.json").read_text(encoding="utf-8"))
    data["version"] = version
    with pytest.raises(FormatError) as caught:
        brand_from_data(data, "brand.json")
    assert "$.version" in str(caught.value)


@pytest.mark.parametrize("text", ["© {brand} {yaer}", "{", "   "])
def test_a_stamp_text_with_a_bad_placeholder_is_refused(text: str) -> None:
    data = json.loads((FIXTURES / "brand-v1.expected.json").read_text(encoding="utf-8"))
    data["stamp"]["text"] = text
    with pytest.raises(FormatError) as caught:
        brand_from_data(data, "brand.json")
    assert "$.stamp.text" in str(caught.value)


def test_stamp_text_placeholders_expand() -> None:
    assert expand_stamp_text("© {brand} {year}", brand="Зерно", year=2026) == "© Зерно 2026"


def test_v4_file_gets_no_checks_and_no_utm_and_keeps_its_settings_when_saved_again(
    tmp_path: Path,
) -> None:
    template = load_template(FIXTURES / "v4.json").template
    assert template.checks == ()
    qr = template.layer("qr")
    assert qr.props.utm is None  # type: ignore[union-attr]
    data = json.loads(dump_template(template))
    data["checks"] = [
        {"rule": "min-size", "layer": "headline", "preset": "vk-cover", "severity": "off",
         "reason": "this size may have small print"},
    ]  # fmt: skip
    data["layers"][2]["props"]["utm"] = {"campaign": "june", "medium": "social", "content": None}
    path = tmp_path / "v5.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = load_template(path).template
    assert loaded.checks[0].rule == "min-size" and loaded.checks[0].specificity() == 3
    assert loaded.layer("qr").props.utm.campaign == "june"  # type: ignore[union-attr]
    assert json.loads(dump_template(loaded))["checks"][0]["reason"] == (
        "this size may have small print"
    )


def test_a_check_setting_naming_an_unknown_rule_is_refused(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v4.expected.json").read_text(encoding="utf-8"))
    data["checks"] = [{"rule": "min-sise", "severity": "off"}]
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_template(path)
    assert "$.checks[0].rule" in str(caught.value)


def test_v5_text_layers_get_auto_typography_and_no_hyphenation(tmp_path: Path) -> None:
    loaded = load_template(FIXTURES / "v5.json")
    assert loaded.migrations[0] == "v5 -> v6: text typography and hyphenation added"
    headline = loaded.template.layer("headline").props
    assert headline.typography == "auto" and headline.hyphenate is False  # type: ignore[union-attr]
    assert headline.uppercase and headline.letter_spacing == 0.04  # type: ignore[union-attr]
    assert loaded.template.layer("qr").props.utm.campaign == "june"  # type: ignore[union-attr]
    data = json.loads(dump_template(loaded.template))
    data["layers"][1]["props"].update(typography="off", hyphenate=True)
    path = tmp_path / "v7.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = load_template(path)
    assert again.migrations == ()
    props = again.template.layer("headline").props
    assert (props.typography, props.hyphenate) == ("off", True)  # type: ignore[union-attr]


def test_a_typography_the_format_does_not_know_is_refused(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v5.expected.json").read_text(encoding="utf-8"))
    data["layers"][1]["props"]["typography"] = "fr"
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_template(path)
    assert "$.layers[1].props.typography" in str(caught.value)


def test_layers_copied_by_a_v5_build_paste_with_auto_typography() -> None:
    """The clipboard envelope keeps its version 1: its template is migrated like a file."""
    template = json.loads((FIXTURES / "v5.json").read_text(encoding="utf-8"))
    copied = parse_layers(json.dumps({"format": "brandstudio.layers", "version": 1,
                                      "folder": None, "template": template}))  # fmt: skip
    props = copied.template.layer("headline").props
    assert (props.typography, props.hyphenate) == ("auto", False)  # type: ignore[union-attr]


def test_v6_link_slots_load_untagged_and_v7_slots_keep_their_tags(tmp_path: Path) -> None:
    loaded = load_template(FIXTURES / "v6.json")
    assert loaded.migrations[0] == "v6 -> v7: UTM tags on link slots added"
    assert all(slot.utm is None for slot in loaded.template.slots.values())
    data = json.loads(dump_template(loaded.template))
    data["slots"]["qr_url"]["utm"] = {"campaign": "june", "medium": None, "content": "qr"}
    path = tmp_path / "v7.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = load_template(path)
    assert again.migrations == ()
    utm = again.template.slots["qr_url"].utm
    assert utm is not None and (utm.campaign, utm.medium, utm.content) == ("june", None, "qr")


def test_utm_tags_on_a_text_slot_are_refused(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v6.expected.json").read_text(encoding="utf-8"))
    data["slots"]["headline"]["utm"] = {"campaign": "june"}
    path = tmp_path / "text-utm.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_template(path)
    assert "$.slots.headline.utm" in str(caught.value)
    assert "only a url slot" in str(caught.value)


def test_v7_templates_are_single_images_with_layers_across_the_canvas() -> None:
    loaded = load_template(FIXTURES / "v7.json")
    assert loaded.migrations == ("v7 -> v8: carousel slides added",)
    assert loaded.template.slides == 1
    assert all(layer.slide is None for layer in loaded.template.layers)
    assert loaded.template.slots["qr_url"].utm.campaign == "june"  # type: ignore[union-attr]


def test_a_layer_on_a_slide_the_template_lacks_is_refused(tmp_path: Path) -> None:
    data = json.loads((FIXTURES / "v7.expected.json").read_text(encoding="utf-8"))
    data["slides"] = 3
    data["layers"][0]["slide"] = "each-but-last"
    data["layers"][1]["slide"] = 4
    path = tmp_path / "slides.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_template(path)
    assert "$.layers[1].slide" in str(caught.value) and "has 3" in str(caught.value)
    data["layers"][1]["slide"] = 3
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    template = load_template(path).template
    assert (template.slides, template.layers[0].slide, template.layers[1].slide) == (
        3,
        "each-but-last",
        3,
    )
