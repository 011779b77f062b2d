"""docs/postgres-roles.sql, run as it is on PostgreSQL with its two roles renamed: the
application's role reads and writes the records and adds to the audit log, but cannot change,
delete or empty the audit log, by any statement."""

import os
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from partnership.models import AuditEvent, AuditKind

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="roles and grants are PostgreSQL's")

ROLES_SQL = Path(__file__).resolve().parents[3] / "docs" / "postgres-roles.sql"


@pytest.fixture
def app_role(db):
    """The file's governance_app, a role of this test's own; governance_owner is whoever made
    the test database's tables."""
    role = f"governance_app_test_{os.getpid()}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        owner = cursor.fetchone()[0]
        cursor.execute(f"DROP ROLE IF EXISTS {role}")
        cursor.execute(f"CREATE ROLE {role} NOLOGIN")
        sql = ROLES_SQL.read_text().replace("governance_owner", owner).replace("governance_app", role)
        cursor.execute(sql)
    yield role
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(f"DROP OWNED BY {role}")
        cursor.execute(f"DROP ROLE {role}")


def as_role(role, sql, params=()):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL ROLE {role}")
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


@pytest.fixture
def event(db):
    return AuditEvent.objects.create(at=timezone.now(), kind=AuditKind.LOGIN_FAILED, username="mo.member")


def test_the_application_adds_to_the_audit_log_and_reads_it(app_role, event):
    as_role(
        app_role,
        "INSERT INTO partnership_auditevent (at, kind, username, user_id, ip_address, user_agent, method, path, "
        "status_code, detail) VALUES (now(), 'login', 'mo.member', NULL, NULL, '', '', '', NULL, '')",
    )
    assert as_role(app_role, "SELECT count(*) FROM partnership_auditevent") == [(2,)]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE partnership_auditevent SET username = 'someone-else'",
        "DELETE FROM partnership_auditevent",
        "TRUNCATE partnership_auditevent",
    ],
)
def test_the_application_cannot_change_delete_or_empty_the_audit_log(app_role, event, sql):
    with pytest.raises(DatabaseError, match="permission denied"):
        as_role(app_role, sql)
    assert AuditEvent.objects.get().username == "mo.member"


def test_the_application_reads_and_writes_the_records(app_role, warwickshire):
    as_role(
        app_role,
        "INSERT INTO partnership_closureday (partnership_id, date, name) VALUES (%s, '2027-08-02', 'Office move')",
        [warwickshire.pk],
    )
    as_role(
        app_role, "UPDATE partnership_closureday SET name = 'Office moves' WHERE partnership_id = %s", [warwickshire.pk]
    )
    assert as_role(app_role, "SELECT name FROM partnership_closureday") == [("Office moves",)]
    as_role(app_role, "DELETE FROM partnership_closureday")


def test_only_the_owner_records_migrations(app_role):
    assert as_role(app_role, "SELECT count(*) > 0 FROM django_migrations") == [(True,)]
    with pytest.raises(DatabaseError, match="permission denied"):
        as_role(app_role, "DELETE FROM django_migrations WHERE app = 'partnership'")
