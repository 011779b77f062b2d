"""A spreadsheet's rows as text: CSV or the first worksheet of an XLSX. Anything else is
refused whole, by what the bytes are rather than what the file is called."""

import csv
import datetime
import io
import zipfile

from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnership.errors import RuleBroken

MAX_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # a small XLSX that unpacks to gigabytes is refused unread
MAX_ROWS = 5000
CSV_ENCODINGS = ("utf-8-sig", "cp1252")  # utf-8-sig reads plain UTF-8 too

# Translated when the refusal is shown, in the language of the page (lazy).
ASK_FOR = gettext_lazy("Upload the plan as a CSV file or an Excel workbook (.xlsx).")
NOT_A_SPREADSHEET = format_lazy("{} {}", gettext_lazy("This file is not a spreadsheet."), ASK_FOR)
A_PICTURE = format_lazy("{} {}", gettext_lazy("This file is a picture, not a spreadsheet."), ASK_FOR)
KNOWN_OTHER_FILES = {
    b"%PDF": format_lazy("{} {}", gettext_lazy("This file is a PDF, not a spreadsheet."), ASK_FOR),
    b"\x89PNG": A_PICTURE,
    b"\xff\xd8\xff": A_PICTURE,
    b"GIF8": A_PICTURE,
    b"\xd0\xcf\x11\xe0": gettext_lazy(
        "This file is an old-style Word or Excel file. Save it as an Excel workbook (.xlsx) or a CSV file and "
        "upload that."
    ),
}


def read_rows(data: bytes) -> list[list[str]]:
    """Every row of the table as stripped text, blank cells as ""."""
    if not data:
        raise RuleBroken(_("The file is empty."), field="file")
    if len(data) > MAX_BYTES:
        raise RuleBroken(
            _("The file is larger than %(count)s MB.") % {"count": MAX_BYTES // (1024 * 1024)}, field="file"
        )
    for magic, message in KNOWN_OTHER_FILES.items():
        if data.startswith(magic):
            raise RuleBroken(message, field="file")
    rows = _read_xlsx(data) if data.startswith(b"PK") else _read_csv(data)
    if not any(any(row) for row in rows):
        raise RuleBroken(_("The file has no rows."), field="file")
    return rows


def _read_xlsx(data: bytes) -> list[list[str]]:
    import openpyxl  # only an XLSX upload pays for loading it

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise RuleBroken(NOT_A_SPREADSHEET, field="file") from error
    if "xl/workbook.xml" not in names:
        raise RuleBroken(NOT_A_SPREADSHEET, field="file")
    if unzipped > MAX_UNZIPPED_BYTES:
        raise RuleBroken(_("The workbook is too large to read."), field="file")
    try:
        # data_only: the values Excel last saved; formulas are never worked out here.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise RuleBroken(_("The workbook could not be read; it may be damaged."), field="file") from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            _check_row_count(len(rows) + 1)
            rows.append([_cell_text(value) for value in values])
        return rows
    finally:
        workbook.close()


def _read_csv(data: bytes) -> list[list[str]]:
    text = _decode(data)
    if any(ord(char) < 32 and char not in "\t\r\n" for char in text):
        raise RuleBroken(NOT_A_SPREADSHEET, field="file")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for values in csv.reader(io.StringIO(text, newline=""), dialect, strict=True):
            _check_row_count(len(rows) + 1)
            rows.append([value.strip() for value in values])
    except csv.Error as error:
        raise RuleBroken(_("The CSV file could not be read: %(error)s.") % {"error": error}, field="file") from error
    return rows


def _decode(data: bytes) -> str:
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RuleBroken(NOT_A_SPREADSHEET, field="file")


def _check_row_count(count: int) -> None:
    if count > MAX_ROWS:
        raise RuleBroken(
            _("The file has more than %(count)s rows; split the plan into smaller files.") % {"count": f"{MAX_ROWS:,}"},
            field="file",
        )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
