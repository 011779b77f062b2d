"""Two workers sweeping at the same moment, over the same due deadlines, record each notification
once and send it once: real Celery workers on a Redis of the test's own and the test database."""

import time

import pytest
from django.db import connection

from governance.deadlines.sweep import find_notices
from partnership.models import Notification, NotificationStatus

from .data import members_who_have_not_acknowledged
from .harness import real_now
from .outbox import messages_per_notification, statuses

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_workers_sweeping_at_the_same_moment_record_and_send_each_notification_once(cluster):
    """On PostgreSQL the two sweeps are held inside their transactions until both have read the
    outbox and found it empty, so both write every notification at the same moment: the unique
    key lets one write each row and the other skip it, and the claim lets one worker send each.
    SQLite cannot run two writing transactions at once (the project opens them IMMEDIATE), so
    there the second sweep waits for the first to commit and finds everything recorded."""
    postgres = connection.vendor == "postgresql"
    today = real_now().date()
    for n in range(3):
        members_who_have_not_acknowledged(n, members=30, today=today)
    due = sum(len(notice.recipients) for notice in find_notices(now=real_now()))
    workers = [cluster.start_worker(sweepers=2 if postgres else 1) for _ in range(2)]
    cluster.wait_until_ready(*workers)

    cluster.sweep()
    cluster.sweep()  # both workers are idle: each takes one
    cluster.wait_for("every notification to be sent", lambda: statuses() == {NotificationStatus.SENT: due})
    time.sleep(2)  # a second sending, or a late sweep's rows, would show now

    reads = {int(path.name.split("-")[1]): int(path.read_text()) for path in cluster.sweeps.glob("read-*")}
    assert set(reads) == {worker.pid for worker in workers}  # each worker swept once
    if postgres:
        assert list(cluster.sweeps.glob("alone-*")) == []  # they met inside their transactions
        assert sorted(reads.values()) == [0, 0]  # both found nothing recorded and wrote everything
    else:
        assert sorted(reads.values()) == [0, due]  # the second read the first's rows, once committed
    assert Notification.objects.count() == due
    counts = messages_per_notification(cluster.accepted())
    assert set(counts.values()) == {1}
    assert len(counts) == due >= 150
