"""A member the chair has required to withdraw from partnership business (the Code of Conduct's
Compliance section, seed 001) sees so on the partnership's meeting pages, and cannot declare an
interest, respond to a decision in writing or be recorded as present until the breach is
resolved; the attendance page shows them as withdrawn."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from governance import services_registers as governance
from meetings import services
from meetings.models import Attendance, Decision, Declaration, WrittenResponse
from partnership.errors import RuleBroken
from partnership.models import Member
from tests.factories import AgendaItemFactory, MeetingFactory, MemberFactory, NominatingBodyFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=LONDON)
NOTICE = "You are withdrawn from partnership business since 25 November 2026."
REASON = "Required by the chair to withdraw from partnership business until a matter is resolved"
REFUSAL = (
    f"Mo Member has been withdrawn from partnership business since 25 November 2026 ({REASON}), so takes no part "
    "in it until the matter is resolved."
)


@pytest.fixture
def seat(member):
    return Member.objects.select_related("person").get(person__user=member)


@pytest.fixture
def breach(warwickshire, seat, secretariat):
    return governance.record_breach(
        partnership=warwickshire,
        member=seat,
        description="Shared a confidential paper with the press.",
        reported_on=datetime.date(2026, 11, 24),
        by=secretariat,
        now=NOW,
    )


@pytest.fixture
def withdrawn(breach, chair, seat):
    """Mo Member is withdrawn from partnership business since this morning. `seat` was loaded
    before: the services must read the state afresh."""
    governance.require_withdrawal(breach=breach, by=chair, now=NOW)
    return seat


@pytest.fixture
def coming(warwickshire):
    return MeetingFactory(partnership=warwickshire, date=datetime.date(2027, 6, 15))


@pytest.fixture
def today_meeting(warwickshire):
    return MeetingFactory(partnership=warwickshire, date=datetime.date(2026, 11, 25), title="Extraordinary meeting")


@pytest.fixture
def yesterday_meeting(warwickshire):
    return MeetingFactory(partnership=warwickshire, date=datetime.date(2026, 11, 24), title="Board meeting")


def refused(call, message=REFUSAL):
    with pytest.raises(RuleBroken) as broken:
        call()
    assert broken.value.message == message
    return broken.value


# The services refuse.


def test_a_withdrawn_member_cannot_declare_an_interest(withdrawn, coming, secretariat):
    item = AgendaItemFactory(meeting=coming)

    broken = refused(
        lambda: services.declare_interest(
            agenda_item=item, member=withdrawn, kind="personal", nature="My spouse works there.", by=secretariat
        )
    )

    assert broken.field == "member"
    assert not Declaration.objects.exists()


def test_nor_be_recorded_present(withdrawn, today_meeting):
    broken = refused(lambda: services.record_attendance(meeting=today_meeting, member=withdrawn, status="present"))

    assert broken.field == "status"
    assert not Attendance.objects.exists()


def test_apologies_and_absence_are_still_recorded(withdrawn, today_meeting):
    services.record_attendance(meeting=today_meeting, member=withdrawn, status="apologies")
    services.record_attendance(meeting=today_meeting, member=withdrawn, status="absent")

    assert Attendance.objects.get().status == "absent"


def test_the_record_of_a_meeting_before_the_withdrawal_stands(withdrawn, yesterday_meeting):
    """Business done before the chair required the withdrawal is recorded as it happened."""
    item = AgendaItemFactory(meeting=yesterday_meeting)

    services.record_attendance(meeting=yesterday_meeting, member=withdrawn, status="present")
    services.declare_interest(agenda_item=item, member=withdrawn, kind="personal", nature="A friend's firm bid.")

    assert Attendance.objects.get().status == "present"
    assert Declaration.objects.count() == 1


def test_nor_respond_to_a_decision_in_writing(warwickshire, chair, withdrawn):
    proposal = services.open_written_proposal(
        partnership=warwickshire,
        title="Summer diversionary activities",
        proposal="Release the grant.",
        why_now="Bookings close before the next meeting.",
        respond_by=datetime.date(2026, 12, 4),
        by=chair,
    )

    refused(lambda: services.respond_in_writing(proposal=proposal, member=withdrawn, response="for"))

    assert not WrittenResponse.objects.exists()


def test_nor_be_named_as_a_voter_though_a_substitute_attends(warwickshire, withdrawn, today_meeting):
    """The nominating body may still send a substitute, who counts as present, but no vote is
    cast in the withdrawn member's name."""
    others = [MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire)) for _ in range(4)]
    for other in others:
        services.record_attendance(meeting=today_meeting, member=other, status="present")
    services.record_attendance(
        meeting=today_meeting, member=withdrawn, status="substitute", substitute_name="Dee Deputy"
    )
    item = AgendaItemFactory(meeting=today_meeting, title="Commissioning of treatment services")

    broken = refused(
        lambda: services.record_decision(
            agenda_item=item,
            text="Commission the service.",
            method="vote",
            votes_for=3,
            votes_against=2,
            voters=[withdrawn, *others],
        )
    )

    assert broken.field == "voters"
    assert not Decision.objects.exists()
    assert Attendance.objects.get(member=withdrawn).counts_as_present  # the substitute's attendance stands
    decision = services.record_decision(
        agenda_item=item, text="Commission the service.", method="vote", votes_for=3, votes_against=1, voters=others
    )
    assert withdrawn not in decision.voters.all()


