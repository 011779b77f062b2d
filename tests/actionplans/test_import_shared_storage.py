"""Import previews are kept in the file storage, not on the disk of the host that took the
upload: with several hosts (S3 through django-storages) the preview, the confirmation and the
clean-up may each be served by another host. Shown here with Django's in-memory storage, which
is no folder at all."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from actionplans.importing.kept_files import FOLDER, discard_abandoned
from tests.actionplans.factories import ActionPlanFactory
from tests.actionplans.importing_support import upload as upload_rows
from tests.helpers import signed_in

ROWS = b"Issue,When\nClarify roles,April 2027\nAgree the data sharing protocol,June 2027\n"


@pytest.fixture(autouse=True)
def storage_that_is_no_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Partnership plan")


def previews():
    try:
        return default_storage.listdir(FOLDER)[1]
    except FileNotFoundError:
        return []


def upload(client, plan):
    return upload_rows(client, plan, ROWS)


def test_an_upload_is_previewed_and_imported_from_the_storage(client, secretariat, plan, storage_that_is_no_folder):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    assert len(previews()) == 1
    assert not storage_that_is_no_folder.exists()  # nothing written to this host's disk
    assert "Import these 2 actions" in client.get(preview_url).text
    assert client.post(preview_url).status_code == 302
    assert plan.actions.count() == 2
    assert previews() == []


def test_a_discarded_upload_leaves_the_storage(client, secretariat, plan):
    signed_in(client, secretariat)
    preview_url = upload(client, plan)
    assert client.post(f"{preview_url}discard/").status_code == 302
    assert previews() == []
    assert client.get(preview_url).status_code == 404


def test_abandoned_previews_are_discarded_from_the_storage(client, secretariat, plan):
    signed_in(client, secretariat)
    upload(client, plan)
    assert discard_abandoned() == 0
    assert discard_abandoned(now=timezone.now() + datetime.timedelta(hours=25)) == 1
    assert previews() == []


def test_no_preview_yet_means_nothing_to_discard():
    assert discard_abandoned() == 0
