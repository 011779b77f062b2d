"""Bringing in the action plans partnerships already keep as CSV or XLSX tables: read the file,
match its headers, preview what would be created, then save it in one go."""

from .preview import ActionPreview, ImportPreview, RefusedRow, SectionPreview, preview_import
from .save import ImportResult, import_plan

__all__ = [
    "ActionPreview",
    "ImportPreview",
    "ImportResult",
    "RefusedRow",
    "SectionPreview",
    "import_plan",
    "preview_import",
]
