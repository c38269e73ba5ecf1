"""What a template, a slot and a layer are called in the user's language.

A template carries its human labels (its name, slot labels, layer names) in its own fields,
written in English by the starters, and in ``translations`` by language code. Every place
that shows one asks here: the translation for the language, else the label itself, else the
identifier, so nothing is ever shown blank. Renaming edits the label that is shown (see
``rename_layer``). Pure functions: the GUI passes its language code (``gui/i18n.py``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from brandstudio.model.layers import Layer
from brandstudio.model.template import Slot, Template, Translation


def translation_for(template: Template, language: str) -> Translation | None:
    """The template's translation for ``language`` (``"ru"``, ``"pt-BR"``, ``"ru_RU"``):
    the exact code first, then its language alone (``pt-BR`` -> ``pt``); None if none."""
    code = _translation_code(template, language)
    return template.translations[code] if code is not None else None


def template_title(template: Template, language: str) -> str:
    """The template's name in ``language``, else its own name."""
    translation = translation_for(template, language)
    return (translation.name if translation else "") or template.name


def slot_label(template: Template, slot: str, language: str) -> str:
    """A slot's label in ``language``, else its own label, else its name."""
    translation = translation_for(template, language)
    translated = translation.slots.get(slot, "") if translation else ""
    declared = template.slots.get(slot)
    return translated or (declared.label if declared else "") or slot


def layer_title(template: Template, layer: Layer, language: str) -> str:
    """A layer's name in ``language``, else its own name, else its id."""
    translation = translation_for(template, language)
    translated = translation.layers.get(layer.id, "") if translation else ""
    return translated or layer.name or layer.id


def layer_name_shown(template: Template, layer: Layer, language: str) -> str:
    """The editable text behind ``layer_title``: the translation when there is one, else the
    layer's own name (possibly empty, when the id is shown)."""
    translation = translation_for(template, language)
    translated = translation.layers.get(layer.id, "") if translation else ""
    return translated or layer.name


def rename_layer(template: Template, layer_id: str, name: str, language: str) -> Template:
    """Rename the label that is shown in ``language``: the layer's translation when it has
    one (an empty name removes it, and the layer's own name shows again), else its own name."""
    template.layer(layer_id)  # KeyError for an unknown layer
    code = _translation_code(template, language)
    translation = template.translations[code] if code is not None else None
    if code is None or translation is None or not translation.layers.get(layer_id):
        layers = tuple(
            dataclasses.replace(item, name=name) if item.id == layer_id else item
            for item in template.layers
        )
        return dataclasses.replace(template, layers=layers)
    names = {**translation.layers, layer_id: name}
    if not name:
        del names[layer_id]
    translations = {**template.translations, code: dataclasses.replace(translation, layers=names)}
    return dataclasses.replace(template, translations=translations)


def forget_layers(template: Template, layer_ids: Iterable[str]) -> Template:
    """The translations without the names of these layers (they are being deleted)."""
    gone = set(layer_ids)
    translations = {
        code: dataclasses.replace(translation, layers=_without(translation.layers, gone))
        for code, translation in template.translations.items()
    }
    return dataclasses.replace(template, translations=translations)


def copy_layer_names(template: Template, source_id: str, copy_id: str) -> Template:
    """Give layer ``copy_id`` the translated names of ``source_id`` (a duplicate)."""
    translations = {
        code: dataclasses.replace(
            translation, layers={**translation.layers, copy_id: translation.layers[source_id]}
        )
        if source_id in translation.layers
        else translation
        for code, translation in template.translations.items()
    }
    return dataclasses.replace(template, translations=translations)


def _without(names: Mapping[str, str], gone: set[str]) -> dict[str, str]:
    return {key: value for key, value in names.items() if key not in gone}


def _translation_code(template: Template, language: str) -> str | None:
    """The key of ``translation_for``'s answer in ``template.translations``."""
    code = language.replace("_", "-")
    if code in template.translations:
        return code
    short = code.split("-", 1)[0]
    return short if short in template.translations else None


def renamed(template: Template, name: str) -> Template:
    """The template called ``name``: its translated names are dropped when the name changes
    (they translated the old name); its slot and layer translations stay."""
    if name == template.name:
        return template
    translations = {
        code: dataclasses.replace(translation, name="")
        for code, translation in template.translations.items()
    }
    return dataclasses.replace(template, name=name, translations=translations)


def slots_shown(template: Template, language: str) -> dict[str, Slot]:
    """The template's slots with their labels in ``language`` (``slot_label``): for lists
    that show slots by label, never to save."""
    return {
        name: dataclasses.replace(slot, label=slot_label(template, name, language))
        for name, slot in template.slots.items()
    }
