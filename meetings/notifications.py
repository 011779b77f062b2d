"""Emails about meetings, in plain text and HTML, each with a link to the page it is about."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from partnership.models import Member, Partnership

from .models import Meeting, Minutes, WrittenProposal


def email_members(partnership: Partnership, *, subject: str, template: str, context: dict) -> int:
    """One email to each active member of the partnership that has an address, rendered from
    `template`.txt and `template`.html."""
    members = Member.objects.filter(partnership=partnership, active=True).select_related("person")
    messages = []
    for member in members:
        if not member.person.email:
            continue
        body = {"member": member, **context}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string(f"{template}.txt", body),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[member.person.email],
            reply_to=[partnership.secretariat_email],
        )
        message.attach_alternative(render_to_string(f"{template}.html", body), "text/html")
        messages.append(message)
    return get_connection().send_messages(messages) or 0


def email_members_agenda(meeting: Meeting) -> int:
    return email_members(
        meeting.partnership,
        subject=f"Agenda: {meeting.partnership.name}, {meeting.title}, {meeting.date:%-d %B %Y}",
        template="meetings/email/agenda_circulated",
        context={"meeting": meeting, "link": f"{settings.SITE_URL}{meeting.get_absolute_url()}"},
    )


def email_members_minutes(minutes: Minutes) -> int:
    meeting = minutes.meeting
    link = reverse("minutes:minutes", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})
    return email_members(
        meeting.partnership,
        subject=f"Minutes: {meeting.partnership.name}, {meeting.title}, {meeting.date:%-d %B %Y}",
        template="meetings/email/minutes_circulated",
        context={"meeting": meeting, "minutes": minutes, "link": f"{settings.SITE_URL}{link}"},
    )


def email_members_written_proposal(proposal: WrittenProposal) -> int:
    partnership = proposal.partnership
    link = reverse("writing:respond", kwargs={"slug": partnership.slug, "pk": proposal.pk})
    return email_members(
        partnership,
        subject=f"Decision in writing: {partnership.name}, {proposal.title}",
        template="meetings/email/written_proposal",
        context={"proposal": proposal, "link": f"{settings.SITE_URL}{link}"},
    )
