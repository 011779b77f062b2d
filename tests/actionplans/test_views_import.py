"""Importing a plan through a preview: the file is read and shown (sections, actions, flagged
dates, refused rows, ignored columns) before anything is saved; "Import these N actions" saves
it; a file that is not a spreadsheet is refused whole and nothing is kept."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.importing.reading import MAX_BYTES
from actionplans.models import Action, Section
from tests.actionplans.factories import ActionPlanFactory
from tests.helpers import signed_in

DATA = Path(__file__).parent / "data"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Ethical framework action plan")


def upload_url(plan):
    return reverse("actionplans:import", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def the_file(name, content=None, content_type=XLSX):
    return SimpleUploadedFile(name, content if content is not None else (DATA / name).read_bytes(), content_type)


def kept(media):
    folder = media / "imports"
    return sorted(folder.iterdir()) if folder.exists() else []


def uploaded(client, plan, upload):
    response = client.post(upload_url(plan), {"file": upload})
    assert response.status_code == 302, response.content.decode()
    return response.url


def test_the_upload_form_takes_a_file(client, secretariat, plan):
    signed_in(client, secretariat)
    page = client.get(upload_url(plan)).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "novalidate" in page


def test_the_preview_shows_what_will_be_created_and_saves_nothing(client, secretariat, plan, media):
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("ethical_framework_plan.xlsx"))
    assert len(kept(media)) == 1
    response = client.get(preview_url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "B. Relationships" in page
    assert "C.1. Induction" in page
    assert "Raise awareness amongst Members" in page
    assert "30 April 2007" in page
    assert "Autumn 2006" in page
    assert "Date needs checking" in page
    assert "1 action has a date that could not be read" in page
    assert "Import these 18 actions" in page
    assert not Action.objects.exists()
    assert not Section.objects.exists()


def test_confirming_imports_the_plan_and_deletes_the_file(client, secretariat, plan, media):
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("ethical_framework_plan.xlsx"))
    response = client.post(preview_url)
    assert response.status_code == 302
    assert response.url == reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})
    assert plan.actions.count() == 18
    assert plan.sections.count() == 8
    flagged = plan.actions.get(due_needs_checking=True)
    assert flagged.due_text == "Autumn 2006"
    assert kept(media) == []
    page = client.get(response.url).content.decode()
    assert "18 actions imported. 1 need their date checking." in page
    assert client.get(preview_url).status_code == 404  # used once


def test_the_test_valley_csv_is_imported_with_its_words_kept(client, secretariat, plan):
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("test_valley_plan.csv", content_type="text/csv"))
    page = client.get(preview_url).content.decode()
    assert "Lead and Guide" in page
    assert "Import these 20 actions" in page
    client.post(preview_url)
    assert plan.actions.count() == 20
    assert plan.actions.filter(due_needs_checking=True).count() == 20


def test_refused_rows_and_ignored_columns_are_shown_with_the_reason(client, secretariat, plan):
    rows = (
        "Ref,Improvement needed,By when,Colour\n"
        "(a),Clarify roles,April 2007,blue\n"
        "(b),,June 2007,red\n"
        f"(c),{'x' * 5001},May 2007,\n"
    )
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("plan.csv", rows.encode(), "text/csv"))
    page = client.get(preview_url).content.decode()
    assert "Rows that will not be imported" in page
    assert "The improvement needed (or issue) is empty, but other cells of the row are filled." in page
    assert "5,001 characters long" in page
    assert "Columns left out, as no field matches them: Colour." in page
    assert "Import these 1 actions" in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"%PDF-1.7 a paper", "This file is a PDF, not a spreadsheet."),
        ("plan.xlsx", b"PK\x03\x04 not really a zip", "This file is not a spreadsheet."),
        ("plan.csv", b"\x00\x01\x02binary", "This file is not a spreadsheet."),
        ("plan.csv", b"Colour,Size\nblue,big\n", "No column for the improvement needed or the issue was found"),
    ],
)
def test_a_file_that_is_not_a_plan_is_refused_whole(client, secretariat, plan, media, name, content, message):
    signed_in(client, secretariat)
    response = client.post(upload_url(plan), {"file": the_file(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert kept(media) == []
    assert not Action.objects.exists()


def test_an_empty_file_or_none_is_refused(client, secretariat, plan, media):
    signed_in(client, secretariat)
    response = client.post(upload_url(plan), {"file": the_file("plan.csv", b"")})
    assert response.status_code == 400
    assert "The selected file is empty" in response.content.decode()
    response = client.post(upload_url(plan), {})
    assert response.status_code == 400
    assert "Select a CSV file or an Excel workbook" in response.content.decode()
    assert kept(media) == []


def test_a_file_too_large_is_refused(client, secretariat, plan, media):
    signed_in(client, secretariat)
    big = b"Issue\n" + b"x" * MAX_BYTES
    response = client.post(upload_url(plan), {"file": the_file("plan.csv", big, "text/csv")})
    assert response.status_code == 400
    assert "The selected file must be smaller than 5 MB" in response.content.decode()
    assert kept(media) == []


def test_a_file_with_no_actions_cannot_be_confirmed(client, secretariat, plan):
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("plan.csv", b"Issue,When\nLead and Guide\n", "text/csv"))
    page = client.get(preview_url).content.decode()
    assert "The file has no actions to import." in page
    response = client.post(preview_url)
    assert response.status_code == 400
    assert not Section.objects.exists()


def test_the_preview_belongs_to_the_session_and_plan_that_uploaded_it(client, secretariat, plan, warwickshire, staff):
    signed_in(client, secretariat)
    preview_url = uploaded(client, plan, the_file("ethical_framework_plan.xlsx"))
    token = preview_url.rstrip("/").rsplit("/", 1)[1]
    other_plan = ActionPlanFactory(partnership=warwickshire)
    other_url = reverse(
        "actionplans:import-preview", kwargs={"slug": warwickshire.slug, "pk": other_plan.pk, "token": token}
    )
    assert client.get(other_url).status_code == 404
    assert client.post(other_url).status_code == 404
    signed_in(client, staff)  # another sign-in, another session
    assert client.get(preview_url).status_code == 404
    assert client.post(preview_url).status_code == 404
    bad = reverse("actionplans:import-preview", kwargs={"slug": warwickshire.slug, "pk": plan.pk, "token": "..%2Fx"})
    assert client.get(bad).status_code == 404
    assert not Action.objects.exists()


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403)])
def test_only_the_secretariat_imports(client, request, plan, media, who, status):
    signed_in(client, request.getfixturevalue(who))
    response = client.post(upload_url(plan), {"file": the_file("ethical_framework_plan.xlsx")})
    assert response.status_code == status
    assert kept(media) == []


def test_imported_dates_are_read_as_the_end_of_the_month(client, secretariat, plan):
    signed_in(client, secretariat)
    client.post(uploaded(client, plan, the_file("ethical_framework_plan.xlsx")))
    action = plan.actions.get(title__startswith="Raise awareness")
    assert action.due == datetime.date(2007, 4, 30)
