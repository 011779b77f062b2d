"""When the task that tells residents of new publications is lost (Redis restarted before a
worker took it), the database still says they are owed the news: the next deadline sweep tells
each confirmed subscriber once, and the task, found after all, adds nothing
(governance/deadlines/announcements.py, issue 8)."""

import datetime
import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from governance import tasks
from governance.deadlines.announcements import LOOK_BACK, record_missed_announcements
from governance.models import Publication
from governance.publications.signals import publications_added
from partnership.models import Notification
from tests.factories import NotificationFactory

from .conftest import publication, subscription

NEWS = "new_publications"


def lost_news(partnership, *rows) -> list:
    """Announce the rows as the sync does, with the task lost on its way to a worker."""
    with mock.patch.object(tasks.tell_subscribers_of_publications, "delay") as delay:
        publications_added.send(sender=Publication, partnership_id=partnership.pk, publications=list(rows))
    return delay.call_args_list


@pytest.fixture
def residents(warwickshire, other_partnership):
    subscription(warwickshire, "rita@example.org")
    subscription(warwickshire, "sam@example.org")
    subscription(warwickshire, "pending@example.org", confirmed=False)
    subscription(other_partnership, "rugby@example.org")


@pytest.mark.usefixtures("no_delivery", "residents")
def test_the_next_sweep_tells_each_confirmed_subscriber_once_of_what_a_lost_task_owed(warwickshire):
    agenda = publication(warwickshire, "agenda:1", "Agenda: Board meeting, 8 December 2026")
    paper = publication(warwickshire, "paper:2", "Paper: Serious violence duty", age=datetime.timedelta(days=6))
    assert lost_news(warwickshire, agenda, paper) == [mock.call(warwickshire.pk, [agenda.pk, paper.pk])]
    assert not Notification.objects.exists()

    assert record_missed_announcements() == 2

    emails = Notification.objects.filter(kind=NEWS).order_by("recipient_email")
    assert [email.recipient_email for email in emails] == ["rita@example.org", "sam@example.org"]
    for email in emails:
        assert "Agenda: Board meeting, 8 December 2026" in email.body_text
        assert "Paper: Serious violence duty" in email.body_text
    assert Publication.objects.filter(subscribers_told_at__isnull=True).count() == 0


@pytest.mark.usefixtures("no_delivery", "residents")
def test_the_lost_task_found_after_the_sweep_and_a_second_sweep_send_nothing_more(warwickshire):
    new = [publication(warwickshire, "agenda:1", "Agenda"), publication(warwickshire, "paper:2", "Paper")]
    lost_news(warwickshire, *new)
    assert record_missed_announcements() == 2

    assert tasks.tell_subscribers_of_publications(warwickshire.pk, [row.pk for row in new]) == 0
    assert record_missed_announcements() == 0

    assert Notification.objects.filter(kind=NEWS).count() == 2


@pytest.mark.usefixtures("no_delivery", "residents")
def test_when_the_task_ran_the_sweep_sends_nothing_more(warwickshire):
    new = [publication(warwickshire, "agenda:1", "Agenda")]

    assert tasks.tell_subscribers_of_publications(warwickshire.pk, [row.pk for row in new]) == 2
    assert record_missed_announcements() == 0

    assert Notification.objects.filter(kind=NEWS).count() == 2


@pytest.mark.usefixtures("no_delivery", "residents")
def test_news_older_than_the_look_back_is_not_sent(warwickshire):
    publication(warwickshire, "agenda:1", "Agenda of last month", age=LOOK_BACK + datetime.timedelta(minutes=1))

    assert record_missed_announcements() == 0

    assert not Notification.objects.exists()


@pytest.mark.usefixtures("no_delivery", "residents")
def test_a_publication_gone_from_the_index_is_not_sent(warwickshire):
    kept = publication(warwickshire, "agenda:1", "Agenda: Board meeting")
    gone = publication(warwickshire, "paper:2", "Paper withdrawn from the public")
    lost_news(warwickshire, kept, gone)
    gone.delete()

    record_missed_announcements()

    for email in Notification.objects.filter(kind=NEWS):
        assert "Agenda: Board meeting" in email.body_text
        assert "Paper withdrawn from the public" not in email.body_text


@pytest.mark.usefixtures("no_delivery")
def test_unconfirmed_subscribers_get_nothing_and_the_news_is_marked_told(warwickshire):
    subscription(warwickshire, "pending@example.org", confirmed=False)
    lost_news(warwickshire, publication(warwickshire, "agenda:1", "Agenda"))

    assert record_missed_announcements() == 0

    assert not Notification.objects.exists()
    assert not Publication.objects.filter(subscribers_told_at__isnull=True).exists()  # nothing is owed


