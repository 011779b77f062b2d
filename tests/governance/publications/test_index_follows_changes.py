"""The index follows every change the public reads, with nobody calling the sync by hand: once a
meeting's agenda has gone out, an item made confidential, the meeting made private or moved, a
paper changed or a file removed reach the public search and the Atom feed when the change
commits. The receivers only enqueue the sync (a Celery task), so a sync that fails never fails
the change that asked for it; two syncs of the same meeting at once add each row once; control
characters never reach the index."""

import datetime
from unittest import mock

import pytest
from django.urls import reverse

from governance import tasks
from governance.models_publications import Publication
from governance.publications import sync as sync_module
from governance.publications.signals import publications_added
from governance.publications.sync import sync_meeting
from meetings import services
from meetings.models import AgendaItem
from meetings.signals import meeting_published
from tests.governance.publications.conftest import OPEN_TITLE, PAPER_TITLE, PDF_WORDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def indexed(meeting, open_item, secret_item, paper, chair, secretariat, eager, django_capture_on_commit_callbacks):
    """The agenda agreed and sent out; the index heard of it as it would in a request."""
    services.agree_agenda(meeting=meeting, by=chair)
    with django_capture_on_commit_callbacks(execute=True):
        return services.circulate_agenda(meeting=meeting, by=secretariat)


def found(client, meeting, words: str) -> str:
    url = reverse("publications:search", kwargs={"slug": meeting.partnership.slug})
    return client.get(url, {"q": words}).text


def feed(client, meeting) -> str:
    return client.get(reverse("publications:feed", kwargs={"slug": meeting.partnership.slug})).text


def keys(meeting) -> set[str]:
    return set(Publication.objects.filter(meeting=meeting).values_list("key", flat=True))


def test_the_index_starts_with_the_open_item_and_its_paper(client, indexed, paper):
    assert PAPER_TITLE in found(client, indexed, "knife crime Nuneaton")  # the words of its PDF
    assert PAPER_TITLE in feed(client, indexed)


