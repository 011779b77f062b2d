"""Which field of an action each column holds, read from the header's wording: the headers of
both seeds (004's "What improvements need to be made", "Who will take responsibility for
action?"; 002's "Issue", "Action", "When", "Milestone") and their short forms."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Action

SECTION = "section"

# Normalised header -> field. "action" is settled by the other headers (see match_headers).
HEADER_WORDS = {
    "title": [
        "what improvements need to be made", "improvements needed", "improvement needed", "improvement",
        "improvements", "issue", "issues", "title", "requirement",
    ],
    "method": ["method", "how will the action be achieved", "how", "action to be taken"],
    "owner": ["who", "who will take responsibility for action", "who will take responsibility", "owner", "lead",
              "responsible"],
    "resources": ["resources", "what resources are required to achieve improvement", "resources required"],
    "due_text": ["by when", "what is realistic", "when", "due", "due date", "deadline", "timescale"],
    "outcomes": ["outcomes", "outcome", "what will change and improvement look and feel like"],
    "evaluation": ["evaluation", "how will success be monitored", "monitoring"],
    "wp_reference": ["work programme wp reference", "work programme reference", "wp reference", "wp ref",
                     "work programme"],
    "milestone_text": ["milestone", "milestones"],
    "reference": ["ref", "no", "number", "reference", "item"],
    SECTION: ["section", "heading", "hallmark"],
}  # fmt: skip
FIELD_FOR_WORDS = {words: field for field, all_words in HEADER_WORDS.items() for words in all_words}

FIELD_NAMES = {
    "title": _("improvement needed (or issue)"),
    "method": _("method (or action)"),
    "owner": _("who"),
    "resources": _("resources"),
    "due_text": _("by when"),
    "outcomes": _("outcomes"),
    "evaluation": _("evaluation"),
    "wp_reference": _("work programme reference"),
    "milestone_text": _("milestone"),
    "reference": _("reference"),
    SECTION: _("section"),
}
# The most a cell may hold: the column's length, or a generous bound for the long texts.
LONGEST_TEXT = 5000
MAX_LENGTHS = {
    field: (Action._meta.get_field(field).max_length or LONGEST_TEXT) for field in FIELD_NAMES if field != SECTION
} | {SECTION: 300}


@dataclass(frozen=True)
class Columns:
    fields: dict[int, str]  # column index -> field
    ignored: list[str]  # headers matched to nothing, as written


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def match_headers(headers: list[str]) -> Columns:
    """Map each header to a field; a header that matches nothing, or a field already taken by
    an earlier column, is ignored and reported."""
    fields: dict[int, str] = {}
    ignored: list[str] = []
    action_columns: list[int] = []
    for index, header in enumerate(headers):
        words = normalise(header)
        if not words:
            continue
        if words in ("action", "actions"):
            action_columns.append(index)
            continue
        field = FIELD_FOR_WORDS.get(words)
        if field is None or field in fields.values():
            ignored.append(header)
        else:
            fields[index] = field
    for index in action_columns:
        # 002 writes "Issue | Action": the action is the method. A plan whose only other
        # text column is a "Method" (004's top row) uses "Action" for the improvement.
        if "method" not in fields.values():
            fields[index] = "method"
        elif "title" not in fields.values():
            fields[index] = "title"
        else:
            ignored.append(headers[index])
    return Columns(fields=dict(sorted(fields.items())), ignored=ignored)
