"""The public meetings list: coming meetings, then past ones a page at a time, each saying when
and where, and whether its agenda and its minutes are published; and a link to the calendar."""

import datetime

from django.utils import timezone

from tests.factories import MeetingFactory
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import partnership_url, snapshot

PAST = datetime.date(2026, 3, 10)


def test_each_meeting_says_whether_its_agenda_and_minutes_are_published(client, warwickshire):
    held = MeetingFactory(
        partnership=warwickshire, is_public=True, title="Spring meeting", date=PAST, agenda_circulated_at=timezone.now()
    )
    snapshot(held, [])
    MeetingFactory(partnership=warwickshire, is_public=True, title="Summer meeting", date=datetime.date(2027, 6, 15))
    response = client.get(partnership_url(warwickshire, "list"))
    html = response.text
    spring = html[html.index("Spring meeting") :]
    spring = spring[: spring.index("</tr>")]
    assert spring.count("<td") == 3
    assert spring.count(">Published<") == 2
    summer = html[html.index("Summer meeting") :]
    summer = summer[: summer.index("</tr>")]
    assert summer.count("Not published yet") == 2
    assert "2:00 p.m., Shire Hall, Warwick" in summer


def test_the_list_links_to_the_calendar(client, warwickshire):
    html = client.get(partnership_url(warwickshire, "list")).text
    assert f'href="{partnership_url(warwickshire, "calendar")}"' in html


def test_past_meetings_come_newest_first_a_page_at_a_time(client, warwickshire):
    for n in range(25):
        MeetingFactory(
            partnership=warwickshire, is_public=True, title=f"Meeting {n}", date=PAST - datetime.timedelta(weeks=n)
        )
    first = client.get(partnership_url(warwickshire, "list"))
    assert [m.title for m in first.context["past"]][:2] == ["Meeting 0", "Meeting 1"]
    assert "Meeting 24," not in first.text
    assert 'aria-label="Pages of the past meetings"' in first.text
    second = client.get(partnership_url(warwickshire, "list") + "?page=2")
    assert "Meeting 24," in second.text


def test_the_list_costs_the_same_queries_at_two_volumes(client, warwickshire, django_assert_max_num_queries):
    def add(count):
        for n in range(count):
            MeetingFactory(partnership=warwickshire, is_public=True, date=PAST - datetime.timedelta(weeks=n))
            MeetingFactory(partnership=warwickshire, is_public=True, date=datetime.date(2027, 1, 5))

    url = partnership_url(warwickshire, "list")
    add(2)
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
    add(40)
    with django_assert_max_num_queries(4):
        assert client.get(url).status_code == 200
