"""The API against its own OpenAPI schema (drf-spectacular, /api/v1/schema/): schemathesis sends
every operation inputs generated from the schema, as a secretariat officer with a token, on a
partnership with a meeting, its agenda and a member; whatever it sends, the API never answers
with a server error. A handful of examples per operation keeps the run short."""

import datetime

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from meetings import services
from partnership.wsgi import application
from tests.factories import AgendaItemFactory, MemberFactory, NominatingBodyFactory
from tests.helpers import client_for

SCHEMA_PATH = "/api/v1/schema/"
EXAMPLES = 4


@pytest.fixture
def connection_kept_open():
    """Schemathesis calls the WSGI application itself, whose request signals would close the
    test's database connection mid-transaction; Django's own test client unhooks them the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(db, connection_kept_open, warwickshire, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    body = NominatingBodyFactory(partnership=warwickshire, name="Warwickshire Fire and Rescue", seats=2)
    MemberFactory(nominating_body=body)
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )
    AgendaItemFactory(meeting=meeting)
    return schemathesis.openapi.from_wsgi(SCHEMA_PATH, application)


@pytest.fixture
def token(secretariat):
    return Token.objects.create(user=secretariat).key


def server_errors(operation, headers) -> list[str]:
    """The failures schemathesis finds in a few generated calls of one operation."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    def call(case):
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    try:
        call()
    except Exception as failure:  # noqa: BLE001 - every failure is reported, with the operation it came from
        return [f"{operation.label}: {failure}"]
    return []


def test_no_operation_answers_with_a_server_error(api_schema, token):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) > 40
    headers = {"Authorization": f"Token {token}"}
    failures = [failure for operation in operations for failure in server_errors(operation, headers)]
    assert not failures, "\n\n".join(failures)


def test_an_id_filter_too_large_for_the_database_is_refused(secretariat, warwickshire):
    """Found by schemathesis: ?meeting=<beyond 64 bits> reached SQLite and answered 500."""
    response = client_for(secretariat).get("/api/v1/declarations/", {"meeting": str(2**64)})
    assert response.status_code == 400
    assert "meeting" in response.json()
