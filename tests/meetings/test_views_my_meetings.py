"""A member's coming meetings across their partnerships."""

import datetime

from django.urls import reverse

from tests.factories import MeetingFactory, MemberFactory, NominatingBodyFactory
from tests.helpers import signed_in

URL = reverse("my_meetings:list")


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    assert client.get(URL).url.startswith(reverse("login"))


def test_a_member_sees_their_partnerships_coming_meetings_only(client, member, warwickshire, other_partnership):
    MeetingFactory(partnership=warwickshire, title="Warwickshire board", date=datetime.date(2027, 1, 12))
    MeetingFactory(partnership=warwickshire, title="Last year's board", date=datetime.date(2025, 1, 14))
    MeetingFactory(partnership=other_partnership, title="Rugby board", date=datetime.date(2027, 1, 19))
    signed_in(client, member)
    page = client.get(URL).text
    assert "Warwickshire board" in page
    assert "Due by 5 January 2027" in page
    assert "Last year&#x27;s board" not in page
    assert "Rugby board" not in page


def test_one_person_on_two_partnerships_sees_both(client, member, warwickshire, other_partnership):
    person = member.person
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership), person=person)
    MeetingFactory(partnership=warwickshire, title="Warwickshire board", date=datetime.date(2027, 1, 12))
    MeetingFactory(partnership=other_partnership, title="Rugby board", date=datetime.date(2027, 1, 19))
    signed_in(client, member)
    page = client.get(URL).text
    assert page.index("Warwickshire board") < page.index("Rugby board")


def test_the_page_costs_a_fixed_number_of_queries(client, member, warwickshire, django_assert_max_num_queries):
    for n in range(20):
        MeetingFactory(
            partnership=warwickshire, title=f"Board {n}", date=datetime.date(2027, 1, 5) + datetime.timedelta(weeks=n)
        )
    signed_in(client, member)
    with django_assert_max_num_queries(7):
        assert client.get(URL).status_code == 200
