"""Small real documents for the paper and pack tests: a PDF with words in it, minimal DOCX,
XLSX and ODT files, and impostors (text named .pdf, a program named .docx, a ZIP of photos)."""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from weasyprint import HTML

from meetings.uploads import DOCX_MAIN, ODT_MIMETYPE, XLSX_MAIN


def pdf_bytes(text: str, pages: int = 1) -> bytes:
    body = "".join(f'<p style="break-before: page">{text}, page {n}</p>' for n in range(1, pages + 1))
    return HTML(string=f"<html lang='en'><body>{body}</body></html>").write_pdf()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<Types><Override PartName="/word/document.xml" ContentType="'
            + DOCX_MAIN
            + b'"/></Types>',
            "word/document.xml": b"<w:document><w:body><w:p>Strategic assessment</w:p></w:body></w:document>",
        }
    )


def xlsx_bytes() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<Types><Override PartName="/xl/workbook.xml" ContentType="'
            + XLSX_MAIN
            + b'"/></Types>',
            "xl/workbook.xml": b"<workbook><sheets/></workbook>",
        }
    )


def odt_bytes() -> bytes:
    return _zip({"mimetype": ODT_MIMETYPE, "content.xml": b"<office:document-content/>"})


def photos_zip_bytes() -> bytes:
    return _zip({"photo-1.jpg": b"\xff\xd8\xff\xe0 not much of a photo", "readme.txt": b"holiday snaps"})


EXE_BYTES = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode."
)


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


COVER_SHEET = {
    "title": "Meeting the new Partnership Standards",
    "prepared_by": "Jamie O'Reilly",
    "presenting": "Community Safety Manager",
    "leading_partners": "All",
    "summary": "A brief outline of the new guide to Delivering Effective Community Safety Partnerships.",
    "recommendations": "That the Board endorses the proposed action plans.",
    "financial_hr_implications": "None",
    "equality_implications": "None",
    "purpose": "decision",
}
