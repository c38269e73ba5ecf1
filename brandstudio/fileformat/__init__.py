"""JSON files <-> model values: versioned, migrated, validated; errors name the JSON path."""

from brandstudio.fileformat.errors import FormatError, Problem
from brandstudio.fileformat.template_io import (
    LoadedTemplate,
    dump_template,
    load_template,
    parse_template,
    save_template,
    template_from_data,
    template_to_data,
)

__all__ = [
    "FormatError",
    "LoadedTemplate",
    "Problem",
    "dump_template",
    "load_template",
    "parse_template",
    "save_template",
    "template_from_data",
    "template_to_data",
]
