"""partnerships/{id}/quarterly-report/: the PDF, or 202 with Retry-After and its progress while
it is being made; 400 for a bad quarter (nothing saved); 401 anonymous; 404 outside."""

import datetime
import io

import pytest
import time_machine
from pypdf import PdfReader
from rest_framework.authtoken.models import Token

from actionplans.models import QuarterlyReport
from tests.actionplans.report_support import PLAN_TITLE, PROGRESS_TEXT, live_through_the_quarter, on
from tests.helpers import client_for

APRIL = datetime.date(2027, 4, 10)


def report_url(partnership, quarter="2027Q1"):
    return f"/api/v1/partnerships/{partnership.pk}/quarterly-report/" + (f"?quarter={quarter}" if quarter else "")


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


def pdf_text(response) -> str:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def test_member_gets_202_while_it_is_made_then_the_pdf(
    warwickshire, lived, member, in_april, django_capture_on_commit_callbacks
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(report_url(warwickshire))
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "5"
    assert waiting["Cache-Control"] == "no-store"
    assert waiting.json() == {"status": "queued", "progress": 0, "detail": "The quarterly report is being made."}

    response = client.get(report_url(warwickshire))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="quarterly-report-warwickshire-scp-2027Q1.pdf"' in response["Content-Disposition"]
    text = pdf_text(response)
    assert PLAN_TITLE in text
    assert PROGRESS_TEXT in " ".join(text.split())
    report = QuarterlyReport.objects.get(partnership=warwickshire, quarter="2027Q1")
    assert report.status == "ready"
    assert report.progress == 100
    assert report.file.name.startswith(f"reports/{warwickshire.pk}/2027Q1-")


def test_asking_again_while_it_is_made_queues_it_once(
    warwickshire, lived, member, in_april, django_capture_on_commit_callbacks
):
    client = client_for(member)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        for _ in range(3):
            assert client.get(report_url(warwickshire)).status_code == 202
    assert len(queued) == 1
    assert QuarterlyReport.objects.count() == 1


def test_a_report_is_made_again_when_the_plans_change(
    warwickshire, lived, secretariat, in_april, django_capture_on_commit_callbacks
):
    from actionplans import services

    _plan, _section, action, _milestones = lived
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(report_url(warwickshire))
    first = QuarterlyReport.objects.get()
    assert client.get(report_url(warwickshire)).status_code == 200

    services.record_progress(
        action=action, text="Late entry for March", reported_on=datetime.date(2027, 3, 30), by=secretariat
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.get(report_url(warwickshire)).status_code == 202
    response = client.get(report_url(warwickshire))
    assert response.status_code == 200
    # A table cell may wrap the words onto two lines, by the fonts the machine has.
    assert "Late entry for March" in " ".join(pdf_text(response).split())
    assert QuarterlyReport.objects.get().fingerprint != first.fingerprint


def test_a_program_with_a_token_asking_for_pdf_gets_json_progress_then_the_pdf(
    warwickshire, lived, secretariat, in_april, django_capture_on_commit_callbacks
):
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=secretariat).key}")
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(report_url(warwickshire), HTTP_ACCEPT="application/pdf")
    assert waiting.status_code == 202
    assert waiting["Content-Type"] == "application/json"
    assert client.get(report_url(warwickshire), HTTP_ACCEPT="application/pdf").status_code == 200


def test_without_a_quarter_the_current_one_is_reported(warwickshire, lived, member, in_april):
    assert client_for(member).get(report_url(warwickshire, quarter=None)).status_code == 202
    assert QuarterlyReport.objects.get().quarter == "2027Q2"


@pytest.mark.parametrize(
    ("quarter", "message"),
    [
        ("2027Q5", "A year has four quarters, Q1 to Q4: 2027Q5 is not one of them."),
        ("abc", '"abc" is not a quarter.'),
        ("2027Q3", "2027Q3 (July to September 2027) has not started yet"),
    ],
)
def test_a_bad_quarter_is_400_and_saves_nothing(warwickshire, lived, member, in_april, quarter, message):
    response = client_for(member).get(report_url(warwickshire, quarter))
    assert response.status_code == 400
    assert message in response.json()["quarter"][0]
    assert not QuarterlyReport.objects.exists()


def test_anonymous_visitor_is_asked_to_authenticate(warwickshire, lived):
    response = client_for().get(report_url(warwickshire))
    assert response.status_code == 401
    assert not QuarterlyReport.objects.exists()


def test_a_member_of_another_partnership_gets_404(warwickshire, lived, outsider):
    response = client_for(outsider).get(report_url(warwickshire))
    assert response.status_code == 404
    assert not QuarterlyReport.objects.exists()


def test_a_partnership_that_does_not_exist_is_404(warwickshire, member):
    with time_machine.travel(datetime.datetime(2026, 11, 25, 12), tick=False):
        assert client_for(member).get("/api/v1/partnerships/999999/quarterly-report/").status_code == 404


def test_the_schema_documents_the_report(db):
    import json

    response = client_for().get("/api/v1/schema/", {"format": "json"})
    operation = json.loads(response.content)["paths"]["/api/v1/partnerships/{id}/quarterly-report/"]["get"]
    assert set(operation["responses"]) == {"200", "202", "400", "404"}
    assert "application/pdf" in operation["responses"]["200"]["content"]
    assert "quarter" in [p["name"] for p in operation["parameters"] if p["in"] == "query"]
