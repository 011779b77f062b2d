"""The forward work programme: the year's recurring business, planned onto meetings, offered
and put on the agenda with its "WP dd-mm-yy" reference."""

import datetime

import pytest

from meetings import services
from meetings.models import WorkKind, WorkProgrammeItem
from partnership.errors import RuleBroken
from tests.factories import MeetingFactory, MemberFactory, OfficeFactory, TermsOfReferenceFactory

D = datetime.date


@pytest.fixture
def board_meetings(warwickshire):
    return [
        services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=day, start_time=datetime.time(14)
        )
        for day in (D(2027, 1, 12), D(2027, 3, 16), D(2027, 6, 15), D(2027, 9, 14), D(2027, 11, 16))
    ]


def test_the_year_brings_four_performance_reports_and_a_strategic_assessment(warwickshire, board_meetings):
    added = services.plan_year(partnership=warwickshire, year=2027)
    kinds = [item.kind for item in added]
    assert kinds.count(WorkKind.QUARTERLY_PERFORMANCE) == 4
    assert WorkKind.STRATEGIC_ASSESSMENT in kinds
    q1 = next(item for item in added if item.title.endswith("Q1 2027"))
    assert q1.meeting == board_meetings[1]  # the last meeting on or before 31 March
    assert q1.reference == "WP 16-03-27"


def test_the_terms_review_and_skills_review_come_with_the_review_date(warwickshire, board_meetings):
    TermsOfReferenceFactory(partnership=warwickshire, adopted_on=D(2026, 4, 1), next_review_on=D(2027, 4, 1))
    added = services.plan_year(partnership=warwickshire, year=2027)
    review = next(item for item in added if item.kind == WorkKind.TERMS_REVIEW)
    assert review.title == "Annual review of the terms of reference (ToR 10)"
    assert review.meeting == board_meetings[1]
    assert any(item.kind == WorkKind.SKILLS_REVIEW for item in added)


def test_a_chair_election_is_planned_two_months_before_the_term_ends(warwickshire, county_council, board_meetings):
    OfficeFactory(member=MemberFactory(nominating_body=county_council), starts_on=D(2025, 5, 1))
    added = services.plan_year(partnership=warwickshire, year=2027)
    election = next(item for item in added if item.kind == WorkKind.CHAIR_ELECTION)
    assert election.title == "Election of the chair: the term ends on 30 April 2027"
    assert election.due_by == D(2027, 2, 28)
    assert election.meeting == board_meetings[0]


def test_planning_the_year_twice_adds_nothing_more(warwickshire, board_meetings):
    first = services.plan_year(partnership=warwickshire, year=2027)
    assert services.plan_year(partnership=warwickshire, year=2027) == []
    assert WorkProgrammeItem.objects.count() == len(first)


def test_items_are_offered_when_the_agenda_is_built_and_put_on_it_once(warwickshire, board_meetings):
    services.plan_year(partnership=warwickshire, year=2027)
    march = board_meetings[1]
    offered = list(services.offered_for(march))
    assert [item.title for item in offered] == ["Quarterly performance report to the Public Service Board, Q1 2027"]
    services.put_on_agenda(work_item=offered[0])
    assert march.agenda_items.order_by("position").last().title == offered[0].title
    assert list(services.offered_for(march)) == []
    with pytest.raises(RuleBroken, match="on that agenda already"):
        services.put_on_agenda(work_item=offered[0])


def test_an_item_is_planned_only_for_the_partnerships_own_meetings(warwickshire, other_partnership):
    item = services.add_work_item(partnership=warwickshire, title="Road safety update", due_by=D(2027, 5, 1))
    elsewhere = MeetingFactory(partnership=other_partnership)
    with pytest.raises(RuleBroken, match="one of the partnership's own meetings"):
        services.plan_for_meeting(work_item=item, meeting=elsewhere)
    item.refresh_from_db()
    assert item.meeting is None


def test_an_unplanned_item_cannot_go_on_an_agenda(warwickshire):
    item = services.add_work_item(partnership=warwickshire, title="Road safety update", due_by=D(2027, 5, 1))
    with pytest.raises(RuleBroken, match="Plan it for a meeting first"):
        services.put_on_agenda(work_item=item)
