"""Waiting on me: what the signed-in person has to do next, as chair, as secretariat officer
or as member, each entry linking to the page where it is done. The rules are the existing ones:
the agenda and late items the chair agrees and the minutes only whoever chaired approves
(meetings/chairing.py), the meetings the deadline sweep reminds of and its reminder windows
(governance/deadlines), the compliance dashboard's statuses, the codes awaiting
acknowledgement and the proposals in writing still taking responses."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.chairing import agendas_awaiting_chair, late_items_awaiting_chair, minutes_awaiting_approval_by
from meetings.models import Meeting, ProposalStatus, WrittenProposal
from meetings.views_writing.selectors import open_proposals_for
from partnership.models import Notification, NotificationStatus, Partnership
from partnership.roles import chair_partnership_ids, member_partnership_ids, secretariat_partnership_ids

from ..compliance.rows import ComplianceStatus
from ..compliance.statuses import compliance_for
from ..deadlines.agenda import meetings_waiting_for_an_agenda
from ..deadlines.minutes import meetings_waiting_for_minutes
from ..deadlines.windows import agenda_window, minutes_window
from ..selectors import documents_awaiting
from ..selectors_subscriptions import to_members_only

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


def for_chair(user, today: datetime.date) -> list[WaitingItem]:
    """Agendas to agree, late items to accept, minutes to approve, decisions in writing to
    close. Four queries."""
    found = []
    for meeting in agendas_awaiting_chair(user, today).select_related("partnership"):
        found.append(WaitingItem(_("Agree the agenda"), str(meeting), meeting.partnership, _meeting_url(meeting)))
    late_items = late_items_awaiting_chair(user, today).select_related("meeting__partnership")
    for item in late_items.order_by("meeting__date", "position", "pk"):
        found.append(
            WaitingItem(
                _("Accept or refuse a late item"),
                f"{item.title} ({item.meeting})",
                item.meeting.partnership,
                _meeting_url(item.meeting),
            )
        )
    drafts = minutes_awaiting_approval_by(user, today).select_related("meeting__partnership")
    for minutes in drafts.order_by("meeting__date", "pk"):
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


def for_secretariat(user, today: datetime.date) -> list[WaitingItem]:
    """Agendas due to circulate and minutes due (from the day the reminder goes out), what the
    compliance dashboard marks missed, late or due soon, and notifications that failed. A fixed
    number of queries for each partnership the user runs, whatever the number of meetings."""
    runs = _runs(user)
    if not runs:
        return []
    by_id = {partnership.pk: partnership for partnership in runs}
    found = []
    for meeting in meetings_waiting_for_an_agenda(by_id, today):
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
    for meeting in meetings_waiting_for_minutes(by_id, today):
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
        to_members_only(Notification.objects.filter(partnership_id__in=by_id, status=NotificationStatus.FAILED))
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
