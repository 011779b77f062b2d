"""Attendance statistics over the last 12 months of meetings held: per member and per nominating
body, with the flag for persistent failure to attend (apologies + absent >= the threshold)."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Attendance, MeetingStatus
from partnership.models import Member
from tests.factories import MeetingFactory, MemberFactory, PersonFactory
from tests.helpers import signed_in
from tests.meetings.test_views_writing_support import member_of, seat_members

D = datetime.date
# Today is 25 November 2026 (tests/conftest.py): the 12 months run from 26 November 2025.
HELD_IN_2026 = [D(2026, 1, 13), D(2026, 3, 17), D(2026, 5, 19), D(2026, 7, 14), D(2026, 9, 15)]


def url(partnership):
    return reverse("decisions:attendance", kwargs={"slug": partnership.slug})


def held(partnership, day, status=MeetingStatus.HELD):
    return MeetingFactory(partnership=partnership, date=day, status=status)


def attended(meeting, member, status, substitute_name=""):
    Attendance.objects.create(meeting=meeting, member=member, status=status, substitute_name=substitute_name)


@pytest.fixture
def year(warwickshire, chair, member, cdrp_chairs):
    """Five meetings held in the 12 months. Mo Member (the police's one seat) came once, sent a
    substitute once, sent apologies twice and was absent once; the chair came to all five; two
    CDRP chairs share their body's attendance."""
    mo, carol = member_of(member, warwickshire), member_of(chair, warwickshire)
    dan = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Dan Davies"))
    eve = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Eve Evans"))
    meetings = [held(warwickshire, day) for day in HELD_IN_2026]
    for meeting, status in zip(meetings, ["present", "apologies", "absent", "apologies", "substitute"], strict=True):
        attended(meeting, mo, status, "Sgt Sam Stand-in" if status == "substitute" else "")
    for meeting, status in zip(meetings, ["present", "apologies", "present", "apologies", "present"], strict=True):
        attended(meeting, carol, "present")
        attended(meeting, dan, "present")
        attended(meeting, eve, status)
    # None of these count: before the 12 months, a meeting to come, and one not (yet) held.
    attended(held(warwickshire, D(2025, 11, 18)), mo, "absent")
    attended(held(warwickshire, D(2026, 12, 8), MeetingStatus.PLANNED), mo, "apologies")
    attended(held(warwickshire, D(2026, 11, 17), MeetingStatus.AGENDA_CIRCULATED), mo, "apologies")
    return meetings


def row(page, name) -> str:
    """The table row that starts with `name`, in the members' table unless `page` is cut later."""
    page = page[page.index('id="members"') :] if 'id="members"' in page else page
    start = page.index(f"{name}<")
    return page[start : page.index("</tr>", start)]


def numbers(cells: str) -> list[str]:
    return [cell.split("</td>")[0] for cell in cells.split('govuk-table__cell--numeric">')[1:]]


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    assert client.get(url(warwickshire)).url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 200), ("secretariat", 200), ("chair", 200), ("staff", 200)]
)
def test_who_reads_the_statistics(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url(warwickshire)).status_code == status


def test_per_member_meetings_present_substitute_apologies_absent(client, secretariat, warwickshire, year):
    signed_in(client, secretariat)
    page = client.get(url(warwickshire)).text
    assert "5 meetings held from 26 November 2025 to 25 November 2026." in page
    assert numbers(row(page, "Mo Member")) == ["5", "1", "1", "2", "1", "0"]
    assert numbers(row(page, "Carol Chair")) == ["5", "5", "0", "0", "0", "0"]
    assert numbers(row(page, "Eve Evans")) == ["5", "3", "0", "2", "0", "0"]


