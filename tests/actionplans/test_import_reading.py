"""Reading an uploaded file (actionplans/importing/reading.py): CSV in its usual encodings, the
first sheet of an XLSX, and anything else refused whole."""

import datetime
import io
import zipfile

import openpyxl
import pytest

from actionplans.importing import reading
from actionplans.importing.reading import read_rows
from partnership.errors import RuleBroken


def xlsx(*rows, sheets=None) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    for title, sheet_rows in (sheets or {}).items():
        sheet = workbook.create_sheet(title)
        for row in sheet_rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusal(data: bytes) -> RuleBroken:
    with pytest.raises(RuleBroken) as caught:
        read_rows(data)
    assert caught.value.field == "file"
    return caught.value


def test_a_utf8_csv_is_read_with_its_cells_stripped():
    assert read_rows("Issue,Action\n Review induction ,Déjà vu\n".encode()) == [
        ["Issue", "Action"],
        ["Review induction", "Déjà vu"],
    ]


def test_a_csv_saved_by_excel_with_a_byte_order_mark_is_read():
    assert read_rows("Issue,When\nA,April 2007\n".encode("utf-8-sig"))[0] == ["Issue", "When"]


def test_a_cp1252_csv_is_read():
    data = "Issue,Who\nThe Council’s stance – gifts,MO\n".encode("cp1252")
    assert read_rows(data)[1] == ["The Council’s stance – gifts", "MO"]


def test_a_semicolon_csv_is_read():
    assert read_rows(b"Issue;Action\nA;B\n") == [["Issue", "Action"], ["A", "B"]]


def test_quoted_cells_keep_their_commas_and_lines():
    assert read_rows(b'Issue,Action\n"One, two","line\nbreak"\n')[1] == ["One, two", "line\nbreak"]


def test_an_xlsx_is_read_from_its_first_sheet_only():
    data = xlsx(["Issue", "Action"], ["A", "B"], sheets={"Other": [["Not", "this"]]})
    assert read_rows(data) == [["Issue", "Action"], ["A", "B"]]


def test_xlsx_values_become_text_dates_as_iso_and_whole_numbers_without_a_point():
    rows = read_rows(xlsx(["Issue", "When", "No.", "Score"], ["A", datetime.datetime(2007, 4, 30), 3, 2.5]))
    assert rows[1] == ["A", "2007-04-30", "3", "2.5"]


def test_formulas_are_not_worked_out():
    rows = read_rows(xlsx(["Issue", "Action"], ["A", "=1+1"]))
    # openpyxl wrote no cached value, and data_only reads the cached value: the formula never runs.
    assert rows[1] == ["A", ""]


def test_an_empty_file_is_refused():
    assert refusal(b"").message == "The file is empty."


@pytest.mark.parametrize("data", [b"\n\n", b" , ,\n,,\n", "\ufeff".encode()])
def test_a_file_of_blank_rows_is_refused(data):
    assert refusal(data).message == "The file has no rows."


def test_an_xlsx_with_nothing_in_it_is_refused():
    assert refusal(xlsx()).message == "The file has no rows."


def test_a_pdf_is_refused_whole():
    assert "is a PDF, not a spreadsheet" in refusal(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n").message


def test_a_png_is_refused_whole():
    assert "is a picture" in refusal(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").message


def test_an_old_excel_file_is_refused_with_what_to_do():
    assert "Save it as an Excel workbook (.xlsx)" in refusal(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100).message


def test_binary_bytes_are_refused_as_not_a_spreadsheet():
    assert refusal(b"Issue,Action\n\x00\x01\x02\x03").message == reading.NOT_A_SPREADSHEET


def test_bytes_that_are_no_text_in_any_encoding_are_refused(monkeypatch):
    monkeypatch.setattr(reading, "CSV_ENCODINGS", ("utf-8",))
    assert refusal(b"Issue\n\xff\xfe\xfa").message == reading.NOT_A_SPREADSHEET


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert refusal(buffer.getvalue()).message == reading.NOT_A_SPREADSHEET


def test_a_broken_zip_is_refused():
    assert refusal(b"PK\x03\x04 this is not really a zip").message == reading.NOT_A_SPREADSHEET


def test_a_damaged_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "not xml at all")
    assert "could not be read" in refusal(buffer.getvalue()).message


def test_a_workbook_that_unpacks_too_large_is_refused_unread(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNZIPPED_BYTES", 100)
    assert refusal(xlsx(["Issue"], ["A"])).message == "The workbook is too large to read."


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_BYTES", 10)
    assert refusal(b"Issue,Action\nA,B\n").message.startswith("The file is larger than")


@pytest.mark.parametrize("make", [lambda rows: "\n".join(rows).encode(), lambda rows: xlsx(*[[r] for r in rows])])
def test_a_file_over_the_row_limit_is_refused(monkeypatch, make):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    assert "more than 3 rows" in refusal(make(["Issue", "a", "b", "c"])).message
    assert read_rows(make(["Issue", "a", "b"]))  # three are allowed


def test_a_malformed_csv_is_refused():
    assert refusal(b'Issue,Action\n"A,B\nxx').message.startswith("The CSV file could not be read")
