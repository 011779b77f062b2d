"""Each panel of "Your home": what it shows the member, the chair and the secretariat, with
links to the pages where things are done, and what it says when it has nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models_registers import InterestRegisterConfirmation
from meetings.models import Minutes, Paper
from partnership.models import Member, NominatingBody
from tests.factories import ConductDocumentFactory, MeetingFactory, PartnershipFactory
from tests.helpers import signed_in

from .portal_support import AGENDA_DUE_TODAY, TODAY, circulated_meeting, notification, owned_action, proposal, scene

pytestmark = pytest.mark.django_db
HOME = reverse("governance:home")


def home(client, user) -> str:
    response = signed_in(client, user).get(HOME)
    assert response.status_code == 200
    return response.content.decode()


def test_an_empty_home_says_so_in_every_panel(client, warwickshire, member):
    page = home(client, member)
    assert "Nothing is waiting on you." in page
    assert "You have no meetings coming up." in page
    assert "You have not declared an interest at a meeting." in page
    assert "You own no open actions." in page
    assert "You have no notifications." in page


def test_next_meetings_show_when_where_and_whether_the_agenda_is_out(client, warwickshire, member):
    sent = circulated_meeting(warwickshire, TODAY + datetime.timedelta(days=14), papers=2, title="Board meeting")
    MeetingFactory(partnership=warwickshire, date=TODAY + datetime.timedelta(days=60), title="Annual meeting", place="")
    MeetingFactory(partnership=warwickshire, date=TODAY - datetime.timedelta(days=1), title="Yesterday's meeting")
    page = home(client, member)
    assert "Board meeting, Wednesday 9 December 2026" in page
    assert "Shire Hall, Warwick" in page
    assert "14:00" in page
    assert "Sent on 24 November 2026" in page
    assert "Annual meeting, Sunday 24 January 2027" in page
    assert "Not sent yet" in page
    assert "To be confirmed" in page
    assert "Yesterday&#x27;s meeting" not in page
    assert reverse("papers:pack", args=[warwickshire.slug, sent.pk]) in page
    for paper in Paper.objects.filter(agenda_item__meeting=sent):
        assert reverse("papers:paper", args=[warwickshire.slug, paper.pk]) in page
    assert page.count("What you must read") == 1


def test_declarations_panel_shows_the_register_due_and_the_declarations(
    client, warwickshire, secretariat, chair, member
):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member)
    page = home(client, member)
    assert "Register last confirmed" in page
    assert "Never" in page
    assert "Due now" in page
    assert "Personal interest in “Item 1”" in page
    assert reverse("governance:my-interests") in page
    assert reverse("governance:my-gifts") in page


def test_a_register_confirmed_this_year_is_up_to_date(client, warwickshire, member):
    InterestRegisterConfirmation.objects.create(
        person=member.person, confirmed_at=timezone.now() - datetime.timedelta(days=30)
    )
    page = home(client, member)
    assert "26 October 2026" in page
    assert "Up to date" in page
    assert "Due now" not in page


def test_a_register_confirmed_over_a_year_ago_is_due(client, warwickshire, member):
    InterestRegisterConfirmation.objects.create(
        person=member.person, confirmed_at=timezone.now() - datetime.timedelta(days=400)
    )
    assert "Due now" in home(client, member)


def test_an_officer_without_a_seat_keeps_no_register(client, warwickshire, secretariat):
    assert "you keep no register of interests" in home(client, secretariat)


def test_actions_panel_shows_open_actions_with_overdue_and_next_milestones(client, warwickshire, member):
    action = owned_action(Member.objects.get(person__user=member), title="Reduce reoffending")
    done = owned_action(Member.objects.get(person__user=member), title="Finished work")
    done.milestones.update(status="done", completed_on=TODAY)
    page = home(client, member)
    assert "Reduce reoffending" in page
    assert "Finished work" not in page
    assert "Overdue" in page
    assert "Reduce reoffending: first step, due 22 November 2026" in page
    assert "Next milestone: Reduce reoffending: second step, due 25 December 2026" in page
    assert reverse("my_actions:progress", args=[action.pk]) in page
    assert reverse("my_actions:list") in page


def test_notifications_panel_shows_the_newest(client, warwickshire, member):
    for number in range(5):
        notification(warwickshire, user=member, subject=f"Reminder {number}", n=number)
    page = home(client, member)
    assert "Reminder 0" in page
    assert "Reminder 2" in page
    assert "Reminder 3" not in page
    assert reverse("governance:my-notifications") in page


def test_member_is_waiting_to_respond_in_writing_and_acknowledge(client, warwickshire, secretariat, chair, member):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member)
    ConductDocumentFactory(partnership=warwickshire, title="Code of Conduct 2026")
    page = home(client, member)
    assert "As a member" in page
    assert "As chair" not in page
    assert "As secretariat" not in page
    assert "Respond to the decision in writing: Adopt the strategy 0" in page
    assert "Fund the project" not in page  # responses closed: nothing left for the member
    assert "Acknowledge: Code of Conduct 2026" in page
    assert reverse("governance:acknowledge") in page


def test_chair_is_waiting_to_agree_accept_approve_and_close(client, warwickshire, secretariat, chair, member):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member)
    page = home(client, chair)
    assert "As chair" in page
    assert "Agree the agenda: Extra 0" in page
    assert "Accept or refuse a late item: Late item 0" in page
    assert "Approve the minutes: Board meeting, 12 November 2026" in page
    assert "Close the decision in writing: Fund the project 0" in page
    assert "Agree the agenda: Board meeting 0" not in page  # already circulated


def test_member_presiding_in_the_chairs_absence_approves_those_minutes(client, warwickshire, chair, member):
    held = MeetingFactory(
        partnership=warwickshire,
        date=datetime.date(2026, 11, 12),
        status="held",
        presiding_member=Member.objects.get(person__user=member),
    )
    Minutes.objects.create(meeting=held)
    assert "Approve the minutes: Board meeting, 12 November 2026" in home(client, member)
    assert "Approve the minutes" not in home(client, chair)


def test_secretariat_is_waiting_to_circulate_and_put_right(client, warwickshire, secretariat, chair, member):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member)
    page = home(client, secretariat)
    assert "As secretariat" in page
    assert "As chair" not in page
    assert "Circulate the agenda and papers: Extra 0, 2 December 2026" in page
    assert "due 25 November 2026" in page
    assert "Circulate the minutes: Board meeting, 12 November 2026" in page
    assert "Look into notifications that could not be sent: 1 could not be sent" in page
    assert reverse("governance:partnership-notifications", args=[warwickshire.slug]) + "?status=failed" in page
    assert reverse("governance:compliance", args=[warwickshire.slug]) in page  # the code of conduct: due


def test_person_on_two_partnerships_sees_each_labelled(client, warwickshire, member):
    rugby = PartnershipFactory(name="Rugby Community Safety Partnership", slug="rugby-csp")
    body = NominatingBody.objects.create(partnership=rugby, name="Rugby Borough Council", seats=1)
    Member.objects.create(partnership=rugby, nominating_body=body, person=member.person, active=True)
    circulated_meeting(warwickshire, TODAY + datetime.timedelta(days=14), title="Warwickshire board")
    circulated_meeting(rugby, TODAY + datetime.timedelta(days=15), title="Rugby board")
    proposal(rugby, title="Rugby proposal", respond_by=TODAY + datetime.timedelta(days=3))
    page = home(client, member)
    assert "Warwickshire board" in page
    assert "Rugby board" in page
    assert page.count(warwickshire.name) >= 1
    assert page.count(rugby.name) >= 2
    assert "Respond to the decision in writing: Rugby proposal" in page


def test_agenda_to_circulate_appears_only_once_its_reminder_is_out(client, warwickshire, secretariat):
    MeetingFactory(partnership=warwickshire, date=AGENDA_DUE_TODAY, title="Soon")
    MeetingFactory(partnership=warwickshire, date=TODAY + datetime.timedelta(days=60), title="Later")
    page = home(client, secretariat)
    assert "Circulate the agenda and papers: Soon" in page
    assert "Circulate the agenda and papers: Later" not in page