def test_a_meeting_without_a_members_attendance_shows_as_not_recorded(client, secretariat, warwickshire, year, police):
    """Nobody recorded Fay Fairweather at any of the five: a gap in the record, neither attended
    nor missed, and shown so the secretariat can fill it."""
    MemberFactory(nominating_body__partnership=warwickshire, person=PersonFactory(name="Fay Fairweather"))
    signed_in(client, secretariat)
    page = client.get(url(warwickshire)).text
    assert numbers(row(page, "Fay Fairweather")) == ["0", "0", "0", "0", "0", "<strong>5</strong>"]
    assert "Flagged" not in row(page, "Fay Fairweather")


def test_a_member_missing_as_many_as_the_threshold_is_flagged(client, member, warwickshire, year):
    signed_in(client, member)
    page = client.get(url(warwickshire)).text
    assert "Flagged</strong> missed 3" in row(page, "Mo Member")
    assert "Flagged" not in row(page, "Eve Evans")  # two missed, under the partnership's 3
    assert "1 member is flagged for persistent failure to attend:" in page
    assert "sends apologies or is absent 3 times or more in 12 months" in page


def test_the_flag_follows_the_partnerships_threshold(client, member, warwickshire, year):
    warwickshire.absence_threshold = 2
    warwickshire.save()
    signed_in(client, member)
    page = client.get(url(warwickshire)).text
    assert "Flagged" in row(page, "Eve Evans")
    assert "2 members are flagged for persistent failure to attend: Eve Evans, Mo Member." in page
    warwickshire.absence_threshold = 4
    warwickshire.save()
    assert "Flagged" not in client.get(url(warwickshire)).text


def test_per_body_the_sums_and_the_share_of_meetings_represented(client, member, warwickshire, year):
    signed_in(client, member)
    page = client.get(url(warwickshire)).text
    bodies = page[page.index('id="bodies"') :]
    police = row(bodies, "The Police Service")
    assert numbers(police) == ["5", "1", "1", "2", "1"]
    assert "2 of 5 meetings (40%)" in police
    cdrp = row(bodies, "The Chair of each CDRP strategy group")
    assert numbers(cdrp) == ["10", "8", "0", "2", "0"]
    assert "5 of 5 meetings (100%)" in cdrp


def test_a_former_member_shows_for_the_months_they_sat(client, member, secretariat, warwickshire, police, year):
    mo = member_of(member, warwickshire)
    Member.objects.filter(pk=mo.pk).update(active=False)
    MemberFactory(nominating_body=police, person=PersonFactory(name="Never Came"), active=False)
    signed_in(client, secretariat)
    page = client.get(url(warwickshire)).text
    assert "(former member)" in row(page, "Mo Member")
    assert "Never Came" not in page


def test_with_no_meetings_held_nothing_is_flagged(client, member, warwickshire):
    signed_in(client, member)
    page = client.get(url(warwickshire)).text
    assert "0 meetings held from 26 November 2025" in page
    assert "No meetings held" in page
    assert "Flagged" not in page


def test_only_the_secretariat_is_offered_the_threshold_to_change(client, request, warwickshire):
    edit = reverse("partnership:partnership-edit", kwargs={"slug": warwickshire.slug})
    for who, offered in (("secretariat", True), ("member", False)):
        signed_in(client, request.getfixturevalue(who))
        assert (edit in client.get(url(warwickshire)).text) is offered


def test_the_page_costs_a_fixed_number_of_queries(client, member, chair, warwickshire, django_assert_max_num_queries):
    everyone = [member_of(user, warwickshire) for user in (chair, member, *seat_members(warwickshire, 15))]
    for n in range(10):
        meeting = held(warwickshire, D(2025, 12, 2) + datetime.timedelta(weeks=5 * n))
        Attendance.objects.bulk_create(
            Attendance(meeting=meeting, member=seat, status=["present", "apologies", "absent"][(n + i) % 3])
            for i, seat in enumerate(everyone)
        )
    signed_in(client, member)
    with django_assert_max_num_queries(8):
        page = client.get(url(warwickshire)).text
    assert "10 meetings held" in page
    assert "17 members are flagged" in page
