"""What the backup tests share: the demo backed up, flushed and restored once for a module (it
takes a minute to load), a small partnership with one paper file for the refusals, and a
snapshot of everything a backup holds, to compare before and after."""

import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from governance.backup.scope import scope
from governance.backup.selection import select
from meetings.models import Paper, PaperFile
from partnership.models import Partnership
from tests.conftest import TODAY
from tests.factories import AgendaItemFactory, MeetingFactory

PAPER_BYTES = b"%PDF-1.4\n% the community safety strategy\n"


def flush() -> None:
    """Empties the database as `manage.py flush` does. Inside a test's transaction PostgreSQL
    first runs the foreign-key checks it deferred, since it cannot truncate a table they wait on."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False)


def snapshot(partnership) -> dict:
    """{model label: every row a backup of the partnership holds, as serialized data}."""
    return {
        model._meta.label_lower: serializers.serialize("python", queryset)
        for model, queryset in select(partnership).items()
    }


def every_row() -> dict:
    """{model label: its number of rows} for every model a backup can write, to tell that a
    refused restore wrote nothing."""
    return {m._meta.label_lower: m._default_manager.count() for m in [*scope().records, *scope().histories]}


def manifest_of(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as zipped:
        return json.loads(zipped.read("manifest.json"))


@dataclass
class RoundTrip:
    before: dict  # snapshot(warwickshire) before the backup
    rugby: dict  # {model label: keys of the Rugby partnership's rows}, as the demo had them
    archive: Path
    old_media: Path
    new_media: Path
    output: str  # what restore_partnership printed


@pytest.fixture(scope="module")
def round_trip(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo as `make run` loads it, backed up; the database flushed and the storage a new
    folder; the backup restored. Left so for the module's tests (each in a transaction rolled
    back), then flushed."""
    folder = tmp_path_factory.mktemp("backup")
    old_media, new_media = folder / "media", folder / "restored-media"
    quick = override_settings(
        CELERY_TASK_ALWAYS_EAGER=True,
        MEDIA_ROOT=old_media,
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "backup"}},
    )
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=True), quick:
        try:
            call_command("load_demo", force=True, stdout=io.StringIO())
            warwickshire = Partnership.objects.get(slug="warwickshire-scp")
            rugby = Partnership.objects.get(slug="rugby-csp")
            before = snapshot(warwickshire)
            rugby_rows = {
                model._meta.label_lower: set(queryset.values_list("pk", flat=True))
                for model, queryset in select(rugby).items()
            }
            archive = folder / "warwickshire.zip"
            call_command("backup_partnership", "warwickshire-scp", str(archive), stdout=io.StringIO())
            flush()
            out = io.StringIO()
            with override_settings(MEDIA_ROOT=new_media):
                call_command("restore_partnership", str(archive), stdout=out)
                yield RoundTrip(before, rugby_rows, archive, old_media, new_media, out.getvalue())
        finally:
            flush()


@pytest.fixture
def small(settings, tmp_path, warwickshire, secretariat, chair, member):
    """Warwickshire from the fixed cast, with a meeting and one paper's file in storage."""
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = MeetingFactory(partnership=warwickshire, date=timezone.localdate() + datetime.timedelta(days=30))
    paper = Paper.objects.create(agenda_item=AgendaItemFactory(meeting=meeting), title="Community safety strategy")
    paper_file = PaperFile(
        paper=paper,
        original_name="strategy.pdf",
        content_type="application/pdf",
        size=len(PAPER_BYTES),
        uploaded_at=timezone.now(),
        uploaded_by=secretariat,
    )
    paper_file.file.save("strategy.pdf", ContentFile(PAPER_BYTES))
    return warwickshire
