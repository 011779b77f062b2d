"""Waiting on me: what the signed-in person has to do next, as chair, as secretariat officer
or as member, each entry linking to the page where it is done. The rules are the existing ones:
the agenda and late items the chair agrees (meetings.rules.chairs_the_meeting), the minutes
only whoever chaired approves (meetings.chairing), the reminder windows of the deadline sweep
(governance/deadlines/windows.py), the compliance dashboard's statuses, the codes awaiting
acknowledgement and the proposals in writing still taking responses."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.models import OPEN_STATUSES, AgendaItem, Meeting, Minutes, MinutesStatus, ProposalStatus, WrittenProposal
from meetings.views_writing.selectors import open_proposals_for
from partnership.models import Notification, NotificationStatus, Office, OfficeRole, Partnership
from partnership.roles import chair_partnership_ids, member_partnership_ids, secretariat_partnership_ids

from ..compliance.rows import ComplianceStatus
from ..compliance.statuses import compliance_for
from ..deadlines.windows import agenda_window, minutes_window
from ..selectors import documents_awaiting

# Held meetings whose minutes are still to go out are looked for this far back.
MINUTES_LOOK_BACK = datetime.timedelta(days=365)
COMPLIANCE_FLAGS = (ComplianceStatus.MISSED, ComplianceStatus.LATE, ComplianceStatus.DUE_SOON)
# Listed meeting by meeting above, so not again as dashboard rules.
PER_MEETING_RULES = ("agenda", "minutes")


@dataclass(frozen=True)
class WaitingItem:
    """One thing to do: what (`task`), about what (`subject`), for which partnership, by when."""

    task: str
    subject: str
    partnership: Partnership
    url: str
    due: datetime.date | None = None
    note: str = ""


@dataclass(frozen=True)
class WaitingOnMe:
    as_chair: list[WaitingItem]
    as_secretariat: list[WaitingItem]
    as_member: list[WaitingItem]

    @property
    def count(self) -> int:
        return len(self.as_chair) + len(self.as_secretariat) + len(self.as_member)


def _meeting_url(meeting: Meeting) -> str:
    return reverse("meetings:meeting", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def _minutes_url(meeting: Meeting) -> str:
    return reverse("minutes:minutes", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def _chairs(user, today: datetime.date) -> Q:
    """Meetings the user chairs: as chair of the partnership today, or as the member named to
    preside in the chair's absence (the vice chair acting, ToR 5.4)."""
    return Q(partnership_id__in=chair_partnership_ids(user, today)) | Q(presiding_member__person__user_id=user.pk)


def for_chair(user, today: datetime.date) -> list[WaitingItem]:
    """Agendas to agree, late items to accept, minutes to approve, decisions in writing to
    close. Four queries."""
    chairs = _chairs(user, today)
    coming = Meeting.objects.filter(chairs, date__gte=today, status__in=OPEN_STATUSES)
    found = []
    for meeting in coming.filter(agenda_circulated_at__isnull=True, agenda_agreed_at__isnull=True).select_related(
        "partnership"
    ):
        found.append(WaitingItem(_("Agree the agenda"), str(meeting), meeting.partnership, _meeting_url(meeting)))
    late_items = AgendaItem.objects.filter(meeting__in=coming, is_late=True, chair_accepted=False).select_related(
        "meeting__partnership"
    )
    for item in late_items.order_by("meeting__date", "position", "pk"):
        found.append(
            WaitingItem(
                _("Accept or refuse a late item"),
                f"{item.title} ({item.meeting})",
                item.meeting.partnership,
                _meeting_url(item.meeting),
            )
        )
    # Only whoever chaired approves (meetings.chairing.who_chaired): the member named to
    # preside, or else the chair in office on the meeting's day.
    chaired_on_the_day = Office.objects.filter(
        partnership_id=OuterRef("meeting__partnership_id"),
        role=OfficeRole.CHAIR,
        member__person__user_id=user.pk,
        starts_on__lte=OuterRef("meeting__date"),
        ends_on__gte=OuterRef("meeting__date"),
    )
    drafts = (
        Minutes.objects.filter(status=MinutesStatus.DRAFT, meeting__date__lt=today)
        .filter(
            Q(meeting__presiding_member__person__user_id=user.pk)
            | (Q(meeting__presiding_member__isnull=True) & Exists(chaired_on_the_day))
        )
        .select_related("meeting__partnership")
        .order_by("meeting__date", "pk")
    )
    for minutes in drafts:
        found.append(
            WaitingItem(
                _("Approve the minutes"),
                str(minutes.meeting),
                minutes.meeting.partnership,
                _minutes_url(minutes.meeting),
            )
        )
    proposals = (
        WrittenProposal.objects.filter(
            partnership_id__in=chair_partnership_ids(user, today), status=ProposalStatus.OPEN, respond_by__lt=today
        )
        .select_related("partnership")
        .order_by("respond_by", "pk")
    )
    for proposal in proposals:
        found.append(
            WaitingItem(
                _("Close the decision in writing"),
                proposal.title,
                proposal.partnership,
                reverse("writing:proposal", kwargs={"slug": proposal.partnership.slug, "pk": proposal.pk}),
                due=proposal.respond_by,
                note=_("Responses closed"),
            )
        )
    return found


