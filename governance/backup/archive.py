"""The archive's format, shared by export and restore: a zip holding

manifest.json                         format and version, the partnership, when, the
                                      migrations applied per app, and what is in it
records/NNN-<app>.<model>.json        the records, Django's serialized JSON, one file per
                                      model in the order they load
history/NNN-<app>.<model>.json        their django-simple-history rows, the same way
files/<name>                          each file a record names, under its storage name
"""

import datetime
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "partnership-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES = "files/"


class RestoreError(Exception):
    """The archive cannot be restored here; the message says why, for the person restoring."""


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to the millisecond; a backup keeps the microseconds, or a
    restored row would differ from its history by a fraction of a second."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


def migration_state() -> dict:
    """{app label: [migration names applied]}, what the installation's tables are shaped by."""
    state: dict = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        state.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(state.items())}


def member_name(kind: str, position: int, model) -> str:
    return f"{kind}/{position:03d}-{model._meta.label_lower}.json"


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise RestoreError(_("This is not a partnership backup: it has no manifest.json.")) from None
    except (ValueError, UnicodeDecodeError):
        raise RestoreError(_("This is not a partnership backup: its manifest.json cannot be read.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise RestoreError(_("This is not a partnership backup: its manifest is of another kind."))
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise RestoreError(
            _("This backup is in format %(version)s; this installation restores format %(expected)s only.")
            % {"version": version, "expected": FORMAT_VERSION}
        )
    for key in ("partnership", "migrations", "records", "history", "files"):
        if key not in manifest:
            raise RestoreError(_("This backup is damaged: its manifest has no “%(key)s”.") % {"key": key})
    return manifest


def open_archive(path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise RestoreError(_("There is no file at %(path)s.") % {"path": path}) from None
    except (zipfile.BadZipFile, OSError):
        raise RestoreError(
            _("This is not a partnership backup: %(path)s is not a zip file.") % {"path": path}
        ) from None
