"""Every kind of answer the site gives carries its security headers: the Content-Security-Policy
(scripts, styles and everything else from this site only, nothing inline), no MIME sniffing, no
framing, the referrer kept to this site, the window kept from other sites' openers, and the
camera, microphone, location and payments turned off."""

import datetime

import pytest
from django.urls import reverse

from meetings import services
from tests.helpers import client_for, signed_in
from tests.meetings.papers_support import COVER_SHEET, pdf_bytes, upload

SLUG = "warwickshire-scp"


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


def assert_security_headers(response, *, framed_by_django=True):
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert not any(value.startswith("'unsafe-") for values in policy.values() for value in values)
    assert response["X-Content-Type-Options"] == "nosniff"
    if framed_by_django:
        assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    allowed = {feature.strip() for feature in response["Permissions-Policy"].split(",")}
    assert {"camera=()", "microphone=()", "geolocation=()", "payment=()"} <= allowed


@pytest.fixture
def meeting(warwickshire, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=datetime.date(2027, 6, 15), start_time=datetime.time(14)
    )


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/", 200),
        (f"/p/{SLUG}/", 200),
        (f"/p/{SLUG}/meetings/", 200),
        ("/accessibility/", 200),
        ("/accounts/login/", 200),
        ("/admin/login/", 302),  # staff sign in through the site's own page
        (f"/partnerships/{SLUG}/", 302),  # sent to sign in
        ("/p/no-such-partnership/", 404),
        ("/api/v1/partnerships/", 401),
    ],
)
def test_what_the_public_is_answered_carries_the_headers(client, warwickshire, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_security_headers(response)


def test_a_members_pages_carry_the_headers(client, member, warwickshire):
    signed_in(client, member)
    for path in (f"/partnerships/{SLUG}/", f"/partnerships/{SLUG}/meetings/", reverse("governance:home")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)


def test_a_refusal_carries_the_headers(client, member, warwickshire):
    response = signed_in(client, member).get(reverse("meetings:meeting-add", kwargs={"slug": SLUG}))
    assert response.status_code == 403
    assert_security_headers(response)


def test_a_form_and_its_errors_carry_the_headers(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    url = reverse("meetings:meeting-add", kwargs={"slug": SLUG})
    assert_security_headers(client.get(url))
    refused = client.post(url, {"title": ""})
    assert refused.status_code in {200, 400}
    assert_security_headers(refused)


def test_the_api_and_its_schema_carry_the_headers(secretariat, warwickshire):
    api = client_for(secretariat)
    for path in ("/api/v1/partnerships/", "/api/v1/schema/"):
        response = api.get(path)
        assert response.status_code == 200, path
        assert_security_headers(response)


def test_a_downloaded_paper_carries_the_headers(client, member, secretariat, meeting):
    item = services.add_agenda_item(meeting=meeting, title="Partnership standards", purpose="decision")
    paper = services.add_paper(agenda_item=item, **COVER_SHEET)
    paper_file = services.attach_file(
        paper=paper, upload=upload("standards.pdf", pdf_bytes("Standards")), by=secretariat
    )
    response = signed_in(client, secretariat).get(
        reverse("papers:file-download", kwargs={"slug": SLUG, "pk": paper_file.pk})
    )
    assert response.status_code == 200
    assert_security_headers(response)


def test_a_static_file_carries_the_headers(client, settings):
    settings.WHITENOISE_USE_FINDERS = True  # as in development; production serves the collected files
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    # WhiteNoise answers before Django's clickjacking middleware: a stylesheet cannot be framed
    # anyway, and the policy's frame-ancestors 'none' says the same for every answer.
    assert_security_headers(response, framed_by_django=False)
