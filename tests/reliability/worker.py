"""A real Celery worker for the reliability tests, started by them as a process of its own, on
the broker and database they give it. Mail goes to tests/reliability/mailbox.py's counting
server. It writes a file in RELIABILITY_READY once it consumes, so a test can send work to
several idle workers at the same moment. Each sweep leaves a file in RELIABILITY_SWEEPS once it
has read the outbox, inside its transaction; with RELIABILITY_SWEEPERS above one it then waits
there until that many sweeps have read it too, so they write the same notifications at the same
moment."""

import os
import pathlib
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnership.settings")
django.setup()

from tests.governance.engine_worker import consume_the_test_queue  # noqa: E402

BARRIER_SECONDS = 30


def mail_to_the_counting_server() -> None:
    from django.conf import settings

    settings.EMAIL_BACKEND = "tests.reliability.mailbox.CountingBackend"


def say_when_ready() -> None:
    from celery.signals import worker_ready

    def ready(**kwargs):
        pathlib.Path(os.environ["RELIABILITY_READY"], str(os.getpid())).write_text("ready")

    worker_ready.connect(ready, weak=False)


def sweeps_meet_after_reading(barrier: pathlib.Path, sweepers: int) -> None:
    from partnership.notifications import recording

    read_outbox = recording._recorded_keys
    reads = []

    def read_then_wait(notices):
        keys = read_outbox(notices)
        reads.append(len(keys))
        (barrier / f"read-{os.getpid()}-{len(reads)}").write_text(str(len(keys)))
        deadline = time.monotonic() + BARRIER_SECONDS
        while len(list(barrier.glob("read-*"))) < sweepers:
            if time.monotonic() > deadline:
                (barrier / f"alone-{os.getpid()}").write_text("no other sweep came")
                break
            time.sleep(0.02)
        return keys

    recording._recorded_keys = read_then_wait


if __name__ == "__main__":
    mail_to_the_counting_server()
    say_when_ready()
    sweeps_meet_after_reading(
        pathlib.Path(os.environ["RELIABILITY_SWEEPS"]), int(os.environ.get("RELIABILITY_SWEEPERS") or 1)
    )
    consume_the_test_queue()
