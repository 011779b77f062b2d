"""The secretariat's forms for a plan: sections, actions (owners limited to the partnership),
setting the date of a flagged action, milestones. Every refusal comes back on the form with
status 400 and nothing saved."""

import datetime

import pytest
from django.urls import reverse

from actionplans.models import Action, Milestone, MilestoneStatus, Section
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory, SectionFactory
from tests.factories import MemberFactory, NominatingBodyFactory
from tests.helpers import signed_in


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def flagged(plan):
    return ActionFactory(
        plan=plan, title="Provide regular electronic updates", due_text="Autumn 2006", due_needs_checking=True
    )


def url(name, plan, **kwargs):
    return reverse(f"actionplans:{name}", kwargs={"slug": plan.partnership.slug, "pk": plan.pk, **kwargs})


def plan_url(plan):
    return url("plan", plan)


def date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def pages(plan, flagged):
    section = SectionFactory(plan=plan)
    milestone = MilestoneFactory(action=flagged)
    return [
        url("section-add", plan),
        url("section-edit", plan, section_pk=section.pk),
        url("action-add", plan),
        url("action-edit", plan, action_pk=flagged.pk),
        url("action-due", plan, action_pk=flagged.pk),
        url("milestone-add", plan, action_pk=flagged.pk),
        url("milestone-edit", plan, milestone_pk=milestone.pk),
        url("import", plan),
    ]


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_may_use_the_forms(client, request, pages, who, status):
    signed_in(client, request.getfixturevalue(who))
    for page in pages:
        assert client.get(page).status_code == status, page


def test_a_member_cannot_post_any_form(client, member, pages):
    signed_in(client, member)
    for page in pages:
        assert client.post(page, {"title": "x", "code": "Z"}).status_code == 403, page
    assert Section.objects.count() == 1
    assert Action.objects.count() == 1


def test_a_section_of_another_plan_is_not_found(client, secretariat, plan, warwickshire):
    other = SectionFactory(plan=ActionPlanFactory(partnership=warwickshire))
    signed_in(client, secretariat)
    assert client.get(url("section-edit", plan, section_pk=other.pk)).status_code == 404


# Sections.


