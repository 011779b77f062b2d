"""Sending the agenda and papers to members (ToR 5.7)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnership.errors import RuleBroken
from partnership.services.common import long_date, rule_service

from ..models import Meeting, MeetingStatus
from ..signals import meeting_published
from ..tasks import email_agenda_circulated
from .agenda import check_open, lock_meeting


@rule_service
def circulate_agenda(*, meeting: Meeting, by, now: datetime.datetime | None = None) -> Meeting:
    """Record that the agreed agenda went to the members, late when after `agenda_due`, and
    email each active member a link once the change is saved."""
    now = now or timezone.now()
    meeting = lock_meeting(meeting)
    if meeting.is_circulated:
        raise RuleBroken(
            _("The agenda went out on %(day)s.") % {"day": long_date(timezone.localdate(meeting.agenda_circulated_at))}
        )
    if meeting.agenda_agreed_at is None:
        raise RuleBroken(
            _("The chair has not agreed the agenda yet; the agenda that goes out is the chair's (ToR 5.7).")
        )
    today = timezone.localdate(now)
    if today > meeting.date:
        raise RuleBroken(_("The meeting has taken place, so its agenda can no longer go out."))
    check_open(meeting)
    meeting.agenda_circulated_at = now
    meeting.agenda_circulated_by = by
    meeting.agenda_circulated_late = today > meeting.agenda_due
    meeting.status = MeetingStatus.AGENDA_CIRCULATED
    meeting.save()
    transaction.on_commit(lambda: email_agenda_circulated.delay(meeting.pk))
    if meeting.is_public:
        transaction.on_commit(lambda: meeting_published.send(sender=Meeting, meeting_id=meeting.pk))
    return meeting
