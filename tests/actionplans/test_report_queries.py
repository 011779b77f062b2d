"""The report's content takes the same number of queries whatever the size of the plans: the
history is loaded once for the partnership and replayed in Python."""

import datetime

import pytest

from actionplans import services
from actionplans.models import MilestoneStatus
from actionplans.reporting.content import build_content
from actionplans.reporting.quarters import Quarter
from actionplans.reporting.reports import report_fingerprint
from tests.actionplans.report_support import on

Q1 = Quarter(2027, 1)
CONTENT_QUERIES = 5  # plans, their sections, action history, milestone history, progress
FINGERPRINT_QUERIES = 5  # one count per history table


def plans(partnership, secretariat, *, count, actions, milestones):
    with on(datetime.date(2026, 12, 1)):
        made = []
        for number in range(count):
            plan = services.create_plan(partnership=partnership, title=f"Plan {number}")
            sections = [services.add_section(plan=plan, code=code, title=f"Section {code}") for code in "ABC"]
            for index in range(actions):
                action = services.add_action(
                    plan=plan, section=sections[index % 3], title=f"Action {index}", due=datetime.date(2027, 2, 1)
                )
                for m in range(milestones):
                    services.add_milestone(action=action, title=f"Milestone {m}", due=datetime.date(2027, 1, 10 + m))
            made.append(plan)
    with on(datetime.date(2027, 1, 20)):
        for plan in made:
            for action in plan.actions.all()[: actions // 2]:
                first = action.milestones.first()
                services.update_milestone(milestone=first, status=MilestoneStatus.DONE)
                services.record_progress(
                    action=action, text="Done", reported_on=datetime.date(2027, 1, 20), by=secretariat
                )


@pytest.mark.parametrize(("count", "actions", "milestones"), [(1, 3, 1), (4, 30, 3)])
def test_content_takes_a_fixed_number_of_queries(
    warwickshire, secretariat, django_assert_max_num_queries, count, actions, milestones
):
    plans(warwickshire, secretariat, count=count, actions=actions, milestones=milestones)
    with django_assert_max_num_queries(CONTENT_QUERIES):
        content = build_content(partnership=warwickshire, quarter=Q1, today=datetime.date(2027, 4, 10))
    assert len(content.plans) == count
    assert sum(len(section.progress) for plan in content.plans for section in plan.sections) == count * (actions // 2)
    assert content.plans[0].summary.milestones == actions * milestones


@pytest.mark.parametrize(("count", "actions", "milestones"), [(1, 3, 1), (4, 30, 3)])
def test_the_fingerprint_takes_a_fixed_number_of_queries(
    warwickshire, secretariat, django_assert_max_num_queries, count, actions, milestones
):
    plans(warwickshire, secretariat, count=count, actions=actions, milestones=milestones)
    with django_assert_max_num_queries(FINGERPRINT_QUERIES):
        report_fingerprint(warwickshire, Q1, datetime.date(2027, 4, 10))
