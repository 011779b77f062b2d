"""Discarding import previews: "Discard this import" deletes the kept file and goes back to the
plan; files kept for more than a day (abandoned previews) are deleted on every upload, by
`manage.py discard_import_previews` and by the Celery task, and nothing else is touched."""

import datetime
import os
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actionplans.importing.kept_files import discard_abandoned
from actionplans.models import Action
from actionplans.tasks import discard_abandoned_import_previews
from tests.actionplans.factories import ActionPlanFactory
from tests.actionplans.importing_support import upload as upload_rows
from tests.helpers import signed_in

ROWS = b"Issue,When\nClarify roles,April 2027\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Partnership plan")


def kept(media):
    folder = media / "imports"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def upload(client, plan):
    return upload_rows(client, plan, ROWS)


def discard_url(preview_url):
    return f"{preview_url}discard/"


def aged(media, name, hours):
    """A kept file last written `hours` ago, as the server's clock tells."""
    path = media / "imports" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(ROWS)
    when = (timezone.now() - datetime.timedelta(hours=hours)).timestamp()
    os.utime(path, (when, when))
    return path


OLD, FRESH = "o" * 32, "f" * 32


def test_the_preview_offers_to_discard_the_import(client, secretariat, plan):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    page = client.get(preview_url).content.decode()
    assert f'action="{discard_url(preview_url)}"' in page
    assert "Discard this import" in page


def test_discarding_deletes_the_file_and_goes_back_to_the_plan(client, secretariat, plan, media):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    assert len(kept(media)) == 1
    response = client.post(discard_url(preview_url))
    assert response.status_code == 302
    assert response.url == reverse("actionplans:plan", args=[plan.partnership.slug, plan.pk])
    assert kept(media) == []
    assert not Action.objects.exists()
    assert "Import discarded: nothing from the file was saved." in client.get(response.url).content.decode()
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url).status_code == 404  # cannot be imported afterwards
    assert not Action.objects.exists()


def test_only_the_session_that_uploaded_it_may_discard_it(client, secretariat, plan, media, staff, warwickshire):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    token = preview_url.rstrip("/").rsplit("/", 1)[1]
    other_plan = ActionPlanFactory(partnership=warwickshire)
    other = reverse("actionplans:import-discard", args=[warwickshire.slug, other_plan.pk, token])
    assert client.post(other).status_code == 404
    assert client.get(discard_url(preview_url)).status_code == 405
    signed_in(client, staff)
    assert client.post(discard_url(preview_url)).status_code == 404
    assert len(kept(media)) == 1


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_the_secretariat_discards(client, request, secretariat, plan, media, who, status):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    signed_in(client, request.getfixturevalue(who))
    assert client.post(discard_url(preview_url)).status_code == status
    assert len(kept(media)) == 1


def test_files_kept_over_a_day_are_deleted_and_the_rest_stay(media):
    aged(media, OLD, hours=25)
    aged(media, FRESH, hours=23)
    aged(media, "notes.txt", hours=100)  # not a kept preview: not ours to delete
    assert discard_abandoned() == 1
    assert kept(media) == [FRESH, "notes.txt"]
    assert discard_abandoned(now=timezone.now() + datetime.timedelta(hours=2)) == 1
    assert kept(media) == ["notes.txt"]


def test_nothing_to_discard_when_nothing_was_ever_kept(media):
    assert discard_abandoned() == 0


def test_every_upload_deletes_abandoned_previews(client, secretariat, plan, media):
    aged(media, OLD, hours=30)
    aged(media, FRESH, hours=1)
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    token = preview_url.rstrip("/").rsplit("/", 1)[1]
    assert kept(media) == sorted([FRESH, token])


def test_a_refused_upload_still_deletes_abandoned_previews(client, secretariat, plan, media):
    aged(media, OLD, hours=30)
    signed_in(client, secretariat)
    response = client.post(
        reverse("actionplans:import", args=[plan.partnership.slug, plan.pk]),
        {"file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7", "application/pdf")},
    )
    assert response.status_code == 400
    assert kept(media) == []


def test_the_command_deletes_abandoned_previews(media):
    aged(media, OLD, hours=48)
    aged(media, FRESH, hours=2)
    out = StringIO()
    call_command("discard_import_previews", stdout=out)
    assert out.getvalue().strip() == "Discarded 1 abandoned import preview."
    assert kept(media) == [FRESH]
    call_command("discard_import_previews", stdout=out)
    assert "Discarded 0 abandoned import previews." in out.getvalue()


def test_the_celery_task_deletes_abandoned_previews(media):
    aged(media, OLD, hours=48)
    aged(media, FRESH, hours=2)
    assert discard_abandoned_import_previews.apply().get() == 1
    assert kept(media) == [FRESH]
