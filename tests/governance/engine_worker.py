"""A Celery worker for the engine's fault tests, started by them as a process of its own.
With ENGINE_FAULT set it stops dead at a chosen point, after writing ENGINE_MARKER, so the test
can kill it exactly there:

- mid-sweep: the sweep has recorded its notifications but not committed them;
- mid-delivery: the first notification is sent, the second is claimed and half way out.

With ENGINE_NOW set (an ISO datetime) the worker lives from that moment on, as the tests do, so
a test can ask it for the reminders of a chosen working day."""

import os
import pathlib
import time

import django
import time_machine

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
django.setup()

FAULT = os.environ.get("ENGINE_FAULT", "")


def hang() -> None:
    pathlib.Path(os.environ["ENGINE_MARKER"]).write_text(FAULT)
    time.sleep(600)


def break_the_sweep() -> None:
    from governance.deadlines import sweep

    record = sweep.record

    def record_then_hang(*args, **kwargs):
        rows = record(*args, **kwargs)
        hang()
        return rows

    sweep.record = record_then_hang


def break_the_delivery() -> None:
    from partnership.notifications import delivery

    make_message = delivery._message
    made = []

    def message_that_hangs_second(notification):
        message = make_message(notification)
        made.append(notification.pk)
        if len(made) == 2:
            message.send = lambda *args, **kwargs: hang()
        return message

    delivery._message = message_that_hangs_second


def consume_the_test_queue() -> None:
    """One quiet worker process, taking tasks from the test's own queue (CELERY_QUEUE) only."""
    from partnership.celery import app

    app.worker_main(
        [
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
            "--queues",
            os.environ["CELERY_QUEUE"],
        ]
    )


if __name__ == "__main__":
    if os.environ.get("ENGINE_NOW"):
        time_machine.travel(os.environ["ENGINE_NOW"], tick=True).start()
    {"mid-sweep": break_the_sweep, "mid-delivery": break_the_delivery}.get(FAULT, lambda: None)()
    consume_the_test_queue()
