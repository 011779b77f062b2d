"""The hourly sweep that keeps the publications index (governance.tasks.sync_publications, the
sync_publications command), declared with every other periodic task."""

import io

import pytest
from django.core.management import call_command

from governance.models_publications import Publication
from governance.schedule import SCHEDULE
from governance.tasks import sync_publications

pytestmark = pytest.mark.django_db


def test_the_sweep_is_scheduled_hourly():
    entry = next(entry for entry in SCHEDULE if entry.task == "governance.tasks.sync_publications")
    assert entry.hour == "*"


def test_the_task_indexes_what_is_published_and_is_safe_to_run_again(published):
    assert sync_publications() == 2  # the agenda and the open paper
    assert sync_publications() == 0
    assert Publication.objects.filter(meeting=published).count() == 2


def test_the_command_says_how_many_were_added(published):
    out = io.StringIO()
    call_command("sync_publications", stdout=out)
    assert out.getvalue().strip() == "Publications index up to date: 2 added."
