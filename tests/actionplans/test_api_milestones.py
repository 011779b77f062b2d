"""milestones/: what each of the cast gets, "overdue" worked out and never set, the action's
owner setting its milestones' status, and a list that costs a fixed number of queries."""

import datetime

import pytest
from rest_framework.test import APIClient

from actionplans.models import Milestone, MilestoneStatus
from partnership.models import Member
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory
from tests.helpers import client_for

LIST = "/api/v1/milestones/"
OVERDUE_REFUSED = {
    "status": ["Overdue is worked out from the due date; record not started, on track, at risk or done."]
}


def detail(milestone):
    return f"{LIST}{milestone.pk}/"


def seat_of(user):
    return Member.objects.get(person__user=user)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


@pytest.fixture
def action(plan, member):
    return ActionFactory(plan=plan, owner_member=seat_of(member))


@pytest.fixture
def milestone(action):
    return MilestoneFactory(action=action, title="Protocol drafted", due=datetime.date(2027, 1, 31))


@pytest.fixture
def late(action):
    return MilestoneFactory(action=action, title="Protocol signed", due=datetime.date(2026, 10, 31))


def new_milestone(action, **fields):
    return {"action": action.pk, "title": "Protocol published", "due": "2027-02-28", **fields}


def test_anonymous_visitor_is_asked_to_authenticate(action, milestone):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(milestone)).status_code == 401
    assert client.post(LIST, new_milestone(action)).status_code == 401
    assert client.patch(detail(milestone), {"status": "done"}).status_code == 401
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_member_reads_milestones_with_overdue_worked_out(action, milestone, late, chair):
    response = client_for(chair).get(LIST)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": late.pk,
            "action": action.pk,
            "title": "Protocol signed",
            "due": "2026-10-31",
            "status": "overdue",
            "completed_on": None,
        },
        {
            "id": milestone.pk,
            "action": action.pk,
            "title": "Protocol drafted",
            "due": "2027-01-31",
            "status": "not_started",
            "completed_on": None,
        },
    ]
    assert Milestone.objects.get(pk=late.pk).status == MilestoneStatus.NOT_STARTED  # never stored


def test_a_done_milestone_past_due_is_not_overdue(late, secretariat):
    Milestone.objects.filter(pk=late.pk).update(status="done", completed_on=datetime.date(2026, 10, 30))
    assert client_for(secretariat).get(detail(late)).json()["status"] == "done"


def test_a_milestone_of_another_partnership_is_404(milestone, outsider):
    client = client_for(outsider)
    assert client.get(LIST).json()["count"] == 0
    assert client.get(detail(milestone)).status_code == 404
    assert client.patch(detail(milestone), {"status": "done"}).status_code == 404
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_filters(warwickshire, other_partnership, plan, action, milestone, late, staff):
    other_plan = ActionPlanFactory(partnership=warwickshire, title="Test Valley plan")
    elsewhere = MilestoneFactory(action=ActionFactory(plan=other_plan))
    MilestoneFactory(action=ActionFactory(plan=ActionPlanFactory(partnership=other_partnership)))
    client = client_for(staff)

    def ids(**query):
        response = client.get(LIST, query)
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    assert ids(partnership=warwickshire.pk) == {milestone.pk, late.pk, elsewhere.pk}
    assert ids(plan=plan.pk) == {milestone.pk, late.pk}
    assert ids(action=action.pk) == {milestone.pk, late.pk}
    assert client.get(LIST, {"action": "x"}).status_code == 400


def test_secretariat_adds_a_milestone(action, secretariat):
    response = client_for(secretariat).post(LIST, new_milestone(action, status="on_track"))
    assert response.status_code == 201, response.json()
    milestone = Milestone.objects.get()
    assert (milestone.action, milestone.title, str(milestone.due), milestone.status) == (
        action,
        "Protocol published",
        "2027-02-28",
        "on_track",
    )


def test_a_new_milestone_is_not_started_unless_said(action, secretariat):
    assert client_for(secretariat).post(LIST, new_milestone(action)).json()["status"] == "not_started"


