"""The minutes as a PDF for those who may read them: a draft marked as such for the secretariat
and whoever chaired; approved minutes as approved; nothing for anyone else."""

import io

import pytest
from pypdf import PdfReader

from meetings import services
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import CORRECTION, OPEN_TITLE, SECRET_MINUTE, minutes_url


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_secretariat_downloads_the_draft_marked_as_a_draft(client, secretariat, started):
    response = signed_in(client, secretariat).get(minutes_url(started.meeting, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="minutes-2027-06-15.pdf"'
    assert response["Cache-Control"] == "private, no-cache"
    text = pdf_text(response)
    assert "Draft minutes: not yet approved" in text
    assert "Warwickshire Safer Communities Partnership" in text
    assert OPEN_TITLE in text


def test_members_download_circulated_minutes_as_approved(client, member, circulated):
    response = signed_in(client, member).get(minutes_url(circulated.meeting, "pdf"))
    assert response.status_code == 200
    text = pdf_text(response)
    assert "Approved by the chair (version 1)" in text
    assert "The board discussed the plan." in text
    assert SECRET_MINUTE in text  # the members' copy is whole


def test_a_member_downloads_the_circulated_version_while_the_minutes_are_corrected(client, member, being_corrected):
    response = signed_in(client, member).get(minutes_url(being_corrected.meeting, "pdf"))
    assert response.status_code == 200
    text = pdf_text(response)
    assert "These minutes are being corrected. This is version 1 as circulated to members on 15 June 2027" in text
    assert "a corrected version will follow" in text
    assert "The board discussed the plan." in text
    assert CORRECTION not in text
    assert "DRAFT" not in text


def test_the_secretariat_downloads_the_corrected_draft(client, secretariat, being_corrected):
    text = pdf_text(signed_in(client, secretariat).get(minutes_url(being_corrected.meeting, "pdf")))
    assert "Draft minutes: not yet approved" in text
    assert CORRECTION in text


@pytest.mark.parametrize("fixture", ["started", "approved"])
def test_a_member_cannot_download_minutes_before_they_are_circulated(client, member, request, fixture):
    minutes = request.getfixturevalue(fixture)
    assert signed_in(client, member).get(minutes_url(minutes.meeting, "pdf")).status_code == 403


def test_someone_from_another_partnership_is_told_nothing(client, outsider, circulated):
    assert signed_in(client, outsider).get(minutes_url(circulated.meeting, "pdf")).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, circulated):
    response = client.get(minutes_url(circulated.meeting, "pdf"))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_no_pdf_before_the_minutes_are_started(client, secretariat, held):
    assert signed_in(client, secretariat).get(minutes_url(held, "pdf")).status_code == 404


# Queries: the same whatever the size of the meeting (17 members, 16 items, 30 decisions).


def test_the_members_pdf_runs_a_fixed_number_of_queries(
    client, chair, secretariat, member, large_record, django_assert_max_num_queries
):
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    signed_in(client, member)
    url = minutes_url(minutes.meeting, "pdf")
    # Session, user, meeting, roles (two), minutes, the approved version.
    with django_assert_max_num_queries(7):
        response = client.get(url)
    assert response.status_code == 200
    assert pdf_text(response).count("A relative works there") == 16


def test_the_pdf_of_the_draft_runs_a_fixed_number_of_queries(
    client, secretariat, large_record, django_assert_max_num_queries
):
    signed_in(client, secretariat)
    url = minutes_url(large_record.meeting, "pdf")
    # Session, user, meeting, roles (two), minutes, who chaired, then the record: items,
    # declarations, decisions, voters, minutes' text, attendance, minutes, others, written decisions.
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
    assert "Decision 29" in pdf_text(response)


def test_the_pdf_while_corrected_runs_a_fixed_number_of_queries(
    client, chair, secretariat, member, large_record, django_assert_max_num_queries
):
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    services.return_minutes_to_draft(minutes=minutes)
    signed_in(client, member)
    url = minutes_url(minutes.meeting, "pdf")
    # Session, user, meeting, roles (two), minutes, who chaired (for the right to read drafts), and
    # the version sent to the members.
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.status_code == 200
    assert pdf_text(response).count("A relative works there") == 16
