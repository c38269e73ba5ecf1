"""Labels in the user's language: the translation, else the template's own label, else the id;
renames edit the label that is shown; deleting and duplicating layers keep translations valid."""

from __future__ import annotations

import dataclasses

from brandstudio.fileformat import dump_template, parse_template
from brandstudio.model import Slot, Template, TextLayer, Translation
from brandstudio.model.edits import delete_layers, duplicate_layer
from brandstudio.model.labels import (
    layer_name_shown,
    layer_title,
    rename_layer,
    slot_label,
    template_title,
    translation_for,
)
from brandstudio.model.layers import TextProps

TEMPLATE = Template(
    name="Contest",
    slots={
        "headline": Slot(type="text", label="Headline"),
        "details": Slot(type="text", label="Details"),
        "price": Slot(type="text"),
    },
    layers=(
        TextLayer(id="headline", name="Headline", props=TextProps(slot="headline")),
        TextLayer(id="details", name="Details", props=TextProps(slot="details")),
        TextLayer(id="price", props=TextProps(slot="price")),
    ),
    translations={
        "ru": Translation(
            name="Конкурс",
            slots={"headline": "Заголовок", "details": ""},
            layers={"headline": "Заголовок"},
        ),
        "pt-BR": Translation(layers={"details": "Detalhes"}),
    },
)
HEADLINE, DETAILS, PRICE = TEMPLATE.layers


def test_the_translation_is_shown_for_its_language() -> None:
    assert template_title(TEMPLATE, "ru") == "Конкурс"
    assert slot_label(TEMPLATE, "headline", "ru") == "Заголовок"
    assert layer_title(TEMPLATE, HEADLINE, "ru") == "Заголовок"


def test_english_and_untranslated_languages_show_the_own_labels() -> None:
    for language in ("en", "de"):
        assert template_title(TEMPLATE, language) == "Contest"
        assert slot_label(TEMPLATE, "headline", language) == "Headline"
        assert layer_title(TEMPLATE, HEADLINE, language) == "Headline"


def test_missing_or_empty_translations_fall_back_to_the_label_then_the_id() -> None:
    assert slot_label(TEMPLATE, "details", "ru") == "Details"  # translated as ""
    assert layer_title(TEMPLATE, DETAILS, "ru") == "Details"  # not translated
    assert slot_label(TEMPLATE, "price", "ru") == "price"  # no label at all
    assert layer_title(TEMPLATE, PRICE, "ru") == "price"
    assert slot_label(TEMPLATE, "unknown", "ru") == "unknown"
    bare = dataclasses.replace(TEMPLATE, translations={"ru": Translation()})
    assert template_title(bare, "ru") == "Contest"


def test_a_language_finds_its_translation_with_or_without_a_region() -> None:
    assert translation_for(TEMPLATE, "ru_RU") is TEMPLATE.translations["ru"]
    assert translation_for(TEMPLATE, "ru-RU") is TEMPLATE.translations["ru"]
    assert layer_title(TEMPLATE, DETAILS, "pt_BR") == "Detalhes"
    assert translation_for(TEMPLATE, "pt") is None


def test_renaming_a_translated_layer_edits_its_translation() -> None:
    renamed = rename_layer(TEMPLATE, "headline", "Главное", "ru")
    assert renamed.layer("headline").name == "Headline"
    assert layer_title(renamed, renamed.layer("headline"), "ru") == "Главное"
    assert layer_name_shown(renamed, renamed.layer("headline"), "ru") == "Главное"


def test_renaming_to_nothing_removes_the_translation() -> None:
    renamed = rename_layer(TEMPLATE, "headline", "", "ru")
    assert "headline" not in renamed.translations["ru"].layers
    assert layer_title(renamed, renamed.layer("headline"), "ru") == "Headline"


def test_renaming_an_untranslated_layer_or_in_english_edits_its_own_name() -> None:
    renamed = rename_layer(TEMPLATE, "details", "Подробнее", "ru")
    assert renamed.layer("details").name == "Подробнее"
    assert renamed.translations == TEMPLATE.translations
    english = rename_layer(TEMPLATE, "headline", "Title", "en")
    assert english.layer("headline").name == "Title"
    assert layer_title(english, english.layer("headline"), "ru") == "Заголовок"
    assert layer_name_shown(TEMPLATE, PRICE, "ru") == ""


def test_deleting_a_layer_drops_its_translations() -> None:
    smaller = delete_layers(TEMPLATE, ["headline"])
    assert "headline" not in smaller.translations["ru"].layers
    assert parse_template(dump_template(smaller)) == smaller, "still a valid template"


def test_a_duplicate_keeps_the_translated_name() -> None:
    bigger, new_id = duplicate_layer(TEMPLATE, "headline")
    assert layer_title(bigger, bigger.layer(new_id), "ru") == "Заголовок"
    assert parse_template(dump_template(bigger)) == bigger


def test_a_new_name_drops_the_translated_names_only() -> None:
    from brandstudio.model.labels import renamed, slots_shown

    assert renamed(TEMPLATE, "Contest") is TEMPLATE
    mine = renamed(TEMPLATE, "Мой конкурс")
    assert template_title(mine, "ru") == "Мой конкурс"
    assert mine.translations["ru"].layers == TEMPLATE.translations["ru"].layers
    shown = slots_shown(TEMPLATE, "ru")
    assert [slot.label for slot in shown.values()] == ["Заголовок", "Details", "price"]
    assert shown["headline"].type == "text"
