"""meetings/{id}/pack/: the members' agenda pack as application/pdf, or 202 with Retry-After and
its progress while it is being made; 401 without credentials, 404 outside the partnership."""

import datetime
import io

import pytest
from pypdf import PdfReader
from rest_framework.authtoken.models import Token

from meetings import services
from meetings.models import AgendaPack, PackVariant
from tests.helpers import client_for
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, upload

SECRET_TITLE = "Case review: family at Oak Road"


def pack_url(meeting):
    return f"/api/v1/meetings/{meeting.pk}/pack/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def meeting(warwickshire, secretariat):
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )
    item = services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")
    paper = services.add_paper(agenda_item=item, **COVER_SHEET)
    services.attach_file(paper=paper, upload=upload("appendix.pdf", pdf_bytes("Six hallmarks")), by=secretariat)
    services.add_agenda_item(meeting=meeting, title=SECRET_TITLE, is_confidential=True, confidential_reason="personal")
    return meeting


def test_anonymous_visitor_is_asked_to_authenticate(meeting):
    response = client_for().get(pack_url(meeting))
    assert response.status_code == 401
    assert not AgendaPack.objects.exists()


def test_outsiders_get_404(meeting, outsider):
    response = client_for(outsider).get(pack_url(meeting))
    assert response.status_code == 404
    assert not AgendaPack.objects.exists()


def test_member_gets_202_while_it_is_made_then_the_pdf(meeting, member, django_capture_on_commit_callbacks):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pack_url(meeting))
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "5"
    assert waiting["Content-Type"] == "application/json"
    assert waiting.json() == {"status": "queued", "progress": 0, "detail": "The pack is being made."}

    response = client.get(pack_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    # The members' pack: confidential items included.
    assert SECRET_TITLE in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    pack = AgendaPack.objects.get(meeting=meeting)
    assert pack.variant == PackVariant.MEMBERS
    assert 'filename="agenda-pack-2027-06-15.pdf"' in response["Content-Disposition"]


def test_a_program_asking_for_pdf_with_a_token_gets_it(meeting, secretariat, django_capture_on_commit_callbacks):
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat).key}")
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pack_url(meeting), HTTP_ACCEPT="application/pdf")
    # Progress and errors stay JSON even when the PDF is asked for.
    assert waiting.status_code == 202
    assert waiting["Content-Type"] == "application/json"
    assert waiting.json()["status"] == "queued"
    response = client.get(pack_url(meeting), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_errors_stay_json_when_the_pdf_is_asked_for(meeting, outsider):
    response = client_for(outsider).get(pack_url(meeting), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


def test_a_lost_file_is_made_again(meeting, member, django_capture_on_commit_callbacks):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(pack_url(meeting))
    pack = AgendaPack.objects.get(meeting=meeting)
    pack.file.storage.delete(pack.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(pack_url(meeting)).status_code == 202
    assert client.get(pack_url(meeting)).status_code == 200