def test_the_secretariat_adds_and_renames_a_section(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(url("section-add", plan), {"code": "B", "title": "Relationships"})
    assert response.status_code == 302
    assert response.url == plan_url(plan)
    section = Section.objects.get()
    assert (section.code, section.title, section.position) == ("B", "Relationships", 1)
    client.post(url("section-edit", plan, section_pk=section.pk), {"code": "C", "title": "COMMUNICATION"})
    section.refresh_from_db()
    assert str(section) == "C. COMMUNICATION"


def test_a_section_needs_a_title(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(url("section-add", plan), {"code": "B", "title": "  "})
    assert response.status_code == 400
    assert "Enter the title of the section" in response.content.decode()
    assert not Section.objects.exists()


# Actions.


def test_the_secretariat_adds_an_action_its_date_read_from_the_words(client, secretariat, plan, warwickshire, police):
    owner = MemberFactory(nominating_body=police)
    section = SectionFactory(plan=plan)
    signed_in(client, secretariat)
    response = client.post(
        url("action-add", plan),
        {
            "section": section.pk,
            "reference": "(a)",
            "title": "Raise awareness amongst Members of Officer Code of Conduct",
            "method": "Members' Bulletin",
            "owner": "Head of Democratic Services",
            "owner_member": owner.pk,
            "owner_body": police.pk,
            "due_text": "April 2007",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.section == section
    assert action.owner_member == owner
    assert action.owner_body == police
    assert action.due == datetime.date(2007, 4, 30)
    assert not action.due_needs_checking


def test_words_that_are_not_a_date_are_kept_and_flagged(client, secretariat, plan):
    signed_in(client, secretariat)
    client.post(url("action-add", plan), {"title": "Updates", "due_text": "Autumn 2006"})
    action = Action.objects.get()
    assert (action.due_text, action.due, action.due_needs_checking) == ("Autumn 2006", None, True)


def test_ongoing_means_no_date(client, secretariat, plan):
    signed_in(client, secretariat)
    client.post(url("action-add", plan), {"title": "Updates", "due_text": "Ongoing"})
    action = Action.objects.get()
    assert action.is_ongoing
    assert action.due is None


def test_an_action_needs_its_improvement_or_issue(client, secretariat, plan):
    signed_in(client, secretariat)
    response = client.post(url("action-add", plan), {"title": "", "method": "Something"})
    assert response.status_code == 400
    assert "Enter the improvement needed, or the issue" in response.content.decode()
    assert not Action.objects.exists()


def test_owners_are_limited_to_the_partnership(client, secretariat, plan, other_partnership):
    theirs = NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council")
    their_member = MemberFactory(nominating_body=theirs)
    other_section = SectionFactory(plan=ActionPlanFactory(partnership=other_partnership))
    signed_in(client, secretariat)
    page = client.get(url("action-add", plan)).content.decode()
    assert "Rugby Borough Council" not in page
    response = client.post(
        url("action-add", plan),
        {"title": "x", "owner_member": their_member.pk, "owner_body": theirs.pk, "section": other_section.pk},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Choose one of the partnership&#x27;s current members" in content
    assert "Choose one of the partnership&#x27;s nominating bodies" in content
    assert "Choose one of the plan&#x27;s sections" in content
    assert not Action.objects.exists()


def test_the_secretariat_changes_an_action(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    page = client.get(url("action-edit", plan, action_pk=flagged.pk)).content.decode()
    assert "Provide regular electronic updates" in page
    response = client.post(
        url("action-edit", plan, action_pk=flagged.pk),
        {"title": "Provide monthly updates", "due_text": "Autumn 2006", "owner": "CSP Manager"},
    )
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.title == "Provide monthly updates"
    assert flagged.due_needs_checking  # the same words: still to be settled


def test_new_words_give_a_new_date(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    client.post(url("action-edit", plan, action_pk=flagged.pk), {"title": flagged.title, "due_text": "June 2027"})
    flagged.refresh_from_db()
    assert (flagged.due, flagged.due_needs_checking) == (datetime.date(2027, 6, 30), False)


# Setting the date of a flagged action.


def test_the_secretariat_sets_the_date_of_a_flagged_action(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    page = client.get(url("action-due", plan, action_pk=flagged.pk)).content.decode()
    assert "By when, as written: Autumn 2006" in page
    response = client.post(
        url("action-due", plan, action_pk=flagged.pk),
        {**date("due", datetime.date(2006, 11, 30)), "due_text": "Autumn 2006"},
    )
    assert response.status_code == 302
    assert response.url == plan_url(plan)
    flagged.refresh_from_db()
    assert (flagged.due, flagged.due_needs_checking, flagged.due_text) == (
        datetime.date(2006, 11, 30),
        False,
        "Autumn 2006",
    )


def test_setting_ongoing_clears_the_flag(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    client.post(url("action-due", plan, action_pk=flagged.pk), {"is_ongoing": "on", "due_text": "Ongoing"})
    flagged.refresh_from_db()
    assert (flagged.is_ongoing, flagged.due, flagged.due_needs_checking) == (True, None, False)


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({}, "Give the date the action is due by, or say it is ongoing."),
        (
            {**date("due", datetime.date(2027, 1, 1)), "is_ongoing": "on"},
            "An action is either ongoing or due by a date",
        ),
        ({"due_0": "31", "due_1": "2", "due_2": "2027"}, "Enter a real date"),
        (date("due", datetime.date(1850, 1, 1)), "Give a date between"),
    ],
)
def test_a_date_that_cannot_be_set_is_refused(client, secretariat, plan, flagged, posted, message):
    signed_in(client, secretariat)
    response = client.post(url("action-due", plan, action_pk=flagged.pk), posted)
    assert response.status_code == 400
    assert message in response.content.decode()
    flagged.refresh_from_db()
    assert flagged.due_needs_checking
    assert flagged.due is None


# Milestones.


def test_the_secretariat_adds_and_changes_a_milestone(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    response = client.post(
        url("milestone-add", plan, action_pk=flagged.pk),
        {"title": "Protocol drafted", "status": "on_track", **date("due", datetime.date(2027, 1, 31))},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert (milestone.action, milestone.status, milestone.due) == (flagged, "on_track", datetime.date(2027, 1, 31))
    response = client.post(
        url("milestone-edit", plan, milestone_pk=milestone.pk), {"title": "Protocol drafted", "status": "done"}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.status, milestone.completed_on) == (MilestoneStatus.DONE, datetime.date(2026, 11, 25))


def test_overdue_cannot_be_recorded(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    response = client.post(url("milestone-add", plan, action_pk=flagged.pk), {"title": "x", "status": "overdue"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_milestone_done_in_the_future_is_refused(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    response = client.post(
        url("milestone-add", plan, action_pk=flagged.pk),
        {"title": "x", "status": "done", **date("completed_on", datetime.date(2026, 12, 25))},
    )
    assert response.status_code == 400
    assert "A milestone cannot be done on a day still to come." in response.content.decode()
    assert not Milestone.objects.exists()


def test_only_a_done_milestone_has_a_completion_day(client, secretariat, plan, flagged):
    signed_in(client, secretariat)
    response = client.post(
        url("milestone-add", plan, action_pk=flagged.pk),
        {"title": "x", "status": "on_track", **date("completed_on", datetime.date(2026, 11, 1))},
    )
    assert response.status_code == 400
    assert "Only a milestone that is done has a day it was completed." in response.content.decode()
    assert not Milestone.objects.exists()


def test_a_milestone_of_another_plan_is_not_found(client, secretariat, plan, warwickshire):
    other = MilestoneFactory(action=ActionFactory(plan=ActionPlanFactory(partnership=warwickshire)))
    signed_in(client, secretariat)
    assert client.get(url("milestone-edit", plan, milestone_pk=other.pk)).status_code == 404
