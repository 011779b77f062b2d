"""Keeping the publications index (governance/publications/sync.py): what a published public
meeting puts in it (agenda, open papers with their PDFs' words, published minutes, decisions),
what never gets in (a confidential item, a private meeting, minutes not yet confirmed), what
is taken out when it stops being public, and that syncing again changes nothing."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models_publications import Publication
from governance.publications.signals import publications_added
from governance.publications.sync import sync_all, sync_meeting
from meetings import services
from meetings.models import AgendaItem, Meeting, Minutes, MinutesStatus, Paper
from tests.governance.publications.conftest import (
    OPEN_DESCRIPTION,
    OPEN_TITLE,
    PAPER_TITLE,
    PDF_WORDS,
    SECRET_DESCRIPTION,
    SECRET_TITLE,
    give_published_minutes,
    schedule,
)

pytestmark = pytest.mark.django_db


def rows(meeting) -> dict[str, Publication]:
    return {row.key: row for row in Publication.objects.filter(meeting=meeting)}


def all_text(meeting) -> str:
    return " ".join(f"{row.title} {row.summary} {row.text}" for row in Publication.objects.filter(meeting=meeting))


def test_a_published_meeting_indexes_its_agenda_and_open_papers(published, paper):
    added = sync_meeting(published.pk)

    index = rows(published)
    assert set(index) == {f"agenda:{published.pk}", f"paper:{paper.pk}"}
    assert {row.key for row in added} == set(index)
    agenda = index[f"agenda:{published.pk}"]
    assert agenda.kind == "agenda"
    assert agenda.title == "Agenda: Board meeting in public, 19 January 2027"
    assert OPEN_TITLE in agenda.text
    assert OPEN_DESCRIPTION in agenda.text
    assert agenda.path == f"/p/warwickshire-scp/meetings/{published.pk}/"
    assert agenda.partnership_id == published.partnership_id
    item = AgendaItem.objects.get(pk=paper.agenda_item_id)
    indexed_paper = index[f"paper:{paper.pk}"]
    assert indexed_paper.kind == "paper"
    assert indexed_paper.title == PAPER_TITLE
    assert indexed_paper.path == f"/p/warwickshire-scp/meetings/{published.pk}/#item-{item.position}"
    assert "That the board adopts the strategy." in indexed_paper.text
    assert PDF_WORDS in indexed_paper.text  # the words of the uploaded PDF


def test_nothing_confidential_is_ever_indexed(published):
    sync_meeting(published.pk)

    text = all_text(published)
    for secret in (SECRET_TITLE, SECRET_DESCRIPTION, "Oak Road"):
        assert secret not in text


def test_a_meeting_not_yet_published_or_private_is_not_indexed(warwickshire, meeting, open_item, chair):
    private = schedule(warwickshire, title="Tasking group", is_public=False)
    services.agree_agenda(meeting=private, by=chair)
    services.circulate_agenda(meeting=private, by=chair)

    assert sync_meeting(meeting.pk) == []  # public, but its agenda has not gone out
    assert sync_meeting(private.pk) == []
    give_published_minutes(private)  # even were a private meeting's minutes ever confirmed
    assert sync_meeting(private.pk) == []
    assert not Publication.objects.exists()


def test_published_minutes_and_their_decisions_are_indexed(published):
    give_published_minutes(published)

    sync_meeting(published.pk)

    index = rows(published)
    minutes = index[f"minutes:{published.pk}"]
    assert minutes.kind == "minutes"
    assert minutes.path.endswith(f"/meetings/{published.pk}/#minutes")
    assert "hotspots in Bedworth" in minutes.text
    decision = index[f"decision:{published.pk}:12"]
    assert decision.kind == "decision"
    assert decision.title == "Decision 12: Adopt the serious violence strategy"
    assert decision.path.endswith(f"/meetings/{published.pk}/#decision-12")


@pytest.mark.parametrize("status", [MinutesStatus.DRAFT, MinutesStatus.APPROVED, MinutesStatus.CIRCULATED])
def test_minutes_not_confirmed_are_never_indexed(published, status):
    at = None if status == MinutesStatus.DRAFT else published.agenda_circulated_at
    circulated = published.agenda_circulated_at if status == MinutesStatus.CIRCULATED else None
    Minutes.objects.create(meeting=published, status=status, approved_at=at, circulated_at=circulated)

    sync_meeting(published.pk)

    assert not any(key.startswith(("minutes:", "decision:")) for key in rows(published))


def test_the_live_minutes_are_never_read_only_the_published_snapshot(published):
    minutes = give_published_minutes(published)
    Minutes.objects.filter(pk=minutes.pk).update(public_html="<p>Changed since</p>")
    AgendaItem.objects.filter(meeting=published, title=OPEN_TITLE).update(title="Renamed since")

    sync_meeting(published.pk)

    assert OPEN_TITLE in rows(published)[f"minutes:{published.pk}"].text


def test_an_item_made_confidential_is_taken_out(published, paper):
    sync_meeting(published.pk)
    AgendaItem.objects.filter(pk=paper.agenda_item_id).update(is_confidential=True, confidential_reason="personal")

    sync_meeting(published.pk)

    index = rows(published)
    assert f"paper:{paper.pk}" not in index
    assert OPEN_TITLE not in index[f"agenda:{published.pk}"].text


def test_a_meeting_made_private_is_taken_out_by_the_sweep(published):
    give_published_minutes(published)
    sync_all()
    assert rows(published)
    Meeting.objects.filter(pk=published.pk).update(is_public=False)

    sync_all()

    assert not rows(published)


def test_syncing_again_changes_nothing_and_an_unchanged_row_keeps_its_date(published, paper):
    sync_meeting(published.pk)
    before = {key: (row.published_at, row.updated_at, row.text) for key, row in rows(published).items()}

    with time_machine.travel(datetime.timedelta(days=2)):
        assert sync_meeting(published.pk) == []
    assert {key: (row.published_at, row.updated_at, row.text) for key, row in rows(published).items()} == before


def test_a_changed_row_is_updated_and_keeps_its_first_date(published, paper):
    sync_meeting(published.pk)
    first = rows(published)[f"paper:{paper.pk}"]
    Paper.objects.filter(pk=paper.pk).update(title="Serious violence strategy, revised")

    with time_machine.travel(datetime.timedelta(days=2)):
        assert sync_meeting(published.pk) == []
    changed = rows(published)[f"paper:{paper.pk}"]
    assert changed.title == "Serious violence strategy, revised"
    assert changed.published_at == first.published_at
    assert changed.updated_at > first.updated_at
    assert PDF_WORDS in changed.text


def test_a_file_that_cannot_be_read_is_skipped(published, paper, media):
    stored = paper.files.get()
    with stored.file.open("wb") as broken:
        broken.write(b"%PDF-1.7 this is not really a PDF")

    sync_meeting(published.pk)

    assert rows(published)[f"paper:{paper.pk}"].title == PAPER_TITLE


def test_new_rows_are_announced_once_the_transaction_commits(published, django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, partnership_id, publications, **kwargs):
        heard.append((partnership_id, [row.key for row in publications]))

    publications_added.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sync_meeting(published.pk)
        with django_capture_on_commit_callbacks(execute=True):
            sync_meeting(published.pk)  # nothing new: nothing announced
    finally:
        publications_added.disconnect(listener)

    assert len(heard) == 1
    assert heard[0][0] == published.partnership_id
    assert set(heard[0][1]) == set(rows(published))


def test_circulating_a_public_agenda_indexes_it(
    meeting, open_item, chair, secretariat, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the index hears through a Celery task
    services.agree_agenda(meeting=meeting, by=chair)
    with django_capture_on_commit_callbacks(execute=True):
        services.circulate_agenda(meeting=meeting, by=secretariat)

    assert f"agenda:{meeting.pk}" in rows(meeting)


def test_a_paper_added_to_an_open_item_after_circulation_is_indexed(
    published, open_item, secret_item, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the index hears through a Celery task
    with django_capture_on_commit_callbacks(execute=True):
        late = services.add_paper(agenda_item=open_item, title="Late paper on knife arches", late_reason="New data")
    assert f"paper:{late.pk}" in rows(published)

    with django_capture_on_commit_callbacks(execute=True):
        services.add_paper(agenda_item=secret_item, title="Secret annex", late_reason="New data")
    assert "Secret annex" not in all_text(published)


def _queries(meeting_id) -> int:
    Publication.objects.all().delete()
    with CaptureQueriesContext(connection) as context:
        sync_meeting(meeting_id)
    return len(context)


def test_a_fixed_number_of_queries_per_meeting(published):
    give_published_minutes(published)
    few = _queries(published.pk)
    for n in range(30):  # straight into the tables: the meeting has been held
        item = AgendaItem.objects.create(
            meeting=published, position=100 + n, title=f"Late item {n}", purpose="information"
        )
        Paper.objects.create(agenda_item=item, title=f"Paper {n}")
    give_published_minutes(published, decisions=[{"number": n, "text": f"Decision {n}"} for n in range(1, 40)])
    many = _queries(published.pk)

    assert Publication.objects.filter(meeting=published).count() > 60
    assert many == few