def test_an_item_made_confidential_after_circulation_leaves_search_and_feed(
    client, indexed, open_item, paper, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.update_agenda_item(item=open_item, is_confidential=True, confidential_reason="personal")

    assert f"paper:{paper.pk}" not in keys(indexed)
    for words in ("knife crime Nuneaton", "serious violence duty", "strategy"):
        assert PAPER_TITLE not in found(client, indexed, words)
        assert OPEN_TITLE not in found(client, indexed, words)
    assert PAPER_TITLE not in feed(client, indexed)


def test_a_meeting_made_private_after_circulation_leaves_search_and_feed(
    client, indexed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_meeting(meeting=indexed, is_public=False)

    assert not keys(indexed)
    assert PAPER_TITLE not in found(client, indexed, "strategy")
    assert "Board meeting in public" not in feed(client, indexed)


def test_a_removed_file_takes_its_words_out(client, indexed, paper, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_file(paper_file=paper.files.get())

    assert PAPER_TITLE not in found(client, indexed, "knife crime Nuneaton")
    assert PDF_WORDS not in Publication.objects.get(key=f"paper:{paper.pk}").text


def test_a_changed_paper_is_found_by_its_new_title(client, indexed, paper, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.update_paper(paper=paper, title="Knife arches: the revised strategy")

    assert "Knife arches: the revised strategy" in found(client, indexed, "arches")
    assert "Knife arches: the revised strategy" in feed(client, indexed)


def test_a_moved_meeting_is_indexed_under_its_new_date(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_meeting(meeting=indexed, date=indexed.date + datetime.timedelta(days=7))

    agenda = Publication.objects.get(key=f"agenda:{indexed.pk}")
    assert agenda.title == "Agenda: Board meeting in public, 26 January 2027"


def test_a_reordered_agenda_moves_the_papers_anchor(indexed, open_item, paper, django_capture_on_commit_callbacks):
    ids = list(indexed.agenda_items.order_by("position").values_list("pk", flat=True))
    ids.remove(open_item.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.reorder_agenda(meeting=indexed, item_ids=[open_item.pk, *ids])

    assert Publication.objects.get(key=f"paper:{paper.pk}").path.endswith("#item-1")


def test_a_late_item_is_indexed_once_added(client, indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_agenda_item(meeting=indexed, title="Flooding in Alcester", late_reason="It flooded on Monday")

    assert "Flooding in Alcester" in Publication.objects.get(key=f"agenda:{indexed.pk}").text


def test_nothing_is_told_before_the_agenda_goes_out(meeting, open_item, paper, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, meeting_id, **kwargs):
        heard.append(meeting_id)

    meeting_published.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.update_agenda_item(item=open_item, title="Renamed")
            services.update_paper(paper=paper, title="Renamed paper")
            services.reschedule_meeting(meeting=meeting, is_public=False)
            services.remove_file(paper_file=paper.files.get())
    finally:
        meeting_published.disconnect(listener)

    assert heard == []


def test_the_receiver_only_enqueues_the_sync(indexed, open_item, django_capture_on_commit_callbacks):
    with (
        mock.patch.object(tasks.sync_meeting_publications, "delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.update_agenda_item(item=open_item, is_confidential=True, confidential_reason="personal")

    delay.assert_called_once_with(indexed.pk)
    assert OPEN_TITLE in Publication.objects.get(key=f"agenda:{indexed.pk}").text  # not synced in the request
    assert tasks.sync_meeting_publications.acks_late


def test_a_sync_that_fails_does_not_fail_the_change(indexed, open_item, django_capture_on_commit_callbacks):
    with (
        mock.patch("governance.tasks.sync_meeting", side_effect=RuntimeError("the PDF reader broke")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.update_agenda_item(item=open_item, title="Renamed after circulation")

    assert AgendaItem.objects.get(pk=open_item.pk).title == "Renamed after circulation"


def test_a_queue_that_cannot_be_reached_does_not_fail_the_change(
    indexed, open_item, django_capture_on_commit_callbacks
):
    with (
        mock.patch.object(tasks.sync_meeting_publications, "delay", side_effect=OSError("no broker")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.update_agenda_item(item=open_item, title="Renamed after circulation")

    assert AgendaItem.objects.get(pk=open_item.pk).title == "Renamed after circulation"


def test_two_syncs_of_the_same_meeting_at_once_add_each_row_once(published, django_capture_on_commit_callbacks):
    """The second sync starts while the first is reading the PDFs, and finishes first."""
    heard = []

    def listener(sender, publications, **kwargs):
        heard.extend(row.key for row in publications)

    real = sync_module._add_pdf_text
    calls = []

    def add_pdf_text_while_another_sync_runs(documents):
        calls.append(1)
        if len(calls) == 1:
            sync_meeting(published.pk)
        real(documents)

    publications_added.connect(listener)
    try:
        with (
            mock.patch.object(sync_module, "_add_pdf_text", add_pdf_text_while_another_sync_runs),
            django_capture_on_commit_callbacks(execute=True),
        ):
            sync_meeting(published.pk)
    finally:
        publications_added.disconnect(listener)

    assert sorted(keys(published)) == sorted(set(keys(published)))
    assert len(keys(published)) == 2
    assert sorted(heard) == sorted(keys(published))  # each new row announced once


def test_control_characters_never_reach_the_index(published, paper, open_item):
    # A NUL can only come from a PDF: forms refuse it, and PostgreSQL cannot store it in a text field.
    AgendaItem.objects.filter(pk=open_item.pk).update(description="Knife\x02 crime in\x1f Nuneaton\x0b\x0c")
    with mock.patch.object(sync_module, "pdf_text", return_value="Read\x03 from\x00 the\x0e PDF\tand\nlines\r"):
        sync_meeting(published.pk)

    agenda = Publication.objects.get(key=f"agenda:{published.pk}")
    assert "Knife crime in Nuneaton" in agenda.text
    indexed_paper = Publication.objects.get(key=f"paper:{paper.pk}")
    assert "Read from the PDF\tand\nlines" in indexed_paper.text
    for row in Publication.objects.all():
        for field in (row.title, row.summary, row.text):
            assert not any(ord(c) < 32 and c not in "\t\n\r" for c in field)


def test_a_query_with_control_characters_marks_only_the_match(client, published, paper, eager):
    sync_meeting(published.pk)

    page = found(client, published, "\x02Nuneaton\x03")

    assert "<mark>Nuneaton</mark>" in page
    assert "\x02" not in page
    assert "\x03" not in page
