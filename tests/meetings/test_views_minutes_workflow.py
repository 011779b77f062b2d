"""The buttons of the minutes' life (ToR 5.8): whoever chaired approves, and nobody else (the
vice chair who did not chair is refused by the permission and by the service); the secretariat
or whoever chaired returns them to draft; the secretariat circulates them, on time or late, and
records their confirmation at a later meeting. Every refusal saves nothing."""

import datetime
from html import unescape

import pytest

from meetings import services
from meetings.models import MinutesStatus, MinutesVersion
from partnership.errors import RuleBroken
from tests.factories import MeetingFactory
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import (
    MEETING_DAY,
    NEXT_MEETING_DAY,
    at,
    minutes_url,
    record_everyone_present,
    reload,
)

# Approving.


def test_whoever_chaired_approves_the_minutes(client, chair, started):
    response = signed_in(client, chair).post(minutes_url(started.meeting, "approve"))
    assert response.status_code == 302
    minutes = reload(started)
    assert minutes.status == MinutesStatus.APPROVED
    assert minutes.approved_as.person.name == "Carol Chair"
    assert MinutesVersion.objects.filter(minutes=minutes, number=1).exists()
    page = client.get(response.url)
    assert "Minutes approved (version 1). The secretariat can now circulate them." in page.text
    assert "By Carol Chair on 15 June 2027" in page.text


def test_the_vice_chair_who_did_not_chair_is_refused_approval(client, vice_chair, started):
    response = signed_in(client, vice_chair).post(minutes_url(started.meeting, "approve"))
    assert response.status_code == 403
    assert "Only the person who chaired this meeting can approve its minutes (ToR 5.8)." in response.text
    assert reload(started).status == MinutesStatus.DRAFT
    assert not MinutesVersion.objects.exists()


def test_the_service_refuses_the_vice_chair_too(vice_chair, started):
    with pytest.raises(RuleBroken, match="Only Carol Chair, who chaired this meeting, can approve its minutes"):
        services.approve_minutes(minutes=started, by=vice_chair)
    assert reload(started).status == MinutesStatus.DRAFT


def test_the_vice_chair_approves_when_named_to_preside(client, chair, vice_chair, started):
    meeting = started.meeting
    meeting.presiding_member = vice_chair.person.seats.get()
    meeting.save()
    # The chair sent apologies, so the vice chair presided (ToR 5.4).
    services.record_attendance(meeting=meeting, member=chair.person.seats.get(), status="apologies")
    response = signed_in(client, vice_chair).post(minutes_url(meeting, "approve"))
    assert response.status_code == 302
    assert reload(started).approved_as.person.name == "Vic Vice"


@pytest.mark.parametrize("who", ["secretariat", "member", "staff"])
def test_nobody_else_approves(client, request, who, started):
    response = signed_in(client, request.getfixturevalue(who)).post(minutes_url(started.meeting, "approve"))
    assert response.status_code == 403
    assert reload(started).status == MinutesStatus.DRAFT


def test_someone_from_another_partnership_is_told_nothing(client, outsider, started):
    for name in ("approve", "return", "circulate", "confirm"):
        assert signed_in(client, outsider).post(minutes_url(started.meeting, name)).status_code == 404


def test_approving_twice_is_refused_on_the_page(client, chair, approved):
    response = signed_in(client, chair).post(minutes_url(approved.meeting, "approve"))
    assert response.status_code == 400
    assert "The minutes are approved by the chair. Return them to draft to change them" in response.text
    assert "<title>Error: " in response.text
    assert MinutesVersion.objects.count() == 1


def test_anonymous_visitor_is_sent_to_sign_in(client, started):
    response = client.post(minutes_url(started.meeting, "approve"))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


# Returning to draft.


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_the_secretariat_or_whoever_chaired_returns_approved_minutes_to_draft(client, request, who, circulated):
    response = signed_in(client, request.getfixturevalue(who)).post(minutes_url(circulated.meeting, "return"))
    assert response.status_code == 302
    minutes = reload(circulated)
    assert (minutes.status, minutes.circulated_at, minutes.version) == (MinutesStatus.DRAFT, None, 1)
    assert "The minutes are back in draft." in client.get(response.url).text


@pytest.mark.parametrize("who", ["member", "vice_chair"])
def test_others_cannot_return_minutes_to_draft(client, request, who, circulated):
    response = signed_in(client, request.getfixturevalue(who)).post(minutes_url(circulated.meeting, "return"))
    assert response.status_code == 403
    assert "Only the secretariat or whoever chaired the meeting can return its minutes to draft." in response.text
    assert reload(circulated).status == MinutesStatus.CIRCULATED


def test_confirmed_minutes_stay_confirmed(client, secretariat, circulated, after_the_next_meeting):
    services.confirm_minutes(minutes=circulated, at_meeting=after_the_next_meeting, by=secretariat)
    response = signed_in(client, secretariat).post(minutes_url(circulated.meeting, "return"))
    assert response.status_code == 400
    assert "The board confirmed these minutes as a true record; they stay as confirmed." in response.text
    assert reload(circulated).status == MinutesStatus.CONFIRMED


def test_approved_again_they_are_a_second_version(client, chair, secretariat, approved):
    signed_in(client, secretariat).post(minutes_url(approved.meeting, "return"))
    signed_in(client, chair).post(minutes_url(approved.meeting, "approve"))
    assert list(MinutesVersion.objects.values_list("number", flat=True)) == [1, 2]


# Circulating.


