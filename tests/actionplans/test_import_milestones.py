"""Seed 002's "Milestone" column becomes a milestone of each imported action: titled by its
words (shortened to fit; the action keeps them whole), due on the date they mention, not
started. The preview shows each one with its date as read; the import counts them."""

import datetime
import pathlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.importing import ImportResult, import_plan, preview_import
from actionplans.importing.milestones import MilestonePreview, milestone_from
from actionplans.models import Action, ActionPlan, Milestone, MilestoneStatus
from partnership.errors import RuleBroken
from tests.helpers import signed_in

DATA = pathlib.Path(__file__).with_name("data")
TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def plan(warwickshire):
    return ActionPlan.objects.create(partnership=warwickshire, title="Test Valley action plan")


def valley_preview():
    return preview_import((DATA / "test_valley_plan.csv").read_bytes(), today=TODAY)


def test_a_milestone_is_read_from_the_words_with_the_date_they_mention():
    assert milestone_from("Draft to be considered by Delivery group in April 2008.", TODAY) == MilestonePreview(
        "Draft to be considered by Delivery group in April 2008.", datetime.date(2008, 4, 30)
    )
    assert milestone_from("April 2008.", TODAY) == MilestonePreview("April 2008.", datetime.date(2008, 4, 30))
    assert milestone_from("  As   above ", TODAY) == MilestonePreview("As above", None)
    assert milestone_from("", TODAY) is None
    assert milestone_from("Ongoing", TODAY) == MilestonePreview("Ongoing", None)


def test_a_long_milestone_is_shortened_to_fit_its_title():
    words = "Report to the board " + "and then the delivery group " * 20 + "in June 2008."
    milestone = milestone_from(words, TODAY)
    assert len(milestone.title) == 300
    assert milestone.title.endswith("…")
    assert milestone.due == datetime.date(2008, 6, 30)  # read from all the words, not the shortened title


def test_the_preview_gives_each_action_with_a_milestone_its_milestone():
    preview = valley_preview()
    assert len(preview.milestones) == 10
    first = preview.actions[0]
    assert first.milestone == MilestonePreview(
        "Draft to be considered by Delivery group in April 2008.", datetime.date(2008, 4, 30)
    )
    assert preview.actions[1].milestone is None  # an empty cell gives none
    dated = {m.title: m.due for m in preview.milestones}
    assert dated["To be produced and distributed by June 2008."] == datetime.date(2008, 6, 30)
    assert dated["As above."] is None


def test_importing_creates_the_milestones_not_started_with_their_history(plan, secretariat):
    result = import_plan(plan, valley_preview(), by=secretariat, today=TODAY)
    assert result == ImportResult(created=20, flagged=20, sections=3, milestones=10, linked=0)
    first = Action.objects.get(plan=plan, position=1)
    milestone = first.milestones.get()
    assert (milestone.title, milestone.due, milestone.status, milestone.completed_on) == (
        "Draft to be considered by Delivery group in April 2008.",
        datetime.date(2008, 4, 30),
        MilestoneStatus.NOT_STARTED,
        None,
    )
    assert first.milestone_text == "Draft to be considered by Delivery group in April 2008."
    assert milestone.status_on(TODAY) == MilestoneStatus.OVERDUE  # 2008 is long past
    assert Milestone.objects.filter(action__plan=plan, due__isnull=True).count() == 4  # "As above"
    assert Milestone.history.filter(action__plan=plan, history_type="+", history_user=secretariat).count() == 10


def test_the_full_words_stay_on_the_action_when_the_title_is_shortened(plan):
    words = "Report to the board " * 20 + "in June 2008."
    import_plan(plan, preview_import(f"Issue,Milestone\nClarify roles,{words}\n".encode(), today=TODAY))
    action = Action.objects.get(plan=plan)
    assert action.milestone_text == " ".join(words.split())
    assert len(action.milestones.get().title) == 300


def test_a_refused_import_creates_no_milestone(plan, monkeypatch):
    preview = valley_preview()

    def refuse(*args, **kwargs):
        raise RuleBroken("The database refused it.")

    monkeypatch.setattr("actionplans.importing.save.match_owners", refuse)
    with pytest.raises(RuleBroken):
        import_plan(plan, preview)
    assert not Milestone.objects.exists()
    assert not Action.objects.exists()


def test_the_preview_page_shows_each_milestone_and_its_date(client, secretariat, plan, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    signed_in(client, secretariat)
    upload = SimpleUploadedFile("plan.csv", (DATA / "test_valley_plan.csv").read_bytes(), "text/csv")
    response = client.post(reverse("actionplans:import", args=[plan.partnership.slug, plan.pk]), {"file": upload})
    page = client.get(response.url).content.decode()
    assert "with 10 milestones" in page
    assert "Draft to be considered by Delivery group in April 2008." in page
    assert "Due 30 April 2008" in page
    assert "No date in the words" in page
    response = client.post(response.url)
    page = client.get(response.url).content.decode()
    assert "20 actions imported. 20 need their date checking. 10 milestones created." in page
    assert Milestone.objects.filter(action__plan=plan).count() == 10
