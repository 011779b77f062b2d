"""actions/: what each of the cast gets, rows kept through the services, the dates as written
("April 2007", "Ongoing", flagged words) settled by the secretariat, and fixed query counts."""

import datetime

import pytest

from actionplans.models import Action
from partnership.models import Member
from tests.actionplans.factories import (
    ActionFactory,
    ActionPlanFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
    SectionFactory,
)
from tests.factories import MemberFactory, NominatingBodyFactory
from tests.helpers import client_for

LIST = "/api/v1/actions/"


def detail(action):
    return f"{LIST}{action.pk}/"


def seat_of(user):
    return Member.objects.get(person__user=user)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def section(plan):
    return SectionFactory(plan=plan, code="B", title="Relationships")


@pytest.fixture
def action(plan, section):
    return ActionFactory(plan=plan, section=section, due=datetime.date(2027, 3, 31), due_text="March 2027")


@pytest.fixture
def flagged(plan):
    return ActionFactory(plan=plan, title="Review the protocol", due_text="After the review", due_needs_checking=True)


def new_action(plan, **fields):
    return {"plan": plan.pk, "title": "Publish a newsletter", "owner": "Secretariat", **fields}


def test_anonymous_visitor_is_asked_to_authenticate(plan, action):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(action)).status_code == 401
    assert client.post(LIST, new_action(plan)).status_code == 401
    assert client.delete(detail(action)).status_code == 401
    assert Action.objects.count() == 1


def test_member_reads_the_actions_with_their_dates(plan, section, action, member):
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": action.pk,
            "plan": plan.pk,
            "section": section.pk,
            "position": action.position,
            "reference": "(a)",
            "title": "Clarify roles and responsibilities of partners",
            "method": "Agree a protocol between partners",
            "owner": "CSP Manager",
            "owner_member": None,
            "owner_body": None,
            "resources": "",
            "outcomes": "",
            "evaluation": "",
            "wp_reference": "",
            "milestone_text": "",
            "due": "2027-03-31",
            "due_text": "March 2027",
            "is_ongoing": False,
            "due_needs_checking": False,
        }
    ]


def test_an_action_of_another_partnership_is_404(action, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(detail(action)).status_code == 404
    assert client.patch(detail(action), {"title": "Mine"}).status_code == 404
    assert client.delete(detail(action)).status_code == 404
    assert Action.objects.get().title == "Clarify roles and responsibilities of partners"


def test_filters(warwickshire, other_partnership, plan, section, action, flagged, staff, member):
    other_plan = ActionPlanFactory(partnership=warwickshire, title="Test Valley plan")
    owned = ActionFactory(plan=other_plan, owner_member=seat_of(member))
    ActionFactory(plan=ActionPlanFactory(partnership=other_partnership))
    client = client_for(staff)

    def ids(**query):
        response = client.get(LIST, query)
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    assert ids(partnership=warwickshire.pk) == {action.pk, flagged.pk, owned.pk}
    assert ids(plan=plan.pk) == {action.pk, flagged.pk}
    assert ids(section=section.pk) == {action.pk}
    assert ids(owner_member=seat_of(member).pk) == {owned.pk}
    assert ids(due_needs_checking="true") == {flagged.pk}
    response = client.get(LIST, {"plan": "first"})
    assert response.status_code == 400
    assert "plan" in response.json()


def test_secretariat_adds_an_action_to_a_plan(plan, section, secretariat, member):
    response = client_for(secretariat).post(
        LIST,
        new_action(plan, section=section.pk, owner_member=seat_of(member).pk, due="2027-06-30", due_text="June 2027"),
    )
    assert response.status_code == 201, response.json()
    action = Action.objects.get()
    assert (action.plan, action.section, action.owner_member) == (plan, section, seat_of(member))
    assert (action.position, str(action.due), action.is_ongoing) == (1, "2027-06-30", False)
    assert response.json()["due_needs_checking"] is False


def test_an_ongoing_action_has_no_date(plan, secretariat):
    response = client_for(secretariat).post(LIST, new_action(plan, is_ongoing=True, due_text="Ongoing"))
    assert response.status_code == 201
    assert Action.objects.get().is_ongoing


def test_a_member_may_not_add_change_or_remove_actions(plan, action, member, chair):
    for user in (member, chair):
        client = client_for(user)
        response = client.post(LIST, new_action(plan))
        assert response.status_code == 403
        assert response.json() == {"detail": "Only the partnership's secretariat can change its action plans."}
        assert client.patch(detail(action), {"title": "Changed"}).status_code == 403
        assert client.delete(detail(action)).status_code == 403
    assert list(Action.objects.values_list("title", flat=True)) == ["Clarify roles and responsibilities of partners"]


def test_even_the_owner_may_not_rewrite_their_action(action, member):
    Action.objects.filter(pk=action.pk).update(owner_member=seat_of(member))
    assert client_for(member).patch(detail(action), {"title": "Easier"}).status_code == 403


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title": ""}, {"title": ["This field may not be blank."]}),
        ({"title": "   "}, {"title": ["This field may not be blank."]}),
        (
            {"is_ongoing": True, "due": "2027-01-31"},
            {"due": ["An action is either ongoing or due by a date, not both."]},
        ),
        ({"due": "1066-10-14"}, {"due": ["Give a date between 1900 and 2100."]}),
    ],
)
def test_an_action_that_breaks_a_rule_is_400_and_saves_nothing(plan, secretariat, fields, expected):
    response = client_for(secretariat).post(LIST, new_action(plan, **fields))
    assert response.status_code == 400
    assert response.json() == expected
    assert not Action.objects.exists()


