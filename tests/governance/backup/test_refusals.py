"""A restore refuses, saying why and writing nothing, when the partnership or any row it would
write is already here, when the database is migrated differently, and when the file is not a
backup; a backup refuses a partnership that does not exist."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from governance.backup.archive import RestoreError
from governance.backup.restore import restore_partnership
from meetings.models import Decision, Meeting, PaperFile
from partnership.models import Member, Partnership, User
from tests.factories import PASSWORD
from tests.governance.backup.conftest import PAPER_BYTES, every_row, flush, manifest_of
from tests.helpers import sign_in_through_form


@pytest.fixture
def archive(small, tmp_path):
    path = tmp_path / "warwickshire.zip"
    call_command("backup_partnership", "warwickshire-scp", str(path), stdout=io.StringIO())
    return path


@pytest.fixture
def emptied(archive, settings, tmp_path):
    """The installation emptied after the backup, with new, empty storage."""
    flush()
    settings.MEDIA_ROOT = tmp_path / "new-media"
    return archive


def rewrite(archive, *, manifest=None, drop=(), add=None):
    """A copy of the archive at the same path with its manifest changed by `manifest(dict)`,
    the members in `drop` left out and those in `add` put in."""
    with zipfile.ZipFile(archive) as original:
        members = {name: original.read(name) for name in original.namelist() if name not in drop}
    if manifest:
        changed = json.loads(members["manifest.json"])
        manifest(changed)
        members["manifest.json"] = json.dumps(changed).encode()
    members.update(add or {})
    with zipfile.ZipFile(archive, "w") as rewritten:
        for name, content in members.items():
            rewritten.writestr(name, content)
    return archive


def refused(archive) -> str:
    before = every_row()
    with pytest.raises(RestoreError) as refusal:
        restore_partnership(path=archive)
    assert every_row() == before, "a refused restore writes nothing"
    return str(refusal.value)


def test_a_small_partnership_restores_and_its_people_sign_in(emptied, client, tmp_path):
    restored = restore_partnership(path=emptied)
    assert restored.slug == "warwickshire-scp"
    assert Partnership.objects.filter(slug="warwickshire-scp").exists()
    assert restored.files_written == [PaperFile.objects.get().file.name]
    assert (tmp_path / "new-media" / restored.files_written[0]).read_bytes() == PAPER_BYTES
    assert sign_in_through_form(client, "sam.secretariat", PASSWORD).status_code == 302


def test_restore_refuses_a_partnership_that_is_already_here(archive):
    message = refused(archive)
    assert (
        message == "This installation already has the partnership “warwickshire-scp”: restore it only where it is not."
    )


def test_the_command_says_nothing_was_restored_and_why(archive):
    with pytest.raises(CommandError, match="^Nothing was restored. This installation already has the partnership"):
        call_command("restore_partnership", str(archive))


def test_restore_refuses_when_a_key_it_would_write_is_taken(emptied, tmp_path):
    secretariat_pk = next(
        row["pk"]
        for row in json.loads(zipfile.ZipFile(emptied).read("records/002-partnership.user.json"))
        if row["fields"]["username"] == "sam.secretariat"
    )
    User.objects.create_user(pk=secretariat_pk, username="someone.else")
    message = refused(emptied)
    assert f"This installation already has rows this backup would write: users with id {secretariat_pk}" in message
    assert not Partnership.objects.exists()
    assert not (tmp_path / "new-media").exists(), "no file is written either"


def test_restore_refuses_a_login_that_is_taken(emptied):
    User.objects.create_user(pk=10_000, username="sam.secretariat")
    message = refused(emptied)
    # (The new user's history row may take a key the backup's history has too, and is named after.)
    assert message.startswith(
        "This installation already has rows this backup would write: users with username sam.secretariat"
    )
    assert message.endswith(". Restore into an installation without them.")


def test_restore_refuses_a_database_migrated_differently(archive):
    # Checked before anything else is read: this installation still has the partnership.
    rewrite(archive, manifest=lambda m: m["migrations"]["meetings"].append("9999_from_the_future"))
    assert refused(archive) == (
        "This backup was made by an installation whose database was migrated differently (meetings): "
        "migrate both to the same release, then restore."
    )


def test_restore_refuses_a_file_that_is_not_a_zip(tmp_path, db):
    path = tmp_path / "notes.zip"
    path.write_bytes(b"minutes of the last meeting")
    assert refused(path) == f"This is not a partnership backup: {path} is not a zip file."


def test_restore_refuses_a_path_with_nothing_there(tmp_path, db):
    assert refused(tmp_path / "absent.zip") == f"There is no file at {tmp_path / 'absent.zip'}."


def test_restore_refuses_a_zip_without_a_manifest(archive):
    rewrite(archive, drop=["manifest.json"])
    assert refused(archive) == "This is not a partnership backup: it has no manifest.json."


def test_restore_refuses_a_manifest_of_another_kind(archive):
    rewrite(archive, manifest=lambda m: m.update(format="something-else"))
    assert refused(archive) == "This is not a partnership backup: its manifest is of another kind."


def test_restore_refuses_another_format_version(archive):
    rewrite(archive, manifest=lambda m: m.update(format_version=2))
    assert refused(archive) == "This backup is in format 2; this installation restores format 1 only."


def test_restore_refuses_a_model_a_backup_never_holds(emptied):
    def smuggle(manifest):
        manifest["records"].append({"model": "django_celery_beat.periodictask", "file": "records/x.json", "count": 0})

    rewrite(emptied, manifest=smuggle, add={"records/x.json": b"[]"})
    assert (
        refused(emptied)
        == "This backup holds django_celery_beat.periodictask, which a partnership's backup never holds."
    )


def test_restore_refuses_records_that_are_not_what_the_manifest_says(emptied):
    rewrite(emptied, manifest=lambda m: m["records"][0].update(count=7))
    assert refused(emptied) == (
        "This backup is damaged: records/001-partnership.partnership.json does not hold what its manifest says."
    )


def test_restore_refuses_records_that_do_not_fit_together_and_rolls_back(emptied):
    # Without the partnership's own row, its bodies and meetings point at nothing.
    rewrite(emptied, manifest=lambda m: m["records"].pop(0), drop=["records/001-partnership.partnership.json"])
    message = refused(emptied)
    assert message.startswith("This backup's records do not fit this installation, and nothing was restored: ")


def test_restore_refuses_a_different_file_already_under_a_files_name(emptied, tmp_path):
    name = manifest_of(emptied)["files"][0]["name"]
    there = tmp_path / "new-media" / name
    there.parent.mkdir(parents=True)
    there.write_bytes(b"another strategy")
    assert refused(emptied) == (
        f"This installation already has a different file named {name}: restore into an empty storage."
    )
    assert there.read_bytes() == b"another strategy"


def test_the_same_file_already_there_is_left_as_it_is(emptied, tmp_path):
    name = manifest_of(emptied)["files"][0]["name"]
    there = tmp_path / "new-media" / name
    there.parent.mkdir(parents=True)
    there.write_bytes(PAPER_BYTES)
    restored = restore_partnership(path=emptied)
    assert restored.files_already_there == [name]
    assert restored.files_written == []


def test_backup_refuses_a_partnership_that_does_not_exist(db, tmp_path):
    with pytest.raises(CommandError, match="^No partnership has the slug “nowhere-csp”.$"):
        call_command("backup_partnership", "nowhere-csp", str(tmp_path / "nowhere.zip"))
    assert not (tmp_path / "nowhere.zip").exists()


def test_a_file_missing_from_storage_is_named_and_the_rest_backed_up(small, tmp_path):
    paper_file = PaperFile.objects.get()
    paper_file.file.storage.delete(paper_file.file.name)
    err = io.StringIO()
    call_command("backup_partnership", "warwickshire-scp", str(tmp_path / "w.zip"), stdout=io.StringIO(), stderr=err)
    assert err.getvalue() == f"Missing from the storage, so not in the backup: {paper_file.file.name}\n"
    manifest = manifest_of(tmp_path / "w.zip")
    assert manifest["missing_files"] == [paper_file.file.name]
    assert manifest["files"] == []
    assert manifest["counts"]["meetings.paperfile"] == 1


def test_backup_refuses_a_row_that_points_into_another_partnership(small, outsider, tmp_path):
    # A vote recorded for a member of Rugby: restored alone, Warwickshire's decision would
    # point at nothing, so no backup is written rather than one that cannot be restored.
    item = Meeting.objects.get(partnership=small).agenda_items.get()
    decision = Decision.objects.create(
        partnership=small, agenda_item=item, decided_on=item.meeting.date, number=1, text="Agreed.", outcome="agreed"
    )
    rugby_member = Member.objects.get(person__user=outsider)
    decision.voters.add(rugby_member)
    with pytest.raises(CommandError) as refusal:
        call_command("backup_partnership", "warwickshire-scp", str(tmp_path / "w.zip"))
    assert str(refusal.value) == (
        f"No backup was written: decision rows point at member [{rugby_member.pk}], "
        "which belong to another partnership."
    )
    assert not (tmp_path / "w.zip").exists()
    assert not (tmp_path / "w.zip.partial").exists()
