"""meetings/ and its actions: what each of the cast gets, scheduling through the services, the
chair's agreement, circulation on time or late (ToR 5.7), and a list that costs a fixed number
of queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from meetings import services
from meetings.models import Meeting, MeetingStatus
from partnership.models import ClosureDay, Member
from tests.factories import MeetingFactory, MemberFactory, PartnershipFactory, SecretariatFactory
from tests.helpers import client_for

LIST = "/api/v1/meetings/"
TUESDAY = datetime.date(2027, 6, 15)  # agenda due Tuesday 8 June, minutes due Tuesday 29 June
LONDON = ZoneInfo("Europe/London")


def detail(meeting, action=""):
    return f"{LIST}{meeting.pk}/{action + '/' if action else ''}"


def seat_of(user):
    return Member.objects.get(person__user=user)


def fresh(meeting):
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def agreed(meeting, chair):
    return services.agree_agenda(meeting=meeting, by=chair)


def new_meeting(partnership, **fields):
    return {
        "partnership": partnership.pk,
        "title": "Board meeting",
        "date": "2027-09-14",
        "start_time": "14:00",
        **fields,
    }


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire, meeting):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(meeting)).status_code == 401
    assert client.post(LIST, new_meeting(warwickshire)).status_code == 401
    assert client.post(detail(meeting, "circulate-agenda")).status_code == 401
    assert client.post(detail(meeting, "agree-agenda")).status_code == 401
    assert Meeting.objects.count() == 1


def test_member_reads_the_meetings_with_their_deadlines(warwickshire, meeting, member):
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": meeting.pk,
            "partnership": warwickshire.pk,
            "title": "Board meeting",
            "group": "Board",
            "date": "2027-06-15",
            "start_time": "14:00:00",
            "end_time": None,
            "place": "",
            "online_link": "",
            "webcast_link": "",
            "is_public": False,
            "presiding_member": None,
            "agenda_due": "2027-06-08",
            "minutes_due": "2027-06-29",
            "agenda_agreed_at": None,
            "agenda_circulated_at": None,
            "agenda_circulated_late": False,
            "status": "planned",
        }
    ]
    assert client_for(member).get(detail(meeting)).json()["agenda_due"] == "2027-06-08"


def test_member_cannot_schedule_or_change_a_meeting(warwickshire, meeting, member):
    client = client_for(member)
    response = client.post(LIST, new_meeting(warwickshire), format="json")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat can change its meetings and agendas."}
    assert Meeting.objects.count() == 1
    assert client.patch(detail(meeting), {"title": "Renamed"}, format="json").status_code == 403
    assert fresh(meeting).title == "Board meeting"


def test_outsider_neither_sees_nor_finds_the_meetings(warwickshire, meeting, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"partnership": warwickshire.pk}).json()["count"] == 0
    assert client.get(detail(meeting)).status_code == 404
    assert client.patch(detail(meeting), {"title": "Taken over"}, format="json").status_code == 404
    for action in ("circulate-agenda", "agree-agenda", "reorder"):
        assert client.post(detail(meeting, action), {"item_ids": []}, format="json").status_code == 404
    assert fresh(meeting).title == "Board meeting"


def test_outsider_cannot_schedule_in_a_partnership_they_cannot_see(warwickshire, outsider):
    response = client_for(outsider).post(LIST, new_meeting(warwickshire), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["partnership"]
    assert not Meeting.objects.exists()


def test_secretariat_schedules_a_meeting_with_the_standing_items(warwickshire, secretariat):
    response = client_for(secretariat).post(
        LIST,
        new_meeting(warwickshire, end_time="16:00", place="Shire Hall, Warwick", is_public=True),
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["agenda_due"], body["minutes_due"], body["status"]) == ("2027-09-07", "2027-09-28", "planned")
    meeting = Meeting.objects.get(pk=body["id"])
    assert meeting.is_public
    assert list(meeting.agenda_items.order_by("position").values_list("standing", flat=True)) == [
        "apologies",
        "declarations",
        "previous_minutes",
        "matters_arising",
    ]


def test_deadlines_count_the_partnerships_closure_days(warwickshire, meeting, member):
    ClosureDay.objects.create(partnership=warwickshire, date=datetime.date(2027, 6, 8), name="Staff training day")
    assert client_for(member).get(detail(meeting)).json()["agenda_due"] == "2027-06-07"


def test_a_meeting_ends_after_it_starts(warwickshire, secretariat):
    response = client_for(secretariat).post(LIST, new_meeting(warwickshire, end_time="13:00"), format="json")
    assert response.status_code == 400
    assert response.json() == {"end_time": ["The meeting must end after it starts."]}
    assert not Meeting.objects.exists()


def test_whoever_presides_is_an_active_member_of_the_partnership(warwickshire, police, secretariat, staff, outsider):
    former = MemberFactory(nominating_body=police, active=False)
    response = client_for(secretariat).post(LIST, new_meeting(warwickshire, presiding_member=former.pk), format="json")
    assert response.status_code == 400
    assert response.json() == {"presiding_member": ["Whoever presides is one of the partnership's members (ToR 5.4)."]}
    # Staff can see the other partnership's members, so the service says why.
    response = client_for(staff).post(
        LIST, new_meeting(warwickshire, presiding_member=seat_of(outsider).pk), format="json"
    )
    assert response.json() == {"presiding_member": ["Whoever presides is one of the partnership's members (ToR 5.4)."]}
    # The secretariat cannot: for them that member does not exist.
    response = client_for(secretariat).post(
        LIST, new_meeting(warwickshire, presiding_member=seat_of(outsider).pk), format="json"
    )
    assert list(response.json()) == ["presiding_member"]
    assert not Meeting.objects.exists()


def test_rescheduling_moves_the_deadlines(meeting, secretariat):
    response = client_for(secretariat).patch(detail(meeting), {"date": "2027-06-22"}, format="json")
    assert response.status_code == 200
    assert (response.json()["date"], response.json()["agenda_due"]) == ("2027-06-22", "2027-06-15")
    assert fresh(meeting).date == datetime.date(2027, 6, 22)


def test_a_meeting_stays_in_its_partnership(meeting, secretariat, other_partnership):
    response = client_for(secretariat).patch(detail(meeting), {"partnership": other_partnership.pk}, format="json")
    assert response.status_code == 200
    assert fresh(meeting).partnership_id == meeting.partnership_id


def test_a_held_meeting_keeps_its_date(meeting, secretariat):
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.HELD)
    response = client_for(secretariat).patch(detail(meeting), {"date": "2027-06-22"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"date": ["The meeting has been held, so its date and time stay as they were."]}
    assert fresh(meeting).date == TUESDAY


def test_status_and_deadlines_are_read_only(meeting, secretariat):
    response = client_for(secretariat).patch(
        detail(meeting),
        {"status": "closed", "agenda_due": "2027-01-01", "agenda_circulated_late": True},
        format="json",
    )
    assert response.status_code == 200
    meeting = fresh(meeting)
    assert (meeting.status, meeting.agenda_circulated_late) == ("planned", False)


def test_bad_input_is_refused_field_by_field(warwickshire, secretariat):
    response = client_for(secretariat).post(
        LIST, {"partnership": warwickshire.pk, "date": "soon", "start_time": "teatime"}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()) == {"title", "date", "start_time"}
    response = client_for(secretariat).post(LIST, new_meeting(warwickshire, date="9999-01-01"), format="json")
    assert response.json() == {"date": ["Give a date between 1900 and 2100."]}
    assert not Meeting.objects.exists()


def test_meetings_are_not_deleted_through_the_api(meeting, secretariat):
    assert client_for(secretariat).delete(detail(meeting)).status_code == 405
    assert Meeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ({}, ["Spring board", "Summer public", "Next year"]),
        ({"is_public": "true"}, ["Summer public"]),
        ({"is_public": "false"}, ["Spring board", "Next year"]),
        ({"status": "agenda_circulated"}, ["Summer public"]),
        ({"year": "2028"}, ["Next year"]),
    ],
)
def test_filters(warwickshire, other_partnership, staff, query, titles):
    MeetingFactory(partnership=warwickshire, title="Spring board", date=datetime.date(2027, 3, 9))
    MeetingFactory(
        partnership=warwickshire,
        title="Summer public",
        is_public=True,
        status=MeetingStatus.AGENDA_CIRCULATED,
        agenda_circulated_at=datetime.datetime(2027, 6, 1, tzinfo=LONDON),
    )
    MeetingFactory(partnership=warwickshire, title="Next year", date=datetime.date(2028, 3, 7))
    MeetingFactory(partnership=other_partnership, title="Rugby board")
    response = client_for(staff).get(LIST, {"partnership": warwickshire.pk, **query})
    assert [row["title"] for row in response.json()["results"]] == titles


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"status": "cancelled", "year": "next", "is_public": "maybe"})
    assert response.status_code == 400
    assert set(response.json()) == {"status", "year", "is_public"}


def test_list_runs_a_fixed_number_of_queries(warwickshire, django_assert_max_num_queries):
    """Deadlines need each partnership's closure days: read once per partnership, not per meeting."""
    rugby = PartnershipFactory(nation="scotland")
    officer = SecretariatFactory(partnership=warwickshire).user
    SecretariatFactory(partnership=rugby, user=officer)
    for partnership in (warwickshire, rugby):
        ClosureDay.objects.create(partnership=partnership, date=datetime.date(2027, 12, 24), name="Christmas Eve")
        for week in range(10):
            MeetingFactory(partnership=partnership, date=datetime.date(2027, 1, 5) + datetime.timedelta(weeks=5 * week))
    client = client_for(officer)
    with django_assert_max_num_queries(8):  # 7, and one to check the account before keeping the list
        response = client.get(LIST)
    assert response.json()["count"] == 20
    assert all(row["agenda_due"] and row["minutes_due"] for row in response.json()["results"])


