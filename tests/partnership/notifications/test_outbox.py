"""The outbox: a notice is recorded once per recipient under its key, sent once, retried when
the mail server fails, given up after five tries, and taken up again when a worker died holding
it."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partnership.models import Notification, NotificationStatus
from partnership.notifications.delivery import MAX_ATTEMPTS, deliver, deliver_waiting
from partnership.notifications.recording import Notice, Recipient, record
from partnership.tasks import NotificationsNotSentError, deliver_notifications


def a_notice(partnership, *, occasion="2026-12-08", recipients=None) -> Notice:
    return Notice(
        partnership_id=partnership.pk,
        partnership_name=partnership.name,
        kind="agenda_due_soon",
        about="meeting:1",
        occasion=occasion,
        recipients=recipients
        or (
            Recipient(email="Sam.Secretariat@Example.org", name="Sam Secretariat"),
            Recipient(email="carol.chair@warwickshire.example.org", name="Carol Chair"),
        ),
        subject="Agenda due on Tuesday 8 December: Board meeting",
        paragraphs=("The agenda must go to members by Tuesday 8 December 2026.", "It has not gone out <yet>."),
        link="/partnerships/warwickshire-scp/meetings/1/",
        link_text="Circulate the agenda",
        why="You get this as the partnership's secretariat.",
    )


class BrokenBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def broken_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"


def test_a_notice_is_recorded_once_per_recipient_under_its_key(warwickshire):
    rows = record([a_notice(warwickshire)])

    assert sorted(row.recipient_email for row in rows) == [
        "carol.chair@warwickshire.example.org",
        "sam.secretariat@example.org",
    ]
    assert Notification.objects.filter(status=NotificationStatus.PENDING).count() == 2
    assert record([a_notice(warwickshire)]) == []  # the same key again: nothing
    assert record([a_notice(warwickshire, occasion="2026-12-15")])  # a new deadline is a new notice
    assert Notification.objects.count() == 4


def test_recording_twice_in_one_run_and_a_recipient_without_an_address_are_skipped(warwickshire):
    notice = a_notice(warwickshire, recipients=(Recipient(email=""), Recipient(email="mo@example.org")))

    rows = record([notice, notice])

    assert [row.recipient_email for row in rows] == ["mo@example.org"]


def reads(queries) -> int:
    return sum(query["sql"].lstrip().upper().startswith("SELECT") for query in queries)


def test_recording_reads_a_fixed_number_of_queries(warwickshire):
    """Two reads whatever the number of notices; the inserts are batched by the database."""
    notices = [a_notice(warwickshire, occasion=f"2026-12-{day:02}") for day in range(1, 29)]
    with CaptureQueriesContext(connection) as first:
        assert len(record(notices)) == 2 * len(notices)
    with CaptureQueriesContext(connection) as again:
        assert record(notices) == []

    assert reads(first.captured_queries) == 2
    assert len(again.captured_queries) == 1


def test_recording_queues_the_sending_once_the_transaction_commits(
    warwickshire, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        record([a_notice(warwickshire)])
    assert mailoutbox == []  # nothing leaves before the commit

    for callback in callbacks:
        callback()

    assert len(mailoutbox) == 2


def test_an_email_has_text_and_html_a_link_and_the_secretariats_reply_address(warwickshire, mailoutbox):
    record([a_notice(warwickshire)])

    result = deliver_waiting()

    assert len(result.sent) == 2
    assert result.failed == []
    message = next(m for m in mailoutbox if m.to == ["sam.secretariat@example.org"])
    assert message.subject == "Agenda due on Tuesday 8 December: Board meeting"
    assert message.reply_to == [warwickshire.secretariat_email]
    assert "Dear Sam Secretariat," in message.body
    assert "It has not gone out <yet>." in message.body
    assert "Circulate the agenda: http://127.0.0.1:8000/partnerships/warwickshire-scp/meetings/1/" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html"
    assert "It has not gone out &lt;yet&gt;." in html
    assert '<a href="http://127.0.0.1:8000/partnerships/warwickshire-scp/meetings/1/"' in html
    sent = Notification.objects.get(recipient_email="sam.secretariat@example.org")
    assert sent.status == NotificationStatus.SENT
    assert sent.sent_at is not None
    assert sent.attempts == 1


def test_a_sent_notification_is_never_sent_again(warwickshire, mailoutbox):
    [row, _] = record([a_notice(warwickshire)])
    deliver_waiting()

    assert deliver(row.pk) == (None, False)
    assert deliver_waiting().sent == []
    assert len(mailoutbox) == 2


def test_a_refused_email_waits_to_be_tried_again_and_is_given_up_after_five_tries(warwickshire, broken_mail):
    record([a_notice(warwickshire, recipients=(Recipient(email="mo@example.org"),))])

    result = deliver_waiting()

    assert result.sent == []
    assert len(result.failed) == 1
    row = Notification.objects.get()
    assert (row.status, row.attempts) == (NotificationStatus.PENDING, 1)
    assert row.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    for _ in range(MAX_ATTEMPTS - 1):
        deliver_waiting()
    row.refresh_from_db()
    assert (row.status, row.attempts) == (NotificationStatus.FAILED, MAX_ATTEMPTS)
    assert deliver_waiting().failed == []  # no longer tried


def test_the_task_asks_celery_to_retry_when_an_email_was_refused(warwickshire, broken_mail):
    record([a_notice(warwickshire)])

    with pytest.raises(NotificationsNotSentError, match="2 notification"):
        deliver_notifications.run()


def test_a_claim_left_by_a_dead_worker_is_taken_up_after_the_timeout_and_not_before(warwickshire, mailoutbox):
    [row, _] = record([a_notice(warwickshire)])
    now = timezone.now()
    Notification.objects.filter(pk=row.pk).update(status=NotificationStatus.SENDING, claimed_at=now, attempts=1)

    assert deliver(row.pk, now=now + datetime.timedelta(minutes=9)) == (None, False)  # still its worker's
    notification, went = deliver(row.pk, now=now + datetime.timedelta(minutes=11))

    assert went
    assert notification.attempts == 2
    assert [m.to for m in mailoutbox] == [[row.recipient_email]]


def test_check_deadlines_prints_what_it_sent_and_sends_nothing_twice(warwickshire, capsys, mailoutbox):
    record([a_notice(warwickshire)])

    call_command("check_deadlines")
    first = capsys.readouterr().out
    call_command("check_deadlines")
    second = capsys.readouterr().out

    assert "Sent: Agenda due on Tuesday 8 December: Board meeting (to sam.secretariat@example.org)" in first
    assert "sent 2." in first
    assert "Recorded 0 new notifications; sent 0." in second
    assert len(mailoutbox) == 2


class PickyBackend:
    """A mail backend that fails on one address with an error that is not the mail server's."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        if any("carol" in to for message in messages for to in message.to):
            raise ValueError("a bug while building the message")
        mail.outbox.extend(messages)
        return len(messages)


