"""Tables: CSV and XLSX files read as rows of text, each value as the spreadsheet shows it.

A floor of its own under the jobs that read spreadsheets (data merge today; contest entries
and content plans next). It imports nothing from the rest of Brandstudio, and treats every
file as hostile: size caps, zip-bomb and DOCTYPE refusal, strict CSV quoting.

Modules, by job (each imports only those listed after it):

- ``read``: ``read_table`` and ``system_locale``, the entry; it picks the reader by extension.
- ``xlsx_reader``: a workbook's sheet as rows, cells formatted; ``sheet_names``.
- ``xlsx_zip``: the zip checked before openpyxl opens it (sizes, ratios, DOCTYPE).
- ``numformat``: Excel number formats, dates and times as text (``format_cell``).
- ``locales``: the regional settings (separators, month and day names, date formats).
- ``csv_reader``: CSV/TSV as rows (decoding, delimiter, strict quoting).
- ``files``: the file's bytes, only from a regular file under the size cap; what a wrong file is.
- ``grid``: a file's non-empty rows built into a table in one pass (header, names, checks).
- ``row_store``: a table's rows, past the first few thousand in a temporary file.
- ``rows``: ``Row``, ``Table``, ``TableError``, the shared limits, small helpers.
"""

from brandstudio.tables.read import read_table, system_locale
from brandstudio.tables.rows import Row, Table, TableError
from brandstudio.tables.xlsx_reader import XLSX_SUFFIXES, sheet_names

__all__ = [
    "XLSX_SUFFIXES",
    "Row",
    "Table",
    "TableError",
    "read_table",
    "sheet_names",
    "system_locale",
]
