"""Compiles every translation catalogue, locale/*/LC_MESSAGES/django.po, to the django.mo that
Django reads, in pure Python (polib), so no machine needs GNU gettext's msgfmt.

    .venv/bin/python scripts/compile_messages.py

`make install` runs it, and the i18n tests run it when a catalogue has no .mo yet. The .mo files
are built, never committed (.gitignore).

To bring the Welsh catalogue up to date with the strings in the code and templates (this needs
GNU gettext's xgettext: apt-get install gettext), then translate the new empty msgstr entries
and compile again:

    .venv/bin/python manage.py makemessages -l cy --ignore=.venv
    .venv/bin/python scripts/compile_messages.py
"""

import os
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def catalogues(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    return sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))


def compile_catalogue(po_path: Path) -> Path:
    """Writes the .mo beside the .po. Entries marked fuzzy or obsolete are left out, as msgfmt
    leaves them out: an unchecked translation is worse than the English."""
    mo_path = po_path.with_suffix(".mo")
    # Written aside then moved into place, so that a test process reading the catalogue while
    # another compiles it never sees half a file.
    partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.partial")
    polib.pofile(str(po_path)).save_as_mofile(str(partial))
    os.replace(partial, mo_path)
    return mo_path


def compile_all(locale_dir: Path = LOCALE_DIR, *, only_missing: bool = False) -> list[Path]:
    """Compiles each catalogue (with only_missing, only those with no .mo or an older one)."""
    compiled = []
    for po_path in catalogues(locale_dir):
        mo_path = po_path.with_suffix(".mo")
        if only_missing and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        compiled.append(compile_catalogue(po_path))
    return compiled


def main() -> int:
    for mo_path in compile_all():
        print(f"Compiled {mo_path.relative_to(LOCALE_DIR.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
