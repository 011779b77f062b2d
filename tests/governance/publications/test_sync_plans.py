"""Plan summaries in the publications index: a plan whose summary the secretariat published is
indexed (`plan:<pk>`, linking to its public page) with its public words only (never an action's
owner or method); withdrawn, it is taken out. Publishing and withdrawing tell the index."""

import pytest

from actionplans.services.publication import publish_plan, withdraw_plan
from governance.models_publications import Publication
from governance.publications.sync import sync_all, sync_plans
from tests.actionplans.factories import ActionFactory, ActionPlanFactory

pytestmark = pytest.mark.django_db


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
