"""Offering a paper for a meeting, and the secretariat's answer, in the browser's forms."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import PaperSubmission, SubmissionStatus
from tests.helpers import signed_in
from tests.meetings.papers_support import EXE_BYTES, pdf_bytes, stored_files, upload


def submit_url(meeting):
    return reverse("meetings:paper-submit", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk})


def decide_url(submission, name):
    meeting = submission.meeting
    return reverse(
        f"meetings:submission-{name}",
        kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, "submission_pk": submission.pk},
    )


OFFER = {"title": "Night-time economy", "purpose": "decision", "summary": "Proposals for the winter."}


def test_a_member_offers_a_paper_with_its_document(client, member, meeting, media):
    signed_in(client, member)
    response = client.post(submit_url(meeting), {**OFFER, "upload": upload("winter.pdf", pdf_bytes("Winter"))})
    assert response.status_code == 302
    submission = PaperSubmission.objects.get()
    assert (submission.submitted_by, submission.original_name) == (member, "winter.pdf")
    page = client.get(meeting.get_absolute_url()).text
    assert "Papers you have offered" in page
    assert "Waiting for the secretariat" in page


def test_a_file_that_is_not_a_paper_is_refused_with_nothing_stored(client, member, meeting, media):
    signed_in(client, member)
    response = client.post(submit_url(meeting), {**OFFER, "upload": upload("winter.docx", EXE_BYTES)})
    assert response.status_code == 400
    assert "must be a PDF, DOCX, XLSX or ODT" in response.text
    assert not PaperSubmission.objects.exists()
    assert stored_files(media) == []


def test_an_offer_without_a_summary_saves_nothing(client, member, meeting):
    signed_in(client, member)
    response = client.post(submit_url(meeting), {"title": "Night-time economy", "purpose": "decision"})
    assert response.status_code == 400
    assert "Say in a few lines what the paper is about" in response.text
    assert not PaperSubmission.objects.exists()


def test_an_outsider_cannot_offer_a_paper(client, outsider, meeting):
    signed_in(client, outsider)
    assert client.get(submit_url(meeting)).status_code == 404


@pytest.fixture
def offered(meeting, member):
    return services.submit_paper(meeting=meeting, by=member, **OFFER)


def test_the_secretariat_puts_an_offered_paper_on_the_agenda(client, secretariat, offered):
    signed_in(client, secretariat)
    assert "Papers offered for this meeting" in client.get(offered.meeting.get_absolute_url()).text
    response = client.post(decide_url(offered, "accept"), follow=True)
    assert "“Night-time economy” is on the agenda." in response.text
    offered.refresh_from_db()
    assert offered.status == SubmissionStatus.ACCEPTED


def test_returning_without_a_reason_is_refused(client, secretariat, offered):
    signed_in(client, secretariat)
    response = client.post(decide_url(offered, "return"), {"reason": ""})
    assert response.status_code == 400
    assert "Say why the paper is returned" in response.text
    offered.refresh_from_db()
    assert offered.status == SubmissionStatus.SUBMITTED


def test_the_author_sees_why_their_paper_was_returned(client, secretariat, member, offered):
    signed_in(client, secretariat)
    client.post(decide_url(offered, "return"), {"reason": "Take it to the licensing sub-group."})
    client.logout()
    signed_in(client, member)
    page = client.get(offered.meeting.get_absolute_url()).text
    assert "Returned" in page
    assert "Take it to the licensing sub-group." in page


@pytest.mark.parametrize("who", ["member", "chair"])
def test_only_the_secretariat_decides(client, request, offered, who):
    signed_in(client, request.getfixturevalue(who))
    assert client.post(decide_url(offered, "accept")).status_code == 403
    assert client.post(decide_url(offered, "return"), {"reason": "No"}).status_code == 403
    offered.refresh_from_db()
    assert offered.status == SubmissionStatus.SUBMITTED
