"""action-plans/ and action-plans/{id}/import/: what each of the cast gets, plans kept through
the services, imports of both seeds' tables, every refused file, and fixed query counts."""

import datetime
import pathlib

import pytest

from actionplans.models import Action, ActionPlan, Milestone, Section
from tests.actionplans.factories import ActionPlanFactory
from tests.helpers import client_for

DATA = pathlib.Path(__file__).with_name("data")
LIST = "/api/v1/action-plans/"


def detail(plan, action=""):
    return f"{LIST}{plan.pk}/{action + '/' if action else ''}"


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


def upload(name, content=None, content_type="text/csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = content if content is not None else (DATA / name).read_bytes()
    return {"file": SimpleUploadedFile(name, data, content_type=content_type)}


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire, plan):
    client = client_for()
    assert client.get(LIST).status_code == 401
    assert client.get(detail(plan)).status_code == 401
    assert client.post(LIST, {"partnership": warwickshire.pk, "title": "New"}).status_code == 401
    response = client.post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart")
    assert response.status_code == 401
    assert ActionPlan.objects.count() == 1
    assert not Action.objects.exists()


def test_member_reads_the_plans_of_their_partnership_only(warwickshire, other_partnership, plan, member):
    ActionPlanFactory(partnership=other_partnership, title="Rugby plan")
    response = client_for(member).get(LIST)
    assert response.status_code == 200
    assert response.json()["results"] == [
        {
            "id": plan.pk,
            "partnership": warwickshire.pk,
            "title": "Ethical framework action plan",
            "description": "",
            "starts_on": None,
            "ends_on": None,
        }
    ]
    assert client_for(member).get(detail(plan)).json()["title"] == "Ethical framework action plan"


def test_a_plan_of_another_partnership_is_404(plan, outsider):
    client = client_for(outsider)
    assert client.get(detail(plan)).status_code == 404
    assert client.patch(detail(plan), {"title": "Mine now"}).status_code == 404
    assert client.post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart").status_code == 404
    assert ActionPlan.objects.get().title == "Ethical framework action plan"


def test_filter_by_partnership(warwickshire, plan, staff, other_partnership):
    ActionPlanFactory(partnership=other_partnership, title="Rugby plan")
    client = client_for(staff)
    assert client.get(LIST).json()["count"] == 2
    assert [p["title"] for p in client.get(LIST, {"partnership": warwickshire.pk}).json()["results"]] == [
        "Ethical framework action plan"
    ]
    response = client.get(LIST, {"partnership": "warwickshire"})
    assert response.status_code == 400
    assert "partnership" in response.json()


def test_secretariat_creates_and_renames_a_plan(warwickshire, secretariat):
    client = client_for(secretariat)
    response = client.post(
        LIST, {"partnership": warwickshire.pk, "title": "Test Valley action plan", "starts_on": "2027-04-01"}
    )
    assert response.status_code == 201, response.json()
    plan = ActionPlan.objects.get()
    assert (plan.partnership, plan.title, str(plan.starts_on)) == (
        warwickshire,
        "Test Valley action plan",
        "2027-04-01",
    )
    response = client.patch(detail(plan), {"title": "Test Valley plan 2027", "partnership": 999})
    assert response.status_code == 200
    plan.refresh_from_db()
    assert (plan.title, plan.partnership) == ("Test Valley plan 2027", warwickshire)


def test_a_member_may_not_create_or_change_a_plan(warwickshire, plan, member, chair):
    for user in (member, chair):
        client = client_for(user)
        response = client.post(LIST, {"partnership": warwickshire.pk, "title": "Members' plan"})
        assert response.status_code == 403
        assert response.json() == {"detail": "Only the partnership's secretariat can change its action plans."}
        assert client.patch(detail(plan), {"title": "Renamed"}).status_code == 403
    assert list(ActionPlan.objects.values_list("title", flat=True)) == ["Ethical framework action plan"]


def test_a_plan_in_a_partnership_the_caller_cannot_see_is_400(other_partnership, secretariat):
    response = client_for(secretariat).post(LIST, {"partnership": other_partnership.pk, "title": "Sneaky"})
    assert response.status_code == 400
    assert "partnership" in response.json()
    assert not ActionPlan.objects.exists()


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"title": "Ethical framework action plan"},
            {"title": ["The partnership already has an action plan called “Ethical framework action plan”."]},
        ),
        ({"title": "   "}, {"title": ["This field may not be blank."]}),
        (
            {"title": "Dated", "starts_on": "2027-04-01", "ends_on": "2027-03-31"},
            {"ends_on": ["The plan must end on or after the day it starts."]},
        ),
        ({"title": "Far off", "starts_on": "9999-01-01"}, {"starts_on": ["Give a date between 1900 and 2100."]}),
    ],
)
def test_a_plan_that_breaks_a_rule_is_400_and_saves_nothing(warwickshire, plan, secretariat, fields, expected):
    response = client_for(secretariat).post(LIST, {"partnership": warwickshire.pk, **fields})
    assert response.status_code == 400
    assert response.json() == expected
    assert ActionPlan.objects.count() == 1


