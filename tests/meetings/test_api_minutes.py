"""minutes/ and its actions (ToR 5.8): the secretariat starts them; only whoever chaired the
meeting approves them (the vice chair is refused while the chair was in the chair); the
secretariat circulates them, late after `minutes_due`, and records their confirmation at a
later meeting. Drafts are read by the secretariat and whoever chaired only; lists cost a fixed
number of queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from meetings import services
from meetings.api.minutes import readable_minutes
from meetings.models import Meeting, Minutes, MinutesVersion
from partnership.models import Member, OfficeRole
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    UserFactory,
)
from tests.helpers import client_for
from tests.meetings.test_api_record_support import seat_of

LIST = "/api/v1/minutes/"
LONDON = ZoneInfo("Europe/London")
ONLY_WHOEVER_CHAIRED = {"detail": "Only the person who chaired this meeting can approve its minutes (ToR 5.8)."}
ONLY_SECRETARIAT_CIRCULATES = {"detail": "Only the partnership's secretariat circulates the minutes."}


def detail(minutes, action=""):
    return f"{LIST}{minutes.pk}/{action + '/' if action else ''}"


def on(year, month, day, hour=10):
    """The clock stopped at that moment, in London."""
    return time_machine.travel(datetime.datetime(year, month, day, hour, tzinfo=LONDON), tick=False)


def fresh(minutes):
    return Minutes.objects.get(pk=minutes.pk)


@pytest.fixture
def vice_chair(warwickshire, cdrp_chairs):
    user = UserFactory(username="vic.vice")
    person = PersonFactory(name="Vic Vice", email="vic.vice@rugby.example.org", user=user)
    member = MemberFactory(nominating_body=cdrp_chairs, person=person)
    OfficeFactory(
        member=member, role=OfficeRole.VICE_CHAIR, starts_on=timezone.localdate() - datetime.timedelta(days=100)
    )
    return user


def record_present(meeting, *seats):
    for seat in seats:
        services.record_attendance(meeting=meeting, member=seat, status="present")


@pytest.fixture
def held(after_the_meeting, chair, warwickshire):
    """The meeting held: the chair in the chair, with four more members present (a quorum)."""
    others = [
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=warwickshire, name=f"Agency {n}"))
        for n in range(4)
    ]
    record_present(after_the_meeting, seat_of(chair), *others)
    return Meeting.objects.get(pk=after_the_meeting.pk)


def hold(meeting):
    """A later meeting held, every member of the partnership present: it can confirm minutes."""
    record_present(meeting, *Member.objects.filter(partnership=meeting.partnership_id))


@pytest.fixture
def draft(held, chair):
    return services.start_minutes(meeting=held)


@pytest.fixture
def approved(draft, chair):
    return services.approve_minutes(minutes=draft, by=chair)


@pytest.fixture
def circulated(approved, secretariat):
    return services.circulate_minutes(
        minutes=approved, by=secretariat, now=datetime.datetime(2027, 6, 22, 10, tzinfo=LONDON)
    )


@pytest.fixture
def next_meeting(warwickshire, meeting):
    """The board's next meeting, with its "Minutes of the last meeting" item."""
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 7, 20), start_time=datetime.time(14)
    )


def test_anonymous_visitor_is_asked_to_authenticate(after_the_meeting, circulated, next_meeting):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(circulated)).status_code == 401
    assert client.post(LIST, {"meeting": after_the_meeting.pk}).status_code == 401
    for action in ("approve", "circulate", "confirm"):
        assert client.post(detail(circulated, action), {"meeting": next_meeting.pk}).status_code == 401
    assert fresh(circulated).status == "circulated"


# Starting them.


