"""What the public site's meeting tests share (no tests here): a published public meeting with
an open item carrying a paper and its PDF, and a confidential item carrying a restricted paper;
and published minutes made the quick way, for volume."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingStatus, Minutes, MinutesStatus
from tests.factories import MeetingFactory
from tests.meetings.papers_support import pdf_bytes

FUTURE = datetime.date(2027, 6, 15)
OPEN_TITLE = "Community safety agreement"
PAPER_TITLE = "Community safety agreement 2027 to 2030"
SECRET_TITLE = "Case review: family at Oak Road"
SECRET_PAPER = "Oak Road case file"


def public_url(meeting: Meeting, name: str = "meeting", **extra) -> str:
    return reverse(f"public_meetings:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **extra})


def partnership_url(partnership, name: str) -> str:
    return reverse(f"public_meetings:{name}", kwargs={"slug": partnership.slug})


def attach_pdf(paper, name: str, by):
    upload = SimpleUploadedFile(name, pdf_bytes(paper.title), content_type="application/pdf")
    return services.attach_file(paper=paper, upload=upload, by=by)


def meeting_with_papers(
    partnership, *, chair, secretariat, is_public=True, circulate=True, title="Annual public meeting"
):
    """A meeting with an open item and its paper and PDF, and a confidential item with a paper
    and a PDF too; agreed, and circulated unless told not to."""
    meeting = services.schedule_meeting(
        partnership=partnership,
        title=title,
        date=FUTURE,
        start_time=datetime.time(18),
        is_public=is_public,
        place="Shire Hall, Warwick",
    )
    open_item = services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    paper = services.add_paper(
        agenda_item=open_item,
        title=PAPER_TITLE,
        summary="The agreement sets the partnership's priorities.",
        recommendations="The board adopts the agreement.",
    )
    open_file = attach_pdf(paper, "agreement.pdf", secretariat)
    secret_item = services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, is_confidential=True, confidential_reason="personal"
    )
    secret_paper = services.add_paper(agenda_item=secret_item, title=SECRET_PAPER, summary="Named people.")
    secret_file = attach_pdf(secret_paper, "oak-road.pdf", secretariat)
    services.agree_agenda(meeting=meeting, by=chair)
    if circulate:
        services.circulate_agenda(
            meeting=meeting, by=secretariat, now=timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
        )
    return Meeting.objects.get(pk=meeting.pk), open_file, secret_file


@pytest.fixture
def published(warwickshire, chair, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return meeting_with_papers(warwickshire, chair=chair, secretariat=secretariat)


def decision_json(number: int, text: str, *, method="consensus", outcome="agreed", votes=(0, 0, 0)) -> dict:
    return {
        "number": number,
        "text": text,
        "method": method,
        "outcome": outcome,
        "votes_for": votes[0],
        "votes_against": votes[1],
        "abstentions": votes[2],
    }


def snapshot(meeting: Meeting, items: list[dict], *, status=MinutesStatus.CONFIRMED, is_public=True) -> Minutes:
    """Minutes of a held meeting as confirmation leaves them (the copy made then, given here),
    without going through the record: for many meetings at once."""
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED, is_public=is_public)
    at = timezone.make_aware(datetime.datetime.combine(meeting.date, datetime.time(17)))
    confirmed = status == MinutesStatus.CONFIRMED
    return Minutes.objects.create(
        meeting=meeting,
        status=status,
        approved_at=at,
        circulated_at=at,
        confirmed_at=at if confirmed else None,
        confirmed_at_meeting=MeetingFactory(partnership=meeting.partnership) if confirmed else None,
        public_summary={"confirmed_on": meeting.date.isoformat(), "items": items} if confirmed else None,
        public_html="<p>Minutes.</p>" if confirmed else "",
    )
