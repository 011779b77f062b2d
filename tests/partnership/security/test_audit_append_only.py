"""Nobody changes or deletes what the audit log holds: not through a row, not through a
queryset, and on PostgreSQL not through SQL either."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from partnership.models import AuditEvent, AuditKind
from partnership.models_audit import AuditLogIsAppendOnlyError


@pytest.fixture
def event(db):
    return AuditEvent.objects.create(at=timezone.now(), kind=AuditKind.LOGIN_FAILED, username="mo.member")


def test_a_row_cannot_be_changed_or_deleted(event):
    event.username = "someone-else"
    with pytest.raises(AuditLogIsAppendOnlyError):
        event.save()
    with pytest.raises(AuditLogIsAppendOnlyError):
        event.delete()

    assert AuditEvent.objects.get().username == "mo.member"


def test_rows_cannot_be_changed_or_deleted_in_bulk(event):
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(username="someone-else")
    with pytest.raises(AuditLogIsAppendOnlyError):
        AuditEvent.objects.all().delete()

    assert AuditEvent.objects.get().username == "mo.member"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE partnership_auditevent SET username = 'someone-else'",
        "DELETE FROM partnership_auditevent",
    ],
)
def test_postgresql_refuses_changes_through_sql(event, sql):
    refused = pytest.raises(DatabaseError, match="The audit log cannot be changed or deleted from")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)

    assert AuditEvent.objects.get().username == "mo.member"


def test_deleting_an_account_leaves_its_rows_as_written(db):
    from tests.factories import UserFactory

    leaver = UserFactory(username="lee.leaver")
    AuditEvent.objects.create(at=timezone.now(), kind=AuditKind.LOGIN, user=leaver, username="lee.leaver")
    leaver_id = leaver.pk
    leaver.delete()

    assert list(AuditEvent.objects.values_list("user_id", "username")) == [(leaver_id, "lee.leaver")]