def test_a_new_milestone_already_past_due_reads_overdue(action, secretariat):
    response = client_for(secretariat).post(LIST, new_milestone(action, due="2026-11-01"))
    assert response.json()["status"] == "overdue"
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": "overdue"}, OVERDUE_REFUSED),
        ({"status": "finished"}, {"status": ["Record the status as not started, on track, at risk or done."]}),
        ({"title": ""}, {"title": ["This field may not be blank."]}),
        ({"due": "3000-01-01"}, {"due": ["Give a date between 1900 and 2100."]}),
        (
            {"status": "on_track", "completed_on": "2026-11-01"},
            {"completed_on": ["Only a milestone that is done has a day it was completed."]},
        ),
        (
            {"status": "done", "completed_on": "2026-12-25"},
            {"completed_on": ["A milestone cannot be done on a day still to come."]},
        ),
    ],
)
def test_a_milestone_that_breaks_a_rule_is_400_and_saves_nothing(action, secretariat, fields, expected):
    response = client_for(secretariat).post(LIST, new_milestone(action, **fields))
    assert response.status_code == 400
    assert response.json() == expected
    assert not Milestone.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch"])
def test_overdue_cannot_be_set_on_a_milestone(milestone, secretariat, method):
    client = client_for(secretariat)
    body = {**client.get(detail(milestone)).json(), "status": "overdue"}
    response = getattr(client, method)(detail(milestone), body, format="json")
    assert response.status_code == 400
    assert response.json() == OVERDUE_REFUSED
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_echoing_a_computed_overdue_back_is_refused(late, secretariat):
    client = client_for(secretariat)
    body = client.get(detail(late)).json()
    assert body["status"] == "overdue"
    response = client.put(detail(late), {**body, "title": "Protocol signed by all"}, format="json")
    assert response.status_code == 400
    assert response.json() == OVERDUE_REFUSED
    assert Milestone.objects.get(pk=late.pk).title == "Protocol signed"


def test_the_owner_marks_their_milestone_done(milestone, member):
    response = client_for(member).patch(detail(milestone), {"status": "done"})
    assert response.status_code == 200, response.json()
    assert response.json()["completed_on"] == "2026-11-25"
    milestone.refresh_from_db()
    assert (milestone.status, str(milestone.completed_on)) == ("done", "2026-11-25")


def test_the_owner_may_not_change_anything_else(milestone, member):
    response = client_for(member).patch(detail(milestone), {"title": "Easier", "status": "done"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat can change its action plans."}
    assert client_for(member).post(LIST, new_milestone(milestone.action)).status_code == 403
    milestone.refresh_from_db()
    assert (milestone.title, milestone.status) == ("Protocol drafted", "not_started")


def test_another_member_may_not_set_the_status(milestone, chair):
    response = client_for(chair).patch(detail(milestone), {"status": "done"})
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the member who owns the action, or the partnership's secretariat, can change its "
        "milestone's status."
    }
    assert Milestone.objects.get().status == MilestoneStatus.NOT_STARTED


def test_the_owner_may_not_set_overdue_either(milestone, member):
    response = client_for(member).patch(detail(milestone), {"status": "overdue"})
    assert response.status_code == 400
    assert response.json() == OVERDUE_REFUSED


def test_a_milestone_stays_under_its_action(plan, milestone, secretariat):
    other = ActionFactory(plan=plan)
    response = client_for(secretariat).patch(detail(milestone), {"action": other.pk, "title": "Moved?"})
    assert response.status_code == 200
    milestone.refresh_from_db()
    assert (milestone.action_id, milestone.title) == (milestone.action.pk, "Moved?")
    assert milestone.action_id != other.pk


def test_an_action_the_caller_cannot_see_is_400(other_partnership, secretariat):
    rugby_action = ActionFactory(plan=ActionPlanFactory(partnership=other_partnership))
    response = client_for(secretariat).post(LIST, new_milestone(rugby_action))
    assert response.status_code == 400
    assert "action" in response.json()
    assert not Milestone.objects.exists()


def test_milestones_are_not_deleted(milestone, secretariat):
    assert client_for(secretariat).delete(detail(milestone)).status_code == 405


def test_the_list_costs_a_fixed_number_of_queries(plan, member, django_assert_max_num_queries):
    for _ in range(15):
        MilestoneFactory.create_batch(3, action=ActionFactory(plan=plan))
    client = client_for(member)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).json()["count"] == 45


def test_the_schema_lists_the_five_statuses_as_milestone_status_enum(db):
    schema = APIClient().get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert schema["MilestoneStatusEnum"]["enum"] == ["not_started", "on_track", "at_risk", "overdue", "done"]
    assert schema["Milestone"]["properties"]["status"]["allOf"] == [
        {"$ref": "#/components/schemas/MilestoneStatusEnum"}
    ]
    import_result = schema["ImportResult"]["properties"]
    assert {"created", "sections", "flagged", "milestones", "linked", "refused"} <= set(import_result)
