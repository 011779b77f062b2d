"""Changing a plan's title, description and dates, and moving its sections up and down on the
plan page: secretariat only, every refusal shown with nothing saved."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import ActionPlan, Section
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, SectionFactory
from tests.helpers import signed_in


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(
        partnership=warwickshire,
        title="Partnership plan",
        description="Our plan.",
        starts_on=datetime.date(2026, 4, 1),
        ends_on=datetime.date(2027, 3, 31),
    )


@pytest.fixture
def sections(plan):
    return [
        SectionFactory(plan=plan, position=n, code=code, title=title)
        for n, (code, title) in enumerate(
            [("A", "Lead and Guide"), ("B", "Relationships"), ("C", "Communication")], start=1
        )
    ]


def url(name, plan, **kwargs):
    return reverse(f"actionplans:{name}", kwargs={"slug": plan.partnership.slug, "pk": plan.pk, **kwargs})


def date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def order(plan):
    return list(Section.objects.filter(plan=plan).order_by("position", "pk").values_list("code", flat=True))


def unchanged(plan):
    plan.refresh_from_db()
    return (plan.title, plan.description, plan.starts_on, plan.ends_on) == (
        "Partnership plan",
        "Our plan.",
        datetime.date(2026, 4, 1),
        datetime.date(2027, 3, 31),
    )


# Changing the plan.


def test_the_plan_page_links_to_the_change_page(client, secretariat, member, plan):
    assert url("plan-edit", plan) in signed_in(client, secretariat).get(url("plan", plan)).content.decode()
    assert url("plan-edit", plan) not in signed_in(client, member).get(url("plan", plan)).content.decode()


def test_the_form_starts_from_the_plan_as_it_is(client, secretariat, plan):
    page = signed_in(client, secretariat).get(url("plan-edit", plan)).content.decode()
    assert 'value="Partnership plan"' in page
    assert "Our plan.</textarea>" in page
    assert 'name="ends_on_0" value="31"' in page
    assert 'name="ends_on_2" value="2027"' in page
    assert 'name="starts_on_1" value="4"' in page


def test_saving_changes_the_plan_with_its_history(client, secretariat, plan):
    signed_in(client, secretariat)
    data = {"title": "Partnership plan 2027", "description": "Renewed.", **date("starts_on", datetime.date(2027, 4, 1))}
    data |= date("ends_on", datetime.date(2030, 3, 31))
    response = client.post(url("plan-edit", plan), data)
    assert response.status_code == 302
    assert response.url == url("plan", plan)
    plan.refresh_from_db()
    assert (plan.title, plan.description, plan.starts_on, plan.ends_on) == (
        "Partnership plan 2027",
        "Renewed.",
        datetime.date(2027, 4, 1),
        datetime.date(2030, 3, 31),
    )
    assert plan.history.filter(history_type="~", history_user=secretariat).exists()
    assert "Plan saved." in client.get(response.url).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Community plan"}, "The partnership already has an action plan called “Community plan”."),
        (
            {"title": "Partnership plan", **date("starts_on", datetime.date(2027, 4, 1))}
            | date("ends_on", datetime.date(2027, 3, 31)),
            "The plan must end on or after the day it starts.",
        ),
        ({"title": ""}, "Enter the title of the plan"),
        (
            {"title": "Partnership plan", "starts_on_0": "31", "starts_on_1": "2", "starts_on_2": "2027"},
            "Enter a real date.",
        ),
    ],
)
def test_a_refusal_is_shown_on_the_form_and_saves_nothing(client, secretariat, plan, warwickshire, data, message):
    ActionPlanFactory(partnership=warwickshire, title="Community plan")
    signed_in(client, secretariat)
    response = client.post(url("plan-edit", plan), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert unchanged(plan)


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_changes_the_plan(client, request, plan, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(url("plan-edit", plan)).status_code == status
    assert client.post(url("plan-edit", plan), {"title": "Taken over"}).status_code == status
    assert unchanged(plan)


# Moving sections.


def test_each_section_has_the_buttons_that_move_it_naming_it(client, secretariat, plan, sections):
    ActionFactory(plan=plan, section=None)  # "Not in a section" is never moved
    page = signed_in(client, secretariat).get(url("plan", plan)).content.decode()
    first, middle, last = sections
    assert url("section-up", plan, section_pk=first.pk) not in page
    assert url("section-down", plan, section_pk=first.pk) in page
    assert url("section-up", plan, section_pk=middle.pk) in page
    assert url("section-down", plan, section_pk=middle.pk) in page
    assert url("section-up", plan, section_pk=last.pk) in page
    assert url("section-down", plan, section_pk=last.pk) not in page
    assert 'Move up<span class="govuk-visually-hidden"> section B. Relationships</span>' in page
    assert 'Move down<span class="govuk-visually-hidden"> section B. Relationships</span>' in page
    assert page.count("Move up<") == 2
    assert page.count("Move down<") == 2


def test_a_member_sees_no_buttons(client, member, plan, sections):
    page = signed_in(client, member).get(url("plan", plan)).content.decode()
    assert "Move up" not in page
    assert "Move down" not in page


def test_moving_a_section_up_and_down(client, secretariat, plan, sections):
    first, middle, last = sections
    signed_in(client, secretariat)
    response = client.post(url("section-up", plan, section_pk=last.pk))
    assert response.status_code == 302
    assert response.url == f"{url('plan', plan)}#section-{last.pk}"
    assert order(plan) == ["A", "C", "B"]
    assert "Section C. Communication moved up." in client.get(response.url).content.decode()
    client.post(url("section-down", plan, section_pk=first.pk))
    assert order(plan) == ["C", "A", "B"]
    assert Section.history.filter(history_type="~", history_user=secretariat).count() == 6  # 3 sections, twice


def test_sections_after_an_import_move_by_their_order_not_their_numbers(client, secretariat, plan):
    codes = ["A", "B", "C"]
    sections = [SectionFactory(plan=plan, position=n * 10, code=code, title=code) for n, code in enumerate(codes)]
    signed_in(client, secretariat)
    client.post(url("section-up", plan, section_pk=sections[2].pk))
    assert order(plan) == ["A", "C", "B"]


@pytest.mark.parametrize(
    ("name", "index", "message"),
    [
        ("section-up", 0, "“A. Lead and Guide” is already the first section of the plan."),
        ("section-down", 2, "“C. Communication” is already the last section of the plan."),
    ],
)
def test_the_first_cannot_go_up_nor_the_last_down(client, secretariat, plan, sections, name, index, message):
    signed_in(client, secretariat)
    response = client.post(url(name, plan, section_pk=sections[index].pk))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert order(plan) == ["A", "B", "C"]


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
def test_only_the_secretariat_moves_sections(client, request, plan, sections, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.post(url("section-up", plan, section_pk=sections[1].pk)).status_code == status
    assert order(plan) == ["A", "B", "C"]


def test_a_section_of_another_plan_is_not_found(client, secretariat, plan, sections, warwickshire):
    other = ActionPlanFactory(partnership=warwickshire)
    signed_in(client, secretariat)
    assert client.post(url("section-up", other, section_pk=sections[1].pk)).status_code == 404
    assert client.get(url("section-up", plan, section_pk=sections[1].pk)).status_code == 405
    assert order(plan) == ["A", "B", "C"]
    assert ActionPlan.objects.count() == 2
