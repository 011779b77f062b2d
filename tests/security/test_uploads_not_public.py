"""Uploaded papers are reached only through the views that ask who is asking: the file's stored
name is no address. Nothing routes MEDIA_URL, the store lies outside what is served as static,
and the download answers members of the partnership only."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import Resolver404, resolve, reverse

from meetings import services
from tests.helpers import signed_in
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, upload

SLUG = "warwickshire-scp"


@pytest.fixture
def paper_file(warwickshire, secretariat, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    meeting = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )
    item = services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")
    paper = services.add_paper(agenda_item=item, **COVER_SHEET)
    return services.attach_file(paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat)


def download_url(paper_file):
    return reverse("papers:file-download", kwargs={"slug": SLUG, "pk": paper_file.pk})


def guessed_addresses(stored_name: str) -> list[str]:
    media_url = django_settings.MEDIA_URL or "/"
    return sorted(
        {
            f"/media/{stored_name}",
            f"/{stored_name}",
            f"{media_url.rstrip('/')}/{stored_name}",
            f"/static/{stored_name}",
            f"/uploads/{stored_name}",
        }
    )


def test_the_file_is_really_stored_under_its_name(paper_file, settings):
    stored = Path(settings.MEDIA_ROOT) / paper_file.file.name
    assert stored.is_file()
    assert stored.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("who", ["anonymous", "secretariat", "member"])
def test_the_stored_name_is_no_address(client, paper_file, request, who):
    if who != "anonymous":
        signed_in(client, request.getfixturevalue(who))
    for address in guessed_addresses(paper_file.file.name):
        response = client.get(address)
        assert response.status_code == 404, address
        assert b"%PDF-" not in response.content


def test_nothing_routes_the_media_folder():
    for address in ("/media/", "/media/papers/standards.pdf", f"{django_settings.MEDIA_URL or '/'}papers/x.pdf"):
        with pytest.raises(Resolver404):
            resolve(address)


def test_the_store_lies_outside_everything_served_as_static():
    media_root = Path(django_settings.MEDIA_ROOT).resolve()
    static_folders = [Path(django_settings.STATIC_ROOT), *map(Path, django_settings.STATICFILES_DIRS)]
    for folder in static_folders:
        folder = folder.resolve()
        assert folder != media_root
        assert folder not in media_root.parents, f"uploads under {folder}"
        assert media_root not in folder.parents


def test_the_download_answers_a_member(client, member, paper_file):
    response = signed_in(client, member).get(download_url(paper_file))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_download_tells_another_partnership_nothing(client, outsider, paper_file):
    assert signed_in(client, outsider).get(download_url(paper_file)).status_code == 404


def test_the_download_sends_an_anonymous_visitor_to_sign_in(client, paper_file):
    response = client.get(download_url(paper_file))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