# The chair agrees the agenda.


def test_the_chair_agrees_the_agenda(meeting, chair):
    response = client_for(chair).post(detail(meeting, "agree-agenda"))
    assert response.status_code == 200
    assert response.json()["agenda_agreed_at"] is not None
    meeting = fresh(meeting)
    assert meeting.agenda_agreed_by == chair


def test_the_presiding_member_agrees_the_agenda(meeting, member):
    Meeting.objects.filter(pk=meeting.pk).update(presiding_member=seat_of(member))
    assert client_for(member).post(detail(meeting, "agree-agenda")).status_code == 200
    assert fresh(meeting).agenda_agreed_by == member


@pytest.mark.parametrize("who", ["secretariat", "member"])
def test_only_the_chair_agrees_the_agenda(request, meeting, chair, who):
    response = client_for(request.getfixturevalue(who)).post(detail(meeting, "agree-agenda"))
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the chair, or whoever presides at this meeting in the chair's absence, can do this (ToR 5.4)."
    }
    assert fresh(meeting).agenda_agreed_at is None


def test_an_agenda_is_agreed_once(agreed, chair):
    response = client_for(chair).post(detail(agreed, "agree-agenda"))
    assert response.status_code == 400
    assert response.json() == {"detail": "The chair has already agreed this agenda."}