def test_plans_are_not_deleted(plan, secretariat):
    assert client_for(secretariat).delete(detail(plan)).status_code == 405
    assert ActionPlan.objects.exists()


def test_the_list_costs_a_fixed_number_of_queries(warwickshire, member, django_assert_max_num_queries):
    for n in range(40):
        ActionPlanFactory(partnership=warwickshire, title=f"Plan {n}")
    client = client_for(member)
    with django_assert_max_num_queries(8):
        assert client.get(LIST).json()["count"] == 40


# Import


def test_secretariat_imports_the_test_valley_plan(plan, secretariat):
    response = client_for(secretariat).post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["created"] == Action.objects.filter(plan=plan).count() > 0
    assert body["sections"] == Section.objects.filter(plan=plan).count()
    assert body["flagged"] == Action.objects.filter(plan=plan, due_needs_checking=True).count()
    assert body["milestones"] == Milestone.objects.filter(action__plan=plan).count() == 10
    assert Milestone.objects.get(action__plan=plan, title__startswith="Draft to be considered").due == datetime.date(
        2008, 4, 30
    )
    assert Section.objects.filter(plan=plan, title="Lead and Guide").exists()
    assert isinstance(body["refused"], list)


def test_an_owner_naming_a_member_is_linked_by_the_api_import(plan, secretariat, member):
    csv = b"Issue,Who\nClarify roles,mo  MEMBER\nAgree protocol,CSP Manager\n"
    response = client_for(secretariat).post(
        detail(plan, "import"), upload("plan.csv", csv, content_type="text/csv"), format="multipart"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["linked"] == 1
    linked = Action.objects.get(plan=plan, title="Clarify roles")
    assert (linked.owner, linked.owner_member.person.user) == ("mo  MEMBER", member)


def test_secretariat_imports_the_ethical_framework_workbook(plan, secretariat):
    response = client_for(secretariat).post(
        detail(plan, "import"),
        upload(
            "ethical_framework_plan.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        format="multipart",
    )
    assert response.status_code == 201
    assert response.json() == {"created": 18, "sections": 8, "flagged": 1, "milestones": 0, "linked": 0, "refused": []}
    assert plan.actions.count() == 18


def test_refused_rows_are_listed_with_why_and_the_others_saved(plan, secretariat):
    csv = (
        b"Improvement needed,Method,Who,By when\n"
        b"Clarify roles,Agree a protocol,CSP Manager,April 2007\n"
        b",Orphan method,Someone,May 2007\n"
        b"Keep partners informed,Newsletter,Secretariat,Ongoing\n"
    )
    response = client_for(secretariat).post(detail(plan, "import"), upload("plan.csv", content=csv), format="multipart")
    assert response.status_code == 201
    body = response.json()
    assert body["created"] == 2
    assert [row["row"] for row in body["refused"]] == [3]
    assert "empty" in body["refused"][0]["reason"]
    clarify = Action.objects.get(title="Clarify roles")
    assert str(clarify.due) == "2007-04-30"
    assert Action.objects.get(title="Keep partners informed").is_ongoing


def test_a_member_may_not_import(plan, member):
    response = client_for(member).post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart")
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the partnership's secretariat can change its action plans."}
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7 not a plan", "This file is a PDF, not a spreadsheet."),
        (b"", "The file is empty."),
        (b"Name,Colour\nA,Red\n", "No column for the improvement needed or the issue was found"),
    ],
)
def test_a_file_that_is_not_a_plan_is_refused_whole(plan, secretariat, content, message):
    response = client_for(secretariat).post(
        detail(plan, "import"), upload("plan.pdf", content=content), format="multipart"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["file"]
    assert message in response.json()["file"][0]
    assert not Action.objects.exists()
    assert not Section.objects.exists()


def test_an_import_without_a_file_is_400(plan, secretariat):
    response = client_for(secretariat).post(detail(plan, "import"), {}, format="multipart")
    assert response.status_code == 400
    assert response.json() == {"file": ["No file was submitted."]}
    assert not Action.objects.exists()


def test_importing_adds_after_what_the_plan_holds(plan, secretariat):
    client = client_for(secretariat)
    client.post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart")
    first = plan.actions.count()
    client.post(detail(plan, "import"), upload("test_valley_plan.csv"), format="multipart")
    positions = list(plan.actions.order_by("position").values_list("position", flat=True))
    assert positions == list(range(1, 2 * first + 1))


def test_a_file_too_large_is_refused(plan, secretariat):
    big = b"Issue,Action\n" + b"x" * (5 * 1024 * 1024 + 10)
    response = client_for(secretariat).post(detail(plan, "import"), upload("big.csv", content=big), format="multipart")
    assert response.status_code == 400
    assert response.json() == {"file": ["The file is larger than 5 MB."]}
    assert not Action.objects.exists()
