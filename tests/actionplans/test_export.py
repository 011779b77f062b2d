"""A plan downloaded as CSV or XLSX, in the shape it came in: imported again it gives the same
actions, sections and dates; a cell a spreadsheet would run as a formula is made plain text."""

import datetime
import io
import pathlib

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actionplans import exporting
from actionplans.importing import import_plan, preview_import
from actionplans.models import Action, ActionPlan
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, SectionFactory
from tests.helpers import signed_in

DATA = pathlib.Path(__file__).with_name("data")
TODAY = datetime.date(2026, 11, 25)


def imported(partnership, name: str) -> ActionPlan:
    plan = ActionPlan.objects.create(partnership=partnership, title="Ethical framework action plan")
    import_plan(plan, preview_import((DATA / name).read_bytes(), today=TODAY))
    return plan


def saved(plan: ActionPlan):
    return [
        (
            a.section.title if a.section else None,
            a.title,
            a.method,
            a.owner,
            a.owner_member_id,
            a.owner_body_id,
            a.due_text,
            a.due,
            a.is_ongoing,
            a.milestone_text,
            [(m.title, m.due, m.status) for m in a.milestones.order_by("pk")],
        )
        for a in Action.objects.filter(plan=plan).select_related("section").order_by("position")
    ]


@pytest.mark.parametrize(
    ("source", "export"),
    [
        ("ethical_framework_plan.xlsx", exporting.as_xlsx),
        ("ethical_framework_plan.xlsx", lambda plan: exporting.as_csv(plan).encode()),
        ("test_valley_plan.csv", exporting.as_xlsx),
        ("test_valley_plan.csv", lambda plan: exporting.as_csv(plan).encode()),
    ],
)
def test_a_plan_exported_and_imported_again_is_the_same_plan(warwickshire, source, export):
    plan = imported(warwickshire, source)
    again = ActionPlan.objects.create(partnership=warwickshire, title="Imported again")
    preview = preview_import(export(plan), today=TODAY)
    assert not preview.refused
    import_plan(again, preview)
    assert saved(again) == saved(plan)
    assert again.sections.count() == plan.sections.count()


def test_milestones_and_linked_owners_come_back_the_same(warwickshire, member, police):
    long_words = "Report to the board " * 20 + "in June 2008."
    rows = (
        "Issue,Who,When,Milestone\n"
        f"Clarify roles,Mo Member,April 2008,{long_words}\n"
        "Agree protocol,The Police Service,Ongoing,Draft to be considered by Delivery group in April 2008.\n"
        "Publish summary,CSP Manager,,As above\n"
    )
    plan = ActionPlan.objects.create(partnership=warwickshire, title="Test Valley")
    result = import_plan(plan, preview_import(rows.encode(), today=TODAY))
    assert (result.milestones, result.linked) == (3, 2)
    for export in (exporting.as_xlsx, lambda p: exporting.as_csv(p).encode()):
        again = ActionPlan.objects.create(partnership=warwickshire, title=f"Again {export}")
        import_plan(again, preview_import(export(plan), today=TODAY))
        assert saved(again) == saved(plan)
    assert Action.objects.get(plan=plan, title="Clarify roles").milestones.get().due == datetime.date(2008, 6, 30)


def test_the_csv_has_the_seeds_columns_and_sections_as_headings(warwickshire):
    plan = ActionPlanFactory(partnership=warwickshire, title="Partnership plan")
    ActionFactory(plan=plan, section=None, title="Unsectioned first", due=None, due_text="Ongoing", is_ongoing=True)
    section = SectionFactory(plan=plan, code="B", title="Relationships")
    ActionFactory(plan=plan, section=section, title="Raise awareness", due=datetime.date(2007, 4, 30), due_text="")
    lines = exporting.as_csv(plan).splitlines()
    assert lines[0].startswith("Ref,What improvements need to be made,How will the action be achieved?,Who,")
    assert "Unsectioned first" in lines[1]
    assert lines[2].startswith("B. Relationships,,")
    assert "Raise awareness" in lines[3]
    assert "30 April 2007" in lines[3]


def test_a_formula_is_written_as_text_in_both_formats(warwickshire):
    plan = ActionPlanFactory(partnership=warwickshire, title="Partnership plan")
    ActionFactory(plan=plan, section=None, title='=HYPERLINK("http://evil.example","Click")', owner="+44 1926 410410")
    assert "'=HYPERLINK" in exporting.as_csv(plan)
    sheet = load_workbook(io.BytesIO(exporting.as_xlsx(plan))).active
    cells = [cell.value for cell in sheet[2]]
    assert '\'=HYPERLINK("http://evil.example","Click")' in cells
    assert all(cell.data_type != "f" for cell in sheet[2])


def url(plan, kind):
    return reverse(f"actionplans:export-{kind}", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_members_and_the_secretariat_download_the_plan(client, warwickshire, member, secretariat, kind):
    plan = ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")
    for user in (member, secretariat):
        response = signed_in(client, user).get(url(plan, kind))
        assert response.status_code == 200
        assert response["Content-Disposition"] == f'attachment; filename="ethical-framework-action-plan.{kind}"'


def test_another_partnership_never_learns_the_plan_exists(client, warwickshire, outsider):
    plan = ActionPlanFactory(partnership=warwickshire)
    assert signed_in(client, outsider).get(url(plan, "csv")).status_code == 404


def test_a_visitor_is_asked_to_sign_in(client, warwickshire):
    plan = ActionPlanFactory(partnership=warwickshire)
    assert client.get(url(plan, "xlsx")).status_code == 302


def test_the_export_runs_a_fixed_number_of_queries(client, warwickshire, secretariat, django_assert_max_num_queries):
    plan = ActionPlanFactory(partnership=warwickshire)
    sections = [SectionFactory(plan=plan, position=n, title=f"Section {n}") for n in range(10)]
    for n in range(300):
        ActionFactory(plan=plan, section=sections[n % 10], title=f"Action {n}", position=n)
    signed_in(client, secretariat)
    with django_assert_max_num_queries(9):
        response = client.get(url(plan, "xlsx"))
    assert response.status_code == 200
