"""The database is the source of truth for notifications and generated documents: a task lost
with a Redis restart (queued, never taken by a worker) is redone by the next sweep, or by the
next request for the document. A lost task is a `.delay` that went nowhere: the row it was
for is committed, and nothing runs it."""

import datetime
import io
from collections import Counter

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import QuarterlyReport
from actionplans.reporting import reports
from governance.tasks import sweep_deadlines
from meetings import services
from meetings.models import AgendaPack, PackStatus, PackVariant
from meetings.pack import packs
from partnership.documents import STUCK_AFTER
from partnership.models import Notification, NotificationStatus
from partnership.tasks import deliver_notifications
from tests.actionplans.report_support import live_through_the_quarter
from tests.conftest import TODAY
from tests.helpers import signed_in

from .data import members_who_have_not_acknowledged
from .outbox import statuses

REPORT_URL = "/partnerships/warwickshire-scp/plans/report/"
APRIL_MORNING = datetime.datetime(2027, 4, 10, 10, tzinfo=TODAY.tzinfo)


@pytest.fixture
def eager(settings, tmp_path):
    """A worker takes every task queued from here on, at once."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


def lose(monkeypatch, task) -> list:
    """Every `task.delay` from now on is lost with Redis; returns what was queued."""
    queued = []
    monkeypatch.setattr(task, "delay", lambda *args: queued.append(args))
    return queued


def sent_once_each() -> bool:
    return set(Counter((message.to[0], message.subject) for message in mail.outbox).values()) == {1}


# Notifications


@pytest.fixture
def reminders_due(db):
    """Twelve members who have not acknowledged the code: about 27 reminders due today."""
    members_who_have_not_acknowledged(0, members=12, today=timezone.localdate())


def test_notifications_whose_sending_was_lost_are_sent_by_the_next_sweep(
    reminders_due, settings, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as lost:
        queued = lose(lost, deliver_notifications)
        with django_capture_on_commit_callbacks(execute=True):
            recorded = sweep_deadlines()
    assert recorded >= 25
    assert queued == [()]  # the sweep queued the sending, and the task was lost
    assert statuses() == {NotificationStatus.PENDING: recorded}
    assert mail.outbox == []

    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        assert sweep_deadlines() == 0  # beat's next sweep: nothing new to record...

    assert statuses() == {NotificationStatus.SENT: recorded}  # ...and what waited has gone
    assert len(mail.outbox) == recorded
    assert sent_once_each()


def test_a_claim_left_by_a_dead_worker_is_sent_by_the_first_sweep_after_the_claim_timeout(
    reminders_due, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_CLAIM_TIMEOUT = 600
    with monkeypatch.context() as lost, django_capture_on_commit_callbacks(execute=True):
        lose(lost, deliver_notifications)
        recorded = sweep_deadlines()
    claimed = Notification.objects.order_by("pk").first()
    # A worker claimed it and died before sending; its task died with Redis.
    Notification.objects.filter(pk=claimed.pk).update(
        status=NotificationStatus.SENDING, claimed_at=timezone.now(), attempts=1
    )

    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=True):
        sweep_deadlines()
    assert statuses() == {NotificationStatus.SENT: recorded - 1, NotificationStatus.SENDING: 1}  # it may be on its way

    with (
        time_machine.travel(timezone.now() + datetime.timedelta(minutes=11)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        sweep_deadlines()
    assert statuses() == {NotificationStatus.SENT: recorded}
    claimed.refresh_from_db()
    assert claimed.attempts == 2
    assert len(mail.outbox) == recorded
    assert sent_once_each()


# Generated documents: the agenda pack and the quarterly report are made by a task on request;
# the minutes PDF is made while the reader waits, so there is no task to lose.


@pytest.fixture
def meeting(warwickshire):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2026, 12, 15), start_time=datetime.time(14)
    )
    services.add_agenda_item(meeting=meeting, title="Partnership plan 2027 to 2030", purpose="decision")
    return meeting


def pack_url(meeting) -> str:
    return f"/partnerships/warwickshire-scp/meetings/{meeting.pk}/pack/"


def is_pdf(response) -> bool:
    body = b"".join(response.streaming_content)
    return response["Content-Type"] == "application/pdf" and len(PdfReader(io.BytesIO(body)).pages) >= 1


def test_an_agenda_pack_whose_task_was_lost_is_made_on_the_first_request_after_it_is_taken_for_lost(
    meeting, member, eager, monkeypatch, django_capture_on_commit_callbacks
):
    client = signed_in(Client(), member)
    with monkeypatch.context() as lost:
        queued = lose(lost, packs.build_agenda_pack)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(pack_url(meeting)).status_code == 202
        with (
            time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            assert client.get(pack_url(meeting)).status_code == 202  # still taken to be on its way
    assert queued == [(meeting.pk, PackVariant.MEMBERS)]  # queued once, and lost
    assert AgendaPack.objects.get(meeting=meeting).status == PackStatus.QUEUED

    later = timezone.now() + STUCK_AFTER + datetime.timedelta(minutes=1)
    with time_machine.travel(later):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(pack_url(meeting)).status_code == 202  # queued again; a worker makes it
        response = client.get(pack_url(meeting))
    assert response.status_code == 200
    assert is_pdf(response)
    assert AgendaPack.objects.get(meeting=meeting).status == PackStatus.READY


def test_an_agenda_pack_whose_worker_died_half_way_is_made_again(
    meeting, member, eager, monkeypatch, django_capture_on_commit_callbacks
):
    client = signed_in(Client(), member)
    with monkeypatch.context() as lost, django_capture_on_commit_callbacks(execute=True):
        lose(lost, packs.build_agenda_pack)
        client.get(pack_url(meeting))
    AgendaPack.objects.filter(meeting=meeting).update(status=PackStatus.BUILDING, progress=40)  # then killed

    with time_machine.travel(timezone.now() + STUCK_AFTER + datetime.timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(pack_url(meeting)).status_code == 202
        response = client.get(pack_url(meeting))
    assert response.status_code == 200
    assert is_pdf(response)


def test_a_quarterly_report_whose_task_was_lost_is_made_on_the_first_request_after_it_is_taken_for_lost(
    warwickshire, secretariat, member, eager, monkeypatch, django_capture_on_commit_callbacks
):
    live_through_the_quarter(warwickshire, secretariat)
    client = signed_in(Client(), member)
    with time_machine.travel(APRIL_MORNING, tick=False), monkeypatch.context() as lost:
        queued = lose(lost, reports.build_quarterly_report)
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(REPORT_URL, {"quarter": "2027Q1"}).status_code == 202
    with (
        time_machine.travel(APRIL_MORNING + datetime.timedelta(minutes=5), tick=False),
        monkeypatch.context() as lost,
        django_capture_on_commit_callbacks(execute=True),
    ):
        lose(lost, reports.build_quarterly_report)
        assert client.get(REPORT_URL, {"quarter": "2027Q1"}).status_code == 202
    assert queued == [(warwickshire.pk, "2027Q1")]
    assert QuarterlyReport.objects.get().status == PackStatus.QUEUED

    with time_machine.travel(APRIL_MORNING + STUCK_AFTER + datetime.timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.get(REPORT_URL, {"quarter": "2027Q1"}).status_code == 202
        response = client.get(REPORT_URL, {"quarter": "2027Q1"})
    assert response.status_code == 200
    assert is_pdf(response)


def test_the_minutes_pdf_needs_no_task_so_none_can_be_lost(
    meeting, chair, secretariat, monkeypatch, django_capture_on_commit_callbacks
):
    """Every task queued is lost, and the minutes still come as a PDF at once."""
    from celery.app.task import Task

    queued = []
    monkeypatch.setattr(Task, "apply_async", lambda self, *args, **kwargs: queued.append(self.name))
    with time_machine.travel(datetime.datetime(2026, 12, 15, 17, tzinfo=TODAY.tzinfo)):
        minutes = services.start_minutes(meeting=meeting)
        response = signed_in(Client(), secretariat).get(
            f"/partnerships/warwickshire-scp/meetings/{minutes.meeting_id}/minutes/pdf/"
        )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert PdfReader(io.BytesIO(response.content)).pages
    assert queued == []
