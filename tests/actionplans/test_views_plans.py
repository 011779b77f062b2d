"""The partnership's action plans with their colours, creating one, and a plan's page: read by
members and the secretariat, kept by the secretariat, unknown to other partnerships."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import Action, ActionPlan, MilestoneStatus
from tests.actionplans.factories import (
    ActionFactory,
    ActionPlanFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
    SectionFactory,
)
from tests.helpers import signed_in

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


def list_url(slug="warwickshire-scp"):
    return reverse("actionplans:list", kwargs={"slug": slug})


def plan_url(plan):
    return reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def remove_url(action):
    return reverse(
        "actionplans:action-remove",
        kwargs={"slug": action.plan.partnership.slug, "pk": action.plan_id, "action_pk": action.pk},
    )


# Who may see what.


def test_anonymous_visitor_is_sent_to_sign_in(client, plan):
    for url in (list_url(), plan_url(plan), reverse("actionplans:plan-add", kwargs={"slug": "warwickshire-scp"})):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [("outsider", 404), ("member", 200), ("chair", 200), ("secretariat", 200), ("staff", 200)],
)
def test_who_reads_the_plans(client, request, plan, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(list_url()).status_code == status
    assert client.get(plan_url(plan)).status_code == status


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200)])
def test_only_the_secretariat_creates_plans(client, request, warwickshire, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.get(reverse("actionplans:plan-add", kwargs={"slug": warwickshire.slug}))
    assert response.status_code == status
    if status == 403:
        assert "Only the partnership&#x27;s secretariat" in response.content.decode()


def test_a_plan_of_another_partnership_is_not_found_under_this_one(client, secretariat, other_partnership):
    theirs = ActionPlanFactory(partnership=other_partnership)
    signed_in(client, secretariat)
    url = reverse("actionplans:plan", kwargs={"slug": "warwickshire-scp", "pk": theirs.pk})
    assert client.get(url).status_code == 404


# The list.


def test_the_list_shows_each_plans_colour_in_words_and_its_counts(client, member, plan, warwickshire):
    late = ActionFactory(plan=plan)
    MilestoneFactory(action=late, due=TODAY - datetime.timedelta(days=1), status=MilestoneStatus.ON_TRACK)
    MilestoneFactory(action=late, status=MilestoneStatus.DONE, completed_on=TODAY)
    ActionPlanFactory(partnership=warwickshire, title="Quiet plan")
    signed_in(client, member)
    page = client.get(list_url()).content.decode()
    assert "Ethical framework action plan" in page
    assert '<strong class="govuk-tag govuk-tag--red">Red</strong>' in page
    assert "1 action; 2 milestones, 1 overdue, 1 done" in page
    assert '<strong class="govuk-tag govuk-tag--green">Green</strong>' in page
    assert "Create a plan" not in page


def test_the_list_is_a_fixed_number_of_queries(client, secretariat, warwickshire, django_assert_max_num_queries):
    for number in range(12):
        plan = ActionPlanFactory(partnership=warwickshire, title=f"Plan {number}")
        for _ in range(5):
            MilestoneFactory(action=ActionFactory(plan=plan))
    signed_in(client, secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(list_url())
    assert response.status_code == 200
    assert "Create a plan" in response.content.decode()


# Creating a plan.


def test_the_secretariat_creates_a_plan(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(
        reverse("actionplans:plan-add", kwargs={"slug": warwickshire.slug}),
        {
            "title": "Partnership plan 2027",
            "description": "",
            "starts_on_0": "1",
            "starts_on_1": "4",
            "starts_on_2": "2027",
        },
    )
    plan = ActionPlan.objects.get()
    assert response.status_code == 302
    assert response.url == plan_url(plan)
    assert plan.starts_on == datetime.date(2027, 4, 1)


def test_a_second_plan_with_the_same_title_is_refused(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(
        reverse("actionplans:plan-add", kwargs={"slug": "warwickshire-scp"}), {"title": plan.title.upper()}
    )
    assert response.status_code == 400
    assert "The partnership already has an action plan called" in response.content.decode()
    assert ActionPlan.objects.count() == 1


def test_a_plan_ending_before_it_starts_is_refused(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    dates = {"starts_on_0": "1", "starts_on_1": "4", "starts_on_2": "2027"}
    dates |= {"ends_on_0": "1", "ends_on_1": "4", "ends_on_2": "2026"}
    response = client.post(reverse("actionplans:plan-add", kwargs={"slug": warwickshire.slug}), {"title": "P", **dates})
    assert response.status_code == 400
    assert "The plan must end on or after the day it starts." in response.content.decode()
    assert not ActionPlan.objects.exists()


def test_a_member_cannot_post_a_plan(client, member, warwickshire):
    signed_in(client, member)
    response = client.post(reverse("actionplans:plan-add", kwargs={"slug": warwickshire.slug}), {"title": "Mine"})
    assert response.status_code == 403
    assert not ActionPlan.objects.exists()


# The plan's page.


def test_the_plan_page_shows_sections_in_order_with_their_actions(client, member, plan):
    communication = SectionFactory(plan=plan, position=2, code="C", title="COMMUNICATION")
    relationships = SectionFactory(plan=plan, position=1, code="B", title="Relationships")
    ActionFactory(plan=plan, section=communication, reference="(a)", title="Review induction processes")
    ActionFactory(
        plan=plan,
        section=relationships,
        reference="(a)",
        title="Raise awareness amongst Members",
        owner="Head of Democratic Services",
        due_text="April 2007",
        due=datetime.date(2007, 4, 30),
    )
    ActionFactory(plan=plan, section=None, title="A loose end", due_text="Autumn 2006", due_needs_checking=True)
    signed_in(client, member)
    page = client.get(plan_url(plan)).content.decode()
    assert page.index("B. Relationships") < page.index("C. COMMUNICATION") < page.index("Not in a section")
    assert "Head of Democratic Services" in page
    assert "April 2007" in page
    assert "30 April 2007" in page
    assert "Autumn 2006" in page
    assert "Date needs checking" in page
    assert "1 action needs a date checking" in page
    assert "Add an action" not in page  # a member reads, the secretariat keeps


def test_milestones_show_their_computed_status(client, secretariat, plan):
    action = ActionFactory(plan=plan)
    MilestoneFactory(action=action, title="Protocol drafted", due=TODAY - datetime.timedelta(days=3))
    MilestoneFactory(action=action, title="Protocol signed", status=MilestoneStatus.AT_RISK, due=TODAY)
    signed_in(client, secretariat)
    page = client.get(plan_url(plan)).content.decode()
    assert '<strong class="govuk-tag govuk-tag--red">Overdue</strong>' in page
    assert '<strong class="govuk-tag govuk-tag--yellow">At risk</strong>' in page
    assert "Add an action" in page


def test_the_plan_page_is_a_fixed_number_of_queries_on_300_actions(
    client, secretariat, plan, warwickshire, police, django_assert_max_num_queries
):
    from tests.factories import MemberFactory

    owner = MemberFactory(nominating_body=police)
    sections = [SectionFactory(plan=plan, position=n, code=chr(65 + n), title=f"Section {n}") for n in range(6)]
    actions = Action.objects.bulk_create(
        [
            Action(
                plan=plan,
                section=sections[n % 6],
                position=n,
                title=f"Action {n}",
                owner_member=owner,
                owner_body=police,
            )
            for n in range(300)
        ]
    )
    for action in actions[:50]:
        MilestoneFactory(action=action, due=TODAY)
    signed_in(client, secretariat)
    with django_assert_max_num_queries(14):
        response = client.get(plan_url(plan))
    assert response.status_code == 200
    assert response.content.decode().count('id="action-') == 300


# Removing an action.


def test_the_secretariat_removes_an_action(client, secretariat, plan):
    action = ActionFactory(plan=plan)
    signed_in(client, secretariat)
    response = client.post(remove_url(action))
    assert response.status_code == 302
    assert not Action.objects.exists()


def test_an_action_with_progress_stays_and_the_page_says_why(client, secretariat, plan):
    action = ActionFactory(plan=plan)
    ProgressUpdateFactory(action=action)
    signed_in(client, secretariat)
    response = client.post(remove_url(action))
    assert response.status_code == 400
    assert "Progress has been reported on this action" in response.content.decode()
    assert Action.objects.filter(pk=action.pk).exists()


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_the_secretariat_removes_actions(client, request, plan, who, status):
    action = ActionFactory(plan=plan)
    signed_in(client, request.getfixturevalue(who))
    assert client.post(remove_url(action)).status_code == status
    assert Action.objects.filter(pk=action.pk).exists()


def test_removing_is_a_post(client, secretariat, plan):
    action = ActionFactory(plan=plan)
    signed_in(client, secretariat)
    assert client.get(remove_url(action)).status_code == 405