def test_secretariat_starts_the_minutes_with_a_minute_per_item(after_the_meeting, secretariat):
    client = client_for(secretariat)
    response = client.post(LIST, {"meeting": after_the_meeting.pk}, format="json")
    assert response.status_code == 201
    minutes = Minutes.objects.get()
    assert response.json() == {
        "id": minutes.pk,
        "meeting": after_the_meeting.pk,
        "status": "draft",
        "version": 0,
        "approved_at": None,
        "approved_by": None,
        "circulated_at": None,
        "is_late": False,
        "confirmed_at": None,
        "confirmed_at_meeting": None,
    }
    assert minutes.items.count() == after_the_meeting.agenda_items.count() == 4
    response = client.post(LIST, {"meeting": after_the_meeting.pk}, format="json")
    assert (response.status_code, response.json()["id"]) == (200, minutes.pk)
    assert Minutes.objects.count() == 1


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_starts_the_minutes(request, after_the_meeting, who):
    response = client_for(request.getfixturevalue(who)).post(LIST, {"meeting": after_the_meeting.pk}, format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat drafts the minutes."}
    assert not Minutes.objects.exists()


def test_minutes_wait_for_the_meeting(meeting, secretariat):
    response = client_for(secretariat).post(LIST, {"meeting": meeting.pk}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The meeting is on 15 June 2027: its minutes are drafted once it has taken place."
    }
    assert not Minutes.objects.exists()


def test_outsider_neither_sees_nor_finds_the_minutes(warwickshire, after_the_meeting, circulated, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0
    assert client.get(detail(circulated)).status_code == 404
    for action in ("approve", "circulate", "confirm"):
        assert client.post(detail(circulated, action)).status_code == 404
    response = client.post(LIST, {"meeting": after_the_meeting.pk}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]


def test_minutes_change_through_their_actions_only(secretariat, draft):
    client = client_for(secretariat)
    assert client.patch(detail(draft), {"status": "confirmed"}, format="json").status_code == 405
    assert client.put(detail(draft), {"meeting": draft.meeting_id}, format="json").status_code == 405
    assert client.delete(detail(draft)).status_code == 405
    assert fresh(draft).status == "draft"


# Who reads a draft.


@pytest.mark.parametrize("who", ["secretariat", "chair"])
def test_secretariat_and_whoever_chaired_read_the_draft(request, draft, who):
    client = client_for(request.getfixturevalue(who))
    assert [row["id"] for row in client.get(LIST).json()["results"]] == [draft.pk]
    assert client.get(detail(draft)).json()["status"] == "draft"


NOT_YET_CIRCULATED = {
    "detail": "Draft minutes are read by the secretariat and whoever chaired the meeting; members read them "
    "once the chair has approved and the secretariat has circulated them."
}


@pytest.mark.parametrize("who", ["member", "vice_chair"])
def test_other_members_wait_for_the_circulated_minutes(request, draft, chair, secretariat, who):
    """As on the minutes page: neither the draft nor approved minutes, until they are circulated."""
    client = client_for(request.getfixturevalue(who))
    assert client.get(LIST).json()["count"] == 0
    response = client.get(detail(draft))
    assert response.status_code == 403
    assert response.json() == NOT_YET_CIRCULATED
    services.approve_minutes(minutes=draft, by=chair)
    assert client.get(LIST).json()["count"] == 0
    response = client.get(detail(draft))
    assert response.status_code == 403
    assert response.json() == NOT_YET_CIRCULATED
    services.circulate_minutes(minutes=draft, by=secretariat)
    assert client.get(LIST).json()["results"][0]["status"] == "circulated"
    assert client.get(detail(draft)).status_code == 200


@pytest.mark.parametrize("status", ["draft", "approved"])
@pytest.mark.parametrize("presiding", [False, True])
def test_the_list_keeps_to_the_rule_for_drafts(
    request, draft, secretariat, chair, member, vice_chair, staff, presiding, status
):
    """The list's query and the rule (meetings.view_draft_minutes) agree for each of the cast,
    for minutes not yet circulated."""
    Minutes.objects.filter(pk=draft.pk).update(status=status, approved_at=timezone.now())
    if presiding:
        Meeting.objects.filter(pk=draft.meeting_id).update(presiding_member=seat_of(vice_chair))
    meeting = Meeting.objects.get(pk=draft.meeting_id)
    for user in (secretariat, chair, member, vice_chair, staff):
        listed = Minutes.objects.filter(readable_minutes(user)).exists()
        assert listed == user.has_perm("meetings.view_draft_minutes", meeting), user.username
    assert Minutes.objects.filter(readable_minutes(vice_chair)).exists() is presiding


# Approving them.


def test_the_chair_approves_the_minutes(draft, chair):
    response = client_for(chair).post(detail(draft, "approve"))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["version"], body["approved_by"]) == ("approved", 1, seat_of(chair).pk)
    assert body["approved_at"] is not None
    minutes = fresh(draft)
    assert (minutes.approved_by, minutes.meeting.status) == (chair, "minutes_approved")
    assert MinutesVersion.objects.filter(minutes=minutes, number=1).exists()


@pytest.mark.parametrize("who", ["vice_chair", "secretariat", "member", "staff"])
def test_nobody_else_approves_the_minutes(request, draft, chair, who):
    response = client_for(request.getfixturevalue(who)).post(detail(draft, "approve"))
    assert response.status_code == 403
    assert response.json() == ONLY_WHOEVER_CHAIRED
    assert fresh(draft).status == "draft"
    assert not MinutesVersion.objects.exists()


def test_the_vice_chair_who_presided_approves_and_the_chair_does_not(draft, chair, vice_chair):
    Meeting.objects.filter(pk=draft.meeting_id).update(presiding_member=seat_of(vice_chair))
    meeting = Meeting.objects.get(pk=draft.meeting_id)
    services.record_attendance(meeting=meeting, member=seat_of(chair), status="apologies")
    record_present(meeting, seat_of(vice_chair))
    response = client_for(chair).post(detail(draft, "approve"))
    assert response.status_code == 403
    assert response.json() == ONLY_WHOEVER_CHAIRED
    response = client_for(vice_chair).post(detail(draft, "approve"))
    assert response.status_code == 200
    assert response.json()["approved_by"] == seat_of(vice_chair).pk


def test_approved_minutes_are_not_approved_again(approved, chair):
    response = client_for(chair).post(detail(approved, "approve"))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The minutes are approved by the chair. Return them to draft to change them; "
        "the chair then approves them again."
    }
    assert fresh(approved).version == 1


