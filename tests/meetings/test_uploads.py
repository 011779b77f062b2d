"""An uploaded paper's kind is judged by its content, never its name; its name is made safe."""

import io
import zipfile

import pytest

from meetings import uploads
from meetings.uploads import ODT_MIMETYPE
from partnership.errors import RuleBroken
from tests.meetings.papers_support import (
    EXE_BYTES,
    _zip,
    docx_bytes,
    odt_bytes,
    pdf_bytes,
    photos_zip_bytes,
    upload,
    xlsx_bytes,
)

LIMIT = 1024 * 1024


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("paper.pdf", lambda: pdf_bytes("Hello"), uploads.PDF),
        ("paper.docx", docx_bytes, uploads.DOCX),
        ("figures.xlsx", xlsx_bytes, uploads.XLSX),
        ("paper.odt", odt_bytes, uploads.ODT),
        ("no extension at all", docx_bytes, uploads.DOCX),
    ],
)
def test_each_kind_is_known_by_its_content(name, make, kind):
    assert uploads.check_upload(upload(name, make()), max_bytes=LIMIT) == kind


def test_a_text_file_named_pdf_is_refused():
    with pytest.raises(RuleBroken) as refusal:
        uploads.check_upload(upload("report.pdf", b"Just some words, not a PDF."), max_bytes=LIMIT)
    assert refusal.value.field == "file"
    assert refusal.value.message == (
        "The selected file “report.pdf” must be a PDF, DOCX, XLSX or ODT (a PDF, a Word document, an Excel "
        "workbook or an OpenDocument text). Files are checked by what they contain, not by their name."
    )


def test_a_program_named_docx_is_refused():
    with pytest.raises(RuleBroken, match="“setup.docx” must be a PDF, DOCX, XLSX or ODT"):
        uploads.check_upload(upload("setup.docx", EXE_BYTES), max_bytes=LIMIT)


def test_a_zip_that_is_no_document_is_refused():
    with pytest.raises(RuleBroken, match="“photos.docx” must be a PDF, DOCX, XLSX or ODT"):
        uploads.check_upload(upload("photos.docx", photos_zip_bytes()), max_bytes=LIMIT)


def test_a_macro_enabled_document_is_refused():
    buffer = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"code")
    with pytest.raises(RuleBroken, match="must be a PDF, DOCX, XLSX or ODT"):
        uploads.check_upload(upload("minutes.docx", buffer.getvalue()), max_bytes=LIMIT)


def test_a_damaged_zip_is_refused():
    with pytest.raises(RuleBroken, match="must be a PDF, DOCX, XLSX or ODT"):
        uploads.check_upload(upload("broken.xlsx", b"PK\x03\x04" + b"\x00" * 40), max_bytes=LIMIT)


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(RuleBroken) as refusal:
        uploads.check_upload(upload("big.pdf", pdf_bytes("Big") + b"\x00" * (2 * LIMIT)), max_bytes=LIMIT)
    assert refusal.value.message == "The selected file “big.pdf” is 2 MB: it must be 1 MB or smaller."


def test_an_empty_file_is_refused():
    with pytest.raises(RuleBroken, match="The selected file “empty.pdf” is empty."):
        uploads.check_upload(upload("empty.pdf", b""), max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("given", "kind", "safe"),
    [
        ("Strategic assessment 2027.pdf", uploads.PDF, "Strategic assessment 2027.pdf"),
        ("../../etc/passwd.pdf", uploads.PDF, "passwd.pdf"),
        ("C:\\Users\\jamie\\Board paper.docx", uploads.DOCX, "Board paper.docx"),
        ("report.pdf", uploads.DOCX, "report.docx"),
        ('<script>"x"</script>.odt', uploads.ODT, "script.odt"),
        ('Q3 "final" <draft>?.odt', uploads.ODT, "Q3 -final- -draft.odt"),
        ("\x00\x07.pdf", uploads.PDF, "paper.pdf"),
        ("", uploads.PDF, "paper.pdf"),
    ],
)
def test_names_are_made_safe_with_the_extension_of_the_content(given, kind, safe):
    assert uploads.safe_name(given, kind) == safe


def test_an_opendocument_file_with_macros_is_refused():
    with_macros = _zip(
        {"mimetype": ODT_MIMETYPE, "content.xml": b"<office:document-content/>", "Basic/Standard/Module1.xml": b"x"}
    )
    with pytest.raises(RuleBroken, match="must be a PDF, DOCX, XLSX or ODT"):
        uploads.check_upload(upload("minutes.odt", with_macros), max_bytes=LIMIT)
