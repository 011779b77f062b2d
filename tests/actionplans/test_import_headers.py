"""Matching a file's headers to the fields of an action by their wording
(actionplans/importing/headers.py): both seeds' headers and their short forms."""

import pytest

from actionplans.importing.headers import match_headers

SEED_004_HEADERS = [
    "Ref",
    "What improvements need to be made",
    "How will the action be achieved?",
    "Who will take responsibility for action?",
    "What resources are required to achieve improvement?",
    "What is realistic?",
    "What will change and improvement look and feel like?",
    "How will success be monitored?",
    "Work Programme (WP) Reference",
]


def fields(headers):
    return list(match_headers(headers).fields.values())


def test_seed_004s_long_headers_match_every_field():
    assert fields(SEED_004_HEADERS) == [
        "reference", "title", "method", "owner", "resources", "due_text", "outcomes", "evaluation", "wp_reference",
    ]  # fmt: skip


def test_seed_004s_short_headers_read_action_as_the_improvement_beside_a_method():
    headers = ["No.", "Action", "Method", "Who", "Resources", "By when", "Outcomes", "Evaluation", "WP Reference"]
    assert fields(headers) == [
        "reference", "title", "method", "owner", "resources", "due_text", "outcomes", "evaluation", "wp_reference",
    ]  # fmt: skip


def test_seed_002s_headers_read_action_as_the_method_beside_an_issue():
    assert fields(["Issue", "Action", "When", "Milestone"]) == ["title", "method", "due_text", "milestone_text"]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Improvement needed", "title"),
        ("  IMPROVEMENT   NEEDED ", "title"),
        ("<u>Issue</u>".replace("<u>", "").replace("</u>", ""), "title"),
        ("Method", "method"),
        ("How will the action be achieved", "method"),
        ("Who", "owner"),
        ("Who will take responsibility for action", "owner"),
        ("Resources", "resources"),
        ("By when", "due_text"),
        ("By when?", "due_text"),
        ("What is realistic?", "due_text"),
        ("When", "due_text"),
        ("Outcomes", "outcomes"),
        ("Evaluation", "evaluation"),
        ("How will success be monitored?", "evaluation"),
        ("Work Programme (WP) Reference", "wp_reference"),
        ("Milestone", "milestone_text"),
        ("Ref", "reference"),
        ("Ref.", "reference"),
        ("No.", "reference"),
        ("Section", "section"),
    ],
)
def test_each_wording_matches_its_field(header, field):
    assert (
        match_headers(["Issue", header] if field != "title" else [header]).fields[0 if field == "title" else 1] == field
    )


def test_unknown_headers_are_reported_as_ignored():
    columns = match_headers(["Issue", "Colour", "Action", "Notes"])
    assert columns.ignored == ["Colour", "Notes"]
    assert columns.fields == {0: "title", 2: "method"}


def test_a_second_column_for_the_same_field_is_ignored():
    columns = match_headers(["Issue", "Who", "Owner"])
    assert columns.fields == {0: "title", 1: "owner"}
    assert columns.ignored == ["Owner"]


def test_a_third_action_column_is_ignored_once_method_and_title_are_taken():
    columns = match_headers(["Issue", "Method", "Action"])
    assert columns.fields == {0: "title", 1: "method"}
    assert columns.ignored == ["Action"]


def test_blank_headers_are_neither_matched_nor_reported():
    columns = match_headers(["", "Issue", "  "])
    assert columns.fields == {1: "title"}
    assert columns.ignored == []
