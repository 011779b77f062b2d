"""Circulating an agenda or minutes, or putting a decision to the members in writing, queues a
task that records each member's email. When that task is lost with a Redis restart, the next
sweep records the emails and sends them (governance/deadlines/announcements.py), once each;
when the task did run, the sweep adds nothing."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from governance.tasks import sweep_deadlines
from meetings import services
from meetings import tasks as meeting_tasks
from meetings.models import Minutes, MinutesStatus
from partnership.models import Notification, NotificationStatus

MEETING_DAY = datetime.date(2026, 12, 15)
MEMBERS = ["carol.chair@warwickshire.example.org", "mo.member@police.example.org"]


@pytest.fixture(autouse=True)
def workers_take_what_is_queued(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def meeting(warwickshire):
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14)
    )


def lose(monkeypatch, task) -> list:
    queued = []
    monkeypatch.setattr(task, "delay", lambda *args: queued.append(args))
    return queued


def emails(subject_starts: str) -> list[str]:
    return sorted(message.to[0] for message in mail.outbox if message.subject.startswith(subject_starts))


def sweep(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        sweep_deadlines()


def circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks):
    services.agree_agenda(meeting=meeting, by=chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_agenda(meeting=meeting, by=secretariat)


def test_agenda_emails_whose_task_was_lost_are_recorded_and_sent_by_the_next_sweep(
    meeting, chair, member, secretariat, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as lost:
        queued = lose(lost, meeting_tasks.email_agenda_circulated)
        circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks)
    assert queued == [(meeting.pk,)]
    assert not Notification.objects.filter(kind="agenda_circulated").exists()

    sweep(django_capture_on_commit_callbacks)
    sweep(django_capture_on_commit_callbacks)  # and the one after adds nothing

    assert emails("Agenda:") == MEMBERS
    rows = Notification.objects.filter(kind="agenda_circulated")
    assert sorted(rows.values_list("recipient_email", "status")) == [(m, NotificationStatus.SENT) for m in MEMBERS]
    with django_capture_on_commit_callbacks(execute=True):
        assert meeting_tasks.email_agenda_circulated(meeting.pk) == 0  # the lost task, found after all
    assert emails("Agenda:") == MEMBERS


def test_when_the_agenda_task_ran_the_sweep_sends_nothing_more(
    meeting, chair, member, secretariat, django_capture_on_commit_callbacks
):
    circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks)
    assert emails("Agenda:") == MEMBERS

    sweep(django_capture_on_commit_callbacks)

    assert emails("Agenda:") == MEMBERS
    assert Notification.objects.filter(kind="agenda_circulated").count() == 2


def test_minutes_emails_whose_task_was_lost_are_sent_by_the_next_sweep(
    meeting, chair, member, django_capture_on_commit_callbacks
):
    """The minutes as circulate_minutes leaves them, its email task lost on the way."""
    circulated_at = timezone.now()
    minutes = Minutes.objects.create(
        meeting=meeting, status=MinutesStatus.CIRCULATED, approved_at=circulated_at, circulated_at=circulated_at
    )

    sweep(django_capture_on_commit_callbacks)
    sweep(django_capture_on_commit_callbacks)

    assert emails("Minutes:") == MEMBERS
    assert set(Notification.objects.filter(kind="minutes_circulated").values_list("about", flat=True)) == {
        f"minutes:{minutes.pk}"
    }


def test_a_decision_in_writing_whose_email_task_was_lost_is_put_to_members_by_the_next_sweep(
    warwickshire, chair, member, monkeypatch, django_capture_on_commit_callbacks
):
    with monkeypatch.context() as lost, django_capture_on_commit_callbacks(execute=True):
        queued = lose(lost, meeting_tasks.email_written_proposal)
        proposal = services.open_written_proposal(
            partnership=warwickshire,
            by=chair,
            title="Summer diversionary activities",
            proposal="Release 20,000 pounds of the partnership grant for summer activities in Nuneaton.",
            why_now="The activities must be booked before the next meeting.",
            respond_by=datetime.date(2026, 12, 9),
        )
    assert queued == [(proposal.pk,)]

    sweep(django_capture_on_commit_callbacks)
    sweep(django_capture_on_commit_callbacks)

    assert emails("Decision in writing:") == MEMBERS


def test_an_announcement_older_than_a_week_is_not_taken_up(
    meeting, chair, member, secretariat, monkeypatch, django_capture_on_commit_callbacks
):
    """What was circulated before the sweep looked after lost tasks is not sent out of the blue."""
    with monkeypatch.context() as lost:
        lose(lost, meeting_tasks.email_agenda_circulated)
        circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        sweep(django_capture_on_commit_callbacks)

    assert emails("Agenda:") == []


def test_the_check_deadlines_command_recovers_them_too(
    meeting, chair, member, secretariat, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    with monkeypatch.context() as lost:
        lose(lost, meeting_tasks.email_agenda_circulated)
        circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("check_deadlines")
    assert emails("Agenda:") == MEMBERS


def test_no_agenda_is_sent_late_for_a_meeting_already_held(
    meeting, chair, member, secretariat, monkeypatch, django_capture_on_commit_callbacks
):
    """Circulated late (10 December, for the 15th), its task lost, and no sweep until the 16th:
    within the week looked back over, but the meeting is over."""
    with monkeypatch.context() as lost, time_machine.travel(timezone.make_aware(datetime.datetime(2026, 12, 10, 9))):
        lose(lost, meeting_tasks.email_agenda_circulated)
        circulate(meeting, chair, secretariat, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.make_aware(datetime.datetime(2026, 12, 16, 9)), tick=False):
        sweep(django_capture_on_commit_callbacks)
    assert emails("Agenda:") == []
