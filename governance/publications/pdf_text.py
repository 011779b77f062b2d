"""The words of an uploaded PDF paper, for the search index. A file that cannot be read (not
really a PDF, encrypted, damaged, gone from the disk) adds nothing rather than stopping the sync."""

import logging

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # a long report is still searchable; a book-length annex does not bloat the index


def pdf_text(field_file) -> str:
    """The text of every page of the file, or "" when it cannot be read."""
    try:
        with field_file.open("rb") as stream:
            reader = PdfReader(stream)
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception:  # noqa: BLE001 - pypdf raises many kinds; any unreadable file is skipped
        logger.warning("Could not read the text of %s for the search index", field_file.name, exc_info=True)
        return ""
    return text[:MAX_CHARS]
