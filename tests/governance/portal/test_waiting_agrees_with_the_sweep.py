""" "Waiting on me" and the reminder emails pick their meetings with the same selection
(governance/deadlines/agenda.py and minutes.py): every meeting the sweep emails the secretariat
about today is on the secretariat's home, including a meeting recorded as held today."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.deadlines.sweep import find_notices
from meetings.models import Minutes
from tests.factories import MeetingFactory
from tests.helpers import signed_in

from .portal_support import AGENDA_DUE_TODAY, HELD, TODAY

pytestmark = pytest.mark.django_db
HOME = reverse("governance:home")
TASKS = {"agenda": "Circulate the agenda and papers", "minutes": "Circulate the minutes"}


def emailed_about_today() -> set[tuple[str, str]]:
    """(agenda or minutes, meeting) for each reminder the sweep sends the secretariat today."""
    found = set()
    for notice in find_notices(now=timezone.now()):
        subject, _sep, what = notice.kind.partition("_")
        if subject in TASKS and notice.about.startswith("meeting:") and what in ("due_soon", "late"):
            found.add((subject, notice.about))
    return found


def home_of(client, user) -> str:
    response = signed_in(client, user).get(HOME)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_a_meeting_recorded_as_held_today_is_waiting_on_the_secretariat_as_the_sweep_says(
    client, warwickshire, secretariat
):
    warwickshire.minutes_working_days = 3  # due in 3 working days: the reminder opens today
    warwickshire.save()
    held_today = MeetingFactory(partnership=warwickshire, date=TODAY, status="held", title="Extraordinary meeting")

    assert ("minutes", f"meeting:{held_today.pk}") in emailed_about_today()
    assert "Circulate the minutes: Extraordinary meeting, 25 November 2026" in home_of(client, secretariat)


def test_every_meeting_the_sweep_reminds_of_is_waiting_on_the_secretariat(client, warwickshire, secretariat):
    meetings = {
        "agenda due today": MeetingFactory(partnership=warwickshire, date=AGENDA_DUE_TODAY, title="Agenda due"),
        "agenda late": MeetingFactory(
            partnership=warwickshire, date=TODAY + datetime.timedelta(days=2), title="Agenda late"
        ),
        "minutes due soon": MeetingFactory(partnership=warwickshire, date=HELD, status="held", title="Minutes due"),
        "minutes late": MeetingFactory(
            partnership=warwickshire, date=HELD - datetime.timedelta(days=21), status="held", title="Minutes late"
        ),
        "minutes held today": MeetingFactory(partnership=warwickshire, date=TODAY, status="held", title="Held today"),
    }
    Minutes.objects.create(meeting=meetings["minutes late"])
    emailed = emailed_about_today()
    page = home_of(client, secretariat)

    assert len(emailed) == 4  # held today: its reminder opens in a week
    for subject, about in emailed:
        meeting = next(meeting for meeting in meetings.values() if about == f"meeting:{meeting.pk}")
        assert f"{TASKS[subject]}: {meeting}" in page
    assert f"{TASKS['minutes']}: {meetings['minutes held today']}" not in page
