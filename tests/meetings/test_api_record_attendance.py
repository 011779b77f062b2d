"""attendance/: what each of the cast gets, one row per member and meeting (posting again updates
it), named substitutes (ToR 3.2), the record closed once the minutes are approved, filters, and
a list that costs a fixed number of queries."""

import datetime

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Attendance, Minutes
from tests.factories import MeetingFactory, PartnershipFactory, SecretariatFactory
from tests.helpers import client_for
from tests.meetings.test_api_record_support import seat_of, seats

LIST = "/api/v1/attendance/"
ONLY_SECRETARIAT = {"detail": "Only the partnership's secretariat records the meeting."}


def detail(row):
    return f"{LIST}{row.pk}/"


@pytest.fixture
def apologies(after_the_meeting, member):
    return services.record_attendance(meeting=after_the_meeting, member=seat_of(member), status="apologies")


def attending(meeting, who, **fields):
    return {"meeting": meeting.pk, "member": seat_of(who).pk, "status": "present", **fields}


def test_anonymous_visitor_is_asked_to_authenticate(after_the_meeting, member, apologies):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(apologies)).status_code == 401
    assert client.post(LIST, attending(after_the_meeting, member), format="json").status_code == 401
    assert client.patch(detail(apologies), {"status": "present"}, format="json").status_code == 401
    assert Attendance.objects.get().status == "apologies"


def test_member_reads_the_attendance(after_the_meeting, member, apologies):
    response = client_for(member).get(LIST, {"meeting": after_the_meeting.pk})
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": apologies.pk,
            "meeting": after_the_meeting.pk,
            "member": seat_of(member).pk,
            "status": "apologies",
            "substitute_name": "",
        }
    ]
    assert client_for(member).get(detail(apologies)).json()["status"] == "apologies"


def test_member_cannot_record_attendance(after_the_meeting, member, chair, apologies):
    client = client_for(member)
    response = client.post(LIST, attending(after_the_meeting, chair), format="json")
    assert response.status_code == 403
    assert response.json() == ONLY_SECRETARIAT
    response = client.patch(detail(apologies), {"status": "present"}, format="json")
    assert response.status_code == 403
    assert response.json() == ONLY_SECRETARIAT
    assert list(Attendance.objects.values_list("status", flat=True)) == ["apologies"]


def test_chair_cannot_record_attendance(after_the_meeting, chair):
    response = client_for(chair).post(LIST, attending(after_the_meeting, chair), format="json")
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_outsider_neither_sees_nor_finds_the_attendance(after_the_meeting, member, outsider, apologies):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(LIST, {"meeting": after_the_meeting.pk}).json()["count"] == 0
    assert client.get(detail(apologies)).status_code == 404
    assert client.patch(detail(apologies), {"status": "present"}, format="json").status_code == 404
    response = client.post(LIST, attending(after_the_meeting, member), format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"meeting", "member"}
    assert Attendance.objects.get().status == "apologies"


def test_secretariat_records_a_named_substitute(after_the_meeting, secretariat, member):
    response = client_for(secretariat).post(
        LIST, attending(after_the_meeting, member, status="substitute", substitute_name=" Jo Deputy "), format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["status"], body["substitute_name"]) == ("substitute", "Jo Deputy")
    row = Attendance.objects.get(pk=body["id"])
    assert (row.meeting, row.member, row.counts_as_present) == (after_the_meeting, seat_of(member), True)
    after_the_meeting.refresh_from_db()
    assert after_the_meeting.status == "held"


def test_a_substitute_is_named(after_the_meeting, secretariat, member):
    response = client_for(secretariat).post(
        LIST, attending(after_the_meeting, member, status="substitute"), format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"substitute_name": ["Name the substitute who attended in the member's place (ToR 3.2)."]}
    assert not Attendance.objects.exists()


def test_posting_again_for_a_member_updates_their_row(after_the_meeting, secretariat, member, apologies):
    response = client_for(secretariat).post(LIST, attending(after_the_meeting, member), format="json")
    assert response.status_code == 200
    assert response.json()["id"] == apologies.pk
    assert list(Attendance.objects.values_list("status", flat=True)) == ["present"]


