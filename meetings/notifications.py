"""Emails about meetings, recorded in the outbox (partnership/notifications) so each goes to
each member once, however often the task that records them runs."""

from django.db import transaction
from django.urls import reverse
from django.utils.dateformat import time_format

from partnership.models import Member, Partnership
from partnership.notifications.recording import Notice, Recipient, person_recipient, record

from .models import Meeting, Minutes, WrittenProposal


def _members(partnership: Partnership) -> tuple[Recipient, ...]:
    members = Member.objects.filter(partnership=partnership, active=True).select_related("person")
    return tuple(person_recipient(member.person) for member in members)


def _tell_members(partnership: Partnership, **fields) -> int:
    notice = Notice(
        partnership_id=partnership.pk,
        partnership_name=f"{partnership.name} secretariat",
        recipients=_members(partnership),
        why=f"You get this as a member of the {partnership.name}.",
        **fields,
    )
    with transaction.atomic():
        return len(record([notice]))


def _long(day) -> str:
    return f"{day:%A %-d %B %Y}"


def email_members_agenda(meeting: Meeting) -> int:
    partnership = meeting.partnership
    at = time_format(meeting.start_time, "g:i a")
    paragraphs = [
        f"The agenda and papers for the {partnership.name} {meeting.title.lower()} on {_long(meeting.date)} "
        f"at {at} are ready to read."
    ]
    if meeting.place:
        paragraphs.append(f"Place: {meeting.place}")
    if meeting.online_link:
        paragraphs.append(f"Join online: {meeting.online_link}")
    paragraphs.append(
        "If you cannot attend, please send your apologies to the secretariat, or arrange for your named "
        f"substitute to attend in your place (ToR 3.2): {partnership.secretariat_email}"
    )
    return _tell_members(
        partnership,
        kind="agenda_circulated",
        about=f"meeting:{meeting.pk}",
        occasion=meeting.agenda_circulated_at.isoformat(),
        subject=f"Agenda: {partnership.name}, {meeting.title}, {meeting.date:%-d %B %Y}",
        paragraphs=tuple(paragraphs),
        link=meeting.get_absolute_url(),
        link_text="Read the agenda and papers",
    )


def email_members_minutes(minutes: Minutes) -> int:
    meeting = minutes.meeting
    partnership = meeting.partnership
    return _tell_members(
        partnership,
        kind="minutes_circulated",
        about=f"minutes:{minutes.pk}",
        occasion=minutes.circulated_at.isoformat(),
        subject=f"Minutes: {partnership.name}, {meeting.title}, {meeting.date:%-d %B %Y}",
        paragraphs=(
            f"The minutes of the {partnership.name} {meeting.title.lower()} held on {_long(meeting.date)}, "
            "approved by the chair, are ready to read.",
            "They will be put to the next meeting to be confirmed as a true record. If you think anything in "
            f"them is wrong, please tell the secretariat before then: {partnership.secretariat_email}",
        ),
        link=reverse("minutes:minutes", kwargs={"slug": partnership.slug, "pk": meeting.pk}),
        link_text="Read the minutes",
    )


def email_members_written_proposal(proposal: WrittenProposal) -> int:
    partnership = proposal.partnership
    return _tell_members(
        partnership,
        kind="written_proposal",
        about=f"proposal:{proposal.pk}",
        occasion="opened",
        subject=f"Decision in writing: {partnership.name}, {proposal.title}",
        paragraphs=(
            f"The chair of the {partnership.name} asks the members to decide in writing, as it cannot wait for "
            "the next meeting:",
            proposal.title,
            proposal.proposal,
            f"Why it cannot wait: {proposal.why_now}",
            f"Please respond by {_long(proposal.respond_by)}, declaring any interest first.",
        ),
        link=reverse("writing:respond", kwargs={"slug": partnership.slug, "pk": proposal.pk}),
        link_text="Respond to the proposal",
    )
