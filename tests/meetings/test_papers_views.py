"""The paper pages: the secretariat adds, changes and removes papers and uploads their files;
members read them and download the files; outsiders learn nothing (404), anonymous visitors
are sent to sign in. Then the agenda pack's page."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import MeetingStatus, PackVariant, Paper, PaperFile
from meetings.pack import packs
from meetings.tasks import build_agenda_pack
from tests.helpers import signed_in
from tests.meetings.papers_support import COVER_SHEET, EXE_BYTES, docx_bytes, pdf_bytes, stored_files, upload

TUESDAY = datetime.date(2027, 6, 15)
NOW = timezone.make_aware(datetime.datetime(2027, 6, 1, 10))
SLUG = "warwickshire-scp"


@pytest.fixture
def meeting(warwickshire, media):
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=TUESDAY, start_time=datetime.time(14)
    )


@pytest.fixture
def item(meeting):
    return services.add_agenda_item(
        meeting=meeting, title="Partnership standards", purpose="decision", presenter="Community Safety Manager"
    )


@pytest.fixture
def paper(item):
    return services.add_paper(agenda_item=item, **COVER_SHEET)


@pytest.fixture
def paper_file(paper, secretariat):
    return services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)


def add_url(item):
    return reverse("papers:paper-add", kwargs={"slug": SLUG, "meeting_pk": item.meeting_id, "item_pk": item.pk})


def paper_url(paper, name="paper"):
    return reverse(f"papers:{name}", kwargs={"slug": SLUG, "pk": paper.pk})


def download_url(paper_file):
    return reverse("papers:file-download", kwargs={"slug": SLUG, "pk": paper_file.pk})


def pack_url(meeting):
    return reverse("papers:pack", kwargs={"slug": SLUG, "pk": meeting.pk})


def login_redirect(response, url):
    return response.status_code == 302 and response["Location"].startswith(f"{reverse('login')}?next=")


# Adding a paper.


def test_the_secretariat_adds_a_paper_with_its_cover_sheet(client, secretariat, item):
    signed_in(client, secretariat)
    page = client.get(add_url(item))
    assert page.status_code == 200
    assert "Add a paper to item 5: Partnership standards" in page.content.decode()
    assert 'name="late_reason"' not in page.content.decode()

    response = client.post(add_url(item), COVER_SHEET)

    paper = Paper.objects.get()
    assert response.status_code == 302
    assert response["Location"] == paper_url(paper)
    assert paper.agenda_item == item
    assert paper.summary == COVER_SHEET["summary"]
    assert not paper.is_late


def test_a_paper_without_a_title_is_refused(client, secretariat, item):
    signed_in(client, secretariat)
    response = client.post(add_url(item), {**COVER_SHEET, "title": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert "Enter the title of the paper" in content
    assert not Paper.objects.exists()


def test_a_late_paper_is_asked_why(client, secretariat, chair, item, meeting):
    services.agree_agenda(meeting=meeting, by=chair)
    services.circulate_agenda(meeting=meeting, by=secretariat, now=NOW)
    signed_in(client, secretariat)
    assert 'name="late_reason"' in client.get(add_url(item)).content.decode()

    refused = client.post(add_url(item), COVER_SHEET)
    assert refused.status_code == 400
    assert "Say why the paper is late" in refused.content.decode()
    assert not Paper.objects.exists()

    client.post(add_url(item), {**COVER_SHEET, "late_reason": "Figures came in on Friday."})
    assert Paper.objects.get().late_reason == "Figures came in on Friday."


def test_no_paper_for_a_meeting_that_has_been_held(client, secretariat, item, meeting):
    meeting.status = MeetingStatus.HELD
    meeting.save()
    signed_in(client, secretariat)
    response = client.post(add_url(item), COVER_SHEET)
    assert response.status_code == 400
    assert "The meeting has been held, so its agenda is part of the record" in response.content.decode()
    assert not Paper.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("member", 403), ("chair", 403), ("outsider", 404)])
def test_only_the_secretariat_adds_papers(client, request, item, who, status):
    signed_in(client, request.getfixturevalue(who))
    assert client.get(add_url(item)).status_code == status
    assert client.post(add_url(item), COVER_SHEET).status_code == status
    assert not Paper.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in_to_add_a_paper(client, item):
    assert login_redirect(client.get(add_url(item)), add_url(item))


# Reading a paper.


def test_a_member_reads_the_cover_sheet_and_its_files(client, member, paper, paper_file):
    signed_in(client, member)
    response = client.get(paper_url(paper))
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-summary-list" in content
    for label, value in [("Prepared by", "Jamie O&#x27;Reilly"), ("Recommendations", COVER_SHEET["recommendations"])]:
        assert label in content
        assert value in content
    assert "For decision" in content
    assert download_url(paper_file) in content
    assert "Download standards.pdf" in content
    assert "Change the cover sheet" not in content
    assert "Upload a file" not in content


def test_the_secretariat_sees_what_it_can_change(client, secretariat, paper):
    signed_in(client, secretariat)
    content = client.get(paper_url(paper)).content.decode()
    assert paper_url(paper, "paper-edit") in content
    assert paper_url(paper, "file-add") in content


def test_outsiders_do_not_learn_a_paper_exists(client, outsider, paper):
    signed_in(client, outsider)
    assert client.get(paper_url(paper)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_to_read_a_paper(client, paper):
    assert login_redirect(client.get(paper_url(paper)), paper_url(paper))


def test_the_paper_page_runs_a_fixed_number_of_queries(
    client, member, paper, secretariat, django_assert_max_num_queries
):
    for number in range(20):
        services.attach_file(paper=paper, upload=upload(f"annex {number}.docx", docx_bytes()), by=secretariat)
    signed_in(client, member)
    with django_assert_max_num_queries(7):
        response = client.get(paper_url(paper))
    assert response.content.decode().count("Download annex") == 20


# Changing and removing a paper.


def test_the_secretariat_changes_the_cover_sheet(client, secretariat, paper):
    signed_in(client, secretariat)
    page = client.get(paper_url(paper, "paper-edit"))
    assert COVER_SHEET["summary"] in page.content.decode()
    response = client.post(paper_url(paper, "paper-edit"), {**COVER_SHEET, "recommendations": "Note the report."})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.recommendations == "Note the report."


def test_a_member_cannot_change_a_paper(client, member, paper):
    signed_in(client, member)
    assert client.post(paper_url(paper, "paper-edit"), COVER_SHEET).status_code == 403


def test_the_secretariat_removes_a_paper(client, secretariat, paper, paper_file, media):
    signed_in(client, secretariat)
    assert client.get(paper_url(paper, "paper-remove")).status_code == 200
    response = client.post(paper_url(paper, "paper-remove"))
    assert response.status_code == 302
    assert response["Location"] == paper.agenda_item.meeting.get_absolute_url()
    assert not Paper.objects.exists()


# Uploading files.


def test_the_secretariat_uploads_a_pdf(client, secretariat, paper, media):
    signed_in(client, secretariat)
    page = client.get(paper_url(paper, "file-add")).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "govuk-file-upload" in page
    response = client.post(paper_url(paper, "file-add"), {"file": upload("standards.pdf", pdf_bytes("Standards"))})
    assert response.status_code == 302
    assert response["Location"] == paper_url(paper)
    kept = PaperFile.objects.get()
    assert (kept.original_name, kept.content_type) == ("standards.pdf", "application/pdf")
    assert len(stored_files(media)) == 1


@pytest.mark.parametrize(("name", "data"), [("fake.pdf", b"plain words"), ("setup.docx", EXE_BYTES)])
def test_a_file_that_is_no_document_is_refused_on_the_page(client, secretariat, paper, media, name, data):
    signed_in(client, secretariat)
    response = client.post(paper_url(paper, "file-add"), {"file": upload(name, data)})
    assert response.status_code == 400
    content = response.content.decode()
    assert "There is a problem" in content
    assert f"The selected file “{name}” must be a PDF, DOCX, XLSX or ODT" in content
    assert 'href="#id_file"' in content  # the summary points at the field
    assert not PaperFile.objects.exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_on_the_page(client, secretariat, paper, media, settings):
    settings.PAPER_MAX_UPLOAD_BYTES = 1024
    signed_in(client, secretariat)
    response = client.post(paper_url(paper, "file-add"), {"file": upload("big.pdf", pdf_bytes("Big"))})
    assert response.status_code == 400
    assert "it must be 1 KB or smaller." in response.content.decode()
    assert stored_files(media) == []


def test_no_file_chosen(client, secretariat, paper):
    signed_in(client, secretariat)
    response = client.post(paper_url(paper, "file-add"), {})
    assert response.status_code == 400
    assert "Select a file" in response.content.decode()


def test_a_member_cannot_upload(client, member, paper, media):
    signed_in(client, member)
    response = client.post(paper_url(paper, "file-add"), {"file": upload("standards.pdf", pdf_bytes("x"))})
    assert response.status_code == 403
    assert stored_files(media) == []


def test_the_secretariat_removes_a_file(client, secretariat, paper_file, media):
    signed_in(client, secretariat)
    url = reverse("papers:file-remove", kwargs={"slug": SLUG, "pk": paper_file.pk})
    assert client.post(url).status_code == 302
    assert not PaperFile.objects.exists()


# Downloading.


def test_a_member_downloads_a_file_as_an_attachment(client, member, paper_file):
    signed_in(client, member)
    response = client.get(download_url(paper_file))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="standards.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_download_has_the_type_its_content_showed(client, secretariat, paper):
    kept = services.attach_file(paper=paper, upload=upload("plan.pdf", docx_bytes()), by=secretariat)
    signed_in(client, secretariat)
    response = client.get(download_url(kept))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="plan.docx"'


def test_outsiders_cannot_download(client, outsider, paper_file):
    signed_in(client, outsider)
    assert client.get(download_url(paper_file)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_to_download(client, paper_file):
    assert login_redirect(client.get(download_url(paper_file)), download_url(paper_file))


# The agenda pack.


def test_the_pack_is_made_then_served(
    client, member, paper, paper_file, monkeypatch, django_capture_on_commit_callbacks
):
    queued = []
    monkeypatch.setattr(packs.build_agenda_pack, "delay", lambda *args: queued.append(args))
    signed_in(client, member)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(pack_url(paper.agenda_item.meeting))
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "5"
    assert "The agenda pack is being made" in waiting.content.decode()
    assert queued == [(paper.agenda_item.meeting_id, PackVariant.MEMBERS)]

    with django_capture_on_commit_callbacks(execute=True):
        asked_by_a_program = client.get(pack_url(paper.agenda_item.meeting), HTTP_ACCEPT="application/pdf")
    assert asked_by_a_program.status_code == 202
    assert json.loads(asked_by_a_program.content)["status"] == "queued"
    assert len(queued) == 1

    build_agenda_pack(*queued[0])
    response = client.get(pack_url(paper.agenda_item.meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_outsiders_get_no_pack(client, outsider, meeting):
    signed_in(client, outsider)
    assert client.get(pack_url(meeting)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in_for_the_pack(client, meeting):
    assert login_redirect(client.get(pack_url(meeting)), pack_url(meeting))
