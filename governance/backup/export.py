"""Writes one partnership's backup: its records, their history and their files, in one zip
(the format is in archive.py)."""

import hashlib
import io
import json
import os
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.core import serializers
from django.db import connection, transaction
from django.utils import timezone

from governance.backup.archive import (
    FILES,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    ExactJSONEncoder,
    member_name,
    migration_state,
)
from governance.backup.files import named_files
from governance.backup.scope import scope
from governance.backup.selection import select


def export_partnership(*, partnership, path, now=None) -> dict:
    """Writes the backup of `partnership` to `path` (replacing a file there only once the new
    one is whole) and returns its manifest."""
    now = now or timezone.now()
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive, _one_snapshot():
            manifest = _write(archive, partnership, now)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _write(archive: zipfile.ZipFile, partnership, now) -> dict:
    history_models = set(scope().history) | set(scope().m2m_history)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": now.isoformat(),
        "partnership": {"slug": partnership.slug, "name": partnership.name, "pk": partnership.pk},
        "migrations": migration_state(),
        "records": [],
        "history": [],
        "files": [],
        "missing_files": [],
        "counts": {},
    }
    files = {}
    for model, queryset in select(partnership).items():
        kind = "history" if model in history_models else "records"
        name = member_name(kind, len(manifest[kind]) + 1, model)
        count = _serialize(archive, name, model, queryset)
        manifest[kind].append({"model": model._meta.label_lower, "file": name, "count": count})
        manifest["counts"][model._meta.label_lower] = count
        if kind == "records":
            for storage, file_name in named_files(model, queryset):
                files[file_name] = storage
    for file_name, storage in sorted(files.items()):
        if not storage.exists(file_name):
            manifest["missing_files"].append(file_name)
            continue
        manifest["files"].append(_copy_file(archive, storage, file_name))
    archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    return manifest


def _serialize(archive, name, model, queryset) -> int:
    from django.contrib.auth import get_user_model

    count = 0

    def counted(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield row

    with archive.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
        serializers.serialize(
            "json",
            counted(queryset.iterator(chunk_size=500)),
            stream=stream,
            # A user's groups and permissions by name: their keys differ between installations.
            use_natural_foreign_keys=model is get_user_model(),
            cls=ExactJSONEncoder,
        )
    return count


def _copy_file(archive, storage, name) -> dict:
    digest = hashlib.sha256()
    size = 0
    with storage.open(name, "rb") as source, archive.open(FILES + name, "w", force_zip64=True) as target:
        for chunk in iter(lambda: source.read(1024 * 1024), b""):
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    return {"name": name, "size": size, "sha256": digest.hexdigest()}


@contextmanager
def _one_snapshot():
    """One transaction, and on PostgreSQL one snapshot, for every read: the records, their
    history and their keys agree even while people keep working."""
    fresh = not connection.in_atomic_block
    with transaction.atomic():
        if fresh and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield
