"""The records' version changes whenever a governance record is written, however it is written,
and only then: the kept pages (partnership/page_cache.py) are as fresh as this is complete."""

import logging

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

from meetings.models import AgendaItem, AgendaPack
from partnership import records_version
from partnership.models import ClosureDay, Partnership, User
from partnership.models_audit import AuditEvent
from tests.factories import MeetingFactory, NotificationFactory
from tests.helpers import sign_in_through_form


@pytest.fixture
def meeting(warwickshire):
    return MeetingFactory(partnership=warwickshire)


def version():
    return records_version.current()


def test_a_model_saved_renews_it(warwickshire):
    before = version()
    warwickshire.name = "Warwickshire Community Safety Partnership (renamed)"
    warwickshire.save()
    assert version() != before


def test_a_queryset_update_renews_it(warwickshire):
    """What no model signal sees: the minutes services move a meeting's status this way."""
    meeting = MeetingFactory(partnership=warwickshire)
    before = version()
    type(meeting).objects.filter(pk=meeting.pk).update(title="Renamed behind the model's back")
    assert version() != before


def test_a_bulk_create_renews_it(meeting):
    before = version()
    AgendaItem.objects.bulk_create([AgendaItem(meeting=meeting, position=90, title="Bulk item")])
    assert version() != before


def test_a_delete_renews_it(warwickshire):
    day = ClosureDay.objects.create(partnership=warwickshire, date="2027-08-02", name="Office move")
    before = version()
    day.delete()
    assert version() != before


def test_raw_sql_that_writes_a_record_renews_it(warwickshire):
    before = version()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE partnership_partnership SET name = %s WHERE id = %s", ["Raw", warwickshire.pk])
    assert version() != before


def test_reading_leaves_it_alone(warwickshire, meeting):
    before = version()
    list(AgendaItem.objects.filter(meeting=meeting))
    User.objects.count()
    assert version() == before


def test_bookkeeping_leaves_it_alone(warwickshire, meeting):
    """The audit log, the outbox and a built document's progress change no page."""
    before = version()
    AuditEvent.objects.create(kind="login", at="2027-05-20T10:00Z", username="someone")
    NotificationFactory(partnership=warwickshire, about=f"meeting:{meeting.pk}")
    pack = AgendaPack.objects.create(meeting=meeting, variant="members")
    AgendaPack.objects.filter(pk=pack.pk).update(progress=50)
    assert version() == before


def test_a_sign_in_leaves_it_alone_and_adds_no_history(client, member):
    member.set_password("a long enough password")
    member.save()
    before, history_rows = version(), member.history.count()
    response = sign_in_through_form(client, member.username, "a long enough password")
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.last_login is not None
    assert member.history.count() == history_rows
    assert version() == before


@pytest.mark.django_db(transaction=True)
def test_a_transaction_renews_it_when_it_writes_after_a_reading_and_when_it_commits(monkeypatch):
    """At once, so the transaction reads its own changes afresh (once per reading: a form's save
    writes many rows); and at the commit, so a page another process drew from the data as it
    was in between is never served after it."""
    from tests.factories import PartnershipFactory

    partnership = PartnershipFactory()
    version()
    renewals, renew = [], records_version.renew

    def counted():
        renewals.append(1)
        renew()

    monkeypatch.setattr(records_version, "renew", counted)
    with transaction.atomic():
        partnership.name = "First"
        partnership.save()  # the row and its history row
        partnership.name = "Second"
        partnership.save()
        assert len(renewals) == 1
        seen = version()
        partnership.name = "Third"
        partnership.save()
        assert len(renewals) == 2
        assert version() != seen
    assert len(renewals) == 3


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_a_transaction_renews_it_each_time(monkeypatch):
    """Each such statement is committed as it runs: no later commit would renew it."""
    from partnership.models import Partnership
    from tests.factories import PartnershipFactory

    partnership = PartnershipFactory()
    renewals, renew = [], records_version.renew
    monkeypatch.setattr(records_version, "renew", lambda: renewals.append(1) or renew())
    Partnership.objects.filter(pk=partnership.pk).update(name="First")
    Partnership.objects.filter(pk=partnership.pk).update(name="Second")
    assert len(renewals) == 2