# Circulating them.


def test_draft_minutes_do_not_go_out(draft, secretariat):
    response = client_for(secretariat).post(detail(draft, "circulate"))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The chair has not approved the minutes yet; only approved minutes go out (ToR 5.8)."
    }
    assert fresh(draft).circulated_at is None


@pytest.mark.parametrize(("day", "late"), [(29, False), (30, True)])
def test_circulating_after_minutes_due_is_marked_late(approved, secretariat, day, late):
    """The minutes are due on Tuesday 29 June, ten working days after the meeting."""
    with on(2027, 6, day, 17):
        response = client_for(secretariat).post(detail(approved, "circulate"))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["is_late"]) == ("circulated", late)
    assert body["circulated_at"] == f"2027-06-{day}T17:00:00+01:00"
    minutes = fresh(approved)
    assert (minutes.circulated_by, minutes.is_late) == (secretariat, late)


def test_minutes_go_out_once(circulated, secretariat):
    response = client_for(secretariat).post(detail(circulated, "circulate"))
    assert response.status_code == 400
    assert response.json() == {"detail": "The minutes went out on 22 June 2027."}


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_circulates_the_minutes(request, approved, who):
    response = client_for(request.getfixturevalue(who)).post(detail(approved, "circulate"))
    assert response.status_code == 403
    assert response.json() == ONLY_SECRETARIAT_CIRCULATES
    assert fresh(approved).status == "approved"


def test_member_reads_circulated_minutes(circulated, member):
    body = client_for(member).get(detail(circulated)).json()
    assert (body["status"], body["is_late"], body["circulated_at"]) == (
        "circulated",
        False,
        "2027-06-22T10:00:00+01:00",
    )


# Confirming them at a later meeting.


def test_secretariat_records_the_confirmation_at_the_next_meeting(circulated, next_meeting, secretariat):
    with on(2027, 7, 20, 17):
        hold(next_meeting)
        response = client_for(secretariat).post(detail(circulated, "confirm"), {"meeting": next_meeting.pk})
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["confirmed_at_meeting"]) == ("confirmed", next_meeting.pk)
    assert body["confirmed_at"] == "2027-07-20T17:00:00+01:00"
    minutes = fresh(circulated)
    assert (minutes.confirmed_by, minutes.meeting.status) == (secretariat, "closed")
    with on(2027, 7, 21):
        response = client_for(secretariat).post(detail(circulated, "confirm"), {"meeting": next_meeting.pk})
    assert response.status_code == 400
    assert response.json() == {"detail": "The board has already confirmed these minutes."}


def test_confirmation_waits_for_the_next_meeting_to_meet(circulated, next_meeting, secretariat):
    response = client_for(secretariat).post(detail(circulated, "confirm"), {"meeting": next_meeting.pk})
    assert response.status_code == 400
    assert response.json() == {"meeting": ["That meeting is on 20 July 2027; record the confirmation once it has met."]}
    assert fresh(circulated).status == "circulated"


def test_minutes_are_confirmed_at_a_later_meeting(circulated, secretariat):
    with on(2027, 7, 20):
        response = client_for(secretariat).post(detail(circulated, "confirm"), {"meeting": circulated.meeting_id})
    assert response.status_code == 400
    assert response.json() == {"meeting": ["Minutes are confirmed at a later meeting of the same partnership."]}
    assert fresh(circulated).status == "circulated"