def test_secretariat_corrects_a_row_but_not_whose_it_is(after_the_meeting, secretariat, member, chair):
    row = services.record_attendance(
        meeting=after_the_meeting, member=seat_of(member), status="substitute", substitute_name="Jo Deputy"
    )
    response = client_for(secretariat).patch(
        detail(row), {"status": "present", "member": seat_of(chair).pk}, format="json"
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert (row.member, row.status, row.substitute_name) == (seat_of(member), "present", "")
    response = client_for(secretariat).put(detail(row), {"status": "absent"}, format="json")
    assert response.status_code == 200
    assert Attendance.objects.get(pk=row.pk).status == "absent"


def test_bad_status_is_refused(after_the_meeting, secretariat, member, apologies):
    response = client_for(secretariat).post(LIST, attending(after_the_meeting, member, status="late"), format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["status"]
    response = client_for(secretariat).patch(detail(apologies), {"status": ""}, format="json")
    assert response.status_code == 400
    assert Attendance.objects.get().status == "apologies"


def test_apologies_go_ahead_but_attendance_waits_for_the_meeting(meeting, secretariat, member):
    client = client_for(secretariat)
    response = client.post(LIST, attending(meeting, member, status="apologies"), format="json")
    assert response.status_code == 201
    response = client.post(LIST, attending(meeting, member), format="json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The meeting is on 15 June 2027: who attended is recorded once it has taken place."
    }
    assert Attendance.objects.get().status == "apologies"


def test_only_the_partnerships_members_attend(after_the_meeting, staff, outsider):
    """Staff see every partnership's members, so the service says why."""
    response = client_for(staff).post(LIST, attending(after_the_meeting, outsider), format="json")
    assert response.status_code == 400
    assert response.json() == {"member": ["Only the partnership's own members are recorded here."]}
    assert not Attendance.objects.exists()


def test_the_record_stays_as_the_chair_approved_it(after_the_meeting, secretariat, member, apologies):
    Minutes.objects.create(meeting=after_the_meeting, status="approved", approved_at=timezone.now())
    response = client_for(secretariat).patch(detail(apologies), {"status": "present"}, format="json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("The chair has approved the minutes")
    assert Attendance.objects.get().status == "apologies"


def test_attendance_is_not_deleted(secretariat, apologies):
    assert client_for(secretariat).delete(detail(apologies)).status_code == 405
    assert Attendance.objects.exists()


@pytest.mark.parametrize(
    ("query", "expected"),
    [({}, 3), ({"status": "present"}, 2), ({"status": "apologies"}, 1), ({"member": "chair"}, 2)],
)
def test_filters(after_the_meeting, secretariat, chair, member, query, expected):
    earlier = MeetingFactory(partnership=after_the_meeting.partnership, date=datetime.date(2027, 3, 9))
    services.record_attendance(meeting=earlier, member=seat_of(chair), status="present")
    services.record_attendance(meeting=after_the_meeting, member=seat_of(chair), status="present")
    services.record_attendance(meeting=after_the_meeting, member=seat_of(member), status="apologies")
    if query.get("member") == "chair":
        query = {"member": seat_of(chair).pk}
    assert client_for(secretariat).get(LIST, query).json()["count"] == expected
    assert client_for(secretariat).get(LIST, {"meeting": earlier.pk}).json()["count"] == 1


def test_filter_values_are_checked(secretariat):
    response = client_for(secretariat).get(LIST, {"meeting": "last", "status": "late"})
    assert response.status_code == 400
    assert set(response.json()) == {"meeting", "status"}


def test_list_runs_a_fixed_number_of_queries(warwickshire, django_assert_max_num_queries):
    """17 members at two meetings of each of two partnerships the officer serves."""
    rugby = PartnershipFactory()
    officer = SecretariatFactory(partnership=warwickshire).user
    SecretariatFactory(partnership=rugby, user=officer)
    for partnership in (warwickshire, rugby):
        board = seats(partnership, 17)
        for day in (datetime.date(2026, 9, 8), datetime.date(2026, 10, 13)):
            meeting = MeetingFactory(partnership=partnership, date=day)
            for n, seat in enumerate(board):
                services.record_attendance(meeting=meeting, member=seat, status=("present", "apologies")[n % 2])
    client = client_for(officer)
    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert response.json()["count"] == 68
