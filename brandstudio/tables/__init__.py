"""Tables: CSV and XLSX files read as rows of text, each value as the spreadsheet shows it.

A floor of its own under the jobs that read spreadsheets (data merge today; contest entries
and content plans next). It imports nothing from the rest of Brandstudio, and treats every
file as hostile: size caps, zip-bomb and DOCTYPE refusal, strict CSV quoting.
"""

from brandstudio.tables.reader import (
    XLSX_SUFFIXES,
    Row,
    Table,
    TableError,
    read_table,
    sheet_names,
    system_locale,
)

__all__ = [
    "XLSX_SUFFIXES",
    "Row",
    "Table",
    "TableError",
    "read_table",
    "sheet_names",
    "system_locale",
]
