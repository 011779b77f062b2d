"""Emails about meetings, in plain text and HTML, each with a link to the page it is about."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string

from partnership.models import Member

from .models import Meeting


def email_members_agenda(meeting: Meeting) -> int:
    """One email to each active member of the meeting's partnership that has an address."""
    members = Member.objects.filter(partnership=meeting.partnership, active=True).select_related("person")
    context = {"meeting": meeting, "link": f"{settings.SITE_URL}{meeting.get_absolute_url()}"}
    subject = f"Agenda: {meeting.partnership.name}, {meeting.title}, {meeting.date:%-d %B %Y}"
    messages = []
    for member in members:
        if not member.person.email:
            continue
        body = {"member": member, **context}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("meetings/email/agenda_circulated.txt", body),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[member.person.email],
            reply_to=[meeting.partnership.secretariat_email],
        )
        message.attach_alternative(render_to_string("meetings/email/agenda_circulated.html", body), "text/html")
        messages.append(message)
    return get_connection().send_messages(messages) or 0
