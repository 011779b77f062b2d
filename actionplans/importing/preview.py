"""What an import would create, worked out before anything is saved: the sections and actions,
each action's date as read, and every row refused with its reason."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken

from ..dates import DueDate, read_due
from .headers import FIELD_NAMES, MAX_LENGTHS, SECTION, match_headers
from .milestones import MilestonePreview, milestone_from
from .reading import read_rows

HEADER_ROWS_SEARCHED = 10  # a title or logo may sit above the header row
LETTERED = re.compile(r"^\(?(?P<code>[A-Za-z])[.)]\s+(?P<title>\S.*)$")
NUMBERED = re.compile(r"^(?P<code>\d{1,2})[.)]\s+(?P<title>\S.*)$")
# A sub-section written out whole, as a plan exported from here writes it: "C.1. Induction".
QUALIFIED = re.compile(r"^(?P<code>[A-Za-z]\.\d{1,2})[.)]\s+(?P<title>\S.*)$")


@dataclass(frozen=True)
class SectionPreview:
    row: int
    code: str
    title: str


@dataclass(frozen=True)
class ActionPreview:
    row: int
    section: int | None  # index into ImportPreview.sections
    values: dict[str, str]  # field -> text, as written
    due: DueDate
    milestone: MilestonePreview | None = None  # from the milestone as written

    @property
    def title(self) -> str:
        return self.values.get("title", "")

    @property
    def needs_checking(self) -> bool:
        return self.due.needs_checking


@dataclass(frozen=True)
class RefusedRow:
    row: int
    reason: str


@dataclass
class ImportPreview:
    sections: list[SectionPreview] = field(default_factory=list)
    actions: list[ActionPreview] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # field -> header, as written

    @property
    def flagged(self) -> list[ActionPreview]:
        return [action for action in self.actions if action.needs_checking]

    @property
    def milestones(self) -> list[MilestonePreview]:
        return [action.milestone for action in self.actions if action.milestone is not None]

    @property
    def owners(self) -> list[str]:
        """Who is responsible, each way it is written, in the file's order."""
        return list(dict.fromkeys(action.values["owner"] for action in self.actions if action.values.get("owner")))


def preview_import(data: bytes, *, today: datetime.date | None = None) -> ImportPreview:
    """Read the file and say what importing it would do. Saves nothing; raises RuleBroken when
    the file as a whole cannot be imported."""
    today = today or timezone.localdate()
    rows = read_rows(data)
    header_index = _header_row(rows)
    headers = rows[header_index]
    columns = match_headers(headers)
    preview = ImportPreview(
        ignored_columns=columns.ignored,
        columns={name: headers[index] for index, name in columns.fields.items()},
    )
    current_section: int | None = None
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        number = index + 1  # as the spreadsheet numbers its rows
        if not any(cells):
            continue
        if _only_first_cell(cells):
            current_section = _add_section(preview, number, cells[0], current_section)
            continue
        values = {name: _cell(cells, column) for column, name in columns.fields.items()}
        section_words = values.pop(SECTION, "")
        if section_words and (
            current_section is None or _section_words(preview.sections[current_section]) != section_words
        ):
            current_section = _add_section(preview, number, section_words, current_section)
        if not any(values.values()):
            continue  # a row that only names its section
        if reason := _refusal(values):
            preview.refused.append(RefusedRow(number, reason))
            continue
        values = {name: text for name, text in values.items() if text}
        preview.actions.append(
            ActionPreview(
                number,
                current_section,
                values,
                read_due(values.get("due_text", ""), today),
                milestone_from(values.get("milestone_text", ""), today),
            )
        )
    return preview


def _header_row(rows: list[list[str]]) -> int:
    """The first row, among the first few, with a column for the improvement or issue."""
    for index, cells in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        if "title" in match_headers(cells).fields.values():
            return index
    raise RuleBroken(
        _(
            "No column for the improvement needed or the issue was found in the header row. Name it "
            '"Improvement needed", "What improvements need to be made" or "Issue".'
        ),
        field="file",
    )


def _only_first_cell(cells: list[str]) -> bool:
    return bool(cells[0]) and not any(cells[1:])


def _cell(cells: list[str], column: int) -> str:
    return cells[column] if column < len(cells) else ""


def _section_words(section: SectionPreview) -> str:
    return f"{section.code}. {section.title}" if section.code else section.title


def _add_section(preview: ImportPreview, row: int, words: str, current: int | None) -> int:
    """ "B. Relationships" is section B; "1. Induction" under section C is C.1, and so is
    "C.1. Induction"; any other words are a heading of their own, such as "Lead and Guide"."""
    words = " ".join(words.split())[: MAX_LENGTHS[SECTION]]
    code, title = "", words
    if (match := QUALIFIED.match(words)) or (match := LETTERED.match(words)):
        code, title = match["code"].upper(), match["title"]
    elif match := NUMBERED.match(words):
        parent = _letter_of(preview, current)
        code, title = (f"{parent}.{match['code']}" if parent else match["code"]), match["title"]
    preview.sections.append(SectionPreview(row, code, title.strip()))
    return len(preview.sections) - 1


def _letter_of(preview: ImportPreview, current: int | None) -> str:
    if current is None:
        return ""
    return preview.sections[current].code.split(".")[0] if preview.sections[current].code[:1].isalpha() else ""


def _refusal(values: dict[str, str]) -> str | None:
    if not values.get("title"):
        return _("The %(column)s is empty, but other cells of the row are filled.") % {"column": FIELD_NAMES["title"]}
    for name, text in values.items():
        if len(text) > MAX_LENGTHS[name]:
            return _("The %(column)s is %(length)s characters long; it may be at most %(most)s.") % {
                "column": FIELD_NAMES[name],
                "length": f"{len(text):,}",
                "most": f"{MAX_LENGTHS[name]:,}",
            }
    return None