def test_a_row_that_fails_for_any_reason_waits_and_the_rest_of_the_outbox_goes(warwickshire, settings):
    settings.EMAIL_BACKEND = f"{__name__}.PickyBackend"
    mail.outbox = []
    record([a_notice(warwickshire)])

    result = deliver_waiting()

    assert [n.recipient_email for n in result.sent] == ["sam.secretariat@example.org"]
    stuck = Notification.objects.get(recipient_email="carol.chair@warwickshire.example.org")
    assert (stuck.status, stuck.attempts) == (NotificationStatus.PENDING, 1)
    assert stuck.last_error == "ValueError: a bug while building the message"


def test_a_subject_is_kept_to_one_line(warwickshire):
    notice = a_notice(warwickshire)
    one_line = Notice(**{**notice.__dict__, "subject": "Milestone overdue:\nProtocol\r\n drafted"})

    [row, _] = record([one_line])

    assert row.subject == "Milestone overdue: Protocol drafted"


def test_each_claim_is_stamped_when_made_not_when_the_batch_began(warwickshire):
    """A batch that began long ago (a slow mail server) stamps each claim with its own time, so
    a second worker does not take a row claimed late in the batch for abandoned."""
    record([a_notice(warwickshire)])
    batch_began = timezone.now() - datetime.timedelta(minutes=20)

    deliver_waiting(now=batch_began)

    for claimed_at in Notification.objects.values_list("claimed_at", flat=True):
        assert claimed_at > timezone.now() - datetime.timedelta(minutes=1)


def test_a_row_whose_every_try_died_with_its_worker_is_marked_not_sent(warwickshire, mailoutbox):
    [row, other] = record([a_notice(warwickshire)])
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Notification.objects.filter(pk=row.pk).update(
        status=NotificationStatus.SENDING, claimed_at=long_ago, attempts=MAX_ATTEMPTS
    )

    deliver_waiting()

    row.refresh_from_db()
    assert row.status == NotificationStatus.FAILED
    assert row.last_error == "The worker sending it stopped on every try."
    assert [m.to for m in mailoutbox] == [[other.recipient_email]]


def test_a_row_deleted_after_a_worker_claimed_it_is_skipped(warwickshire, mailoutbox, monkeypatch):
    """A resident who unsubscribes takes their emails with them, even one a worker has just claimed."""
    from django.db.models import QuerySet

    first, second = record([a_notice(warwickshire)])
    claim = QuerySet.update

    def claim_then_unsubscribe(queryset, **changes):
        claimed = claim(queryset, **changes)
        Notification.objects.filter(pk=first.pk).delete()
        return claimed

    monkeypatch.setattr(QuerySet, "update", claim_then_unsubscribe)
    assert deliver(first.pk) == (None, False)
    monkeypatch.undo()

    delivery = deliver_waiting()

    assert [row.pk for row in delivery.sent] == [second.pk]
    assert [message.to for message in mailoutbox] == [[second.recipient_email]]
