"""The preview of an import (actionplans/importing/preview.py): what would be created from the
seeds' plans, every row refused with its reason, and nothing saved."""

import datetime
import pathlib

import pytest

from actionplans.importing import preview_import
from actionplans.models import Action, ActionPlan, Section
from partnership.errors import RuleBroken

from .test_import_reading import xlsx

DATA = pathlib.Path(__file__).with_name("data")
TODAY = datetime.date(2026, 11, 25)


def preview_of(name):
    return preview_import((DATA / name).read_bytes(), today=TODAY)


def csv_preview(text):
    return preview_import(text.encode(), today=TODAY)


def test_the_test_valley_plan_previews_its_three_headings_and_twenty_actions():
    preview = preview_of("test_valley_plan.csv")
    assert [(s.code, s.title) for s in preview.sections] == [
        ("", "Lead and Guide"),
        ("", "Governing Partnership Processes"),
        ("", "Visibility and Accountability"),
    ]
    assert [sum(a.section == i for a in preview.actions) for i in range(3)] == [8, 3, 9]
    assert preview.refused == []
    assert preview.ignored_columns == []
    assert preview.columns == {"title": "Issue", "method": "Action", "due_text": "When", "milestone_text": "Milestone"}
    first = preview.actions[0]
    assert first.row == 3
    assert first.title.startswith("Strategy group is responsible for the preparation")
    assert first.values["method"] == "Identify strategic group. Produce Strategic Assessment Produce partnership plan"
    assert first.values["milestone_text"] == "Draft to be considered by Delivery group in April 2008."


def test_the_test_valley_plans_when_column_is_prose_so_every_date_is_flagged_with_its_words():
    preview = preview_of("test_valley_plan.csv")
    assert len(preview.flagged) == 20
    assert all(a.due.due is None and not a.due.is_ongoing for a in preview.actions)
    assert preview.actions[6].due.words == "To be developed following publication of guidance."


def test_the_ethical_framework_plan_previews_its_lettered_and_numbered_sections():
    preview = preview_of("ethical_framework_plan.xlsx")
    assert [(s.code, s.title) for s in preview.sections] == [
        ("B", "Relationships"),
        ("C", "COMMUNICATION"),
        ("C.1", "Induction"),
        ("C.2", "Training"),
        ("C.3", "Electronic Information"),
        ("D", "Accountability"),
        ("E", "Guidance"),
        ("F", "TEAM WORKING AND CO-OPERATION"),
    ]
    assert len(preview.actions) == 18
    by_section = [preview.sections[a.section].code for a in preview.actions]
    assert by_section.count("C.2") == 4
    assert by_section.count("C") == 0
    assert preview.refused == []
    assert preview.ignored_columns == []


def test_the_ethical_framework_plans_dates_are_read():
    actions = preview_of("ethical_framework_plan.xlsx").actions
    relationships, induction = actions[0], actions[1]
    assert relationships.values["reference"] == "(a)"
    assert relationships.values["owner"] == "MO and Standards Committee"
    assert relationships.values["wp_reference"].startswith("As part of Communications Strategy")
    assert relationships.due.due == datetime.date(2007, 4, 30)
    assert induction.due.due == datetime.date(2006, 9, 30)
    guidance = next(a for a in actions if a.title.startswith("Develop clear guidance"))
    assert guidance.due.is_ongoing
    assert guidance.due.due is None
    assert not guidance.needs_checking
    statutory = next(a for a in actions if a.title.startswith("Examine ways"))
    assert statutory.due.due == datetime.date(2008, 4, 30)  # a date cell, not words


def test_the_ethical_framework_plan_flags_its_one_free_text_date():
    flagged = preview_of("ethical_framework_plan.xlsx").flagged
    assert [(a.values["reference"], a.due.words) for a in flagged] == [("(c)", "Autumn 2006")]


def test_a_row_with_no_title_but_other_cells_is_refused_with_its_row_number():
    preview = csv_preview("Issue,Action,When\nFirst,Do it,April 2007\n,Orphan action,May 2007\nThird,,Ongoing\n")
    assert [a.title for a in preview.actions] == ["First", "Third"]
    assert [(r.row, r.reason) for r in preview.refused] == [
        (3, "The improvement needed (or issue) is empty, but other cells of the row are filled.")
    ]


