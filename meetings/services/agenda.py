"""Building the agenda with the chair: items in order, the chair's agreement, late items."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import long_date, rule_service

from ..models import OPEN_STATUSES, AgendaItem, Meeting, PaperFile, Purpose
from ..signals import announce_meeting_change_on_commit

ITEM_FIELDS = (
    "title",
    "purpose",
    "description",
    "presenter",
    "leading_partners",
    "is_confidential",
    "confidential_reason",
)


def lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update(of=("self",)).select_related("partnership").get(pk=meeting.pk)


def check_open(meeting: Meeting) -> None:
    """The agenda and papers of a meeting that has been held, or whose day has passed, are part
    of the record: they stay as they were."""
    if meeting.status not in OPEN_STATUSES:
        raise RuleBroken(_("The meeting has been held, so its agenda is part of the record and stays as it was."))
    if not meeting.is_open:
        raise RuleBroken(_("The meeting has taken place, so its agenda and papers are part of the record."))


def _check_fields(fields: dict) -> dict:
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise TypeError(f"unknown agenda item fields: {sorted(unknown)}")
    if fields.get("is_confidential"):
        if not fields.get("confidential_reason"):
            raise RuleBroken(
                _("Say why the item is exempt from publication: a confidential item is taken in private."),
                field="confidential_reason",
            )
    elif "is_confidential" in fields:
        fields["confidential_reason"] = ""
    if "title" in fields and not fields["title"].strip():
        raise RuleBroken(_("Give the item a title."), field="title")
    return fields


def agenda_changed(meeting: Meeting) -> None:
    """A change before circulation withdraws the chair's agreement: the chair agrees the agenda
    that goes out (ToR 5.7), not an earlier one."""
    if not meeting.is_circulated and meeting.agenda_agreed_at is not None:
        meeting.agenda_agreed_at = None
        meeting.agenda_agreed_by = None
        meeting.save(update_fields=["agenda_agreed_at", "agenda_agreed_by"])


@rule_service
def add_agenda_item(*, meeting: Meeting, title: str, late_reason: str = "", **fields) -> AgendaItem:
    """An item at the end of the agenda. Once the agenda has gone out it is a late item, which
    needs a reason and the chair's acceptance (ToR 5.7)."""
    meeting = lock_meeting(meeting)
    check_open(meeting)
    fields = _check_fields({"title": title, **fields})
    late = meeting.is_circulated
    if late and not late_reason.strip():
        raise RuleBroken(
            _(
                "The agenda has gone out, so this is a late item: say why it cannot wait for the next meeting "
                "(ToR 5.7)."
            ),
            field="late_reason",
        )
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"] or 0
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=last + 1,
        is_late=late,
        late_reason=late_reason.strip() if late else "",
        **{"purpose": Purpose.DISCUSSION, **fields},
    )
    agenda_changed(meeting)
    announce_meeting_change_on_commit(meeting)
    return item


@rule_service
def update_agenda_item(*, item: AgendaItem, late_reason: str | None = None, **fields) -> AgendaItem:
    meeting = lock_meeting(item.meeting)  # the meeting first, as every agenda service locks
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    check_open(meeting)
    current = {name: getattr(item, name) for name in ("is_confidential", "confidential_reason")}
    fields = _check_fields({**current, **fields})
    if late_reason is not None and item.is_late:
        if not late_reason.strip():
            raise RuleBroken(_("A late item keeps its reason (ToR 5.7)."), field="late_reason")
        item.late_reason = late_reason.strip()
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    agenda_changed(meeting)
    announce_meeting_change_on_commit(meeting)
    return item


@rule_service
def remove_agenda_item(*, item: AgendaItem) -> None:
    meeting = lock_meeting(item.meeting)
    check_open(meeting)
    if meeting.is_circulated:
        raise RuleBroken(
            _(
                "The agenda has gone out, so its items stay on it: the meeting can withdraw an item and the "
                "minutes say so."
            )
        )
    delete_files_on_commit(PaperFile.objects.filter(paper__agenda_item=item))
    item.delete()
    _number(list(meeting.agenda_items.order_by("position", "pk")))
    agenda_changed(meeting)
    announce_meeting_change_on_commit(meeting)


def delete_files_on_commit(paper_files) -> None:
    """Take these papers' files off the disk once their rows have gone for good, not before."""
    for paper_file in paper_files:
        name, storage = paper_file.file.name, paper_file.file.storage
        if name:
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


def _number(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


@rule_service
def reorder_agenda(*, meeting: Meeting, item_ids: list[int]) -> list[AgendaItem]:
    """Put the agenda in the order given, which names every item once."""
    meeting = lock_meeting(meeting)
    check_open(meeting)
    items = {item.pk: item for item in meeting.agenda_items.all()}
    if sorted(item_ids) != sorted(items):
        raise RuleBroken(_("The new order must list every item of this agenda once."), field="item_ids")
    ordered = [items[pk] for pk in item_ids]
    _number(ordered)
    agenda_changed(meeting)
    announce_meeting_change_on_commit(meeting)
    return ordered


def move_agenda_item(*, item: AgendaItem, places: int) -> list[AgendaItem]:
    """Move an item up (negative) or down the agenda."""
    ids = list(item.meeting.agenda_items.order_by("position", "pk").values_list("pk", flat=True))
    index = ids.index(item.pk)
    ids.insert(max(0, min(len(ids) - 1, index + places)), ids.pop(index))
    return reorder_agenda(meeting=item.meeting, item_ids=ids)


@rule_service
def agree_agenda(*, meeting: Meeting, by, now: datetime.datetime | None = None) -> Meeting:
    """The chair agrees the agenda before it goes out (ToR 5.7)."""
    meeting = lock_meeting(meeting)
    check_open(meeting)
    if meeting.is_circulated:
        raise RuleBroken(
            _("The agenda went out on %(day)s.") % {"day": long_date(timezone.localdate(meeting.agenda_circulated_at))}
        )
    if meeting.agenda_agreed_at is not None:
        raise RuleBroken(_("The chair has already agreed this agenda."))
    meeting.agenda_agreed_at = now or timezone.now()
    meeting.agenda_agreed_by = by
    meeting.save(update_fields=["agenda_agreed_at", "agenda_agreed_by"])
    return meeting


@rule_service
def accept_late_item(*, item: AgendaItem, by, now: datetime.datetime | None = None) -> AgendaItem:
    """The chair accepts a late item, at their discretion (ToR 5.7)."""
    meeting = lock_meeting(item.meeting)
    check_open(meeting)
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    if not item.is_late:
        raise RuleBroken(_("Only a late item needs the chair's acceptance."))
    if item.chair_accepted:
        raise RuleBroken(_("The chair has already accepted this item."))
    item.chair_accepted = True
    item.chair_accepted_at = now or timezone.now()
    item.chair_accepted_by = by
    item.save(update_fields=["chair_accepted", "chair_accepted_at", "chair_accepted_by"])
    announce_meeting_change_on_commit(meeting)
    return item