@pytest.mark.usefixtures("no_delivery")
def test_each_partnership_is_told_only_its_own_news(warwickshire, other_partnership):
    subscription(warwickshire, "rita@example.org")
    subscription(other_partnership, "rugby@example.org")
    lost_news(warwickshire, publication(warwickshire, "agenda:1", "Warwickshire agenda"))
    lost_news(other_partnership, publication(other_partnership, "agenda:2", "Rugby agenda"))

    assert record_missed_announcements() == 2

    bodies = dict(Notification.objects.filter(kind=NEWS).values_list("recipient_email", "body_text"))
    assert "Warwickshire agenda" in bodies["rita@example.org"]
    assert "Rugby agenda" not in bodies["rita@example.org"]
    assert "Rugby agenda" in bodies["rugby@example.org"]


@pytest.mark.usefixtures("residents")
def test_the_check_deadlines_command_sends_the_lost_news_once(warwickshire, mailoutbox, capsys):
    new = [
        publication(warwickshire, "agenda:1", "Agenda: Board meeting"),
        publication(warwickshire, "paper:2", "Paper"),
    ]
    lost_news(warwickshire, *new)

    call_command("check_deadlines")
    call_command("check_deadlines")
    assert tasks.tell_subscribers_of_publications(warwickshire.pk, [row.pk for row in new]) == 0

    news = [message for message in mailoutbox if message.subject.startswith("New from")]
    assert sorted(message.to[0] for message in news) == ["rita@example.org", "sam@example.org"]
    assert all("Agenda: Board meeting" in message.body and "Paper" in message.body for message in news)
    assert "Sent: New from Warwickshire Safer Communities Partnership (to rita@example.org)" in capsys.readouterr().out


def test_rows_indexed_before_the_release_are_marked_told_when_they_were(warwickshire):
    """Older than the sweep's week: told at their publication. Newer: told if the partnership's
    subscribers were emailed news after the row was written (its task ran); otherwise left for
    the task still queued at the deploy, or the sweep."""
    migration = importlib.import_module("governance.migrations.0007_publication_subscribers_told_at")
    old = publication(warwickshire, "agenda:1", "Agenda of last year", age=datetime.timedelta(days=300))
    already = publication(warwickshire, "paper:2", "Paper of yesterday", age=datetime.timedelta(days=1))
    told = timezone.now()
    Publication.objects.filter(pk=already.pk).update(subscribers_told_at=told)
    emailed = publication(warwickshire, "paper:3", "Paper of two days ago", age=datetime.timedelta(days=2))
    queued = publication(warwickshire, "paper:4", "Paper of an hour ago", age=datetime.timedelta(hours=1))
    subscription(warwickshire, "rita@example.org")
    NotificationFactory(
        partnership=warwickshire,
        kind=NEWS,
        recipient_email="rita@example.org",
        created_at=timezone.now() - datetime.timedelta(days=1, hours=12),
    )

    migration.mark_existing_told(apps, schema_editor=None)

    for row in (old, already, emailed, queued):
        row.refresh_from_db()
    assert old.subscribers_told_at == old.published_at
    assert already.subscribers_told_at == told  # a row already told keeps its moment
    assert emailed.subscribers_told_at == emailed.updated_at
    assert queued.subscribers_told_at is None
    assert record_missed_announcements() == 1  # the queued row's news, to Rita
    assert "Paper of an hour ago" in Notification.objects.filter(kind=NEWS).latest("pk").body_text


def lost_news_of(partnerships, *, publications: int, subscribers: int) -> None:
    for partnership in partnerships:
        for number in range(subscribers):
            subscription(partnership, f"resident{number}@example.org")
        rows = [
            publication(partnership, f"paper:{partnership.pk}:{number}", f"Paper {number}")
            for number in range(publications)
        ]
        lost_news(partnership, *rows)


def sweep_queries() -> tuple[int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        recorded = record_missed_announcements()
    return len(queries.captured_queries), recorded


@pytest.mark.usefixtures("no_delivery")
def test_the_sweep_takes_a_fixed_number_of_queries_whatever_the_partnerships_publications_and_subscribers(
    warwickshire, other_partnership
):
    """(SQLite's limit on parameters splits the outbox's insert past about 58 emails in one go:
    the sizes stay under it.)"""
    from tests.factories import PartnershipFactory

    lost_news_of([warwickshire], publications=1, subscribers=1)
    few, recorded = sweep_queries()
    assert recorded == 1

    more = [other_partnership, *PartnershipFactory.create_batch(4)]
    lost_news_of(more, publications=8, subscribers=10)
    many, recorded = sweep_queries()
    assert recorded == 5 * 10
    assert many == few
