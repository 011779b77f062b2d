"""The member's portal, My meetings, lists the decisions in writing that await them."""

import datetime

from django.urls import reverse

from meetings import services
from tests.factories import (
    MeetingFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PersonFactory,
    UserFactory,
)
from tests.helpers import signed_in
from tests.meetings.test_views_writing_support import put_to_members, respond, seat_members

URL = reverse("my_meetings:list")


def test_a_member_sees_the_open_proposals_and_their_answer(client, warwickshire, chair, member):
    waiting = put_to_members(warwickshire, chair, title="Bid for the Safer Streets fund")
    answered = put_to_members(warwickshire, chair, title="Adopt the hate crime protocol")
    withdrawn_from = put_to_members(warwickshire, chair, title="Fund the youth diversion scheme")
    respond(answered, [member], "against")
    respond(withdrawn_from, [member], interest="prejudicial", interest_nature="My force runs the scheme.")
    signed_in(client, member)
    page = client.get(URL).text
    assert "Decisions in writing" in page
    respond_url = reverse("writing:respond", kwargs={"slug": warwickshire.slug, "pk": waiting.pk})
    assert f'href="{respond_url}"' in page
    row = page[page.index("Adopt the hate crime protocol") :]
    assert "You answered: Against" in row[: row.index("</tr>")]
    row = page[page.index("Fund the youth diversion scheme") :]
    assert "You take no part: prejudicial interest" in row[: row.index("</tr>")]
    row = page[page.index("Bid for the Safer Streets fund") :]
    assert "Not answered yet" in row[: row.index("</tr>")]


def test_closed_withdrawn_and_other_partnerships_proposals_are_not_listed(
    client, warwickshire, chair, member, other_partnership
):
    board = [chair, *seat_members(warwickshire, 4)]
    closed = put_to_members(warwickshire, chair, title="Adopt the hate crime protocol")
    respond(closed, board, "for")
    services.close_written_proposal(proposal=closed, by=chair)
    withdrawn = put_to_members(warwickshire, chair, title="Fund the youth diversion scheme")
    services.withdraw_written_proposal(proposal=withdrawn, by=chair)
    rugby_chair = PersonFactory(name="Rugby Chair", user=UserFactory(username="rugby.chair"))
    rugby_body = NominatingBodyFactory(partnership=other_partnership)
    rugby_member = MemberFactory(nominating_body=rugby_body, person=rugby_chair)
    OfficeFactory(member=rugby_member, starts_on=datetime.date(2026, 9, 1))
    put_to_members(other_partnership, rugby_chair.user, title="Rugby town centre CCTV")
    signed_in(client, member)
    page = client.get(URL).text
    for title in ("Adopt the hate crime protocol", "Fund the youth diversion scheme", "Rugby town centre CCTV"):
        assert title not in page
    assert "Decisions in writing" not in page


def test_the_secretariat_has_nothing_to_answer(client, warwickshire, chair, secretariat):
    put_to_members(warwickshire, chair)
    signed_in(client, secretariat)
    assert "Bid for the Safer Streets fund" not in client.get(URL).text


def test_the_page_costs_a_fixed_number_of_queries(client, warwickshire, chair, member, django_assert_max_num_queries):
    for n in range(20):
        MeetingFactory(partnership=warwickshire, date=datetime.date(2027, 1, 5) + datetime.timedelta(weeks=n))
    for n in range(10):
        proposal = put_to_members(warwickshire, chair, title=f"Proposal {n}")
        if n % 2:
            respond(proposal, [member], "for")
    signed_in(client, member)
    with django_assert_max_num_queries(7):
        assert client.get(URL).status_code == 200
