"""The Celery app reaches its broker (the filesystem one by default, Redis with REDIS_URL) and
is set up so that work is not lost when a worker dies."""

import os
import uuid

from partnership.celery import app


def test_work_is_acknowledged_only_once_done():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.beat_scheduler == "django_celery_beat.schedulers:DatabaseScheduler"


def test_redis_is_the_broker_when_configured():
    expected = os.environ.get("REDIS_URL") or "filesystem://"
    assert app.conf.broker_url == expected


def test_a_message_goes_through_the_configured_broker():
    queue_name = f"test-{uuid.uuid4().hex}"
    with app.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1)
        queue = connection.SimpleQueue(queue_name)
        try:
            queue.put({"hello": "partnership"})
            message = queue.get(timeout=5)
            message.ack()
            assert message.payload == {"hello": "partnership"}
        finally:
            queue.clear()
            queue.close()
