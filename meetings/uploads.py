"""What an uploaded paper is, judged by its content, never by its name or the browser's word.

A PDF starts with `%PDF-`. DOCX, XLSX and ODT are ZIP files, told apart by their members:
`word/document.xml`, `xl/workbook.xml`, and ODT's `mimetype` entry. Macro-enabled Office files
(DOCM, XLSM renamed) are refused: board papers never need code in them."""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from partnership.errors import RuleBroken

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
# Enough of a member to find what it says; a crafted ZIP never gets to unpack more than this.
MEMBER_READ_LIMIT = 1024 * 1024
NAME_LIMIT = 150


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str
    label: str


PDF = Kind("application/pdf", "pdf", "PDF")
DOCX = Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "DOCX")
XLSX = Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "XLSX")
ODT = Kind("application/vnd.oasis.opendocument.text", "odt", "ODT")
KINDS = (PDF, DOCX, XLSX, ODT)


def megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return _("%(count)s MB") % {"count": f"{size / (1024 * 1024):.0f}"}
    return _("%(count)s KB") % {"count": max(1, round(size / 1024))}


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        return member.read(MEMBER_READ_LIMIT)


def _office_kind(upload) -> Kind | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and _read_member(archive, "mimetype").strip() == ODT_MIMETYPE:
                # An OpenDocument file keeps its macros under Basic/ or Scripts/: refused, like .docm.
                if any(name.startswith(("Basic/", "Scripts/")) for name in names):
                    return None
                return ODT
            if "[Content_Types].xml" not in names or any(name.endswith("vbaProject.bin") for name in names):
                return None
            content_types = _read_member(archive, "[Content_Types].xml")
            if "word/document.xml" in names and DOCX_MAIN in content_types:
                return DOCX
            if "xl/workbook.xml" in names and XLSX_MAIN in content_types:
                return XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, RuntimeError, ValueError):
        return None  # a damaged or encrypted archive is no document we can accept
    return None


def detect(upload) -> Kind | None:
    """The kind of document the upload holds, or None when it is none we accept."""
    upload.seek(0)
    head = upload.read(len(ZIP_MAGIC) + len(PDF_MAGIC))
    upload.seek(0)
    if head.startswith(PDF_MAGIC):
        return PDF
    if head.startswith(ZIP_MAGIC):
        return _office_kind(upload)
    return None


def safe_name(name: str, kind: Kind) -> str:
    """The name people will see and download it as: no folders, no control or odd characters,
    and the extension of what the file really is."""
    name = unicodedata.normalize("NFKC", name or "").replace("\\", "/")
    stem = PurePosixPath(name).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = re.sub(r"[^\w\s().,'&+-]", "-", stem, flags=re.UNICODE)
    stem = re.sub(r"\s+", " ", stem).strip(" .-_") or "paper"
    return f"{stem[:NAME_LIMIT].rstrip(' .')}.{kind.extension}"


def shown_name(upload) -> str:
    """The upload's name as a message may quote it: no folders or control characters, not too long."""
    name = PurePosixPath((upload.name or "").replace("\\", "/")).name
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    return name[:80] or "file"


def check_upload(upload, *, max_bytes: int) -> Kind:
    """The upload's kind, or a RuleBroken saying what may be uploaded. Reads the file only."""
    name = shown_name(upload)
    if upload.size == 0:
        raise RuleBroken(_("The selected file “%(name)s” is empty.") % {"name": name}, field="file")
    if upload.size > max_bytes:
        raise RuleBroken(
            _("The selected file “%(name)s” is %(size)s: it must be %(limit)s or smaller.")
            % {"name": name, "size": megabytes(upload.size), "limit": megabytes(max_bytes)},
            field="file",
        )
    kind = detect(upload)
    if kind is None:
        raise RuleBroken(
            _(
                "The selected file “%(name)s” must be a PDF, DOCX, XLSX or ODT (a PDF, a Word document, an Excel "
                "workbook or an OpenDocument text). Files are checked by what they contain, not by their name."
            )
            % {"name": name},
            field="file",
        )
    return kind