def test_a_cell_longer_than_its_field_is_refused():
    preview = csv_preview(f"Issue,Who,Ref\nFirst,{'x' * 301},1\nSecond,MO,{'9' * 31}\nThird,MO,3\n")
    assert [a.title for a in preview.actions] == ["Third"]
    assert [(r.row, r.reason) for r in preview.refused] == [
        (2, "The who is 301 characters long; it may be at most 300."),
        (3, "The reference is 31 characters long; it may be at most 30."),
    ]


def test_a_very_long_text_is_refused():
    preview = csv_preview(f"Issue,Outcomes\nFirst,{'x' * 5001}\n")
    assert preview.actions == []
    assert preview.refused[0].reason == "The outcomes is 5,001 characters long; it may be at most 5,000."


def test_unknown_headers_are_reported_and_their_cells_left_out():
    preview = csv_preview("Issue,RAG colour,Action\nFirst,Red,Do it\n")
    assert preview.ignored_columns == ["RAG colour"]
    assert preview.actions[0].values == {"title": "First", "method": "Do it"}


def test_a_file_with_no_title_column_is_refused_whole():
    with pytest.raises(RuleBroken) as caught:
        csv_preview("Action,When\nDo it,April 2007\n")
    assert caught.value.message.startswith("No column for the improvement needed or the issue")
    assert caught.value.field == "file"


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n"])
def test_a_file_that_is_not_a_spreadsheet_is_refused_whole(data):
    with pytest.raises(RuleBroken):
        preview_import(data, today=TODAY)


def test_the_header_row_may_sit_below_a_title():
    preview = csv_preview("Ethical Framework Action Plan,,\n,,\nImprovement needed,By when,\nFirst,Ongoing,\n")
    assert preview.actions[0].row == 4
    assert preview.actions[0].due.is_ongoing


def test_a_section_column_starts_a_section_when_its_words_change():
    preview = csv_preview(
        "Section,Issue,When\n"
        "B. Relationships,Raise awareness,April 2007\n"
        "B. Relationships,Second,May 2007\n"
        "Lead and Guide,Third,\n"
    )
    assert [(s.code, s.title, s.row) for s in preview.sections] == [
        ("B", "Relationships", 2),
        ("", "Lead and Guide", 4),
    ]
    assert [a.section for a in preview.actions] == [0, 0, 1]
    assert "section" not in preview.actions[0].values


def test_a_row_naming_only_its_section_in_a_section_column_makes_no_action():
    preview = csv_preview("Issue,Section\n,D. Accountability\nFirst,D. Accountability\n")
    assert [(s.code, s.title) for s in preview.sections] == [("D", "Accountability")]
    assert [a.title for a in preview.actions] == ["First"]
    assert preview.refused == []


def test_actions_before_any_section_belong_to_none():
    preview = csv_preview("Issue,Action\nFirst,Do it\nB. Relationships\nSecond,Do it\n")
    assert [a.section for a in preview.actions] == [None, 0]


def test_a_row_with_only_its_first_cell_filled_is_a_heading_even_in_the_title_column():
    """Seed 002 writes its headings ("Lead and Guide") in the Issue column, alone on their row."""
    preview = csv_preview("Issue,Action,When\nLead and Guide,,\nFirst,Do it,\n")
    assert [(s.code, s.title) for s in preview.sections] == [("", "Lead and Guide")]
    assert [a.title for a in preview.actions] == ["First"]


def test_a_numbered_heading_with_no_lettered_section_above_keeps_its_number():
    preview = csv_preview("Issue,Action\n1. Induction\nFirst,Do it\n")
    assert [(s.code, s.title) for s in preview.sections] == [("1", "Induction")]


def test_blank_rows_are_skipped_and_row_numbers_stay_the_spreadsheets():
    preview = preview_import(xlsx(["Issue", "Action"], [None, None], ["First", "Do it"]), today=TODAY)
    assert [a.row for a in preview.actions] == [3]


@pytest.mark.django_db
def test_the_preview_saves_nothing(warwickshire):
    ActionPlan.objects.create(partnership=warwickshire, title="Ethical framework")
    preview_of("ethical_framework_plan.xlsx")
    preview_of("test_valley_plan.csv")
    assert Section.objects.count() == 0
    assert Action.objects.count() == 0
