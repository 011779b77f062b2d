"""The attendance page (ToR 3.2, 4.4, 5.4): the secretariat answers for every seat at once,
saved together or not at all, adds others attending, and sees whether the meeting was quorate
and who presided; and the meeting page's summary of the record."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Attendance, Meeting, MeetingStatus, OtherAttendee
from tests.factories import MemberFactory, PersonFactory
from tests.helpers import signed_in
from tests.meetings.test_views_record_support import all_present, approve_minutes, record_url, seat_board

NOT_YET = "The meeting is on 15 June 2027: who attended is recorded once it has taken place."


@pytest.fixture
def board(warwickshire):
    return seat_board(warwickshire)


def answers(*given) -> dict:
    """Form data from (member, status) or (member, (status, substitute name)) pairs."""
    data = {}
    for member, answer in given:
        status, name = answer if isinstance(answer, tuple) else (answer, "")
        data[f"status_{member.pk}"] = status
        data[f"substitute_name_{member.pk}"] = name
    return data


def answer_all(members, *overrides, status="present") -> dict:
    return {**answers(*[(member, status) for member in members]), **answers(*overrides)}


def recorded(meeting) -> dict:
    return {
        row.member.person.name: (row.status, row.substitute_name) for row in Attendance.objects.filter(meeting=meeting)
    }


# Who may open it.


def test_anonymous_visitor_is_sent_to_sign_in(client, meeting):
    response = client.get(record_url(meeting, "attendance"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_opens_the_attendance_page(client, request, meeting, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.get(record_url(meeting, "attendance"))
    assert response.status_code == status
    if status == 403:
        assert "Only the partnership&#x27;s secretariat records the meeting." in response.text


def test_a_member_cannot_post_attendance(client, member, meeting, board):
    signed_in(client, member)
    response = client.post(record_url(meeting, "attendance"), answers((board[0], "apologies")))
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_a_meeting_is_found_only_under_its_own_partnership(client, outsider, secretariat, meeting, other_partnership):
    signed_in(client, secretariat)
    wrong = reverse("record:attendance", kwargs={"slug": other_partnership.slug, "pk": meeting.pk})
    assert client.get(wrong).status_code == 404


# The form.


def test_every_active_member_is_listed_with_their_body_and_substitutes(client, secretariat, meeting, board):
    gone = MemberFactory(nominating_body=board[0].nominating_body, person=PersonFactory(name="Gwen Gone"), active=False)
    signed_in(client, secretariat)
    page = client.get(record_url(meeting, "attendance")).text
    assert "Fay Fireman, Fire Authority" in page
    assert "Cora Courts, The Courts Service" in page
    assert "Registered substitute: Deputy for Fay Fireman." in page
    assert "Gwen Gone" not in page
    assert f'name="status_{gone.pk}"' not in page
    assert page.count('value="substitute"') == len(board)


def test_names_from_the_register_are_escaped(client, secretariat, meeting, warwickshire):
    MemberFactory(nominating_body__partnership=warwickshire, person=PersonFactory(name="<script>alert(1)</script>"))
    signed_in(client, secretariat)
    page = client.get(record_url(meeting, "attendance")).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_apologies_are_recorded_before_the_meeting(client, secretariat, meeting, board):
    signed_in(client, secretariat)
    response = client.post(
        record_url(meeting, "attendance"), answers((board[0], "apologies"), (board[1], "apologies")), follow=True
    )
    assert "Attendance saved for 2 members." in response.text
    assert recorded(meeting) == {"Fay Fireman": ("apologies", ""), "Pat Probation": ("apologies", "")}
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PLANNED


def test_presence_before_the_meeting_is_refused_and_nothing_is_saved(client, secretariat, meeting, board):
    signed_in(client, secretariat)
    response = client.post(record_url(meeting, "attendance"), answers((board[0], "apologies"), (board[1], "present")))
    assert response.status_code == 400
    assert "<title>Error: Attendance" in response.text
    assert NOT_YET in response.text
    assert f'id="id_status_{board[1].pk}_1_error"' in response.text  # against Pat Probation's answer
    assert not Attendance.objects.exists()  # not even the apologies sent with it
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PLANNED


def test_attendance_with_a_substitute_after_the_meeting(client, secretariat, after_the_meeting, board):
    meeting = after_the_meeting
    signed_in(client, secretariat)
    data = answer_all(board, (board[1], ("substitute", "Sue Deputy")), (board[2], "apologies"))
    response = client.post(record_url(meeting, "attendance"), data, follow=True)
    assert "Attendance saved for 6 members." in response.text
    assert recorded(meeting)["Pat Probation"] == ("substitute", "Sue Deputy")
    assert recorded(meeting)["Hari Health"] == ("apologies", "")
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.HELD
    assert "Quorate" in response.text
    assert "5 members present or represented by a named substitute; the quorum is 5." in response.text


def test_a_name_typed_under_another_answer_is_not_kept(client, secretariat, after_the_meeting, board):
    signed_in(client, secretariat)
    client.post(record_url(after_the_meeting, "attendance"), answers((board[0], ("present", "Hidden name"))))
    assert recorded(after_the_meeting) == {"Fay Fireman": ("present", "")}


def test_a_substitute_without_a_name_is_refused_against_that_member(client, secretariat, after_the_meeting, board):
    signed_in(client, secretariat)
    data = answer_all(board, (board[3], ("substitute", "  ")))
    response = client.post(record_url(after_the_meeting, "attendance"), data)
    assert response.status_code == 400
    assert "Name the substitute who attended in the member&#x27;s place (ToR 3.2)." in response.text
    assert f"id_substitute_name_{board[3].pk}_1_error" in response.text
    assert not Attendance.objects.exists()


def test_only_what_changed_is_saved_again(client, secretariat, after_the_meeting, board):
    all_present(after_the_meeting, board)
    signed_in(client, secretariat)
    response = client.post(
        record_url(after_the_meeting, "attendance"), answer_all(board, (board[0], "absent")), follow=True
    )
    assert "Attendance saved for 1 member." in response.text
    assert Attendance.history.filter(member=board[1]).count() == 1
    response = client.post(
        record_url(after_the_meeting, "attendance"), answer_all(board, (board[0], "absent")), follow=True
    )
    assert "Nothing had changed." in response.text


def test_the_form_shows_what_is_recorded(client, secretariat, after_the_meeting, board):
    services.record_attendance(
        meeting=after_the_meeting, member=board[0], status="substitute", substitute_name="Sue Deputy"
    )
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "attendance")).text
    assert 'value="Sue Deputy"' in page


def test_not_quorate_when_too_few_are_present(client, secretariat, after_the_meeting, board):
    all_present(after_the_meeting, board[:3])
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "attendance")).text
    assert "Not quorate" in page
    assert "3 members present or represented by a named substitute; the quorum is 5." in page


def test_an_unknown_answer_is_refused(client, secretariat, after_the_meeting, board):
    signed_in(client, secretariat)
    response = client.post(record_url(after_the_meeting, "attendance"), answers((board[0], "asleep")))
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_once_the_minutes_are_approved_the_attendance_cannot_change(
    client, secretariat, chair, after_the_meeting, board
):
    all_present(after_the_meeting, board)
    approve_minutes(after_the_meeting, chair)
    signed_in(client, secretariat)
    page = client.get(record_url(after_the_meeting, "attendance")).text
    assert "The chair has approved the minutes" in page
    assert "Save attendance" not in page
    response = client.post(record_url(after_the_meeting, "attendance"), answer_all(board, (board[0], "absent")))
    assert response.status_code == 400
    assert "Return the minutes to draft to correct it." in response.text
    assert recorded(after_the_meeting)["Fay Fireman"] == ("present", "")


# Who presided.


def test_the_chair_presided_with_a_link_to_change_it(client, secretariat, chair, meeting):
    signed_in(client, secretariat)
    page = client.get(record_url(meeting, "attendance")).text
    assert "Carol Chair, the chair." in page
    assert reverse("meetings:meeting-edit", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk}) in page


def test_the_member_who_presided_in_the_chairs_absence(client, secretariat, chair, meeting, board):
    Meeting.objects.filter(pk=meeting.pk).update(presiding_member=board[0])
    signed_in(client, secretariat)
    page = client.get(record_url(meeting, "attendance")).text
    assert "Fay Fireman presided in the chair's absence (ToR 5.4)." in page


# Others attending (ToR 4.4).


def test_the_secretariat_adds_a_guest_and_removes_an_officer(client, secretariat, after_the_meeting):
    officer = services.add_other_attendee(meeting=after_the_meeting, name="Olive Officer", organisation="County")
    signed_in(client, secretariat)
    response = client.post(
        record_url(after_the_meeting, "other-add"),
        {"name": "Gus Guest", "organisation": "Warwick University", "role": "guest"},
        follow=True,
    )
    assert "Added to those attending." in response.text
    assert "Gus Guest" in response.text
    assert "Guest, with the chair&#x27;s agreement (ToR 4.4)" in response.text
    response = client.post(record_url(after_the_meeting, "other-remove", other_pk=officer.pk), follow=True)
    assert "Olive Officer is no longer recorded as attending." in response.text
    assert list(OtherAttendee.objects.values_list("name", flat=True)) == ["Gus Guest"]


def test_another_attendee_needs_a_name(client, secretariat, meeting):
    signed_in(client, secretariat)
    response = client.post(record_url(meeting, "other-add"), {"name": "", "role": "officer"})
    assert response.status_code == 400
    assert "Enter the name of who attended" in response.text
    assert not OtherAttendee.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_adds_and_removes_others(client, request, meeting, who, status):
    officer = services.add_other_attendee(meeting=meeting, name="Olive Officer")
    signed_in(client, request.getfixturevalue(who))
    assert client.post(record_url(meeting, "other-add"), {"name": "Gus Guest", "role": "guest"}).status_code == status
    assert client.post(record_url(meeting, "other-remove", other_pk=officer.pk)).status_code == status
    assert list(OtherAttendee.objects.values_list("name", flat=True)) == ["Olive Officer"]


def test_removing_after_approval_is_refused_on_the_page(client, secretariat, chair, after_the_meeting):
    officer = services.add_other_attendee(meeting=after_the_meeting, name="Olive Officer")
    approve_minutes(after_the_meeting, chair)
    signed_in(client, secretariat)
    response = client.post(record_url(after_the_meeting, "other-remove", other_pk=officer.pk))
    assert response.status_code == 400
    assert "<title>Error: Attendance" in response.text
    assert "The chair has approved the minutes" in response.text
    assert OtherAttendee.objects.filter(pk=officer.pk).exists()


def test_another_meetings_attendee_is_not_found(client, secretariat, meeting, warwickshire):
    other = services.schedule_meeting(
        partnership=warwickshire,
        title="Board meeting",
        date=meeting.date.replace(month=9),
        start_time=meeting.start_time,
    )
    officer = services.add_other_attendee(meeting=other, name="Olive Officer")
    signed_in(client, secretariat)
    assert client.post(record_url(meeting, "other-remove", other_pk=officer.pk)).status_code == 404
    assert OtherAttendee.objects.filter(pk=officer.pk).exists()


# Queries.


def test_the_page_runs_a_fixed_number_of_queries(
    client, secretariat, after_the_meeting, warwickshire, django_assert_max_num_queries
):
    board = seat_board(warwickshire, 17)
    all_present(after_the_meeting, board[:15])
    for n in range(4):
        services.add_other_attendee(meeting=after_the_meeting, name=f"Officer {n}")
    signed_in(client, secretariat)
    # Session, user, meeting, the secretariat's roles, the attendance, the members, their
    # substitutes, the minutes (the record's lock, with the meeting's row), the chair in office,
    # others attending.
    with django_assert_max_num_queries(11):
        response = client.get(record_url(after_the_meeting, "attendance"))
    assert response.status_code == 200
    assert response.text.count('value="substitute"') == 17


# The meeting page's summary.


def test_the_meeting_page_links_the_record_for_the_secretariat(client, secretariat, meeting):
    signed_in(client, secretariat)
    page = client.get(meeting.get_absolute_url()).text
    assert "Record of the meeting" in page
    assert record_url(meeting, "attendance") in page
    assert record_url(meeting, "decisions") in page
    assert "Quorate" not in page  # nothing to count before the meeting


def test_a_member_is_offered_the_declaration_of_their_own_interest(client, member, meeting):
    signed_in(client, member)
    page = client.get(meeting.get_absolute_url()).text
    assert record_url(meeting, "attendance") not in page
    assert record_url(meeting, "declarations") in page
    assert record_url(meeting, "declare-own") in page


def test_the_meeting_page_says_whether_the_meeting_was_quorate(client, member, after_the_meeting, board):
    all_present(after_the_meeting, board[:4])
    signed_in(client, member)
    page = client.get(after_the_meeting.get_absolute_url()).text
    assert "Not quorate" in page
    assert "4 members present or represented; the quorum is 5." in page
    services.record_attendance(meeting=after_the_meeting, member=board[4], status="substitute", substitute_name="Sue")
    page = client.get(after_the_meeting.get_absolute_url()).text
    assert "5 members present or represented; the quorum is 5." in page
    assert "Not quorate" not in page