def _runs(user) -> list[Partnership]:
    """The partnerships the user is secretariat of, each with its closure days loaded once, so
    every meeting's deadlines are counted without a further query (partnership/calendar.py)."""
    ids = secretariat_partnership_ids(user)
    if not ids:
        return []
    return list(Partnership.objects.filter(pk__in=ids).prefetch_related("closure_days").order_by("name"))


def _sharing(meetings, partnerships: dict[int, Partnership]) -> list[Meeting]:
    for meeting in meetings:
        meeting.partnership = partnerships[meeting.partnership_id]
    return list(meetings)


def for_secretariat(user, today: datetime.date) -> list[WaitingItem]:
    """Agendas due to circulate and minutes due (from the day the reminder goes out), what the
    compliance dashboard marks missed, late or due soon, and notifications that failed. A fixed
    number of queries for each partnership the user runs, whatever the number of meetings."""
    runs = _runs(user)
    if not runs:
        return []
    by_id = {partnership.pk: partnership for partnership in runs}
    found = []
    coming = Meeting.objects.filter(
        partnership_id__in=by_id, date__gte=today, status__in=OPEN_STATUSES, agenda_circulated_at__isnull=True
    ).order_by("date", "start_time", "pk")
    for meeting in _sharing(coming, by_id):
        if agenda_window(meeting).opens_on <= today:
            found.append(
                WaitingItem(
                    _("Circulate the agenda and papers"),
                    str(meeting),
                    meeting.partnership,
                    _meeting_url(meeting),
                    due=meeting.agenda_due,
                )
            )
    held = (
        Meeting.objects.filter(partnership_id__in=by_id, date__lt=today, date__gte=today - MINUTES_LOOK_BACK)
        .filter(Q(minutes__isnull=True) | Q(minutes__circulated_at__isnull=True))
        .order_by("date", "start_time", "pk")
    )
    for meeting in _sharing(held, by_id):
        if minutes_window(meeting).opens_on <= today:
            found.append(
                WaitingItem(
                    _("Circulate the minutes"),
                    str(meeting),
                    meeting.partnership,
                    _minutes_url(meeting),
                    due=meeting.minutes_due,
                )
            )
    for partnership in runs:
        dashboard = reverse("governance:compliance", kwargs={"slug": partnership.slug})
        for rule in compliance_for(partnership, today=today).rules:
            if rule.key not in PER_MEETING_RULES and rule.status in COMPLIANCE_FLAGS:
                found.append(WaitingItem(rule.status_label, rule.title, partnership, dashboard))
    failed = (
        Notification.objects.filter(partnership_id__in=by_id, status=NotificationStatus.FAILED)
        .values("partnership_id")
        .annotate(count=Count("pk"))
        .order_by("partnership_id")
    )
    for row in failed:
        partnership = by_id[row["partnership_id"]]
        url = reverse("governance:partnership-notifications", kwargs={"slug": partnership.slug})
        found.append(
            WaitingItem(
                _("Look into notifications that could not be sent"),
                _("%(count)d could not be sent") % {"count": row["count"]},
                partnership,
                f"{url}?status={NotificationStatus.FAILED}",
            )
        )
    return found


def for_member(user, today: datetime.date) -> list[WaitingItem]:
    """Codes of conduct to acknowledge and proposals in writing awaiting the member's answer."""
    found = []
    person = getattr(user, "person", None)
    for document in documents_awaiting(person, today):
        found.append(
            WaitingItem(_("Acknowledge"), document.title, document.partnership, reverse("governance:acknowledge"))
        )
    for proposal in open_proposals_for(user, member_partnership_ids(user), today):
        if proposal.my_response is None:
            found.append(
                WaitingItem(
                    _("Respond to the decision in writing"),
                    proposal.title,
                    proposal.partnership,
                    reverse("writing:respond", kwargs={"slug": proposal.partnership.slug, "pk": proposal.pk}),
                    due=proposal.respond_by,
                )
            )
    return found


def waiting_on(user, today: datetime.date) -> WaitingOnMe:
    return WaitingOnMe(
        as_chair=for_chair(user, today),
        as_secretariat=for_secretariat(user, today),
        as_member=for_member(user, today),
    )
