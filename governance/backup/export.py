"""Writes one partnership's backup: its records, their history and their files, in one zip
(the format is in archive.py)."""

import hashlib
import io
import json
import os
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.contrib.auth.hashers import make_password
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
from governance.backup.selection import select_with_authors

GRANTS = ("groups", "user_permissions")  # a user's many-to-many fields that grant rights


def export_partnership(*, partnership, path, now=None) -> dict:
    """Writes the backup of `partnership` to `path` (replacing a file there only once the new
    one is whole) and returns its manifest."""
    now = now or timezone.now()
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        # Readable by its owner only, from the first byte: it holds password hashes and
        # confidential records. (fchmod too: a .partial left by a crash keeps its old mode.)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)
        with (
            os.fdopen(descriptor, "wb") as target,
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            _one_snapshot(),
        ):
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
    rows, authors_only = select_with_authors(partnership)
    for model, queryset in rows.items():
        kind = "history" if model in history_models else "records"
        name = member_name(kind, len(manifest[kind]) + 1, model)
        count = _serialize(archive, name, model, queryset, authors_only)
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


def _serialize(archive, name, model, queryset, authors_only) -> int:
    from django.contrib.auth import get_user_model

    count = 0
    is_user = model is get_user_model()
    # No groups or permissions: rights are granted by the installation restored into.
    fields = [f.attname for f in [*model._meta.fields, *model._meta.many_to_many] if f.name not in GRANTS]

    def counted(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield without_privileges(row, author_only=row.pk in authors_only) if is_user else row

    with archive.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8") as stream:
        serializers.serialize(
            "json",
            counted(queryset.iterator(chunk_size=500)),
            stream=stream,
            fields=fields if is_user else None,
            cls=ExactJSONEncoder,
        )
    return count


def without_privileges(user, *, author_only: bool):
    """The user as a backup carries them: never staff or superuser (the installation's
    administrators stay its own), and, when they are in it only as the author of a change,
    unable to sign in at all."""
    user.is_staff = user.is_superuser = False
    if author_only:
        user.password = make_password(None)
        user.is_active = False
    return user


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