# The secretariat circulates it.


def circulate_at(meeting, user, moment):
    with time_machine.travel(moment, tick=False):
        return client_for(user).post(detail(meeting, "circulate-agenda"))


def test_an_agenda_the_chair_has_not_agreed_does_not_go_out(meeting, secretariat):
    response = circulate_at(meeting, secretariat, datetime.datetime(2027, 6, 1, 10, tzinfo=LONDON))
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The chair has not agreed the agenda yet; the agenda that goes out is the chair's (ToR 5.7)."
    }
    meeting = fresh(meeting)
    assert (meeting.agenda_circulated_at, meeting.status) == (None, "planned")


def test_circulating_by_agenda_due_is_on_time(agreed, secretariat):
    response = circulate_at(agreed, secretariat, datetime.datetime(2027, 6, 8, 17, tzinfo=LONDON))
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["agenda_circulated_late"]) == ("agenda_circulated", False)
    assert body["agenda_circulated_at"] == "2027-06-08T17:00:00+01:00"
    meeting = fresh(agreed)
    assert (meeting.agenda_circulated_by, meeting.agenda_circulated_late) == (secretariat, False)


def test_circulating_after_agenda_due_is_marked_late(agreed, secretariat):
    response = circulate_at(agreed, secretariat, datetime.datetime(2027, 6, 9, 9, tzinfo=LONDON))
    assert response.status_code == 200
    assert response.json()["agenda_circulated_late"] is True
    assert fresh(agreed).agenda_circulated_late


