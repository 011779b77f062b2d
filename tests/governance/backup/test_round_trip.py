"""Back up the demo partnership, empty the database, restore it: everything is as it was, and
people sign in and work as before (issue 8). The backup holds one partnership: no row of the
other one in the same installation, not even of a person who sits on both (their seat there
stays out; their person comes). One demo serves the module: it takes a minute to load."""

import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.urls import reverse

from governance.backup.scope import scope
from governance.demo.warwickshire import DEMO_PASSWORD
from meetings.models import Meeting, PaperFile
from partnership.models import Partnership, User
from tests.factories import MeetingFactory
from tests.governance.backup.conftest import manifest_of, snapshot
from tests.helpers import acknowledged_in_session, sign_in_through_form

pytestmark = pytest.mark.django_db


def test_every_record_and_history_row_comes_back_as_it_was(round_trip):
    after = snapshot(Partnership.objects.get(slug="warwickshire-scp"))
    assert after.keys() == round_trip.before.keys()
    for label, rows in round_trip.before.items():
        assert after[label] == rows, label


def test_the_database_holds_what_was_restored_and_nothing_else(round_trip):
    for model in [*scope().records, *scope().histories]:
        label = model._meta.label_lower
        assert model._default_manager.count() == len(round_trip.before[label]), label
    assert round_trip.output.startswith("Restored warwickshire-scp: ")


def test_the_backup_holds_the_demo_in_all_four_apps_with_its_history(round_trip):
    manifest = manifest_of(round_trip.archive)
    for label in (
        "partnership.partnership",
        "partnership.member",
        "partnership.person",
        "partnership.user",
        "partnership.notification",
        "actionplans.action",
        "actionplans.progressupdate",
        "meetings.meeting",
        "meetings.paperfile",
        "meetings.decision",
        "meetings.minutes",
        "governance.conductdocument",
        "governance.registeredinterest",
        "governance.publication",
        "partnership.historicalpartnership",
        "meetings.historicalmeeting",
        "actionplans.historicalaction",
    ):
        assert manifest["counts"][label] > 0, label
        assert manifest["counts"][label] == len(round_trip.before[label]), label
    assert manifest["partnership"]["slug"] == "warwickshire-scp"
    assert manifest["format_version"] == 1
    assert manifest["created_at"].startswith("2026-11-25")
    assert "0001_initial" in manifest["migrations"]["meetings"]
    assert manifest["missing_files"] == []


def test_every_file_comes_back_byte_for_byte_in_the_new_storage(round_trip):
    manifest = manifest_of(round_trip.archive)
    names = {paper_file.file.name for paper_file in PaperFile.objects.all()}
    assert names, "the demo's papers have files"
    assert {entry["name"] for entry in manifest["files"]} >= names
    for entry in manifest["files"]:
        with default_storage.open(entry["name"], "rb") as restored:
            content = restored.read()
        assert content == (round_trip.old_media / entry["name"]).read_bytes(), entry["name"]
        assert (round_trip.new_media / entry["name"]).exists()


def test_the_secretariat_signs_in_with_their_password_and_reads_the_meetings(round_trip, client):
    assert sign_in_through_form(client, "secretariat", DEMO_PASSWORD).status_code == 302
    acknowledged_in_session(client)
    slug = "warwickshire-scp"
    assert client.get(reverse("meetings:list", args=[slug])).status_code == 200
    meetings = Meeting.objects.filter(partnership__slug=slug)
    assert meetings.exists()
    for meeting in meetings:
        assert client.get(reverse("meetings:meeting", args=[slug, meeting.pk])).status_code == 200
        assert client.get(reverse("minutes:minutes", args=[slug, meeting.pk])).status_code in (200, 302)
    paper_file = PaperFile.objects.filter(paper__agenda_item__meeting__partnership__slug=slug).first()
    download = client.get(reverse("papers:file-download", args=[slug, paper_file.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == (round_trip.old_media / paper_file.file.name).read_bytes()


def test_a_wrong_password_is_still_refused(round_trip, client):
    response = sign_in_through_form(client, "secretariat", "not-the-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_new_rows_after_a_restore_take_new_keys(round_trip):
    highest = Meeting.objects.order_by("-pk").values_list("pk", flat=True).first()
    meeting = MeetingFactory(partnership=Partnership.objects.get(slug="warwickshire-scp"))
    assert meeting.pk > highest
    highest_user = User.objects.order_by("-pk").values_list("pk", flat=True).first()
    assert User.objects.create_user(username="new.officer").pk > highest_user


@pytest.mark.skipif(connection.vendor != "postgresql", reason="sequences are PostgreSQL's")
def test_postgresql_sequences_are_moved_past_the_restored_keys(round_trip):
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM meetings_historicalmeeting_history_id_seq")
        (last,) = cursor.fetchone()
    assert last >= Meeting.history.order_by("-history_id").values_list("history_id", flat=True).first()


def archived_keys(archive) -> dict:
    keys = {}
    with zipfile.ZipFile(archive) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
        for entry in [*manifest["records"], *manifest["history"]]:
            rows = json.load(io.TextIOWrapper(zipped.open(entry["file"]), encoding="utf-8"))
            keys[entry["model"]] = {row["pk"] for row in rows}
    return keys


def test_no_row_of_rugby_is_in_warwickshires_backup(round_trip):
    archived = archived_keys(round_trip.archive)
    owned = {model._meta.label_lower for model in scope().owned}
    assert round_trip.rugby["partnership.partnership"]
    assert round_trip.rugby["partnership.member"]
    for label, rugby_keys in round_trip.rugby.items():
        if label in owned:
            assert not archived[label] & rugby_keys, label
    # Rugby's own secretariat officer is nobody to Warwickshire.
    with zipfile.ZipFile(round_trip.archive) as zipped:
        users = json.loads(zipped.read(_file_of(round_trip, "partnership.user")))
    usernames = {row["fields"]["username"] for row in users}
    assert "rugby" not in usernames
    assert "secretariat" in usernames


def test_a_person_on_both_boards_comes_with_their_warwickshire_seat_only(round_trip):
    archived = archived_keys(round_trip.archive)
    shared = round_trip.rugby["partnership.person"] & archived["partnership.person"]
    assert shared, "the demo's district chair sits on both"
    assert not round_trip.rugby["partnership.member"] & archived["partnership.member"]


def _file_of(round_trip, label):
    with zipfile.ZipFile(round_trip.archive) as zipped:
        manifest = json.loads(zipped.read("manifest.json"))
    return next(entry["file"] for entry in manifest["records"] if entry["model"] == label)
