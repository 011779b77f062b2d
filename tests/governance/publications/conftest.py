"""What the publications tests share: a public meeting in January 2027 whose agenda has gone out,
with an open item about serious violence (its paper has a PDF), and a confidential item; and a
way to give a meeting published minutes without holding it (the snapshot confirmation makes)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingStatus, Minutes, MinutesStatus
from tests.meetings.papers_support import pdf_bytes

MEETING_DAY = datetime.date(2027, 1, 19)
OPEN_TITLE = "Serious violence duty: the strategy for 2027"
OPEN_DESCRIPTION = "How the partners will meet the duty across the county."
SECRET_TITLE = "Domestic homicide review: the Oak Road family"
SECRET_DESCRIPTION = "The panel's findings about the Oak Road family."
PAPER_TITLE = "Serious violence strategy"
PDF_WORDS = "Knife crime in Nuneaton fell by a fifth"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def schedule(partnership, *, title="Board meeting in public", day=MEETING_DAY, is_public=True) -> Meeting:
    return services.schedule_meeting(
        partnership=partnership, title=title, date=day, start_time=datetime.time(14), is_public=is_public
    )


@pytest.fixture
def meeting(warwickshire):
    return schedule(warwickshire)


@pytest.fixture
def open_item(meeting):
    return services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, description=OPEN_DESCRIPTION, purpose="decision")


@pytest.fixture
def secret_item(meeting):
    item = services.add_agenda_item(
        meeting=meeting,
        title=SECRET_TITLE,
        description=SECRET_DESCRIPTION,
        purpose="discussion",
        is_confidential=True,
        confidential_reason="personal",
    )
    services.add_paper(agenda_item=item, title="Oak Road review panel report", summary="The Oak Road findings.")
    return item


@pytest.fixture
def paper(open_item, media, secretariat):
    paper = services.add_paper(
        agenda_item=open_item,
        title=PAPER_TITLE,
        summary="The partners' strategy under the serious violence duty.",
        recommendations="That the board adopts the strategy.",
    )
    upload = SimpleUploadedFile("strategy.pdf", pdf_bytes(PDF_WORDS), content_type="application/pdf")
    services.attach_file(paper=paper, upload=upload, by=secretariat)
    return paper


@pytest.fixture
def published(meeting, open_item, secret_item, paper, chair, secretariat):
    """The meeting's agenda agreed and sent out: it is published."""
    services.agree_agenda(meeting=meeting, by=chair)
    return services.circulate_agenda(meeting=meeting, by=secretariat)


def give_published_minutes(
    meeting: Meeting, *, decisions=None, discussion="The board discussed hotspots in Bedworth."
) -> Minutes:
    """Minutes confirmed and published, as confirm_minutes leaves them (its summary's shape)."""
    decisions = (
        decisions
        if decisions is not None
        else [
            {
                "number": 12,
                "text": "Adopt the serious violence strategy",
                "method": "consensus",
                "outcome": "carried",
                "votes_for": None,
                "votes_against": None,
                "abstentions": None,
            }
        ]
    )
    summary = {
        "confirmed_on": "2027-02-16",
        "items": [{"position": 4, "title": OPEN_TITLE, "discussion": discussion, "decisions": decisions}],
    }
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.CLOSED)
    later = schedule(meeting.partnership, title="Next board meeting", day=meeting.date + datetime.timedelta(days=28))
    at = timezone.now()
    minutes, _ = Minutes.objects.update_or_create(
        meeting=meeting,
        defaults={
            "status": MinutesStatus.CONFIRMED,
            "approved_at": at,
            "circulated_at": at,
            "confirmed_at": at,
            "confirmed_at_meeting": later,
            "public_summary": summary,
            "public_html": "<p>Minutes</p>",
        },
    )
    return minutes