def test_circulating_on_time_says_so(
    client, secretariat, approved, time_machine, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    time_machine.move_to(at(datetime.date(2027, 6, 29), 16), tick=True)  # the last day
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(client, secretariat).post(minutes_url(approved.meeting, "circulate"))
    assert response.status_code == 302
    minutes = reload(approved)
    assert (minutes.status, minutes.is_late) == (MinutesStatus.CIRCULATED, False)
    page = client.get(response.url).text
    assert "Minutes circulated to the members, on time: they were due by 29 June 2027." in page
    assert "On time" in page
    assert len(mailoutbox) == 6


def test_circulating_late_says_so(client, secretariat, approved, time_machine):
    time_machine.move_to(at(datetime.date(2027, 6, 30)), tick=True)  # the day after they were due
    response = signed_in(client, secretariat).post(minutes_url(approved.meeting, "circulate"))
    assert reload(approved).is_late
    page = client.get(response.url).text
    assert "Minutes circulated to the members, late: they were due by 29 June 2027." in page
    assert "Late</strong>" in page


def test_circulating_a_draft_is_refused(client, secretariat, started):
    response = signed_in(client, secretariat).post(minutes_url(started.meeting, "circulate"))
    assert response.status_code == 400
    assert "The chair has not approved the minutes yet; only approved minutes go out (ToR 5.8)." in response.text
    assert reload(started).circulated_at is None


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_circulates(client, request, who, approved):
    response = signed_in(client, request.getfixturevalue(who)).post(minutes_url(approved.meeting, "circulate"))
    assert response.status_code == 403
    assert "Only the partnership's secretariat circulates the minutes." in unescape(response.text)
    assert reload(approved).status == MinutesStatus.APPROVED


def test_circulating_before_the_minutes_are_started_is_not_found(client, secretariat, held):
    assert signed_in(client, secretariat).post(minutes_url(held, "circulate")).status_code == 404


# Confirming at a later meeting.


def test_the_secretariat_records_the_confirmation_at_the_next_meeting(
    client, secretariat, circulated, after_the_next_meeting
):
    signed_in(client, secretariat)
    form = client.get(minutes_url(circulated.meeting, "confirm"))
    assert form.status_code == 200
    assert "Board meeting, 20 July 2027" in form.text
    assert "Board meeting, 15 June 2027</option>" not in form.text  # not the meeting itself
    response = client.post(minutes_url(circulated.meeting, "confirm"), {"at_meeting": after_the_next_meeting.pk})
    assert response.status_code == 302
    minutes = reload(circulated)
    assert (minutes.status, minutes.confirmed_at_meeting) == (MinutesStatus.CONFIRMED, after_the_next_meeting)
    page = client.get(response.url).text
    assert "Minutes confirmed as a true record." in page
    assert "At the Board meeting on 20 July 2027" in page


def test_confirming_at_an_earlier_meeting_is_refused(client, secretariat, circulated, warwickshire):
    earlier = MeetingFactory(partnership=warwickshire, date=MEETING_DAY - datetime.timedelta(weeks=6))
    response = signed_in(client, secretariat).post(
        minutes_url(circulated.meeting, "confirm"), {"at_meeting": earlier.pk}
    )
    assert response.status_code == 400
    assert "Choose a later meeting of the partnership" in response.text
    assert "<title>Error: " in response.text
    assert reload(circulated).status == MinutesStatus.CIRCULATED


def test_confirming_at_a_meeting_without_the_previous_minutes_item_is_refused(
    client, secretariat, circulated, warwickshire, time_machine
):
    workshop = MeetingFactory(partnership=warwickshire, title="Strategy workshop", date=NEXT_MEETING_DAY)
    time_machine.move_to(at(NEXT_MEETING_DAY, 17), tick=True)
    record_everyone_present(workshop)
    response = signed_in(client, secretariat).post(
        minutes_url(circulated.meeting, "confirm"), {"at_meeting": workshop.pk}
    )
    assert response.status_code == 400
    assert 'That meeting has no "Minutes of the last meeting" item' in unescape(response.text)
    assert reload(circulated).status == MinutesStatus.CIRCULATED


def test_confirming_before_the_next_meeting_has_met_is_refused(client, secretariat, circulated, next_meeting):
    response = signed_in(client, secretariat).post(
        minutes_url(circulated.meeting, "confirm"), {"at_meeting": next_meeting.pk}
    )
    assert response.status_code == 400
    assert "That meeting is on 20 July 2027; record the confirmation once it has met." in response.text
    assert reload(circulated).status == MinutesStatus.CIRCULATED


def test_a_meeting_of_another_partnership_is_no_choice(client, secretariat, circulated, other_partnership):
    theirs = MeetingFactory(partnership=other_partnership, date=NEXT_MEETING_DAY)
    response = signed_in(client, secretariat).post(
        minutes_url(circulated.meeting, "confirm"), {"at_meeting": theirs.pk}
    )
    assert response.status_code == 400
    assert reload(circulated).status == MinutesStatus.CIRCULATED


def test_confirming_approved_minutes_not_yet_circulated_is_refused(
    client, secretariat, approved, after_the_next_meeting
):
    response = signed_in(client, secretariat).post(
        minutes_url(approved.meeting, "confirm"), {"at_meeting": after_the_next_meeting.pk}
    )
    assert response.status_code == 400
    assert "Only minutes circulated to the members can be confirmed." in response.text


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_records_the_confirmation(client, request, who, circulated, after_the_next_meeting):
    response = signed_in(client, request.getfixturevalue(who)).post(
        minutes_url(circulated.meeting, "confirm"), {"at_meeting": after_the_next_meeting.pk}
    )
    assert response.status_code == 403
    assert reload(circulated).status == MinutesStatus.CIRCULATED
