"""Restores one partnership's backup into an installation that does not have it: every check
first, then the records and their history in one transaction, then the files."""

import hashlib
import io
import logging
from dataclasses import dataclass, field

from django.core import serializers
from django.core.files import File
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DataError, IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from governance.backup.archive import FILES, RestoreError, migration_state, open_archive, read_manifest
from governance.backup.files import names_in_records
from governance.backup.scope import scope
from partnership.models import Partnership

CHUNK = 500

logger = logging.getLogger(__name__)


@dataclass
class Restored:
    slug: str
    counts: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)  # usernames restored, none staff or superuser
    files_written: list = field(default_factory=list)
    files_already_there: list = field(default_factory=list)
    files_failed: list = field(default_factory=list)


def restore_partnership(*, path) -> Restored:
    """Restores the backup at `path`, or raises RestoreError having written nothing."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        _check_whole(archive)
        _check_migrations(manifest)
        slug = manifest["partnership"].get("slug")
        if Partnership.objects.filter(slug=slug).exists():
            raise RestoreError(
                _("This installation already has the partnership “%(slug)s”: restore it only where it is not.")
                % {"slug": slug}
            )
        loaded = _read_rows(archive, manifest)
        accounts = _without_privileges(loaded)
        _check_nothing_there(loaded)
        files = _files_to_write(archive, manifest, loaded)
        restored = Restored(
            slug=slug, counts={m._meta.label_lower: len(objs) for m, objs in loaded.items()}, accounts=accounts
        )
        _load(loaded)
        # Files after the records are committed: a failed load leaves no file behind, and a
        # file that fails now is named in the command's answer, to copy by hand.
        for name, member, storage in files:
            if member is None:
                restored.files_already_there.append(name)
                continue
            try:
                with archive.open(member) as content:
                    saved = storage.save(name, File(content, name=name))
            except Exception:  # noqa: BLE001 - the records are in; every other file is still written
                logger.exception("Restoring %s: the file %s could not be written", slug, name)
                restored.files_failed.append(name)
                continue
            if saved != name:  # written meanwhile by someone else: ours went beside it
                restored.files_failed.append(name)
            else:
                restored.files_written.append(name)
    return restored


def _check_whole(archive) -> None:
    try:
        damaged = archive.testzip()
    except Exception:  # noqa: BLE001 - any failure to read the zip means the same to the reader
        damaged = "?"
    if damaged:
        raise RestoreError(_("This backup is damaged: %(name)s cannot be read.") % {"name": damaged})


def _check_migrations(manifest) -> None:
    here = migration_state()
    there = manifest["migrations"]
    differ = sorted(app for app in set(here) | set(there) if here.get(app) != there.get(app))
    if differ:
        raise RestoreError(
            _(
                "This backup was made by an installation whose database was migrated differently "
                "(%(apps)s): migrate both to the same release, then restore."
            )
            % {"apps": ", ".join(differ)}
        )


def _read_rows(archive, manifest) -> dict:
    s = scope()
    allowed = {m._meta.label_lower: m for m in [*s.records, *s.histories]}
    loaded = {}
    for entry in [*manifest["records"], *manifest["history"]]:
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise RestoreError(_("This backup is damaged: its manifest lists records it does not name."))
        model = allowed.get(entry.get("model"))
        if model is None:
            raise RestoreError(
                _("This backup holds %(model)s, which a partnership's backup never holds.")
                % {"model": entry.get("model")}
            )
        try:
            with archive.open(entry["file"]) as raw:
                objects = list(serializers.deserialize("json", io.TextIOWrapper(raw, encoding="utf-8")))
        except KeyError:
            raise RestoreError(_("This backup is damaged: %(name)s is missing.") % {"name": entry["file"]}) from None
        except DeserializationError as error:
            raise RestoreError(
                _("This backup is damaged: %(name)s cannot be read (%(error)s).")
                % {"name": entry["file"], "error": error}
            ) from None
        wrong = any(type(obj.object) is not model for obj in objects) or len(objects) != entry.get("count")
        if wrong or model in loaded:
            raise RestoreError(
                _("This backup is damaged: %(name)s does not hold what its manifest says.") % {"name": entry["file"]}
            )
        loaded[model] = objects
    return loaded


def _without_privileges(loaded) -> list:
    """Every restored login loses staff, superuser, groups and permissions whatever the archive
    says (an archive edited by hand must not plant an administrator): the installation
    restored into grants rights. Returns their usernames, for staff to re-grant."""
    from django.contrib.auth import get_user_model

    users = loaded.get(get_user_model(), [])
    for obj in users:
        obj.object.is_staff = obj.object.is_superuser = False
        obj.m2m_data.pop("groups", None)
        obj.m2m_data.pop("user_permissions", None)
    return sorted(obj.object.get_username() for obj in users)


def _check_nothing_there(loaded) -> None:
    """Refuses when any row the archive would write is there already: by its key, or by a
    value that must be unique (a username)."""
    clashes = []
    for model, objects in loaded.items():
        unique = [f for f in model._meta.concrete_fields if f.unique]
        for f in unique:
            values = [getattr(obj.object, f.attname) for obj in objects]
            values = [v for v in values if v not in (None, "")]
            taken = []
            for start in range(0, len(values), CHUNK):
                chunk = values[start : start + CHUNK]
                taken += model._default_manager.filter(**{f"{f.attname}__in": chunk}).values_list(f.attname, flat=True)
            if taken:
                shown = ", ".join(str(v) for v in sorted(taken)[:5]) + ("…" if len(taken) > 5 else "")
                clashes.append(f"{model._meta.verbose_name_plural} with {f.name} {shown}")
    if clashes:
        raise RestoreError(
            _(
                "This installation already has rows this backup would write: %(clashes)s. "
                "Restore into an installation without them."
            )
            % {"clashes": "; ".join(clashes)}
        )


def _files_to_write(archive, manifest, loaded) -> list:
    """(name, zip member or None when the same file is there already, storage) per file."""
    named = names_in_records({model: [obj.object for obj in objs] for model, objs in loaded.items()})
    members = set(archive.namelist())
    planned = []
    for entry in manifest["files"]:
        name = entry.get("name")
        member = FILES + str(name)
        if name not in named or member not in members:
            raise RestoreError(
                _("This backup is damaged: the file %(name)s is not named by its records.") % {"name": name}
            )
        storage = named[name]
        if storage.exists(name):
            if _sha256(storage, name) != entry.get("sha256"):
                raise RestoreError(
                    _("This installation already has a different file named %(name)s: restore into an empty storage.")
                    % {"name": name}
                )
            planned.append((name, None, storage))
        else:
            planned.append((name, member, storage))
    return planned


def _sha256(storage, name) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as content:
        for chunk in iter(lambda: content.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _load(loaded) -> None:
    models = list(loaded)
    try:
        with transaction.atomic():
            for model, objects in loaded.items():
                # bulk_create sends no signals: the history is restored as it was, not added to.
                model._default_manager.bulk_create([obj.object for obj in objects], batch_size=CHUNK)
                _load_many_to_many(model, objects)
            tables = [m._meta.db_table for m in models]
            tables += [f.remote_field.through._meta.db_table for m in models for f in m._meta.many_to_many]
            connection.check_constraints(table_names=tables)
            # New rows must not take a restored row's key (PostgreSQL's sequences; nothing on SQLite).
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(statement)
    except (IntegrityError, DataError) as error:  # a database that is down is not the backup's fault
        raise RestoreError(
            _("This backup's records do not fit this installation, and nothing was restored: %(error)s")
            % {"error": error}
        ) from None


def _load_many_to_many(model, objects) -> None:
    for m2m in model._meta.many_to_many:
        through = m2m.remote_field.through
        source, target = f"{m2m.m2m_field_name()}_id", f"{m2m.m2m_reverse_field_name()}_id"
        rows = [
            through(**{source: obj.object.pk, target: key}) for obj in objects for key in obj.m2m_data.get(m2m.name, [])
        ]
        through._default_manager.bulk_create(rows, batch_size=CHUNK)
