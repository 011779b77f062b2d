"""Downloading an open paper's file from the public site: only a published public meeting's,
only an open item's, only under its own partnership; anything else is not found."""

import pytest

from meetings.models import Meeting
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import meeting_with_papers, public_url


def download(client, meeting, paper_file, slug=None):
    url = public_url(meeting, "paper-file", file_pk=paper_file.pk)
    if slug:
        url = url.replace(f"/p/{meeting.partnership.slug}/", f"/p/{slug}/")
    return client.get(url)


def test_the_public_downloads_an_open_papers_file(client, published):
    meeting, open_file, _ = published
    response = download(client, meeting, open_file)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="agreement.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_confidential_items_file_is_not_found(client, published):
    meeting, _, secret_file = published
    assert download(client, meeting, secret_file).status_code == 404


def test_an_unpublished_meetings_file_is_not_found(client, warwickshire, chair, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting, open_file, _ = meeting_with_papers(warwickshire, chair=chair, secretariat=secretariat, circulate=False)
    assert download(client, meeting, open_file).status_code == 404


def test_a_private_meetings_file_is_not_found(client, warwickshire, chair, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting, open_file, _ = meeting_with_papers(warwickshire, chair=chair, secretariat=secretariat, is_public=False)
    assert download(client, meeting, open_file).status_code == 404


def test_a_file_under_another_partnerships_slug_is_not_found(client, published, other_partnership):
    meeting, open_file, _ = published
    assert download(client, meeting, open_file, slug=other_partnership.slug).status_code == 404


def test_a_file_of_another_meeting_is_not_found_under_this_one(client, published, warwickshire):
    meeting, open_file, _ = published
    other = Meeting.objects.create(
        partnership=warwickshire,
        title="Other",
        date=meeting.date,
        start_time=meeting.start_time,
        is_public=True,
        agenda_circulated_at=meeting.agenda_circulated_at,
    )
    assert download(client, other, open_file).status_code == 404


@pytest.mark.parametrize("method", ["post", "delete"])
def test_only_reading_is_allowed(client, published, method):
    meeting, open_file, _ = published
    url = public_url(meeting, "paper-file", file_pk=open_file.pk)
    assert getattr(client, method)(url).status_code == 405
