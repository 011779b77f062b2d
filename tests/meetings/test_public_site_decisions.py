"""The public decisions page: every decision in the published minutes of the partnership's
public meetings, read from the copy made at confirmation, newest meeting first, each linked to
its place in the minutes. Nothing of a confidential item, nothing of minutes not yet
confirmed, nothing of a private meeting, nothing of another partnership."""

import datetime

import pytest

from meetings import services
from meetings.models import Decision, MinutesStatus
from tests.factories import MeetingFactory
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import decision_json, partnership_url, snapshot
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import MEETING_DAY, SECRET_DECISION


def item(position: int, *decisions) -> dict:
    return {"position": position, "title": f"Item {position}", "discussion": "", "decisions": list(decisions)}


def test_decisions_come_from_published_minutes_newest_meeting_first(client, warwickshire):
    older = MeetingFactory(
        partnership=warwickshire, is_public=True, title="Spring meeting", date=datetime.date(2026, 3, 10)
    )
    newer = MeetingFactory(
        partnership=warwickshire, is_public=True, title="Autumn meeting", date=datetime.date(2026, 9, 8)
    )
    snapshot(older, [item(5, decision_json(3, "Adopt the plan"))])
    snapshot(newer, [item(5, decision_json(7, "Fund the patrols", method="vote", outcome="carried", votes=(9, 4, 1)))])
    response = client.get(partnership_url(warwickshire, "decisions"))
    assert response.status_code == 200
    html = response.text
    assert html.index("Fund the patrols") < html.index("Adopt the plan")
    assert "9 for, 4 against, 1 abstaining" in html
    assert "Carried" in html
    assert "By consensus" in html
    assert f'href="/p/{warwickshire.slug}/meetings/{newer.pk}/#decision-7"' in html
    assert ": decision 7 in the minutes</span></a>" in html


def test_unconfirmed_private_and_other_partnerships_minutes_are_left_out(client, warwickshire, other_partnership):
    unconfirmed = MeetingFactory(partnership=warwickshire, is_public=True)
    snapshot(unconfirmed, [], status=MinutesStatus.CIRCULATED)
    private = MeetingFactory(partnership=warwickshire)
    snapshot(private, [item(5, decision_json(2, "Private decision"))], is_public=False)
    elsewhere = MeetingFactory(partnership=other_partnership, is_public=True)
    snapshot(elsewhere, [item(5, decision_json(4, "Another partnership's decision"))])
    html = client.get(partnership_url(warwickshire, "decisions")).text
    assert "Private decision" not in html
    assert "Another partnership" not in html
    assert "No minutes of a public meeting have been published yet." in html


@pytest.fixture
def meeting(warwickshire):
    """Overrides the minutes tests' board meeting: this one is held in public."""
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=MEETING_DAY, start_time=datetime.time(14), is_public=True
    )


def test_a_confidential_items_decision_never_appears_and_the_live_log_is_not_read(
    client, circulated, secretariat, after_the_next_meeting, warwickshire, agenda
):
    html = client.get(partnership_url(warwickshire, "decisions")).text
    assert "Adopt the partnership plan" not in html  # circulated, not yet confirmed
    services.confirm_minutes(minutes=circulated, at_meeting=after_the_next_meeting, by=secretariat)
    Decision.objects.filter(text="Adopt the partnership plan").update(text="Changed after publication")
    html = client.get(partnership_url(warwickshire, "decisions")).text
    assert "Adopt the partnership plan" in html
    assert "Changed after publication" not in html
    assert SECRET_DECISION not in html


def test_the_decisions_are_paginated(client, warwickshire):
    for n in range(30):
        held = MeetingFactory(
            partnership=warwickshire, is_public=True, date=datetime.date(2024, 1, 2) + datetime.timedelta(weeks=n)
        )
        snapshot(held, [item(5, decision_json(n + 1, f"Decision text {n + 1}."))])
    first = client.get(partnership_url(warwickshire, "decisions")).text
    assert "Decision text 30." in first
    assert "Decision text 1." not in first
    second = client.get(partnership_url(warwickshire, "decisions") + "?page=2").text
    assert "Decision text 1." in second


def test_the_page_costs_the_same_queries_at_two_volumes(client, warwickshire, django_assert_max_num_queries):
    def add(count, start):
        for n in range(count):
            held = MeetingFactory(partnership=warwickshire, is_public=True)
            snapshot(held, [item(5, *(decision_json(start + n * 3 + k, "Agreed") for k in range(3)))])

    url = partnership_url(warwickshire, "decisions")
    add(2, 1)
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200
    add(30, 100)
    with django_assert_max_num_queries(2):
        assert client.get(url).status_code == 200