class UnreachableCache:
    def set(self, *args, **kwargs):
        raise ConnectionError("Redis is restarting")


def test_an_unreachable_cache_does_not_stop_a_write(warwickshire, monkeypatch, caplog):
    version()
    monkeypatch.setattr(records_version, "cache", UnreachableCache())
    with caplog.at_level(logging.ERROR, logger="partnership.records_version"):
        warwickshire.name = "Saved all the same"
        warwickshire.save()
    warwickshire.refresh_from_db()
    assert warwickshire.name == "Saved all the same"
    assert "could not be renewed" in caplog.text


def test_an_evicted_version_is_replaced_by_a_new_one(warwickshire):
    before = version()
    cache.delete(records_version.KEY)
    assert version() != before


def test_every_model_of_the_watched_apps_is_watched_unless_it_is_bookkeeping():
    """A new model is watched unless it says otherwise; saying so is a decision this list records."""
    bookkeeping = set()
    for label in records_version.WATCHED_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            if records_version.is_bookkeeping(model):
                bookkeeping.add(model._meta.label)
            else:
                assert model._meta.db_table in records_version.watched_tables(), model._meta.label
    assert {label for label in bookkeeping if ".Historical" not in label} == {
        "partnership.AuditEvent",
        "partnership.Notification",
        "partnership.UserSession",
        "meetings.AgendaPack",
        "actionplans.QuarterlyReport",
        "governance.Publication",
        "governance.Subscription",
    }


def test_a_many_to_many_add_renews_it(member):
    """On SQLite Django adds the rows with INSERT OR IGNORE; on PostgreSQL ON CONFLICT."""
    group = Group.objects.create(name="Readers")
    before = version()
    member.groups.add(group)
    assert version() != before


@pytest.mark.django_db(transaction=True)
def test_a_transaction_whose_thread_has_not_read_it_renews_it_when_it_commits():
    """The usual case in a worker or a web thread whose last request wrote: no reading since,
    so nothing at once; the commit renews it for every process."""
    from tests.factories import PartnershipFactory

    partnership = PartnershipFactory()
    records_version.renew()  # renewed, not read since
    before = cache.get(records_version.KEY)
    with transaction.atomic():
        partnership.name = "Renamed"
        partnership.save()
        assert cache.get(records_version.KEY) == before
    assert cache.get(records_version.KEY) != before


@pytest.mark.django_db(transaction=True)
def test_a_failing_callback_registered_first_does_not_stop_the_renewal_at_commit():
    """A file deleted from storage on commit, registered before the row's deletion, that fails."""
    from tests.factories import PartnershipFactory

    partnership = PartnershipFactory()
    records_version.renew()
    before = cache.get(records_version.KEY)

    def storage_unreachable():
        raise ConnectionError("the file store did not answer")

    def rename_and_commit():
        with transaction.atomic():
            transaction.on_commit(storage_unreachable)
            partnership.name = "Renamed"
            partnership.save()

    with pytest.raises(ConnectionError):
        rename_and_commit()
    assert Partnership.objects.get(pk=partnership.pk).name == "Renamed"
    assert cache.get(records_version.KEY) != before


def test_a_savepoint_rolled_back_takes_its_renewal_with_it_and_a_later_write_brings_it_back(warwickshire):
    from django.db import connection

    def pending():
        return [callback for callback in connection.run_on_commit if callback[1] is records_version.renew]

    connection.run_on_commit[:] = [c for c in connection.run_on_commit if c[1] is not records_version.renew]
    try:
        with transaction.atomic():
            warwickshire.name = "Rolled back"
            warwickshire.save()
            assert len(pending()) == 1
            raise RuntimeError("give up")
    except RuntimeError:
        pass
    assert pending() == []
    warwickshire.refresh_from_db()
    warwickshire.name = "Kept"
    warwickshire.save()
    assert len(pending()) == 1


def test_a_release_migrating_renews_it(db):
    before = version()
    call_command("migrate", verbosity=0)
    assert version() != before
