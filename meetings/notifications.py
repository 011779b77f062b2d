"""Emails about meetings, recorded in the outbox (partnership/notifications) so each goes to
each member once, however often the task that records them runs."""

from django.db import transaction
from django.urls import reverse
from django.utils.dateformat import time_format
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from partnership.models import Member, Partnership
from partnership.notifications.recording import Notice, Recipient, person_recipient, record
from partnership.services.common import long_date

from .models import Meeting, Minutes, WrittenProposal


def _members(partnership: Partnership) -> tuple[Recipient, ...]:
    members = Member.objects.filter(partnership=partnership, active=True).select_related("person")
    return tuple(person_recipient(member.person) for member in members)


def _tell_members(partnership: Partnership, **fields) -> int:
    notice = Notice(
        partnership_id=partnership.pk,
        partnership_name=_("%(partnership)s secretariat") % {"partnership": partnership.name},
        recipients=_members(partnership),
        why=_("You get this as a member of the %(partnership)s.") % {"partnership": partnership.name},
        **fields,
    )
    with transaction.atomic():
        return len(record([notice]))


def _long(day) -> str:
    return date_format(day, "l j F Y")


def email_members_agenda(meeting: Meeting) -> int:
    partnership = meeting.partnership
    at = time_format(meeting.start_time, "g:i a")
    paragraphs = [
        _("The agenda and papers for the %(partnership)s %(meeting)s on %(day)s at %(time)s are ready to read.")
        % {"partnership": partnership.name, "meeting": meeting.title.lower(), "day": _long(meeting.date), "time": at}
    ]
    if meeting.place:
        paragraphs.append(_("Place: %(place)s") % {"place": meeting.place})
    if meeting.online_link:
        paragraphs.append(_("Join online: %(link)s") % {"link": meeting.online_link})
    paragraphs.append(
        _(
            "If you cannot attend, please send your apologies to the secretariat, or arrange for your named "
            "substitute to attend in your place (ToR 3.2): %(email)s"
        )
        % {"email": partnership.secretariat_email}
    )
    return _tell_members(
        partnership,
        kind="agenda_circulated",
        about=f"meeting:{meeting.pk}",
        occasion=meeting.agenda_circulated_at.isoformat(),
        subject=_("Agenda: %(partnership)s, %(meeting)s, %(day)s")
        % {"partnership": partnership.name, "meeting": meeting.title, "day": long_date(meeting.date)},
        paragraphs=tuple(paragraphs),
        link=meeting.get_absolute_url(),
        link_text=_("Read the agenda and papers"),
    )


def email_members_minutes(minutes: Minutes) -> int:
    meeting = minutes.meeting
    partnership = meeting.partnership
    return _tell_members(
        partnership,
        kind="minutes_circulated",
        about=f"minutes:{minutes.pk}",
        occasion=minutes.circulated_at.isoformat(),
        subject=_("Minutes: %(partnership)s, %(meeting)s, %(day)s")
        % {"partnership": partnership.name, "meeting": meeting.title, "day": long_date(meeting.date)},
        paragraphs=(
            _(
                "The minutes of the %(partnership)s %(meeting)s held on %(day)s, approved by the chair, "
                "are ready to read."
            )
            % {"partnership": partnership.name, "meeting": meeting.title.lower(), "day": _long(meeting.date)},
            _(
                "They will be put to the next meeting to be confirmed as a true record. If you think anything in "
                "them is wrong, please tell the secretariat before then: %(email)s"
            )
            % {"email": partnership.secretariat_email},
        ),
        link=reverse("minutes:minutes", kwargs={"slug": partnership.slug, "pk": meeting.pk}),
        link_text=_("Read the minutes"),
    )


def email_members_written_proposal(proposal: WrittenProposal) -> int:
    partnership = proposal.partnership
    return _tell_members(
        partnership,
        kind="written_proposal",
        about=f"proposal:{proposal.pk}",
        occasion="opened",
        subject=_("Decision in writing: %(partnership)s, %(title)s")
        % {"partnership": partnership.name, "title": proposal.title},
        paragraphs=(
            _(
                "The chair of the %(partnership)s asks the members to decide in writing, as it cannot wait for "
                "the next meeting:"
            )
            % {"partnership": partnership.name},
            proposal.title,
            proposal.proposal,
            _("Why it cannot wait: %(why)s") % {"why": proposal.why_now},
            _("Please respond by %(day)s, declaring any interest first.") % {"day": _long(proposal.respond_by)},
        ),
        link=reverse("writing:respond", kwargs={"slug": partnership.slug, "pk": proposal.pk}),
        link_text=_("Respond to the proposal"),
    )
