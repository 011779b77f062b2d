"""The demo publishes the summary of its partnership plan, so the public site has one to read;
the ethical framework plan stays private."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actionplans.models import ActionPlan


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    call_command("load_demo", force=True)


def test_the_demo_publishes_its_partnership_plan(demo, client):
    published = ActionPlan.objects.get(partnership__slug="warwickshire-scp", is_published=True)
    assert published.title == "Partnership plan 2026-27"
    assert published.history.filter(is_published=True).exists()
    assert not ActionPlan.objects.filter(title__startswith="Ethical framework", is_published=True).exists()
    page = client.get(reverse("public_plans:list", kwargs={"slug": "warwickshire-scp"})).content.decode()
    assert "Partnership plan 2026-27" in page
    assert "Ethical framework" not in page
    summary = client.get(reverse("public_plans:plan", kwargs={"slug": "warwickshire-scp", "pk": published.pk}))
    assert summary.status_code == 200
    assert "@" not in summary.content.decode()
