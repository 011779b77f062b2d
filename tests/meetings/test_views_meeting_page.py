"""A meeting's page: who reads it, what it shows, and the chair's and the secretariat's
buttons for the whole agenda: agree it, circulate it (ToR 5.7)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from meetings.models import AgendaItem, Meeting, MeetingStatus
from partnership.models import ClosureDay
from tests.factories import AgendaItemFactory, MemberFactory, PersonFactory, UserFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime.date(2027, 6, 15)  # agenda due Tuesday 8 June, minutes Tuesday 29 June


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@pytest.fixture(autouse=True)
def today(time_machine):
    """Late May 2027: the June meeting is ahead and its agenda not yet due."""
    time_machine.move_to(at(datetime.date(2027, 5, 20)), tick=False)
    return datetime.date(2027, 5, 20)


@pytest.fixture
def meeting(warwickshire):
    return services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=TUESDAY,
        start_time=datetime.time(14),
        end_time=datetime.time(16),
        place="Shire Hall, Warwick",
        online_link="https://meet.example.org/board",
    )


def url(meeting, name="meeting"):
    return reverse(f"meetings:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def reload(meeting) -> Meeting:
    return Meeting.objects.get(pk=meeting.pk)


# Reading the page.


def test_anonymous_visitor_is_sent_to_sign_in(client, meeting):
    response = client.get(url(meeting))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 200), ("chair", 200), ("secretariat", 200), ("staff", 200)]
)
def test_who_reads_the_meeting(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(meeting)).status_code == status


def test_a_meeting_is_found_only_under_its_own_partnership(client, secretariat, meeting, other_partnership):
    signed_in(client, secretariat)
    wrong = reverse("meetings:meeting", kwargs={"slug": other_partnership.slug, "pk": meeting.pk})
    assert client.get(wrong).status_code == 404


def test_the_page_shows_the_meeting_and_both_deadlines(client, member, meeting):
    signed_in(client, member)
    page = client.get(url(meeting)).text
    assert "Tuesday 15 June 2027, 14:00 to 16:00" in page
    assert "Shire Hall, Warwick" in page
    assert 'href="https://meet.example.org/board"' in page
    assert "Private: members only" in page
    assert "Planned" in page
    assert "Tuesday 8 June 2027" in page  # agenda due
    assert "Tuesday 29 June 2027" in page  # minutes due
    assert "Not agreed yet" in page
    assert "Not circulated yet" in page
    for title in ("Apologies for absence", "Declarations of interest", "Minutes of the last meeting"):
        assert title in page


def test_a_member_reads_confidential_items_with_their_reason(client, member, meeting):
    services.add_agenda_item(
        meeting=meeting, title="Domestic homicide review", is_confidential=True, confidential_reason="personal"
    )
    signed_in(client, member)
    page = client.get(url(meeting)).text
    assert "Domestic homicide review" in page
    assert "Exempt: personal information" in page


def test_a_member_sees_no_buttons(client, member, meeting):
    signed_in(client, member)
    page = client.get(url(meeting)).text
    for button in (
        "Agree the agenda",
        "Circulate the agenda",
        "Add an item",
        "Move up",
        "Remove",
        "Change the meeting",
    ):
        assert button not in page


def test_the_planners_warnings_are_shown_again(client, secretariat, warwickshire):
    january = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 1, 5), start_time=datetime.time(14)
    )
    signed_in(client, secretariat)
    page = client.get(url(january)).text
    assert "Thursday 24 December 2026" in page
    assert "the last working day before Christmas Day" in page


def test_a_closure_day_moves_the_deadline(client, secretariat, warwickshire, meeting):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2027, 6, 8), name="County show day")
    signed_in(client, secretariat)
    page = client.get(url(meeting)).text
    assert "Monday 7 June 2027" in page
    assert "County show day" in page


def test_the_secretariat_sees_its_buttons_but_not_circulate_before_agreement(client, secretariat, meeting):
    signed_in(client, secretariat)
    page = client.get(url(meeting)).text
    assert "Add an item" in page
    assert "Move down" in page
    assert "Remove" in page
    assert "Change the meeting's details" in page
    assert "Circulate the agenda" not in page
    assert "Agree the agenda" not in page
    assert "The chair agrees the agenda before it is circulated" in page


def test_the_chair_sees_agree_but_cannot_change_items(client, chair, meeting):
    signed_in(client, chair)
    page = client.get(url(meeting)).text
    assert "Agree the agenda" in page
    assert "Add an item" not in page
    assert "Move down" not in page


# The chair agrees the agenda.


def test_anonymous_visitor_cannot_agree(client, meeting):
    response = client.post(url(meeting, "agenda-agree"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert reload(meeting).agenda_agreed_at is None


@pytest.mark.parametrize(
    ("who", "status", "message"),
    [
        ("outsider", 404, "Page not found"),
        ("member", 403, "Only the chair, or whoever presides at this meeting"),
        ("secretariat", 403, "Only the chair, or whoever presides at this meeting"),
    ],
)
def test_only_the_chair_agrees(client, request, meeting, who, status, message):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(url(meeting, "agenda-agree"))
    assert response.status_code == status
    assert message in response.text
    assert reload(meeting).agenda_agreed_at is None


def test_the_chair_agrees_the_agenda(client, chair, meeting, today):
    signed_in(client, chair)
    response = client.post(url(meeting, "agenda-agree"), follow=True)
    assert response.redirect_chain == [(url(meeting), 302)]
    assert "Agenda agreed" in response.text
    assert "Agreed by Carol Chair on 20 May 2027 at 10:00" in response.text
    agreed = reload(meeting)
    assert agreed.agenda_agreed_by.username == "carol.chair"
    assert agreed.agenda_agreed_at == at(today)


def test_whoever_presides_agrees_in_the_chairs_absence(client, warwickshire, police, meeting):
    user = UserFactory(username="vic.vice")
    seat = MemberFactory(nominating_body=police, person=PersonFactory(name="Vic Vice", user=user))
    services.reschedule_meeting(meeting=meeting, presiding_member=seat)
    signed_in(client, user)
    assert client.post(url(meeting, "agenda-agree")).status_code == 302
    assert reload(meeting).agenda_agreed_by == user


def test_an_agenda_is_agreed_once(client, chair, meeting):
    services.agree_agenda(meeting=meeting, by=chair, now=at(datetime.date(2027, 5, 19)))
    signed_in(client, chair)
    response = client.post(url(meeting, "agenda-agree"))
    assert response.status_code == 400
    assert "The chair has already agreed this agenda." in response.text
    assert "govuk-error-summary" in response.text
    assert reload(meeting).agenda_agreed_at == at(datetime.date(2027, 5, 19))


def test_agree_is_a_post(client, chair, meeting):
    signed_in(client, chair)
    assert client.get(url(meeting, "agenda-agree")).status_code == 405


# The secretariat circulates it.


@pytest.fixture
def agreed(meeting, chair):
    services.agree_agenda(meeting=meeting, by=chair)
    return reload(meeting)


@pytest.mark.parametrize(
    ("who", "status", "message"),
    [
        ("outsider", 404, "Page not found"),
        ("member", 403, "Only the partnership&#x27;s secretariat can circulate the agenda."),
        ("chair", 403, "Only the partnership&#x27;s secretariat can circulate the agenda."),
    ],
)
def test_only_the_secretariat_circulates(client, request, agreed, who, status, message):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(url(agreed, "agenda-circulate"))
    assert response.status_code == status
    assert message in response.text
    assert not reload(agreed).is_circulated


def test_an_agenda_the_chair_has_not_agreed_is_not_circulated(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(url(meeting, "agenda-circulate"))
    assert response.status_code == 400
    assert "The chair has not agreed the agenda yet" in response.text
    assert "Error: Board meeting" in response.text
    assert not reload(meeting).is_circulated


def test_the_secretariat_circulates_on_time(
    client, secretariat, member, agreed, today, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    signed_in(client, secretariat)
    assert "Circulate the agenda" in client.get(url(agreed)).text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(agreed, "agenda-circulate"), follow=True)
    assert "Agenda circulated to the members, on time." in response.text
    assert "On time" in response.text
    assert "Circulate the agenda" not in response.text
    circulated = reload(agreed)
    assert circulated.status == MeetingStatus.AGENDA_CIRCULATED
    assert circulated.agenda_circulated_at == at(today)
    assert not circulated.agenda_circulated_late
    assert "mo.member@police.example.org" in [message.to[0] for message in mailoutbox]


def test_circulating_after_the_agenda_was_due_is_late(client, secretariat, agreed, time_machine):
    time_machine.move_to(at(datetime.date(2027, 6, 10)), tick=False)
    signed_in(client, secretariat)
    response = client.post(url(agreed, "agenda-circulate"), follow=True)
    assert "Agenda circulated to the members, late: it was due by 8 June 2027." in response.text
    assert reload(agreed).agenda_circulated_late


def test_an_agenda_is_not_circulated_after_the_meeting(client, secretariat, agreed, time_machine):
    time_machine.move_to(at(datetime.date(2027, 6, 16)), tick=False)
    signed_in(client, secretariat)
    response = client.post(url(agreed, "agenda-circulate"))
    assert response.status_code == 400
    assert "The meeting has taken place, so its agenda can no longer go out." in response.text
    assert not reload(agreed).is_circulated


def test_a_held_meeting_offers_no_changes(client, secretariat, chair, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    signed_in(client, secretariat)
    page = client.get(url(meeting)).text
    assert "Add an item" not in page
    assert "Remove" not in page


# Queries.


def queries_for_page(client, meeting) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url(meeting)).status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["secretariat", "chair", "member"])
def test_the_page_costs_the_same_at_40_items(client, request, warwickshire, meeting, who):
    signed_in(client, request.getfixturevalue(who))
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2027, 6, 4), name="Closure")
    client.get(url(meeting))  # sets the CSRF cookie: a page drawn from now on is also kept
    small = queries_for_page(client, meeting)
    AgendaItemFactory.create_batch(
        36,
        meeting=meeting,
        is_confidential=True,
        confidential_reason="personal",
        is_late=True,
        late_reason="Urgent",
    )
    accepted = AgendaItem.objects.filter(meeting=meeting, is_late=True)[:10]
    AgendaItem.objects.filter(pk__in=[item.pk for item in accepted]).update(
        chair_accepted=True, chair_accepted_by=UserFactory(), chair_accepted_at=at(datetime.date(2027, 5, 1))
    )
    assert meeting.agenda_items.count() == 40
    assert queries_for_page(client, meeting) == small


def test_the_page_at_40_items_stays_within_its_queries(client, secretariat, meeting, django_assert_max_num_queries):
    items = AgendaItemFactory.create_batch(36, meeting=meeting)
    for item in items[:20]:
        services.add_paper(agenda_item=item, title=f"Paper for {item.title}")
    for n in range(5):
        services.submit_paper(meeting=meeting, by=secretariat, title=f"Offered {n}", summary="A summary.")
        services.add_work_item(partnership=meeting.partnership, title=f"Work {n}", due_by=meeting.date, meeting=meeting)
    signed_in(client, secretariat)
    # Session, user, meeting, its agenda and papers, closure days, the roles the rules read,
    # the papers offered (the user's and all), the work programme's offer, the member role
    # (the record's links), the minutes (the minutes' links) and the actions still open under
    # matters arising (none here, so their milestones are not read).
    with django_assert_max_num_queries(14):
        response = client.get(url(meeting))
    assert response.status_code == 200
    assert response.text.count("Paper: ") == 20
    assert response.text.count("Return the paper") == 5
    assert response.text.count("Put on the agenda<span") == 10
