"""Plan summaries in the publications index: a plan whose summary the secretariat published is
indexed (`plan:<pk>`, linking to its public page) with its public words only (never an action's
owner or method); withdrawn, it is taken out. Publishing, withdrawing and every edit of a published plan (its
title, a section, an action) tell the index."""

import pytest

from actionplans.services.actions import add_action, remove_action, set_action_due, update_action
from actionplans.services.plans import add_section, update_plan, update_section
from actionplans.services.publication import publish_plan, withdraw_plan
from actionplans.signals import plan_published
from governance.models_publications import Publication
from governance.publications.sync import sync_all, sync_plans
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the index hears through a Celery task


@pytest.fixture
def plan(warwickshire):
    plan = ActionPlanFactory(
        partnership=warwickshire, title="Partnership plan 2026-27", description="Reducing knife crime together."
    )
    ActionFactory(plan=plan, title="Knife arches in town centres", method="Secret method", owner="Jo Bloggs")
    return plan


def test_a_published_plan_is_indexed_with_its_public_words_only(plan, secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_plan(plan=plan, by=secretariat)

    row = Publication.objects.get(key=f"plan:{plan.pk}")
    assert row.kind == "plan"
    assert row.meeting is None
    assert row.path == f"/p/warwickshire-scp/plan/{plan.pk}/"
    assert row.title == "Partnership plan 2026-27"
    assert "Knife arches in town centres" in row.text
    assert "Secret method" not in row.text
    assert "Jo Bloggs" not in row.text


def test_a_withdrawn_plan_is_taken_out(plan, secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_plan(plan=plan, by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_plan(plan=plan, by=secretariat)

    assert not Publication.objects.filter(key=f"plan:{plan.pk}").exists()


def test_an_unpublished_plan_is_never_indexed_and_the_sweep_is_idempotent(plan, warwickshire):
    assert sync_plans(warwickshire.pk) == []
    plan.is_published = True
    plan.save()
    assert sync_all() == 1
    assert sync_all() == 0


@pytest.fixture
def published_plan(plan, secretariat, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_plan(plan=plan, by=secretariat)
    return plan


def indexed_text(plan) -> str:
    row = Publication.objects.get(key=f"plan:{plan.pk}")
    return f"{row.title} {row.summary} {row.text}"


def test_editing_a_published_plan_keeps_its_row_in_step(published_plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        added = add_action(plan=published_plan, title="Street lighting in Bedworth")
    assert "Street lighting in Bedworth" in indexed_text(published_plan)

    with django_capture_on_commit_callbacks(execute=True):
        update_action(action=added, title="Street lighting in Bedworth and Bulkington")
    assert "Bedworth and Bulkington" in indexed_text(published_plan)

    with django_capture_on_commit_callbacks(execute=True):
        remove_action(action=added)
    assert "Street lighting" not in indexed_text(published_plan)

    with django_capture_on_commit_callbacks(execute=True):
        update_plan(plan=published_plan, title="Partnership plan 2026-28", description="Safer streets.")
    assert "Partnership plan 2026-28" in indexed_text(published_plan)
    assert "Safer streets." in indexed_text(published_plan)


@pytest.mark.parametrize("change", ["add_section", "update_section", "set_action_due"])
def test_every_edit_of_a_published_plan_tells_the_index(published_plan, change, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, plan_id, partnership_id, **kwargs):
        heard.append((plan_id, partnership_id))

    section = SectionFactory(plan=published_plan, position=1)
    action = published_plan.actions.get()
    plan_published.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            if change == "add_section":
                add_section(plan=published_plan, title="Violence against women and girls")
            elif change == "update_section":
                update_section(section=section, title="Relationships and families")
            else:
                set_action_due(action=action, is_ongoing=True)
    finally:
        plan_published.disconnect(listener)

    assert heard == [(published_plan.pk, published_plan.partnership_id)]


def test_editing_a_plan_not_published_tells_nobody(plan, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, **kwargs):
        heard.append(kwargs)

    plan_published.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            add_action(plan=plan, title="Street lighting in Bedworth")
            update_plan(plan=plan, title="Renamed plan")
    finally:
        plan_published.disconnect(listener)

    assert heard == []
    assert not Publication.objects.exists()
