"""The report page: anyone who may read the plans picks a quarter and gets the PDF, or a page
with a button to check again while it is made (no timed refresh: WCAG 2.2.1); a bad quarter
is refused with the reason."""

import datetime

import pytest
from django.test import Client

from actionplans.models import QuarterlyReport
from tests.actionplans.report_support import live_through_the_quarter, on
from tests.helpers import signed_in

URL = "/partnerships/warwickshire-scp/plans/report/"
APRIL = datetime.date(2027, 4, 10)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def lived(warwickshire, secretariat):
    return live_through_the_quarter(warwickshire, secretariat)


@pytest.fixture
def in_april():
    with on(APRIL):
        yield


def test_the_page_offers_the_quarters_from_the_first_plan_to_now(
    lived, member, in_april, django_assert_max_num_queries
):
    client = signed_in(Client(), member)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Quarterly performance report" in page
    options = [line.split('"')[1] for line in page.split("<option")[1:]]
    assert options == ["2027Q2", "2027Q1", "2026Q4"]
    assert '<option value="2027Q2" selected>' in page
    assert "2027Q1 (January to March 2027)" in page
    assert not QuarterlyReport.objects.exists()


def test_the_plans_list_links_to_the_report(lived, secretariat):
    response = signed_in(Client(), secretariat).get("/partnerships/warwickshire-scp/plans/")
    assert f'href="{URL}"' in response.content.decode()


def test_picking_a_quarter_shows_it_being_made_then_downloads_it(
    lived, member, in_april, django_capture_on_commit_callbacks
):
    client = signed_in(Client(), member)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(URL, {"quarter": "2027Q1"})
    assert waiting.status_code == 202
    page = waiting.content.decode()
    assert "The quarterly report is being made" in page
    assert "http-equiv" not in page
    assert 'href="/partnerships/warwickshire-scp/plans/report/?quarter=2027Q1"' in page  # Check again
    assert "It is waiting to be made." in page
    assert waiting["Retry-After"] == "5"
    assert waiting["Cache-Control"] == "no-store"

    response = client.get(URL, {"quarter": "2027Q1"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_report_whose_file_went_missing_is_made_again(lived, member, in_april, django_capture_on_commit_callbacks):
    client = signed_in(Client(), member)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(URL, {"quarter": "2027Q1"})
    report = QuarterlyReport.objects.get()
    report.file.storage.delete(report.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(URL, {"quarter": "2027Q1"}).status_code == 202
    assert client.get(URL, {"quarter": "2027Q1"}).status_code == 200


@pytest.mark.parametrize(
    ("quarter", "message"),
    [
        ("2027Q5", "A year has four quarters, Q1 to Q4: 2027Q5 is not one of them."),
        ("abc", "&quot;abc&quot; is not a quarter."),
        ("", "Choose the quarter the report is for"),
        ("2027Q4", "2027Q4 (October to December 2027) has not started yet"),
    ],
)
def test_a_bad_quarter_is_refused_with_the_reason_and_nothing_saved(lived, member, in_april, quarter, message):
    response = signed_in(Client(), member).get(URL, {"quarter": quarter})
    assert response.status_code == 400
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    assert not QuarterlyReport.objects.exists()


def test_a_member_of_another_partnership_gets_404(lived, outsider):
    assert signed_in(Client(), outsider).get(URL, {"quarter": "2026Q4"}).status_code == 404
    assert not QuarterlyReport.objects.exists()


def test_the_anonymous_visitor_is_sent_to_sign_in(lived):
    response = Client().get(URL, {"quarter": "2026Q4"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