def test_the_section_must_be_the_plans(warwickshire, plan, secretariat):
    elsewhere = SectionFactory(plan=ActionPlanFactory(partnership=warwickshire, title="Another plan"))
    response = client_for(secretariat).post(LIST, new_action(plan, section=elsewhere.pk))
    assert response.status_code == 400
    assert response.json() == {"section": ["The section must be one of this plan's sections."]}
    assert not Action.objects.exists()


def test_the_owner_must_be_a_current_member_of_the_plans_partnership(plan, secretariat, member, other_partnership):
    Member.objects.filter(person__user=member).update(active=False)
    response = client_for(secretariat).post(LIST, new_action(plan, owner_member=seat_of(member).pk))
    assert response.status_code == 400
    assert response.json() == {"owner_member": ["The owner must be a current member of the plan's partnership."]}
    rugby = MemberFactory(nominating_body=NominatingBodyFactory(partnership=other_partnership))
    response = client_for(secretariat).post(LIST, new_action(plan, owner_member=rugby.pk))
    assert response.status_code == 400
    assert "owner_member" in response.json()  # a member the caller cannot see does not exist for them
    assert not Action.objects.exists()


def test_a_plan_the_caller_cannot_see_is_400(other_partnership, secretariat):
    rugby_plan = ActionPlanFactory(partnership=other_partnership)
    response = client_for(secretariat).post(LIST, new_action(rugby_plan))
    assert response.status_code == 400
    assert "plan" in response.json()
    assert not Action.objects.exists()


def test_secretariat_changes_an_action_which_stays_on_its_plan(warwickshire, action, plan, secretariat):
    other_plan = ActionPlanFactory(partnership=warwickshire, title="Another plan")
    response = client_for(secretariat).patch(detail(action), {"method": "Agree it at the board", "plan": other_plan.pk})
    assert response.status_code == 200, response.json()
    action.refresh_from_db()
    assert (action.method, action.plan) == ("Agree it at the board", plan)


def test_secretariat_settles_a_flagged_date(flagged, secretariat):
    response = client_for(secretariat).patch(detail(flagged), {"due": "2027-05-31"})
    assert response.status_code == 200, response.json()
    assert response.json()["due_needs_checking"] is False
    flagged.refresh_from_db()
    assert (str(flagged.due), flagged.due_needs_checking, flagged.due_text) == ("2027-05-31", False, "After the review")


def test_secretariat_says_a_flagged_row_is_ongoing(flagged, secretariat):
    response = client_for(secretariat).patch(detail(flagged), {"is_ongoing": True, "due_text": "Ongoing"})
    assert response.status_code == 200
    flagged.refresh_from_db()
    assert (flagged.due, flagged.is_ongoing, flagged.due_needs_checking, flagged.due_text) == (
        None,
        True,
        False,
        "Ongoing",
    )


def test_a_dated_action_becomes_ongoing_and_back(action, secretariat):
    client = client_for(secretariat)
    assert client.patch(detail(action), {"is_ongoing": True}).json()["due"] is None
    body = client.patch(detail(action), {"due": "2027-07-31"}).json()
    assert (body["due"], body["is_ongoing"]) == ("2027-07-31", False)


def test_clearing_the_date_without_saying_ongoing_is_400(action, secretariat):
    response = client_for(secretariat).patch(detail(action), {"due": None, "title": "Still here"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"due": ["Give the date the action is due by, or say it is ongoing."]}
    action.refresh_from_db()
    assert (str(action.due), action.title) == ("2027-03-31", "Clarify roles and responsibilities of partners")


def test_a_put_echoing_the_dates_back_keeps_the_flag(flagged, secretariat):
    client = client_for(secretariat)
    body = client.get(detail(flagged)).json()
    body["method"] = "Set up the review"
    response = client.put(detail(flagged), body, format="json")
    assert response.status_code == 200, response.json()
    flagged.refresh_from_db()
    assert (flagged.method, flagged.due_needs_checking) == ("Set up the review", True)


def test_due_needs_checking_cannot_be_cleared_by_hand(flagged, secretariat):
    client_for(secretariat).patch(detail(flagged), {"due_needs_checking": False})
    flagged.refresh_from_db()
    assert flagged.due_needs_checking


def test_secretariat_removes_an_action_without_progress(action, secretariat):
    MilestoneFactory(action=action)
    assert client_for(secretariat).delete(detail(action)).status_code == 204
    assert not Action.objects.exists()


def test_an_action_with_progress_stays(action, secretariat):
    ProgressUpdateFactory(action=action)
    response = client_for(secretariat).delete(detail(action))
    assert response.status_code == 400
    assert response.json() == {
        "action": ["Progress has been reported on this action, so it stays on the plan's record."]
    }
    assert Action.objects.exists()


def test_the_list_costs_a_fixed_number_of_queries(plan, member, django_assert_max_num_queries):
    seat = seat_of(member)
    for n in range(40):
        ActionFactory(plan=plan, section=SectionFactory(plan=plan), owner_member=seat, title=f"Action {n}")
    client = client_for(member)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).json()["count"] == 40
