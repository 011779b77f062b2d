"""Saving a previewed import (actionplans/importing/save.py import_plan): exactly what the
preview showed, after what the plan already holds, in one transaction."""

import dataclasses
import datetime
import pathlib

import pytest

from actionplans.dates import DueDate
from actionplans.importing import ImportResult, import_plan, preview_import
from actionplans.models import Action, ActionPlan, Section
from partnership.errors import RuleBroken

DATA = pathlib.Path(__file__).with_name("data")
TODAY = datetime.date(2026, 11, 25)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(warwickshire):
    return ActionPlan.objects.create(partnership=warwickshire, title="Ethical framework action plan")


def preview_of(name):
    return preview_import((DATA / name).read_bytes(), today=TODAY)


def test_the_ethical_framework_plan_is_saved_exactly_as_previewed(plan, secretariat):
    preview = preview_of("ethical_framework_plan.xlsx")
    result = import_plan(plan, preview, by=secretariat)
    assert result == ImportResult(created=18, flagged=1, sections=8)
    sections = list(plan.sections.all())
    assert [(s.position, s.code, s.title) for s in sections][:3] == [
        (1, "B", "Relationships"),
        (2, "C", "COMMUNICATION"),
        (3, "C.1", "Induction"),
    ]
    actions = list(plan.actions.select_related("section"))
    assert [a.position for a in actions] == list(range(1, 19))
    for saved, previewed in zip(actions, preview.actions, strict=True):
        for name, text in previewed.values.items():
            assert getattr(saved, name) == text
        assert saved.due == previewed.due.due
        assert saved.is_ongoing == previewed.due.is_ongoing
        assert saved.due_needs_checking == previewed.due.needs_checking
        assert saved.section.title == preview.sections[previewed.section].title
    first = actions[0]
    assert (first.reference, first.owner, first.due) == (
        "(a)",
        "MO and Standards Committee",
        datetime.date(2007, 4, 30),
    )
    assert [a.due_text for a in actions if a.due_needs_checking] == ["Autumn 2006"]
    assert [a.title[:28] for a in actions if a.is_ongoing] == ["Develop clear guidance to of"]


def test_the_test_valley_plan_is_saved_with_every_date_flagged(plan):
    result = import_plan(plan, preview_of("test_valley_plan.csv"))
    assert result == ImportResult(created=20, flagged=20, sections=3, milestones=10)
    assert plan.actions.filter(due_needs_checking=True, due__isnull=True).count() == 20
    assert plan.sections.get(title="Governing Partnership Processes").actions.count() == 3
    assert plan.actions.filter(section__isnull=True).count() == 0


def test_a_second_import_is_appended_after_what_the_plan_has(plan):
    import_plan(plan, preview_of("test_valley_plan.csv"))
    import_plan(plan, preview_of("ethical_framework_plan.xlsx"))
    assert list(plan.sections.values_list("position", flat=True)) == list(range(1, 12))
    assert list(plan.actions.values_list("position", flat=True)) == list(range(1, 39))
    assert plan.actions.order_by("position").last().title.startswith("Develop a clear statement")


def test_each_saved_row_has_its_history_with_who_imported_it(plan, secretariat):
    import_plan(plan, preview_of("test_valley_plan.csv"), by=secretariat)
    assert Action.history.filter(plan_id=plan.pk, history_type="+", history_user=secretariat).count() == 20
    assert Section.history.filter(plan_id=plan.pk, history_type="+", history_user=secretariat).count() == 3


def test_an_action_the_database_refuses_saves_nothing_of_the_import(plan):
    preview = preview_of("ethical_framework_plan.xlsx")
    broken = dataclasses.replace(preview.actions[-1], due=DueDate(datetime.date(2007, 4, 30), True, False, "x"))
    preview.actions[-1] = broken  # ongoing with a date: the database's constraint refuses it
    with pytest.raises(RuleBroken):
        import_plan(plan, preview)
    assert Section.objects.count() == 0
    assert Action.objects.count() == 0


def test_an_empty_preview_creates_nothing(plan):
    preview = preview_import(b"Issue,Action\n", today=TODAY)
    assert import_plan(plan, preview) == ImportResult(created=0, flagged=0, sections=0)
    assert Action.objects.count() == 0


def test_the_refused_rows_are_not_saved(plan):
    preview = preview_import(b"Issue,Action\nFirst,Do it\n,Orphan\n", today=TODAY)
    assert import_plan(plan, preview).created == 1
    assert list(Action.objects.values_list("title", flat=True)) == ["First"]
