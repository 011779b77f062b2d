"""The forward work programme: the year's recurring business, planned onto meetings and put on
their agendas when they are built."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.models import Office, Partnership, TermsOfReference
from partnership.services.common import check_date, long_date, rule_service

from ..models import Meeting, WorkKind, WorkProgrammeItem
from .agenda import add_agenda_item

QUARTER_ENDS = ((3, 31), (6, 30), (9, 30), (12, 31))
ELECTION_NOTICE = relativedelta(months=2)


def _recurring_business(partnership: Partnership, year: int) -> list[tuple[str, str, datetime.date]]:
    """(kind, title, due by) of what the terms of reference make the partnership do in `year`."""
    business = [
        (
            WorkKind.QUARTERLY_PERFORMANCE,
            _("Quarterly performance report to the Public Service Board, Q%(quarter)s %(year)s")
            % {"quarter": n, "year": year},
            datetime.date(year, month, day),
        )
        for n, (month, day) in enumerate(QUARTER_ENDS, start=1)
    ]
    review = (
        TermsOfReference.objects.filter(partnership=partnership, next_review_on__year=year)
        .order_by("next_review_on")
        .first()
    )
    if review is not None:
        business += [
            (WorkKind.TERMS_REVIEW, _("Annual review of the terms of reference (ToR 10)"), review.next_review_on),
            (WorkKind.SKILLS_REVIEW, _("Annual skills and knowledge review of the board"), review.next_review_on),
        ]
    business.append(
        (
            WorkKind.STRATEGIC_ASSESSMENT,
            _("Strategic assessment %(year)s") % {"year": year},
            datetime.date(year, 12, 31),
        )
    )
    terms_ending = Office.objects.filter(partnership=partnership, ends_on__year=year).select_related("member__person")
    for office in terms_ending:
        kind = WorkKind.CHAIR_ELECTION if office.role == "chair" else WorkKind.VICE_CHAIR_ELECTION
        title = _("Election of the %(office)s: the term ends on %(day)s") % {
            "office": office.get_role_display().lower(),
            "day": long_date(office.ends_on),
        }
        business.append((kind, title, office.ends_on - ELECTION_NOTICE))
    return business


def _last_meeting_by(partnership: Partnership, due_by: datetime.date) -> Meeting | None:
    return Meeting.objects.filter(partnership=partnership, date__lte=due_by, status="planned").order_by("-date").first()


@rule_service
def plan_year(*, partnership: Partnership, year: int) -> list[WorkProgrammeItem]:
    """Add the year's recurring business to the work programme (what is there already stays),
    each planned for the last meeting on or before its date when one is scheduled."""
    if not 2000 <= year <= 2100:
        raise RuleBroken(_("Choose a year between 2000 and 2100."), field="year")
    existing = set(WorkProgrammeItem.objects.filter(partnership=partnership).values_list("kind", "due_by"))
    added = []
    for kind, title, due_by in _recurring_business(partnership, year):
        if (kind, due_by) in existing:
            continue
        added.append(
            WorkProgrammeItem.objects.create(
                partnership=partnership,
                kind=kind,
                title=title,
                due_by=due_by,
                meeting=_last_meeting_by(partnership, due_by),
            )
        )
    return added


@rule_service
def add_work_item(
    *,
    partnership: Partnership,
    title: str,
    due_by: datetime.date,
    meeting: Meeting | None = None,
    purpose: str = "decision",
    presenter: str = "",
) -> WorkProgrammeItem:
    check_date(due_by, field="due_by")
    _check_meeting(partnership, meeting)
    return WorkProgrammeItem.objects.create(
        partnership=partnership, title=title, due_by=due_by, meeting=meeting, purpose=purpose, presenter=presenter
    )


def _check_meeting(partnership: Partnership, meeting: Meeting | None) -> None:
    if meeting is None:
        return
    if meeting.partnership_id != partnership.pk:
        raise RuleBroken(_("Plan it for one of the partnership's own meetings."), field="meeting")
    if meeting.status != "planned":
        raise RuleBroken(_("That meeting's agenda has gone out; plan it for a later meeting."), field="meeting")


@rule_service
def plan_for_meeting(*, work_item: WorkProgrammeItem, meeting: Meeting | None) -> WorkProgrammeItem:
    work_item = (
        WorkProgrammeItem.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=work_item.pk)
    )
    if work_item.agenda_item_id is not None:
        raise RuleBroken(_("It is on an agenda already."))
    _check_meeting(work_item.partnership, meeting)
    work_item.meeting = meeting
    work_item.save(update_fields=["meeting"])
    return work_item


@rule_service
def put_on_agenda(*, work_item: WorkProgrammeItem) -> WorkProgrammeItem:
    """Add the planned item to its meeting's agenda, keeping its reference."""
    work_item = WorkProgrammeItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=work_item.pk)
    if work_item.meeting_id is None:
        raise RuleBroken(_("Plan it for a meeting first."), field="meeting")
    if work_item.agenda_item_id is not None:
        raise RuleBroken(_("It is on that agenda already."))
    work_item.agenda_item = add_agenda_item(
        meeting=work_item.meeting, title=work_item.title, purpose=work_item.purpose, presenter=work_item.presenter
    )
    work_item.save(update_fields=["agenda_item"])
    return work_item


def offered_for(meeting: Meeting):
    """What the work programme plans for this meeting and is not on its agenda yet."""
    return meeting.planned_work.filter(agenda_item__isnull=True).order_by("due_by", "pk")
