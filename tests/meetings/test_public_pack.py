"""The public agenda pack at /p/<slug>/meetings/<pk>/pack/: for a published public meeting only,
without confidential items or their papers, made in the background (202 while it is made)."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from meetings import services
from meetings.models import AgendaPack, Meeting, PackVariant
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, upload

TUESDAY = datetime.date(2027, 6, 15)
OPEN_TITLE = "Partnership standards"
OPEN_TEXT = "Six hallmarks of effective practice"
SECRET_TITLE = "Case review: family at Oak Road"
SECRET_PAPER = "Oak Road chronology"
SECRET_TEXT = "Chronology of agency contact with the family"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


def pack_url(meeting):
    return reverse("public_meetings:pack", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def meeting_url(meeting):
    return reverse("public_meetings:meeting", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def schedule(partnership, secretariat, *, is_public=True):
    meeting = services.schedule_meeting(
        partnership=partnership,
        title="Annual public meeting",
        date=TUESDAY,
        start_time=datetime.time(18),
        place="Shire Hall, Warwick",
        online_link="https://meet.example.org/members-only-join",
        is_public=is_public,
    )
    standards = services.add_agenda_item(meeting=meeting, title=OPEN_TITLE, purpose="decision")
    paper = services.add_paper(agenda_item=standards, **COVER_SHEET)
    services.attach_file(paper=paper, upload=upload("appendix.pdf", pdf_bytes(OPEN_TEXT)), by=secretariat)
    case = services.add_agenda_item(
        meeting=meeting, title=SECRET_TITLE, is_confidential=True, confidential_reason="personal"
    )
    secret = services.add_paper(agenda_item=case, **{**COVER_SHEET, "title": SECRET_PAPER})
    services.attach_file(paper=secret, upload=upload("chronology.pdf", pdf_bytes(SECRET_TEXT)), by=secretariat)
    return meeting


def circulate(meeting, chair, secretariat):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(
        meeting=meeting, by=secretariat, now=timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
    )
    return Meeting.objects.get(pk=meeting.pk)


@pytest.fixture
def published(warwickshire, chair, secretariat):
    return circulate(schedule(warwickshire, secretariat), chair, secretariat)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


def test_the_public_gets_the_pack_without_the_confidential_item(client, published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pack_url(published))
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "5"
    assert "The agenda pack is being made" in waiting.text
    assert "It is waiting to be made." in waiting.text
    assert f'href="{pack_url(published)}"' in waiting.text
    assert "Check again" in waiting.text
    assert "Oak Road" not in waiting.text

    response = client.get(pack_url(published))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = b"".join(response.streaming_content)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert OPEN_TITLE in text
    assert COVER_SHEET["recommendations"] in text
    assert OPEN_TEXT in text
    for secret in (SECRET_TITLE, "Oak Road", SECRET_PAPER, SECRET_TEXT, "chronology.pdf", "members-only-join"):
        assert secret not in text
    assert AgendaPack.objects.get().variant == PackVariant.PUBLIC


def test_the_published_meeting_page_links_to_the_pack(client, published):
    response = client.get(meeting_url(published))
    assert f'<a class="govuk-link" href="{pack_url(published)}">Agenda pack (PDF)</a>' in response.text


def test_a_private_meeting_has_no_public_pack(client, warwickshire, chair, secretariat):
    meeting = circulate(schedule(warwickshire, secretariat, is_public=False), chair, secretariat)
    assert client.get(pack_url(meeting)).status_code == 404
    assert not AgendaPack.objects.exists()


def test_an_unpublished_public_meeting_has_no_pack_yet(client, warwickshire, secretariat):
    meeting = schedule(warwickshire, secretariat)
    assert client.get(pack_url(meeting)).status_code == 404
    assert "Agenda pack (PDF)" not in client.get(meeting_url(meeting)).text
    assert not AgendaPack.objects.exists()


def test_a_meeting_is_found_only_under_its_own_partnership(client, published, other_partnership):
    url = reverse("public_meetings:pack", kwargs={"slug": other_partnership.slug, "pk": published.pk})
    assert client.get(url).status_code == 404