def test_once_resolved_the_member_takes_part_again(withdrawn, breach, chair, coming):
    governance.resolve_breach(breach=breach, resolution="A written apology was agreed.", by=chair)
    item = AgendaItemFactory(meeting=coming)

    services.declare_interest(agenda_item=item, member=withdrawn, kind="personal", nature="A friend's firm bid.")

    assert Declaration.objects.count() == 1


# The pages show it.


def meeting_url(meeting):
    return reverse("meetings:meeting", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def record_url(meeting, name):
    return reverse(f"record:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def test_the_withdrawn_member_sees_the_notice_on_the_meeting_pages(client, member, withdrawn, coming, warwickshire):
    signed_in(client, member)

    for url in (
        meeting_url(coming),
        reverse("meetings:list", kwargs={"slug": warwickshire.slug}),
        record_url(coming, "declarations"),
        record_url(coming, "declare-own"),
        reverse("writing:list", kwargs={"slug": warwickshire.slug}),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert NOTICE in page.text, url
        assert f"{REASON}." in page.text
        assert "breach" not in page.text.lower()  # confidential to the secretariat and chair


@pytest.mark.parametrize("who", ["chair", "secretariat"])
def test_nobody_else_sees_the_notice(request, client, withdrawn, coming, who):
    signed_in(client, request.getfixturevalue(who))

    assert "You are withdrawn" not in client.get(meeting_url(coming)).text


def test_no_notice_once_resolved(client, member, withdrawn, breach, chair, coming):
    governance.resolve_breach(breach=breach, resolution="No breach found.", by=chair)
    signed_in(client, member)

    assert "You are withdrawn" not in client.get(meeting_url(coming)).text


def test_the_withdrawn_members_own_declaration_is_refused_on_the_page(client, member, withdrawn, coming):
    item = AgendaItemFactory(meeting=coming)
    signed_in(client, member)

    response = client.post(
        record_url(coming, "declare-own"),
        {"agenda_item": item.pk, "kind": "personal", "nature": "My spouse works there.", "category": ""},
    )

    assert response.status_code == 400
    assert "Mo Member has been withdrawn from partnership business since 25 November 2026" in response.text
    assert not Declaration.objects.exists()


def test_the_attendance_page_shows_the_member_withdrawn(client, secretariat, withdrawn, today_meeting):
    signed_in(client, secretariat)

    page = client.get(record_url(today_meeting, "attendance")).text

    assert "Mo Member is withdrawn from partnership business since 25 November 2026" in page
    assert "so cannot be recorded as present." in page


def test_recording_the_withdrawn_member_present_is_refused_on_the_attendance_page(
    client, secretariat, withdrawn, today_meeting
):
    signed_in(client, secretariat)

    response = client.post(record_url(today_meeting, "attendance"), {f"status_{withdrawn.pk}": "present"})

    assert response.status_code == 400
    assert "Mo Member has been withdrawn from partnership business since 25 November 2026" in response.text
    assert not Attendance.objects.exists()


def test_the_notice_costs_no_query_of_its_own(client, member, breach, chair, coming):
    """It is read from the seats the permission rules already looked up for the request."""
    signed_in(client, member)
    client.get(meeting_url(coming))

    with CaptureQueriesContext(connection) as before:
        client.get(meeting_url(coming))
    governance.require_withdrawal(breach=breach, by=chair, now=NOW)
    with CaptureQueriesContext(connection) as after:
        page = client.get(meeting_url(coming))

    assert NOTICE in page.text
    assert len(after.captured_queries) == len(before.captured_queries)
