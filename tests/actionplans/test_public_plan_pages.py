"""The public's view of a partnership's plans, without signing in: the published plans with
their period and progress, and a plan's summary section by section, in words as well as
colours; never a plan not published, another partnership's, or anything private of an action."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actionplans.models import Action, ActionPlan, Milestone, MilestoneStatus
from tests.actionplans.factories import (
    ActionFactory,
    ActionPlanFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
    SectionFactory,
)
from tests.factories import MemberFactory, PersonFactory

TODAY = datetime.date(2026, 11, 25)
LAST_MONTH = TODAY - datetime.timedelta(days=30)
NEXT_MONTH = TODAY + datetime.timedelta(days=30)


def publish(plan):
    ActionPlan.objects.filter(pk=plan.pk).update(is_published=True, published_at=timezone.now())
    plan.refresh_from_db()
    return plan


@pytest.fixture
def plan(warwickshire):
    return publish(
        ActionPlanFactory(
            partnership=warwickshire,
            title="Partnership plan 2026-27",
            description="How the partnership meets the Six Hallmarks.",
            starts_on=datetime.date(2026, 4, 1),
            ends_on=datetime.date(2027, 3, 31),
        )
    )


@pytest.fixture
def sections(plan):
    """Section A on track, B at risk (an action past its date), C off track (a milestone overdue)."""
    a = SectionFactory(plan=plan, position=1, code="A", title="Empowered and effective leadership")
    b = SectionFactory(plan=plan, position=2, code="B", title="Visible and constructive accountability")
    c = SectionFactory(plan=plan, position=3, code="C", title="Intelligence-led business processes")
    done = ActionFactory(plan=plan, section=a, reference="A1", title="Agree the partnership's priorities")
    MilestoneFactory(action=done, title="Priorities agreed", status=MilestoneStatus.DONE, completed_on=LAST_MONTH)
    ActionFactory(plan=plan, section=a, reference="A2", title="Induct new members", due=NEXT_MONTH)
    ActionFactory(plan=plan, section=b, reference="B1", title="Publish the annual report", due=LAST_MONTH)
    overdue = ActionFactory(plan=plan, section=c, reference="C1", title="Complete the strategic assessment")
    MilestoneFactory(action=overdue, title="Data gathered", due=LAST_MONTH)
    MilestoneFactory(action=overdue, title="Draft shared", due=NEXT_MONTH, status=MilestoneStatus.ON_TRACK)
    return a, b, c


def list_url(slug="warwickshire-scp"):
    return reverse("public_plans:list", kwargs={"slug": slug})


def plan_url(plan, slug="warwickshire-scp"):
    return reverse("public_plans:plan", kwargs={"slug": slug, "pk": plan.pk})


# The list of published plans.


def test_the_public_lists_the_published_plans(client, plan, warwickshire):
    ActionPlanFactory(partnership=warwickshire, title="Ethical framework improvement plan")
    response = client.get(list_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Partnership plan 2026-27" in page
    assert plan_url(plan) in page
    assert "1 April 2026 to 31 March 2027" in page
    assert "On track" in page
    assert "Ethical framework improvement plan" not in page
    assert 'aria-current="page"' in page


def test_the_list_says_when_nothing_is_published(client, warwickshire):
    ActionPlanFactory(partnership=warwickshire)
    response = client.get(list_url())
    assert "The partnership has not published a plan yet." in response.content.decode()


def test_the_list_shows_only_this_partnerships_plans(client, plan, other_partnership):
    publish(ActionPlanFactory(partnership=other_partnership, title="Rugby plan"))
    page = client.get(list_url()).content.decode()
    assert "Rugby plan" not in page


def test_an_unknown_partnership_is_not_found(client, plan):
    assert client.get(list_url("nowhere")).status_code == 404
    assert client.get(plan_url(plan, "nowhere")).status_code == 404


def test_the_overall_progress_is_in_words_and_colour(client, plan, sections):
    page = client.get(list_url()).content.decode()
    assert '<strong class="govuk-tag govuk-tag--red">Off track</strong>' in page


# A published plan's summary.


def test_the_summary_shows_the_plan_and_its_sections(client, plan, sections):
    response = client.get(plan_url(plan))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert "Partnership plan 2026-27" in page
    assert "How the partnership meets the Six Hallmarks." in page
    assert "1 April 2026 to 31 March 2027" in page
    for code in "ABC":
        assert f"{code}. " in page
    assert "Progress overall on 25 November 2026" in page


def test_each_section_counts_its_actions_by_progress_and_its_milestones(client, plan, sections):
    summary = client.get(plan_url(plan)).context["summary"]
    by_code = {block.section.code: block for block in summary.sections}
    assert by_code["A"].summary.rag == "green"
    assert by_code["A"].actions_by_rag == {"green": 2, "amber": 0, "red": 0}
    assert by_code["B"].summary.rag == "amber"
    assert by_code["B"].actions_by_rag == {"green": 0, "amber": 1, "red": 0}
    assert by_code["C"].summary.rag == "red"
    page = client.get(plan_url(plan)).content.decode()
    assert "2 actions: 2 on track, 0 at risk, 0 off track" in page
    assert "1 action: 0 on track, 1 at risk, 0 off track" in page
    assert "1 of 1 completed, 0 overdue" in page
    assert "0 of 2 completed, 1 overdue" in page


def test_each_action_is_listed_with_its_progress_in_words(client, plan, sections):
    page = client.get(plan_url(plan)).content.decode()
    assert "Agree the partnership&#x27;s priorities" in page
    assert "Publish the annual report" in page
    assert '<strong class="govuk-tag govuk-tag--green">On track</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--orange">At risk</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--red">Off track</strong>' in page
    assert '<caption class="govuk-table__caption govuk-table__caption--s">Actions in A. Empowered' in page


def test_actions_in_no_section_are_shown_after_the_sections(client, plan, sections):
    ActionFactory(plan=plan, section=None, reference="Z", title="Review the terms of reference")
    page = client.get(plan_url(plan)).content.decode()
    assert page.index("Intelligence-led business processes") < page.index("Other actions")
    assert "Review the terms of reference" in page


def test_nothing_private_of_an_action_reaches_the_public(client, plan, police):
    person = PersonFactory(name="Priya Owner", email="priya.owner@police.example.org")
    owner = MemberFactory(nominating_body=police, person=person)
    action = ActionFactory(
        plan=plan,
        title="Share the crime data",
        method="Secret method of the working group",
        owner="Priya Owner (Police)",
        owner_member=owner,
        resources="Budget line 42",
        evaluation="Evaluation notes kept by the board",
        outcomes="Private outcome notes",
    )
    ProgressUpdateFactory(action=action, text="Progress text the board reads", evidence="Evidence file")
    page = client.get(plan_url(plan)).content.decode()
    assert "Share the crime data" in page
    for private in (
        "priya.owner@police.example.org",
        "Priya Owner",
        "Secret method",
        "Budget line 42",
        "Evaluation notes",
        "Private outcome notes",
        "Progress text",
        "Evidence file",
        "@",
    ):
        assert private not in page


def test_a_plan_not_published_is_not_found(client, warwickshire):
    draft = ActionPlanFactory(partnership=warwickshire, title="Draft plan")
    assert client.get(plan_url(draft)).status_code == 404


def test_another_partnerships_published_plan_is_not_found_under_this_slug(client, plan, other_partnership):
    theirs = publish(ActionPlanFactory(partnership=other_partnership, title="Rugby plan"))
    assert client.get(plan_url(theirs)).status_code == 404
    assert client.get(plan_url(theirs, "rugby-csp")).status_code == 200


def test_a_withdrawn_plan_is_no_longer_public(client, plan, secretariat):
    from actionplans.services import withdraw_plan

    withdraw_plan(plan=plan, by=secretariat)
    assert client.get(plan_url(plan)).status_code == 404
    assert "Partnership plan 2026-27" not in client.get(list_url()).content.decode()


def test_the_public_pages_only_answer_a_get(client, plan):
    assert client.post(list_url()).status_code == 405
    assert client.post(plan_url(plan)).status_code == 405


# A fixed number of queries, however big the plan.


def fill(plan, actions: int) -> None:
    sections = [SectionFactory(plan=plan, position=n, code=chr(65 + n), title=f"Section {n}") for n in range(5)]
    made = Action.objects.bulk_create(
        [
            Action(
                plan=plan, section=sections[n % 5] if n % 7 else None, position=n, title=f"Action {n}", due=LAST_MONTH
            )
            for n in range(actions)
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(action=action, title="Step", due=NEXT_MONTH if n % 3 else LAST_MONTH)
            for n, action in enumerate(made)
        ]
    )


@pytest.mark.parametrize("actions", [10, 60])
def test_the_summary_is_a_fixed_number_of_queries(client, plan, actions, django_assert_max_num_queries):
    fill(plan, actions)
    with django_assert_max_num_queries(5):
        response = client.get(plan_url(plan))
    assert response.status_code == 200
    assert response.content.decode().count('id="action-') == actions


@pytest.mark.parametrize("plans", [2, 12])
def test_the_list_is_a_fixed_number_of_queries(client, warwickshire, plans, django_assert_max_num_queries):
    for number in range(plans):
        fill(publish(ActionPlanFactory(partnership=warwickshire, title=f"Plan {number}")), 10)
    with django_assert_max_num_queries(4):
        response = client.get(list_url())
    assert response.status_code == 200
    assert len(response.context["rows"]) == plans
