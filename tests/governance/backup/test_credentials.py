"""A partnership's backup carries none of the installation's administrators or credentials: no
API token, no two-factor device, nobody staff or superuser, no groups or permissions; a user
there only as the author of a change cannot sign in with it. A restore grants no rights
whatever the archive says, and the zip is readable by its owner only."""

import io
import json
import os
import stat
import zipfile

import pytest
from django.contrib.auth.hashers import is_password_usable
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from governance.backup.archive import RestoreError
from governance.backup.restore import restore_partnership
from meetings.models import Meeting
from partnership.models import User
from tests.factories import PASSWORD
from tests.governance.backup.conftest import flush, manifest_of
from tests.governance.backup.test_refusals import rewrite
from tests.helpers import sign_in_through_form


def back_up(path) -> None:
    call_command("backup_partnership", "warwickshire-scp", str(path), stdout=io.StringIO())


def users_in(archive) -> dict:
    """{username: the row's fields} of the archive's users."""
    with zipfile.ZipFile(archive) as zipped:
        entry = next(e for e in manifest_of(archive)["records"] if e["model"] == "partnership.user")
        return {row["fields"]["username"]: row for row in json.loads(zipped.read(entry["file"]))}


def every_byte(archive) -> bytes:
    with zipfile.ZipFile(archive) as zipped:
        return b"".join(zipped.read(name) for name in zipped.namelist())


@pytest.fixture
def admin_who_corrected_a_meeting(small, staff):
    """The installation's superuser, with a token, a device, a group and a permission, who
    corrected one of Warwickshire's meetings and is nothing else to it."""
    Token.objects.create(user=staff)
    TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    staff.groups.add(Group.objects.create(name="Installation administrators"))
    staff.user_permissions.add(Permission.objects.get(codename="change_meeting"))
    meeting = Meeting.objects.get(partnership=small)
    meeting._history_user = staff
    meeting.location = "Shire Hall, Warwick"
    meeting.save()
    return staff


def test_an_administrator_who_edited_a_row_is_only_a_history_author_who_cannot_sign_in(
    admin_who_corrected_a_meeting, tmp_path
):
    admin = admin_who_corrected_a_meeting
    archive = tmp_path / "w.zip"
    back_up(archive)

    row = users_in(archive)["stella.staff"]
    assert not is_password_usable(row["fields"]["password"])
    assert row["fields"]["password"] != User.objects.get(pk=admin.pk).password
    assert row["fields"]["is_active"] is False
    assert row["fields"]["is_staff"] is False
    assert row["fields"]["is_superuser"] is False
    assert "groups" not in row["fields"]
    assert "user_permissions" not in row["fields"]

    manifest = manifest_of(archive)
    carried = {entry["model"] for entry in [*manifest["records"], *manifest["history"]]}
    assert "meetings.historicalmeeting" in carried
    assert not carried & {"otp_totp.totpdevice", "authtoken.token"}
    # Neither the token nor the device's secret is anywhere in the zip, nor the admin's own
    # account history (which says superuser).
    content = every_byte(archive)
    assert Token.objects.get(user=admin).key.encode() not in content
    assert TOTPDevice.objects.get(user=admin).key.encode() not in content
    with zipfile.ZipFile(archive) as zipped:
        entry = next(e for e in manifest["history"] if e["model"] == "partnership.historicaluser")
        assert admin.pk not in {row["fields"]["id"] for row in json.loads(zipped.read(entry["file"]))}
        # ...while the change they made still says who made it.
        entry = next(e for e in manifest["history"] if e["model"] == "meetings.historicalmeeting")
        assert admin.pk in {row["fields"]["history_user"] for row in json.loads(zipped.read(entry["file"]))}


def test_the_partnerships_people_keep_their_password_but_not_staff_rights_or_credentials(small, secretariat, tmp_path):
    secretariat.is_staff = True
    secretariat.save()
    secretariat.groups.add(Group.objects.create(name="Helpdesk"))
    token = Token.objects.create(user=secretariat)
    archive = tmp_path / "w.zip"
    back_up(archive)

    row = users_in(archive)["sam.secretariat"]["fields"]
    assert row["password"] == User.objects.get(pk=secretariat.pk).password
    assert row["is_active"] is True
    assert row["is_staff"] is False
    assert "groups" not in row
    assert token.key.encode() not in every_byte(archive)


def test_after_a_restore_the_administrator_cannot_sign_in_and_people_have_no_token_or_device(
    admin_who_corrected_a_meeting, secretariat, tmp_path, settings, client
):
    TOTPDevice.objects.create(user=secretariat, name="phone", confirmed=True)
    archive = tmp_path / "w.zip"
    back_up(archive)
    flush()
    settings.MEDIA_ROOT = tmp_path / "new-media"
    out = io.StringIO()
    call_command("restore_partnership", str(archive), stdout=out)

    admin = User.objects.get(username="stella.staff")
    assert (admin.is_active, admin.is_staff, admin.is_superuser) == (False, False, False)
    assert not admin.has_usable_password()
    assert not admin.groups.exists()
    assert not admin.user_permissions.exists()
    assert not Token.objects.exists()
    assert not TOTPDevice.objects.exists()
    assert sign_in_through_form(client, "stella.staff", PASSWORD).status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Accounts restored without staff or superuser status, groups or permissions: " in out.getvalue()
    assert "sam.secretariat" in out.getvalue()
    assert "stella.staff" in out.getvalue()


def test_an_archive_edited_to_make_a_superuser_restores_a_user_with_no_rights(small, secretariat, tmp_path, settings):
    archive = tmp_path / "w.zip"
    back_up(archive)
    entry = next(e for e in manifest_of(archive)["records"] if e["model"] == "partnership.user")
    with zipfile.ZipFile(archive) as zipped:
        rows = json.loads(zipped.read(entry["file"]))
    for row in rows:
        if row["fields"]["username"] == "sam.secretariat":
            row["fields"].update(
                is_staff=True,
                is_superuser=True,
                groups=[["Installation administrators"]],
                user_permissions=[["change_meeting", "meetings", "meeting"]],
            )
    rewrite(archive, add={entry["file"]: json.dumps(rows).encode()})
    flush()
    Group.objects.create(name="Installation administrators")  # so the names resolve here
    settings.MEDIA_ROOT = tmp_path / "new-media"

    restored = restore_partnership(path=archive)

    user = User.objects.get(username="sam.secretariat")
    assert (user.is_staff, user.is_superuser) == (False, False)
    assert not user.groups.exists()
    assert not user.user_permissions.exists()
    assert "sam.secretariat" in restored.accounts


def test_an_archive_carrying_a_two_factor_device_is_refused(small, secretariat, tmp_path):
    archive = tmp_path / "w.zip"
    back_up(archive)

    def smuggle(manifest):
        manifest["records"].append({"model": "otp_totp.totpdevice", "file": "records/x.json", "count": 0})

    rewrite(archive, manifest=smuggle, add={"records/x.json": b"[]"})
    flush()
    with pytest.raises(RestoreError, match="^This backup holds otp_totp.totpdevice, which a partnership's backup"):
        restore_partnership(path=archive)


def test_the_archive_is_readable_by_its_owner_only(small, tmp_path):
    archive = tmp_path / "w.zip"
    # A backup from before, and a .partial left by a crash, both readable by all.
    archive.write_bytes(b"old")
    (tmp_path / "w.zip.partial").write_bytes(b"half")
    os.chmod(archive, 0o644)
    os.chmod(tmp_path / "w.zip.partial", 0o644)
    back_up(archive)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert zipfile.is_zipfile(archive)
