"""A plan as a table in the shape it came in (seed 004's columns, with seed 002's milestone),
for CSV and XLSX: actions outside any section first, then each section as a row with only its
first cell (how the importer reads a heading), then its actions. Exported and imported again,
a plan gives the same actions. Cells that a spreadsheet would take for a formula are written
with an apostrophe first, in both formats."""

import io

from openpyxl import Workbook

from partnership.safe_csv import SafeWriter, safe_cell

from .models import Action, ActionPlan
from .selectors import plan_with_actions

COLUMNS = [
    ("Ref", "reference"),
    ("What improvements need to be made", "title"),
    ("How will the action be achieved?", "method"),
    ("Who", "owner"),
    ("Resources", "resources"),
    ("By when", None),
    ("Milestone", "milestone_text"),
    ("Outcomes", "outcomes"),
    ("Evaluation", "evaluation"),
    ("Work Programme (WP) Reference", "wp_reference"),
]


def by_when(action: Action) -> str:
    """As written when it was written; else the date, or "Ongoing"."""
    if action.due_text:
        return action.due_text
    if action.is_ongoing:
        return "Ongoing"
    return f"{action.due:%-d %B %Y}" if action.due else ""


def action_row(action: Action) -> list[str]:
    return [by_when(action) if field is None else getattr(action, field) for _, field in COLUMNS]


def plan_table(plan: ActionPlan) -> list[list[str]]:
    """The header row, then headings and actions in the plan's order. Five queries."""
    plan = plan_with_actions(plan)
    actions = list(plan.actions.all())
    rows = [[header for header, _ in COLUMNS]]
    rows += [action_row(action) for action in actions if action.section_id is None]
    for section in plan.sections.all():
        rows.append([str(section)] + [""] * (len(COLUMNS) - 1))
        rows += [action_row(action) for action in actions if action.section_id == section.pk]
    return rows


def as_csv(plan: ActionPlan) -> str:
    stream = io.StringIO()
    writer = SafeWriter(stream)
    for row in plan_table(plan):
        writer.writerow(row)
    return stream.getvalue()


def as_xlsx(plan: ActionPlan) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Action plan"
    for row in plan_table(plan):
        sheet.append([safe_cell(value) for value in row])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()