def test_the_later_meeting_put_them_to_the_board(circulated, warwickshire, secretariat):
    without_the_item = MeetingFactory(partnership=warwickshire, date=datetime.date(2027, 7, 20))
    with on(2027, 7, 21):
        hold(without_the_item)
        response = client_for(secretariat).post(detail(circulated, "confirm"), {"meeting": without_the_item.pk})
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]
    assert response.json()["meeting"][0].startswith('That meeting has no "Minutes of the last meeting" item')


def test_only_circulated_minutes_are_confirmed(approved, next_meeting, secretariat):
    with on(2027, 7, 21):
        response = client_for(secretariat).post(detail(approved, "confirm"), {"meeting": next_meeting.pk})
    assert response.status_code == 400
    assert response.json() == {"meeting": ["Only minutes circulated to the members can be confirmed."]}
    assert fresh(approved).status == "approved"


def test_the_confirming_meeting_is_named_and_visible(circulated, secretariat, other_partnership):
    elsewhere = MeetingFactory(partnership=other_partnership, date=datetime.date(2027, 7, 20))
    with on(2027, 7, 21):
        client = client_for(secretariat)
        assert client.post(detail(circulated, "confirm"), {}, format="json").json() == {
            "meeting": ["This field is required."]
        }
        response = client.post(detail(circulated, "confirm"), {"meeting": elsewhere.pk}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["meeting"]
    assert fresh(circulated).status == "circulated"


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_records_the_confirmation(request, circulated, next_meeting, who):
    with on(2027, 7, 21):
        response = client_for(request.getfixturevalue(who)).post(
            detail(circulated, "confirm"), {"meeting": next_meeting.pk}
        )
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat records that the minutes were confirmed."}
    assert fresh(circulated).status == "circulated"


# Lists.


@pytest.fixture
def a_year_of_minutes(warwickshire):
    """Ten meetings of 2026 with minutes at every stage; the last two still drafts."""
    now = timezone.now()
    stages = ["confirmed"] * 6 + ["circulated", "approved", "draft", "draft"]
    confirming = MeetingFactory(partnership=warwickshire, date=datetime.date(2026, 11, 24))
    for month, stage in enumerate(stages, start=1):
        meeting = MeetingFactory(partnership=warwickshire, date=datetime.date(2026, month, 6))
        Minutes.objects.create(
            meeting=meeting,
            status=stage,
            approved_at=None if stage == "draft" else now,
            circulated_at=now if stage in ("circulated", "confirmed") else None,
            confirmed_at=now if stage == "confirmed" else None,
            confirmed_at_meeting=confirming if stage == "confirmed" else None,
        )
    return stages


# The secretariat reads all ten; the chair, in office since August, the circulated and confirmed
# seven and the two September and October drafts (not August's approved minutes: another chaired
# that meeting); a member, the seven circulated or confirmed.
@pytest.mark.parametrize(("who", "count"), [("secretariat", 10), ("chair", 9), ("member", 7)])
def test_list_runs_a_fixed_number_of_queries(request, a_year_of_minutes, who, count, django_assert_max_num_queries):
    client = client_for(request.getfixturevalue(who))
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert response.json()["count"] == count


def test_filters(warwickshire, a_year_of_minutes, secretariat):
    client = client_for(secretariat)
    assert client.get(LIST, {"status": "confirmed"}).json()["count"] == 6
    assert client.get(LIST, {"status": "draft", "partnership": warwickshire.pk}).json()["count"] == 2
    first = Minutes.objects.get(meeting__date=datetime.date(2026, 1, 6))
    assert [row["id"] for row in client.get(LIST, {"meeting": first.meeting_id}).json()["results"]] == [first.pk]
    response = client.get(LIST, {"status": "published", "meeting": "last"})
    assert response.status_code == 400
    assert set(response.json()) == {"status", "meeting"}


def test_another_partnerships_minutes_stay_out_of_the_list(a_year_of_minutes, member):
    rugby_meeting = MeetingFactory(partnership=PartnershipFactory(), date=datetime.date(2026, 3, 3))
    Minutes.objects.create(meeting=rugby_meeting, status="approved", approved_at=timezone.now())
    results = client_for(member).get(LIST).json()["results"]
    assert rugby_meeting.pk not in {row["meeting"] for row in results}
