"""Fixes from the review of issue 7: every public page answers HEAD as it answers GET; a
passage keeps the match it was cut around; new rows are stamped with when they were published,
not when they were indexed; and the index is kept in the site's language whoever indexed it."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from governance.models_publications import Publication
from governance.publications import sync
from governance.publications.search import _passage
from governance.publications.sync import sync_meeting, sync_plans
from meetings.models import Minutes
from tests.actionplans.factories import ActionPlanFactory
from tests.governance.publications.conftest import give_published_minutes

pytestmark = pytest.mark.django_db


def test_every_public_page_answers_a_head_request(client, published):
    slug = published.partnership.slug
    sync_meeting(published.pk)
    pages = [
        reverse("publications:search", kwargs={"slug": slug}) + "?q=violence",
        reverse("publications:search-all") + "?q=violence",
        reverse("publications:feed", kwargs={"slug": slug}),
        reverse("public_meetings:list", kwargs={"slug": slug}),
        reverse("public_meetings:meeting", kwargs={"slug": slug, "pk": published.pk}),
        reverse("public_meetings:decisions", kwargs={"slug": slug}),
        reverse("public_meetings:calendar", kwargs={"slug": slug}),
        reverse("public_plans:list", kwargs={"slug": slug}),
    ]

    answers = {page: client.head(page).status_code for page in pages}

    assert answers == dict.fromkeys(pages, 200)


def test_a_passage_keeps_the_match_when_no_space_comes_before_it():
    passage = _passage("x" * 100 + "knife more", ["knife"])

    assert "knife" in passage


def test_a_new_row_is_stamped_with_when_the_agenda_went_out_not_when_it_was_indexed(published):
    circulated = published.agenda_circulated_at

    with time_machine.travel(circulated + datetime.timedelta(days=30)):
        sync_meeting(published.pk)

    rows = {row.key: row for row in Publication.objects.filter(meeting=published)}
    assert rows[f"agenda:{published.pk}"].published_at == circulated
    assert all(row.published_at == circulated for row in rows.values())
    assert rows[f"agenda:{published.pk}"].updated_at == circulated + datetime.timedelta(days=30)


def test_minutes_and_their_decisions_are_stamped_with_when_the_minutes_were_confirmed(published):
    give_published_minutes(published)
    confirmed = timezone.now() - datetime.timedelta(days=12)
    Minutes.objects.filter(meeting=published).update(confirmed_at=confirmed)

    sync_meeting(published.pk)

    rows = {row.key: row for row in Publication.objects.filter(meeting=published)}
    assert rows[f"minutes:{published.pk}"].published_at == confirmed
    assert rows[f"decision:{published.pk}:12"].published_at == confirmed


def test_a_plan_is_stamped_with_when_its_summary_was_published(warwickshire):
    published_at = timezone.now() - datetime.timedelta(days=40)
    plan = ActionPlanFactory(partnership=warwickshire, is_published=True, published_at=published_at)

    sync_plans(warwickshire.pk)

    assert Publication.objects.get(key=f"plan:{plan.pk}").published_at == published_at


def test_the_index_is_kept_in_the_sites_language_whoever_indexed_it(published):
    with translation.override("cy"):
        sync_meeting(published.pk)

    agenda = Publication.objects.get(key=f"agenda:{published.pk}")
    assert agenda.title == "Agenda: Board meeting in public, 19 January 2027"
    assert agenda.summary == "The agenda of the meeting on 19 January 2027."


def test_plans_are_indexed_in_the_sites_language_too(warwickshire, monkeypatch):
    heard = []

    def documents(partnership):
        heard.append(translation.get_language())
        return []

    monkeypatch.setattr(sync, "plan_documents", documents)
    with translation.override("cy"):
        sync_plans(warwickshire.pk)

    assert heard == ["en-gb"]