def test_an_agenda_goes_out_once_and_not_after_the_meeting(agreed, secretariat):
    response = circulate_at(agreed, secretariat, datetime.datetime(2027, 6, 16, 9, tzinfo=LONDON))
    assert response.status_code == 400
    assert response.json() == {"detail": "The meeting has taken place, so its agenda can no longer go out."}
    assert fresh(agreed).agenda_circulated_at is None
    circulate_at(agreed, secretariat, datetime.datetime(2027, 6, 1, 9, tzinfo=LONDON))
    response = circulate_at(agreed, secretariat, datetime.datetime(2027, 6, 2, 9, tzinfo=LONDON))
    assert response.status_code == 400
    assert response.json() == {"detail": "The agenda went out on 1 June 2027."}


@pytest.mark.parametrize("who", ["chair", "member"])
def test_only_the_secretariat_circulates_the_agenda(request, agreed, who):
    response = circulate_at(agreed, request.getfixturevalue(who), datetime.datetime(2027, 6, 1, 9, tzinfo=LONDON))
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat circulates the agenda."}
    assert fresh(agreed).agenda_circulated_at is None


def test_secretariat_of_another_partnership_cannot_circulate(agreed, outsider):
    response = circulate_at(agreed, outsider, datetime.datetime(2027, 6, 1, 9, tzinfo=LONDON))
    assert response.status_code == 404
    assert fresh(agreed).agenda_circulated_at is None


# The order of the agenda.


def positions(meeting):
    return list(meeting.agenda_items.order_by("position").values_list("title", flat=True))


def test_secretariat_reorders_the_agenda(agreed, secretariat):
    ids = list(agreed.agenda_items.order_by("position").values_list("pk", flat=True))
    response = client_for(secretariat).post(detail(agreed, "reorder"), {"item_ids": ids[::-1]}, format="json")
    assert response.status_code == 200
    assert [(row["id"], row["position"]) for row in response.json()] == list(zip(ids[::-1], [1, 2, 3, 4], strict=True))
    assert positions(agreed)[0] == "Matters arising"
    assert fresh(agreed).agenda_agreed_at is None  # the chair agrees the agenda that goes out


def test_a_new_order_names_every_item_once(meeting, secretariat):
    before = positions(meeting)
    ids = list(meeting.agenda_items.values_list("pk", flat=True))
    response = client_for(secretariat).post(detail(meeting, "reorder"), {"item_ids": ids[:2]}, format="json")
    assert response.status_code == 400
    assert response.json() == {"item_ids": ["The new order must list every item of this agenda once."]}
    response = client_for(secretariat).post(detail(meeting, "reorder"), {"item_ids": "first"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["item_ids"]
    assert positions(meeting) == before


def test_member_cannot_reorder_the_agenda(meeting, member):
    before = positions(meeting)
    ids = list(meeting.agenda_items.values_list("pk", flat=True))
    response = client_for(member).post(detail(meeting, "reorder"), {"item_ids": ids[::-1]}, format="json")
    assert response.status_code == 403
    assert positions(meeting) == before
