"""Who chairs and who chaired a meeting, each rule written once here, both for one meeting (the
permission rules, meetings/rules.py) and as a query over many ("waiting on me", governance/portal):

- who chairs a coming meeting: the chair of the partnership today, or whoever is named to preside
  at it in the chair's absence (ToR 5.4); they agree its agenda and accept its late items;
- who chaired a meeting: whoever was named to preside, or else the member in the chair's office
  on the meeting's day. Only they approve its minutes (ToR 5.8)."""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from partnership.models import Member, Office, OfficeRole
from partnership.roles import chair_partnership_ids

from .models import OPEN_STATUSES, AgendaItem, Meeting, Minutes, MinutesStatus


def chair_on(partnership_id: int, day) -> Member | None:
    """The member in the chair's office on that day, if any."""
    office = (
        Office.objects.filter(
            partnership_id=partnership_id, role=OfficeRole.CHAIR, starts_on__lte=day, ends_on__gte=day
        )
        .select_related("member__person", "member__nominating_body")
        .first()
    )
    return office.member if office else None


def is_chair_on(user, partnership_id: int, day) -> bool:
    """Asked of the roles the permission rules already read (and cache per user)."""
    return user.is_authenticated and partnership_id in chair_partnership_ids(user, day)


def who_chaired(meeting: Meeting) -> Member | None:
    """Cached on the meeting object: the rules and the page both ask."""
    if "_who_chaired" not in meeting.__dict__:
        if meeting.presiding_member_id is not None:
            chaired = meeting.presiding_member
        else:
            chaired = chair_on(meeting.partnership_id, meeting.date)
        meeting.__dict__["_who_chaired"] = chaired
    return meeting.__dict__["_who_chaired"]


def chaired_by_user(meeting: Meeting, user) -> bool:
    member = who_chaired(meeting)
    return member is not None and user.is_authenticated and member.person.user_id == user.pk


def chairs(user, meeting: Meeting, today: datetime.date | None = None) -> bool:
    """Whether `user` chairs the meeting: chair of its partnership today, or named to preside."""
    if meeting is None or not user.is_authenticated:
        return False
    if is_chair_on(user, meeting.partnership_id, today or timezone.localdate()):
        return True
    presiding = meeting.presiding_member
    return presiding is not None and presiding.person.user_id == user.pk


def _chairs_filter(user, today: datetime.date) -> Q:
    """`chairs` as a query on meetings."""
    return Q(partnership_id__in=chair_partnership_ids(user, today)) | Q(presiding_member__person__user_id=user.pk)


def coming_meetings_chaired_by(user, today: datetime.date) -> QuerySet[Meeting]:
    """The meetings still to be held, from today on, that `user` chairs."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    return Meeting.objects.filter(_chairs_filter(user, today), date__gte=today, status__in=OPEN_STATUSES)


def agendas_awaiting_chair(user, today: datetime.date) -> QuerySet[Meeting]:
    """Coming meetings `user` chairs whose agenda is neither agreed nor circulated."""
    return coming_meetings_chaired_by(user, today).filter(
        agenda_circulated_at__isnull=True, agenda_agreed_at__isnull=True
    )


def late_items_awaiting_chair(user, today: datetime.date) -> QuerySet[AgendaItem]:
    """Late items of coming meetings `user` chairs, not yet accepted."""
    return AgendaItem.objects.filter(
        meeting__in=coming_meetings_chaired_by(user, today), is_late=True, chair_accepted=False
    )


def _chaired_filter(user) -> Q:
    """`chaired_by_user` as a query on minutes: the member named to preside, or else, when none
    was, the chair in office on the meeting's day."""
    chair_on_the_day = Office.objects.filter(
        partnership_id=OuterRef("meeting__partnership_id"),
        role=OfficeRole.CHAIR,
        member__person__user_id=user.pk,
        starts_on__lte=OuterRef("meeting__date"),
        ends_on__gte=OuterRef("meeting__date"),
    )
    return Q(meeting__presiding_member__person__user_id=user.pk) | (
        Q(meeting__presiding_member__isnull=True) & Exists(chair_on_the_day)
    )


def minutes_awaiting_approval_by(user, today: datetime.date) -> QuerySet[Minutes]:
    """Draft minutes of meetings held before today that `user` chaired, so only they approve."""
    if not user.is_authenticated:
        return Minutes.objects.none()
    return Minutes.objects.filter(_chaired_filter(user), status=MinutesStatus.DRAFT, meeting__date__lt=today)
